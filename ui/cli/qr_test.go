package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/ui/qr"
)

// fakeTerminal records what --qr draws and answers one key press.
type fakeTerminal struct {
	out            bytes.Buffer
	w, h           int
	raws, restores int
	closed         bool
}

func (t *fakeTerminal) Read(p []byte) (int, error)  { return copy(p, "x"), nil }
func (t *fakeTerminal) Write(p []byte) (int, error) { return t.out.Write(p) }
func (t *fakeTerminal) Close() error                { t.closed = true; return nil }
func (t *fakeTerminal) size() (int, int, error)     { return t.w, t.h, nil }
func (t *fakeTerminal) raw() (func(), error) {
	t.raws++
	return func() { t.restores++ }, nil
}

func TestQRDrawsTheSecretOnTheTerminalOnly(t *testing.T) {
	for _, tty := range []bool{true, false} {
		f := newFake(t, tty)
		term := &fakeTerminal{w: 80, h: 40}
		f.env.qrTerminal = func() (terminal, error) { return term, nil }
		if code := f.run("pw", "--qr"); code != 0 {
			t.Fatalf("code %d: %s", code, f.stderr.String())
		}
		drawn := term.out.String()
		if !strings.HasPrefix(drawn, "\x1b[?1049h") || !strings.HasSuffix(drawn, "\x1b[?1049l") {
			t.Fatalf("not drawn in the alternate screen: %q", drawn)
		}
		if term.raws != 1 || term.restores != 1 || !term.closed {
			t.Fatalf("raw %d, restored %d, closed %v", term.raws, term.restores, term.closed)
		}
		// At a terminal only the code shows; redirected, the secret is
		// printed too, and the code drawn is exactly the secret's.
		secret := strings.TrimSpace(f.stdout.String())
		if tty {
			if secret != "" {
				t.Fatalf("printed %q at a terminal", secret)
			}
			continue
		}
		lines, err := qr.Lines(secret, qr.Options{Paint: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(drawn, strings.Join(lines, "\r\n")) {
			t.Fatal("the code drawn is not the printed secret's")
		}
		if strings.Contains(f.stderr.String(), secret) {
			t.Fatal("the secret reached stderr")
		}
	}
}

func TestQRRefusals(t *testing.T) {
	f := newFake(t, false)
	f.env.qrTerminal = func() (terminal, error) { return nil, errors.New("no tty") }
	if code := f.run("pw", "--qr"); code != 2 || f.stdout.Len() != 0 || !strings.Contains(f.stderr.String(), "needs a terminal") {
		t.Fatalf("no terminal: code %d, %q", code, f.stderr.String())
	}
	f = newFake(t, false)
	small := &fakeTerminal{w: 20, h: 10}
	f.env.qrTerminal = func() (terminal, error) { return small, nil }
	if code := f.run("token", "--qr"); code != 1 || !strings.Contains(f.stderr.String(), "enlarge it") || small.out.Len() != 0 {
		t.Fatalf("small terminal: code %d, %q, drawn %d bytes", code, f.stderr.String(), small.out.Len())
	}
	f = newFake(t, true)
	if code := f.run("pw", "--qr", "-n", "3"); code != 2 || !strings.Contains(f.stderr.String(), "--qr draws one result") {
		t.Fatalf("-n 3 at a terminal: code %d, %q", code, f.stderr.String())
	}
}
