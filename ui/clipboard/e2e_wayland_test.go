//go:build unix

package clipboard_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/internal/e2e"
)

// sesame pw --copy --clear-after 2 in a Wayland session (headless sway):
// wl-copy serves the copy (the note says so), wl-paste reads it back, it
// is cleared after the delay, and a copy another program makes meanwhile
// survives. (wl-copy offers one type per copy, so the copy cannot also
// offer x-kde-passwordManagerHint: README says Wayland histories may keep
// it.)
func TestCLICopyAndClearOnWayland(t *testing.T) {
	w := e2e.Sway(t)
	bin := w.Install(e2e.Sesame(t))

	run := func() (secret string) {
		cmd := w.Command(bin, "pw", "--copy", "--clear-after", "2")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("sesame: %v: %s", err, errb.String())
		}
		secret = strings.TrimSpace(out.String())
		if note := errb.String(); len(secret) != 20 || note != "sesame: copied (wl-copy) — clears in 2s\n" {
			t.Fatalf("stdout %q stderr %q", secret, note)
		}
		return secret
	}

	secret := run()
	if got, ok := w.Paste(); !ok || got != secret {
		t.Fatalf("wl-paste %q (%v), want the secret", got, ok)
	}
	if !e2e.WaitFor(6*time.Second, func() bool { _, ok := w.Paste(); return !ok }) {
		got, _ := w.Paste()
		t.Fatalf("the clipboard still holds %q after --clear-after 2", got)
	}

	second := run()
	if got, _ := w.Paste(); got != second {
		t.Fatalf("second copy missing: %q", got)
	}
	w.Copy("the user's own text")
	time.Sleep(3500 * time.Millisecond) // past the clearer's time
	if got, ok := w.Paste(); !ok || got != "the user's own text" {
		t.Fatalf("the clearer clobbered the user's copy: %q (%v)", got, ok)
	}
}
