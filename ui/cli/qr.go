package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/sesame-sh/sesame/ui/qr"
)

// --qr draws the (last) secret as a QR code on the terminal, for a phone's
// camera. It goes to /dev/tty, never stdout, and in the terminal's
// alternate screen, so that nothing of it stays in the scrollback: the
// code shows until a key is pressed, then the screen is as it was.

// terminal is what --qr needs of the controlling terminal; tests use a
// fake.
type terminal interface {
	io.ReadWriteCloser
	// size is the terminal's width and height in cells.
	size() (int, int, error)
	// raw puts the terminal in raw mode, so one key press is read at once,
	// and returns how to restore it.
	raw() (func(), error)
}

// ttyFile is the real terminal.
type ttyFile struct{ *os.File }

func (t ttyFile) size() (int, int, error) { return term.GetSize(int(t.Fd())) }

func (t ttyFile) raw() (func(), error) {
	state, err := term.MakeRaw(int(t.Fd()))
	if err != nil {
		return nil, err
	}
	return func() { term.Restore(int(t.Fd()), state) }, nil
}

// openQR opens the terminal before anything is generated, so that a run
// with nowhere to draw fails before printing.
func openQR(env *environment) (terminal, error) {
	tty, err := env.openQRTerminal()
	if err != nil {
		return nil, usagef("--qr needs a terminal to draw on, and there is none")
	}
	return tty, nil
}

// showQR draws secret on the terminal and waits for a key.
func showQR(tty terminal, secret string) error {
	w, h, err := qr.Size(secret)
	if err != nil {
		return err
	}
	cols, rows, err := tty.size()
	if err == nil && (w > cols || h+2 > rows) {
		return fmt.Errorf("the QR code needs a terminal of %d×%d; this one is %d×%d: enlarge it", w, h+2, cols, rows)
	}
	lines, err := qr.Lines(secret, qr.Options{Paint: true})
	if err != nil {
		return err
	}
	restore, err := tty.raw()
	if err != nil {
		return fmt.Errorf("--qr: %w", err)
	}
	defer restore()
	// The alternate screen, cursor hidden; every line starts at column 0
	// because raw mode does not turn \n into \r\n.
	var b strings.Builder
	b.WriteString("\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J")
	for _, l := range lines {
		b.WriteString(l + "\r\n")
	}
	b.WriteString("\r\nscan it, then press any key (the code is not kept anywhere)")
	if _, err := io.WriteString(tty, b.String()); err != nil {
		return fmt.Errorf("--qr: %w", err)
	}
	key := make([]byte, 16)
	_, rerr := tty.Read(key)
	clear(key)
	_, werr := io.WriteString(tty, "\x1b[2J\x1b[?25h\x1b[?1049l")
	if err := errors.Join(rerr, werr); err != nil {
		return fmt.Errorf("--qr: %w", err)
	}
	return nil
}

// openQRTerminal opens the controlling terminal for reading and writing.
func (env *environment) openQRTerminal() (terminal, error) {
	if env.qrTerminal != nil {
		return env.qrTerminal()
	}
	f, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, errors.New("no terminal")
	}
	return ttyFile{f}, nil
}
