//go:build unix

package clipboard_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/internal/e2e"
)

// In a tmux with its default options (set-clipboard external,
// allow-passthrough off) and no system clipboard, sesame pw --copy copies
// through tmux. The outer tmux, playing the user's terminal emulator,
// receives the secret; the inner one holds it in our buffer only. After
// --clear-after our buffer is gone and the terminal's clipboard got a
// single space: tmux sends nothing for an empty buffer. The outer tmux
// still keeps the secret in its older buffer, as any tmux keeps what an
// OSC 52 gave it.
func TestCLICopyThroughTmux(t *testing.T) {
	bin := e2e.Sesame(t)
	n := e2e.StartNested(t, e2e.NestedOptions{Term: "xterm-256color"})
	checkCopyThroughTmux(t, bin, n, "sesame: copied through tmux — clears in 2s\n")
}

// The same with the inner tmux on the far side of an SSH connection, and
// tmux at both ends, as the inner tmux can tell: the note says what the
// outer one needs.
func TestCLICopyThroughTmuxOverSSH(t *testing.T) {
	srv := e2e.StartSSH(t)
	bin := e2e.Sesame(t)
	n := e2e.StartNested(t, e2e.NestedOptions{Via: srv.Command})
	checkCopyThroughTmux(t, bin, n, "sesame: copied through tmux — clears in 2s; if it does not reach your clipboard, set `set -s set-clipboard on` in the outer tmux\n")
}

func checkCopyThroughTmux(t *testing.T, bin string, n *e2e.Nested, note string) {
	t.Helper()
	secret := copyIn(t, n, bin, note)
	if got, ok := n.Inner.Named("sesame"); !ok || got != secret {
		t.Fatalf("inner buffer sesame %q (%v), want the secret", got, ok)
	}
	if got := n.Inner.Buffers(); len(got) != 1 {
		t.Fatalf("inner tmux has %d buffers, want ours alone", len(got))
	}
	if got := n.Outer.Buffers(); !slices.Equal(got, []string{secret}) {
		t.Fatalf("the terminal's clipboard received %q, want the secret", got)
	}
	checkClearerHoldsNoSecret(t, "__clear-clipboard --after 2 --tmux", secret)
	if !e2e.WaitFor(8*time.Second, func() bool { return len(n.Inner.Buffers()) == 0 }) {
		t.Fatalf("inner tmux still has %d buffers after --clear-after", len(n.Inner.Buffers()))
	}
	if got := n.Outer.Buffers(); !slices.Equal(got, []string{" ", secret}) {
		t.Fatalf("the terminal's clipboard received %q, want the secret, then a space", got)
	}

	// A copy the user makes in tmux before the timer fires is what the
	// terminal holds: the clearer deletes our buffer but leaves the
	// terminal alone.
	second := copyIn(t, n, bin, note)
	n.Inner.Run("set-buffer", "-w", "the user's copy")
	if !e2e.WaitFor(8*time.Second, func() bool { _, ok := n.Inner.Named("sesame"); return !ok }) {
		t.Fatal("our buffer outlived --clear-after")
	}
	time.Sleep(300 * time.Millisecond) // a wrongful overwrite would follow the deletion at once
	if got := n.Outer.Buffers(); !slices.Equal(got, []string{"the user's copy", second, " ", secret}) {
		t.Fatalf("the terminal's clipboard received %q", got)
	}
	if got := n.Inner.Buffers(); !slices.Equal(got, []string{"the user's copy"}) {
		t.Fatalf("inner buffers %q", got)
	}
}

// copyIn runs sesame pw --copy --clear-after 2 in the inner tmux and
// returns the secret, checking what it printed: the secret alone on
// stdout (redirected, so it is printed), the note on stderr.
func copyIn(t *testing.T, n *e2e.Nested, bin, note string) string {
	t.Helper()
	stdout, stderr, code := n.Exec(bin + " pw --copy --clear-after 2")
	secret := strings.TrimSuffix(stdout, "\n")
	if code != 0 || len(secret) != 20 || strings.ContainsAny(secret, "\x1b\n") {
		t.Fatalf("exit %d stdout %q stderr %q", code, stdout, stderr)
	}
	if stderr != note {
		t.Fatalf("stderr %q, want %q", stderr, note)
	}
	return secret
}

// With set-clipboard off (and allow-passthrough off, the default), no way
// out of tmux is open: sesame sends nothing, says so, and names the
// setting that would let it copy.
func TestCLICopyInTmuxWithSetClipboardOff(t *testing.T) {
	bin := e2e.Sesame(t)
	n := e2e.StartNested(t, e2e.NestedOptions{InnerConf: "set -s set-clipboard off\n", Term: "xterm-256color"})
	stdout, stderr, code := n.Exec(bin + " pw --copy --clear-after 2")
	want := "sesame: nothing copied: tmux has set-clipboard off and allow-passthrough off; set `set -s set-clipboard external` in tmux\n"
	if code != 1 || stderr != want || strings.Contains(stdout, "\x1b") {
		t.Fatalf("exit %d stdout %q stderr %q", code, stdout, stderr)
	}
	time.Sleep(300 * time.Millisecond)
	if got := n.Outer.Buffers(); len(got) != 0 {
		t.Fatalf("the terminal's clipboard received %q", got)
	}
	if got := n.Inner.Buffers(); len(got) != 0 {
		t.Fatalf("inner tmux kept %q", got)
	}
}

// With set-clipboard off but allow-passthrough on, the copy goes out as a
// passthrough OSC 52, arrives, and is called sent, not copied.
func TestCLICopyInTmuxThroughPassthrough(t *testing.T) {
	bin := e2e.Sesame(t)
	n := e2e.StartNested(t, e2e.NestedOptions{InnerConf: "set -s set-clipboard off\nset -g allow-passthrough on\n", Term: "xterm-256color"})
	secret := copyIn(t, n, bin, "sesame: sent to the terminal clipboard (OSC 52) through tmux passthrough — clears in 2s\n")
	if !e2e.WaitFor(3*time.Second, func() bool { return n.Outer.Buffer() == secret }) {
		t.Fatalf("the terminal's clipboard received %q", n.Outer.Buffers())
	}
	if got := n.Inner.Buffers(); len(got) != 0 {
		t.Fatalf("inner tmux kept %q", got)
	}
}

// checkClearerHoldsNoSecret finds the waiting clearer by its arguments and
// checks that neither they nor its environment hold the secret.
func checkClearerHoldsNoSecret(t *testing.T, args, secret string) {
	t.Helper()
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		return // no /proc to look into (not Linux)
	}
	cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	found := false
	for _, path := range cmdlines {
		cmdline, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})), args) {
			continue
		}
		found = true
		environ, err := os.ReadFile(filepath.Join(filepath.Dir(path), "environ"))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(cmdline, []byte(secret)) || bytes.Contains(environ, []byte(secret)) {
			t.Fatalf("the clearer's arguments or environment hold the secret")
		}
		if !bytes.Contains(environ, []byte("\x00TMUX=")) && !bytes.HasPrefix(environ, []byte("TMUX=")) {
			t.Fatalf("the clearer cannot reach tmux: no TMUX in its environment")
		}
	}
	if !found {
		t.Fatalf("no clearer running with %q", args)
	}
}
