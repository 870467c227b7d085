//go:build unix

package clipboard_test

import (
	"bytes"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/internal/e2e"
)

// copyOnX runs sesame with args (a --copy) against display, with no
// clipboard tool on PATH, and returns the secret it printed and its note.
func copyOnX(t *testing.T, display string, args ...string) (secret, note string) {
	t.Helper()
	cmd := exec.Command(e2e.Sesame(t), args...)
	cmd.Env = e2e.LocalEnv(display)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("sesame %q: %v: %s", args, err, errb.String())
	}
	return strings.TrimSpace(out.String()), errb.String()
}

// A paste asks the owner for a target: sesame offers the text in every
// text target, and x-kde-passwordManagerHint with the value "secret", and
// refuses what it does not serve.
func TestCopyOffersTextAndThePasswordHint(t *testing.T) {
	display := e2e.Xvfb(t)
	secret, _ := copyOnX(t, display, "pw", "--copy", "--clear-after", "30")
	targets := e2e.XTargets(t, display)
	for _, want := range []string{"TARGETS", "UTF8_STRING", "STRING", "TEXT", "text/plain;charset=utf-8", "x-kde-passwordManagerHint"} {
		if !slices.Contains(targets, want) {
			t.Errorf("TARGETS %q lacks %s", targets, want)
		}
	}
	for target, wantType := range map[string]string{
		"UTF8_STRING":              "UTF8_STRING",
		"STRING":                   "STRING",
		"TEXT":                     "UTF8_STRING",
		"text/plain;charset=utf-8": "text/plain;charset=utf-8",
	} {
		data, typ, ok := e2e.XRead(t, display, target)
		if !ok || string(data) != secret || typ != wantType {
			t.Errorf("%s: %q of type %s (ok %v), want the secret as %s", target, data, typ, ok, wantType)
		}
	}
	if hint, typ, ok := e2e.XRead(t, display, "x-kde-passwordManagerHint"); !ok || string(hint) != "secret" {
		t.Errorf("x-kde-passwordManagerHint: %q of type %s (ok %v), want \"secret\"", hint, typ, ok)
	}
	if data, _, ok := e2e.XRead(t, display, "image/png"); ok {
		t.Errorf("image/png answered with %q, want a refusal", data)
	}
}

// A clipboard history that honours the hint records another program's copy
// and not sesame's.
func TestClipboardHistoryLeavesTheSecretOut(t *testing.T) {
	display := e2e.Xvfb(t)
	h := e2e.StartHistory(t, display)
	e2e.SetClipboard(t, display, "an ordinary copy")
	if !e2e.WaitFor(3*time.Second, func() bool { _, seen := h.Recorded(); return seen == 1 }) {
		t.Fatal("the history did not see the ordinary copy")
	}
	secret, _ := copyOnX(t, display, "pw", "--copy", "--clear-after", "30")
	// sesame's own process owns it, then the clearer: two new owners.
	if !e2e.WaitFor(3*time.Second, func() bool { _, seen := h.Recorded(); return seen >= 3 }) {
		_, seen := h.Recorded()
		t.Fatalf("the history saw %d copies, want sesame's two owners after the first", seen)
	}
	got, _ := h.Recorded()
	if !slices.Equal(got, []string{"an ordinary copy"}) || slices.Contains(got, secret) {
		t.Fatalf("the history recorded %q", got)
	}
}

// With clearing off, the copy outlives sesame (the clearer serves it) until
// another program copies; then the clearer ends, as it has nothing left
// to serve.
func TestCopyWithClearingOffIsServedUntilAnotherCopy(t *testing.T) {
	display := e2e.Xvfb(t)
	bin := e2e.Sesame(t)
	secret, note := copyOnX(t, display, "pw", "--copy", "--clear-after", "0")
	if note != "sesame: copied (X11) — not cleared automatically\n" {
		t.Fatalf("note %q", note)
	}
	server := bin + " __clear-clipboard --after -1 --system --x11"
	time.Sleep(500 * time.Millisecond)
	if got := e2e.ClipboardOf(t, display); got != secret || !running(t, server) {
		t.Fatalf("clipboard %q, server running %v, after sesame exited", got, running(t, server))
	}
	e2e.SetClipboard(t, display, "the user's own text")
	if !e2e.WaitFor(2*time.Second, func() bool { return !running(t, server) }) {
		t.Fatal("the clearer still runs after another program copied")
	}
	if got := e2e.ClipboardOf(t, display); got != "the user's own text" {
		t.Fatalf("clipboard %q", got)
	}
}

// Killing the clearer (SIGKILL: no chance to clear) leaves no secret on
// the clipboard: the selection dies with its owner.
func TestKilledClearerLeavesNoSecret(t *testing.T) {
	display := e2e.Xvfb(t)
	bin := e2e.Sesame(t)
	secret, _ := copyOnX(t, display, "token", "--copy", "--clear-after", "60")
	if got := e2e.ClipboardOf(t, display); got != secret {
		t.Fatalf("clipboard %q, want the secret", got)
	}
	pid := pidOf(t, bin+" __clear-clipboard --after 60 --system --x11")
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if !e2e.WaitFor(2*time.Second, func() bool { return !e2e.XOwned(t, display) }) {
		t.Fatalf("the clipboard is still owned after the clearer was killed: %q", e2e.ClipboardOf(t, display))
	}
	if got := e2e.ClipboardOf(t, display); got != "" {
		t.Fatalf("clipboard %q after the clearer was killed", got)
	}
}

// pidOf returns the process that runs with exactly these arguments.
func pidOf(t *testing.T, args string) int {
	t.Helper()
	ps, err := exec.Command("ps", "-eo", "pid=,args=").Output()
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.Lines(string(ps)) {
		pid, rest, _ := strings.Cut(strings.TrimSpace(l), " ")
		if strings.TrimSpace(rest) == args {
			n, err := strconv.Atoi(pid)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("no process %q:\n%s", args, ps)
	return 0
}
