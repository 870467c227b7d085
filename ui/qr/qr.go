// Package qr draws text as a QR code on a terminal, so that a secret can be
// moved to a phone by pointing its camera at the screen, without a
// clipboard or a file in between.
//
// The code is drawn in Unicode half blocks (▀ ▄ █ and space): a character
// cell is about twice as tall as it is wide, so two modules stacked in one
// cell come out close to square, and the code needs half the rows it would
// with one module per cell. Around it is the standard quiet zone of four
// light modules, without which many readers do not find the code at all.
//
// A QR code is read as dark modules on a light ground. Plain text has no
// colour of its own — a block is drawn in the terminal's foreground colour —
// so the caller says which way round the terminal is (Options.Invert), or
// lets the package set the colours itself (Options.Paint).
package qr

import (
	"strings"

	"rsc.io/qr"
)

// QuietZone is the width, in modules, of the light border around the code:
// the four the QR standard asks for.
const QuietZone = 4

// Options say how to draw a code.
type Options struct {
	// Invert draws the light modules as blocks and leaves the dark ones
	// blank: for a terminal with light text on a dark background, where a
	// block is light. Without it the dark modules are the blocks, which is
	// right for dark text on a light background. Chosen to match the
	// terminal, either way the code comes out dark on light, which every
	// reader decodes; readers that also try the negative are common (phone
	// cameras mostly do) but not universal.
	Invert bool

	// Paint wraps each line in escape sequences that set the colours
	// itself — black blocks on white when Invert is false, white blocks on
	// black when it is true, so dark on light both ways — for a caller that
	// does not know the terminal's background. The colours are 16 and 231
	// of the 256-colour palette, pure black and white in every terminal
	// that has the palette; colour schemes recolour only the first 16
	// entries, so the plain "black" and "white" could come out close
	// together on some.
	Paint bool
}

// Escape sequences for Paint: the ink (the colour of a block) is the
// foreground, the other colour the background.
const (
	paintDarkInk  = "\x1b[38;5;16;48;5;231m"
	paintLightInk = "\x1b[38;5;231;48;5;16m"
	paintReset    = "\x1b[0m"
)

// Lines draws text as a QR code, one string per terminal row, each the same
// number of cells wide (see Size). The rows hold only ▀ ▄ █ and spaces, plus
// the escape sequences at either end with Paint. The error says why the
// text cannot be drawn (empty, or too long for a QR code); it never
// contains the text.
func Lines(text string, opt Options) ([]string, error) {
	code, err := encode(text)
	if err != nil {
		return nil, err
	}
	w, h := cells(code.Size)
	// ink reports whether the module at (x, y) of the drawing, quiet zone
	// included, is drawn as a block. Rows past the bottom (the lower half
	// of the last row of cells: the drawing is an odd number of modules
	// tall) continue the light quiet zone.
	ink := func(x, y int) bool {
		return code.Black(x-QuietZone, y-QuietZone) != opt.Invert
	}
	lines := make([]string, h)
	var b strings.Builder
	for row := range lines {
		b.Reset()
		if opt.Paint {
			if opt.Invert {
				b.WriteString(paintLightInk)
			} else {
				b.WriteString(paintDarkInk)
			}
		}
		for x := range w {
			b.WriteString(glyph(ink(x, 2*row), ink(x, 2*row+1)))
		}
		if opt.Paint {
			b.WriteString(paintReset)
		}
		lines[row] = b.String()
	}
	return lines, nil
}

// Size is the number of terminal cells the code of text takes, quiet zone
// included: callers check the screen is large enough before drawing. The
// error is the one Lines would return.
func Size(text string) (width, height int, err error) {
	code, err := encode(text)
	if err != nil {
		return 0, 0, err
	}
	width, height = cells(code.Size)
	return width, height, nil
}

// cells is the drawing's size in cells for a code of size modules a side:
// one module per cell across, two per cell down.
func cells(size int) (width, height int) {
	n := size + 2*QuietZone
	return n, (n + 1) / 2
}

// glyph is the cell whose upper half is inked if top is, and lower half if
// bottom is.
func glyph(top, bottom bool) string {
	switch {
	case top && bottom:
		return "█"
	case top:
		return "▀"
	case bottom:
		return "▄"
	}
	return " "
}

// encode is the code for text at the package's error-correction level.
func encode(text string) (*qr.Code, error) {
	if err := check(text); err != nil {
		return nil, err
	}
	code, err := qr.Encode(text, level)
	if err != nil {
		// check has ruled out every error the encoder is known to
		// return; its messages could quote the text, so say only what
		// failed.
		return nil, errEncoder
	}
	return code, nil
}
