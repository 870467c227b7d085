//go:build unix

package clipboard_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/internal/e2e"
)

// sesame pw --copy --clear-after 2 against a real X clipboard, with no
// clipboard tool on PATH: sesame serves the copy itself (the note says
// so), the secret is there at once, the prompt comes back at once, the
// clipboard is cleared after the delay, and a value another program
// copies meanwhile survives.
func TestCLICopyAndClearOnRealX(t *testing.T) {
	display := e2e.Xvfb(t)
	bin := e2e.Sesame(t)

	run := func() (secret, note string) {
		cmd := exec.Command(bin, "pw", "--copy", "--clear-after", "2")
		cmd.Env = e2e.LocalEnv(display)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start := time.Now()
		if err := cmd.Run(); err != nil {
			t.Fatalf("sesame: %v: %s", err, errb.String())
		}
		if d := time.Since(start); d > 1500*time.Millisecond {
			t.Fatalf("--copy took %v to return the prompt", d)
		}
		return strings.TrimSpace(out.String()), errb.String()
	}

	secret, note := run()
	if len(secret) != 20 || note != "sesame: copied (X11) — clears in 2s\n" || strings.Contains(note, secret) {
		t.Fatalf("stdout %q stderr %q", secret, note)
	}
	// The clearer owns the clipboard before sesame returns.
	if got := e2e.ClipboardOf(t, display); got != secret {
		t.Fatalf("clipboard %q, want the secret", got)
	}
	if !e2e.WaitFor(6*time.Second, func() bool { return !e2e.XOwned(t, display) }) {
		t.Fatal("the clipboard still holds the secret after --clear-after 2")
	}

	// A newer value copied by the user before the timer fires is left alone.
	second, _ := run()
	if got := e2e.ClipboardOf(t, display); got != second {
		t.Fatalf("second copy missing: %q", got)
	}
	e2e.SetClipboard(t, display, "the user's own text")
	time.Sleep(3500 * time.Millisecond)
	if got := e2e.ClipboardOf(t, display); got != "the user's own text" {
		t.Fatalf("the clearer clobbered the user's copy: %q", got)
	}
}

// No secret reaches a child process's arguments: the clearer is visible in
// ps, with its delay but not the secret.
func TestClearerArgumentsHoldNoSecret(t *testing.T) {
	display := e2e.Xvfb(t)
	bin := e2e.Sesame(t)
	cmd := exec.Command(bin, "token", "--copy", "--clear-after", "3")
	cmd.Env = e2e.LocalEnv(display)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	secret := strings.TrimSpace(string(out))
	ps, err := exec.Command("ps", "-eo", "args").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ps), "__clear-clipboard --after 3") {
		t.Fatalf("clearer not running:\n%s", ps)
	}
	if strings.Contains(string(ps), secret) {
		t.Fatal("the secret is visible in a process's arguments")
	}
}

// The clearer gives the clipboard up when its time is up; with the X
// server stopped that request is never answered, and the clearer gives up
// on it rather than wait for ever.
func TestClearerReadBackIsBounded(t *testing.T) {
	display := e2e.Xvfb(t)
	bin := e2e.Sesame(t)
	cmd := exec.Command(bin, "pw", "--copy", "--clear-after", "1")
	cmd.Env = e2e.LocalEnv(display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sesame: %v: %s", err, out)
	}
	clearer := bin + " __clear-clipboard --after 1 --system --x11"
	if !running(t, clearer) {
		t.Fatal("no clearer running")
	}
	e2e.PauseX(t, display)
	// It wakes after 1 s; the X server has 2 s to answer.
	if !e2e.WaitFor(5*time.Second, func() bool { return !running(t, clearer) }) {
		t.Fatal("the clearer still waits on a clipboard tool 5 s after the X server stopped")
	}
}

// running reports whether a process runs with exactly these arguments.
func running(t *testing.T, args string) bool {
	t.Helper()
	ps, err := exec.Command("ps", "-eo", "args").Output()
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.Lines(string(ps)) {
		if strings.TrimSpace(l) == args {
			return true
		}
	}
	return false
}
