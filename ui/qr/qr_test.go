package qr

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"rsc.io/qr"
)

// The drawings are read back into modules and compared with the encoder's
// own matrix, so a wrong glyph, a row pairing off by one or a misplaced
// quiet zone all fail, whatever the code looks like.

// sample is a set of texts of the kinds sesame draws, from a PIN to the
// largest code there is, in each of the encoder's three modes.
func sample() map[string]string {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(alphabet string, n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	printable := ""
	for c := byte('!'); c <= '~'; c++ {
		printable += string(c)
	}
	return map[string]string{
		"pin":          "4821",
		"pin6":         "093712",
		"password20":   `k"7R}q;Vz!4m^T(w&Xa3`,
		"passphrase":   "unhappy-cobweb-snooze-reflex-gravel-scheme",
		"hex64":        pick("0123456789abcdef", 64),
		"base32":       pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 52),
		"unicode":      "pässwörd-✓-日本",
		"one":          "x",
		"maxBytes":     pick(printable, MaxBytes),
		"maxAlnum":     pick("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", MaxAlphanumeric),
		"maxDigits":    pick("0123456789", MaxDigits),
		"password2000": pick(printable, 2000), // long, still below MaxBytes
	}
}

// drawn reads lines back into a matrix of modules, true where the module is
// dark, undoing Invert and checking the rows hold nothing but half blocks
// and spaces (after Paint's escapes, which it checks and removes).
func drawn(t *testing.T, lines []string, opt Options) [][]bool {
	t.Helper()
	var modules [][]bool
	for i, line := range lines {
		if opt.Paint {
			open := paintDarkInk
			if opt.Invert {
				open = paintLightInk
			}
			inner, ok := strings.CutPrefix(line, open)
			inner, ok2 := strings.CutSuffix(inner, paintReset)
			if !ok || !ok2 {
				t.Fatalf("row %d: not wrapped in the paint sequences: %q", i, line)
			}
			line = inner
		}
		top, bottom := make([]bool, 0, len(line)), make([]bool, 0, len(line))
		for _, r := range line {
			var a, b bool // inked halves
			switch r {
			case ' ':
			case '▀':
				a = true
			case '▄':
				b = true
			case '█':
				a, b = true, true
			default:
				t.Fatalf("row %d holds %q", i, r)
			}
			top, bottom = append(top, a != opt.Invert), append(bottom, b != opt.Invert)
		}
		modules = append(modules, top, bottom)
	}
	return modules
}

// expected is the encoder's matrix for text inside a light quiet zone of
// QuietZone modules, plus one light row at the bottom when the drawing's
// height is odd (the lower half of the last row of cells).
func expected(t *testing.T, text string) [][]bool {
	t.Helper()
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	n := code.Size + 2*QuietZone
	m := make([][]bool, n+n%2)
	for y := range m {
		m[y] = make([]bool, n)
		for x := range m[y] {
			cx, cy := x-QuietZone, y-QuietZone
			if cx >= 0 && cx < code.Size && cy >= 0 && cy < code.Size {
				m[y][x] = code.Black(cx, cy)
			}
		}
	}
	return m
}

func TestLinesMatchEncoder(t *testing.T) {
	for name, text := range sample() {
		for _, opt := range []Options{{}, {Invert: true}, {Paint: true}, {Invert: true, Paint: true}} {
			t.Run(fmt.Sprintf("%s/%+v", name, opt), func(t *testing.T) {
				lines, err := Lines(text, opt)
				if err != nil {
					t.Fatal(err)
				}
				got, want := drawn(t, lines, opt), expected(t, text)
				if len(got) != len(want) {
					t.Fatalf("%d module rows drawn, want %d", len(got), len(want))
				}
				for y := range want {
					if len(got[y]) != len(want[y]) {
						t.Fatalf("module row %d is %d wide, want %d", y, len(got[y]), len(want[y]))
					}
					for x := range want[y] {
						if got[y][x] != want[y][x] {
							t.Fatalf("module (%d, %d) dark=%v, the encoder says %v", x, y, got[y][x], want[y][x])
						}
					}
				}
			})
		}
	}
}

// The quiet zone is light all round, and the top-left finder pattern starts
// right after it: checked on the glyphs themselves, not through the decoder
// above.
func TestQuietZone(t *testing.T) {
	for name, text := range sample() {
		for _, invert := range []bool{false, true} {
			lines, err := Lines(text, Options{Invert: invert})
			if err != nil {
				t.Fatal(err)
			}
			light, dark := " ", "█"
			if invert {
				light, dark = dark, light
			}
			rows := make([][]string, len(lines))
			for i, l := range lines {
				rows[i] = strings.Split(l, "")
			}
			w := len(rows[0])
			for y, row := range rows {
				for x, cell := range row {
					inZone := y < QuietZone/2 || y >= len(rows)-QuietZone/2 || x < QuietZone || x >= w-QuietZone
					if inZone && cell != light {
						t.Fatalf("%s invert=%v: cell (%d, %d) of the quiet zone is %q", name, invert, x, y, cell)
					}
				}
			}
			// The first row of cells after the zone holds module rows 4
			// and 5: the top of the finder pattern, a dark row of seven
			// over dark, five light, dark.
			finder := "█▀▀▀▀▀█"
			if invert {
				finder = " ▄▄▄▄▄ "
			}
			if got := strings.Join(rows[QuietZone/2][QuietZone:QuietZone+7], ""); got != finder {
				t.Fatalf("%s invert=%v: the finder pattern's top is %q, want %q", name, invert, got, finder)
			}
			if rows[QuietZone/2][QuietZone-1] != light {
				t.Fatalf("%s invert=%v: the code starts before the quiet zone ends", name, invert)
			}
		}
	}
}

func TestSizeAgreesWithLines(t *testing.T) {
	for name, text := range sample() {
		w, h, err := Size(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, opt := range []Options{{}, {Invert: true}} {
			lines, err := Lines(text, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(lines) != h {
				t.Errorf("%s: Size says %d rows, Lines drew %d", name, h, len(lines))
			}
			for i, l := range lines {
				if n := utf8.RuneCountInString(l); n != w {
					t.Errorf("%s: Size says %d cells wide, row %d is %d", name, w, i, n)
				}
			}
		}
	}
}

// Sizes a caller can rely on: a PIN is the smallest code, and sesame's
// default token (64 hex digits) fits an 80×24 terminal, which is why the
// level is M.
func TestSizeOfTypicalSecrets(t *testing.T) {
	for _, c := range []struct {
		text string
		w, h int
	}{
		{"093712", 29, 15},
		{strings.Repeat("0123456789abcdef", 4), 45, 23},
		{strings.Repeat("9", MaxDigits), 185, 93},
	} {
		w, h, err := Size(c.text)
		if err != nil || w != c.w || h != c.h {
			t.Errorf("Size of %d characters = %d×%d, %v; want %d×%d", len(c.text), w, h, err, c.w, c.h)
		}
	}
}

// Invert turns every cell into its complement and changes nothing else.
func TestInvertSwapsExactlyTheModules(t *testing.T) {
	complement := map[rune]rune{' ': '█', '█': ' ', '▀': '▄', '▄': '▀'}
	for name, text := range sample() {
		plain, err := Lines(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		inverted, err := Lines(text, Options{Invert: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(plain) != len(inverted) {
			t.Fatalf("%s: %d rows plain, %d inverted", name, len(plain), len(inverted))
		}
		for y := range plain {
			p, i := []rune(plain[y]), []rune(inverted[y])
			if len(p) != len(i) {
				t.Fatalf("%s row %d: %d cells plain, %d inverted", name, y, len(p), len(i))
			}
			for x := range p {
				if i[x] != complement[p[x]] {
					t.Fatalf("%s cell (%d, %d): %q plain, %q inverted", name, x, y, p[x], i[x])
				}
			}
		}
	}
}

// Paint only wraps the rows: the cells are those drawn without it.
func TestPaintWrapsTheSameCells(t *testing.T) {
	text := "unhappy-cobweb-snooze-reflex-gravel-scheme"
	for _, invert := range []bool{false, true} {
		plain, _ := Lines(text, Options{Invert: invert})
		painted, err := Lines(text, Options{Invert: invert, Paint: true})
		if err != nil {
			t.Fatal(err)
		}
		open := paintDarkInk // black blocks on white
		if invert {
			open = paintLightInk // white blocks on black
		}
		for y := range plain {
			if painted[y] != open+plain[y]+paintReset {
				t.Fatalf("invert=%v row %d: %q", invert, y, painted[y])
			}
		}
	}
}

func TestEmptyTextIsAnError(t *testing.T) {
	if _, err := Lines("", Options{}); err == nil {
		t.Error("Lines drew an empty text")
	}
	if _, _, err := Size(""); err == nil {
		t.Error("Size measured an empty text")
	}
}
