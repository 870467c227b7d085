package ui

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/clipboard"
	"github.com/sesame-sh/sesame/ui/settings"
)

func osc52(s string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s)) + "\a"
}

func isTick(m tea.Msg) bool { _, ok := m.(clipTickMsg); return ok }

// advance moves the clock and fires the countdown ticks that are due.
func (h *harness) advance(d time.Duration) {
	h.tb.Helper()
	end := h.now.Add(d)
	for h.now.Before(end) {
		h.now = h.now.Add(time.Second)
		h.fire(isTick)
	}
}

func TestCopyLocalCountsDownAndClears(t *testing.T) {
	for _, key := range []string{"c", "enter"} {
		t.Run(key, func(t *testing.T) {
			h := newHarness(t)
			secret := h.secret()
			h.keys(key)
			if got, n := h.clip.get(); got != secret || n != 1 || len(h.raw) != 0 {
				t.Fatalf("clipboard %q (%d writes), raw %q", got, n, h.raw)
			}
			if h.m.status.text != "password copied — clears in 30s" {
				t.Fatalf("status %q", h.m.status.text)
			}
			mustContain(t, h.view(), "password copied — clears in 30s")
			mustNotContain(t, h.view(), "exit status")
			h.advance(3 * time.Second)
			if h.m.status.text != "password copied — clears in 27s" {
				t.Fatalf("countdown %q", h.m.status.text)
			}
			h.advance(27 * time.Second)
			if got, _ := h.clip.get(); got != "" {
				t.Fatalf("clipboard still holds %q", got)
			}
			if h.m.status.text != "clipboard cleared" || len(h.deferred) != 0 && h.fire(isTick) != 0 {
				t.Fatalf("status %q", h.m.status.text)
			}
		})
	}
}

func TestClearLeavesTheUsersNewerCopy(t *testing.T) {
	h := newHarness(t)
	h.keys("c")
	h.clip.WriteAll("the user's own text")
	h.advance(30 * time.Second)
	if got, _ := h.clip.get(); got != "the user's own text" {
		t.Fatalf("clipboard %q", got)
	}
	if h.m.status.text != "clipboard changed since the copy; left alone" {
		t.Fatalf("status %q", h.m.status.text)
	}
}

func TestLocalFailureFallsBackToOSC52(t *testing.T) {
	h := newHarness(t)
	h.clip.err = clipboard.ErrNoDisplay
	h.keys("c")
	if len(h.raw) != 1 || h.raw[0] != osc52(h.secret()) {
		t.Fatalf("raw %q", h.raw)
	}
	want := "password sent to the terminal clipboard (OSC 52) — clears in 30s (system clipboard: no system clipboard (no display))"
	if h.m.status.text != want {
		t.Fatalf("status %q", h.m.status.text)
	}
	// Cleared blindly with an empty OSC 52, and said so.
	h.advance(30 * time.Second)
	if len(h.raw) != 2 || h.raw[1] != osc52("") {
		t.Fatalf("raw %q", h.raw)
	}
	if !strings.Contains(h.m.status.text, "blindly") {
		t.Fatalf("status %q", h.m.status.text)
	}
}

func TestRemoteSessionUsesOSC52(t *testing.T) {
	for _, env := range []string{"SSH_TTY=/dev/pts/4", "SSH_CONNECTION=10.0.0.1 5000 10.0.0.2 22", "SSH_CLIENT=10.0.0.1 5000 22"} {
		h := newHarness(t)
		h.send(tea.EnvMsg{env})
		h.keys("c")
		if _, n := h.clip.get(); n != 0 {
			t.Fatalf("%s: the system clipboard was used over SSH", env)
		}
		if len(h.raw) != 1 || h.raw[0] != osc52(h.secret()) {
			t.Fatalf("%s: raw %q", env, h.raw)
		}
		if h.m.status.text != "password sent to the terminal clipboard (OSC 52) — clears in 30s" {
			t.Fatalf("%s: status %q", env, h.m.status.text)
		}
	}
}

func TestInTmuxSendsBothForms(t *testing.T) {
	h := newHarness(t)
	h.send(tea.EnvMsg{"SSH_TTY=/dev/pts/4", "TMUX=/tmp/tmux-0/default,1,0"})
	h.keys("c")
	s := h.secret()
	wrapped := "\x1bPtmux;" + strings.ReplaceAll(osc52(s), "\x1b", "\x1b\x1b") + "\x1b\\"
	if len(h.raw) != 1 || h.raw[0] != wrapped+osc52(s) {
		t.Fatalf("raw %q", h.raw)
	}
}

func TestNewerCopyOwnsTheTimer(t *testing.T) {
	h := newHarness(t)
	h.keys("c")
	first := h.secret()
	h.advance(20 * time.Second)
	h.keys("r", "c") // a new secret, copied 10 s before the first would clear
	second := h.secret()
	if second == first {
		t.Fatal("r did not change the secret")
	}
	h.advance(10 * time.Second) // the first copy's deadline
	if got, _ := h.clip.get(); got != second {
		t.Fatalf("the older timer cleared the newer copy: clipboard %q", got)
	}
	if !strings.Contains(h.m.status.text, "clears in 20s") {
		t.Fatalf("status %q", h.m.status.text)
	}
	h.advance(20 * time.Second)
	if got, _ := h.clip.get(); got != "" {
		t.Fatalf("clipboard %q after the newer deadline", got)
	}
	// A late tick of the first copy changes nothing.
	h.send(clipTickMsg{seq: 1})
	if h.m.status.text != "clipboard cleared" {
		t.Fatalf("status %q", h.m.status.text)
	}
}

func TestQuitClearsWhatIsStillOurs(t *testing.T) {
	for _, key := range []string{"q", "ctrl+c"} {
		h := newHarness(t)
		h.keys("c", key)
		if got, _ := h.clip.get(); got != "" {
			t.Fatalf("%s: clipboard %q after quitting", key, got)
		}
		if h.quit == nil || !h.m.quitting || h.m.View().Content != "" {
			t.Fatalf("%s: did not quit cleanly", key)
		}
	}
	// Something the user copied since is left alone.
	h := newHarness(t)
	h.keys("c")
	h.clip.WriteAll("mine")
	h.keys("q")
	if got, _ := h.clip.get(); got != "mine" || h.quit == nil {
		t.Fatalf("clipboard %q", got)
	}
	// Over OSC 52 the clear is an empty sequence, sent before quitting.
	h = newHarness(t)
	h.send(tea.EnvMsg{"SSH_TTY=/dev/pts/4"})
	h.keys("c", "q")
	if len(h.raw) != 2 || h.raw[1] != osc52("") || h.quit == nil {
		t.Fatalf("raw %q quit %v", h.raw, h.quit)
	}
}

func TestQuitWhileCopyIsBeingWritten(t *testing.T) {
	h := newHarness(t)
	slow := &slowClipboard{fakeClipboard: h.clip, release: make(chan struct{})}
	h.m.deps.clip = slow
	h.m.clipGuard = nil
	cmd := h.m.copyCmd(h.secret(), "password")
	go cmd() // the write is under way when the user quits
	go func() { time.Sleep(50 * time.Millisecond); close(slow.release) }()
	h.keys("q")
	if got, _ := h.clip.get(); got != "" || h.quit == nil {
		t.Fatalf("clipboard %q after quitting mid-copy", got)
	}
}

// slowClipboard holds writes until released.
type slowClipboard struct {
	*fakeClipboard
	release chan struct{}
}

func (s *slowClipboard) WriteAll(text string) error {
	<-s.release
	return s.fakeClipboard.WriteAll(text)
}

func TestClearAfterZeroNeverClears(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) { s.ClearAfter = 0 }))
	h.keys("c")
	if h.m.status.text != "password copied — not cleared automatically" {
		t.Fatalf("status %q", h.m.status.text)
	}
	if h.fire(isTick) != 0 {
		t.Fatal("a countdown runs with --clear-after 0")
	}
	h.keys("q")
	if got, _ := h.clip.get(); got != h.secret() {
		t.Fatalf("clipboard %q: cleared on quit although clearing is off", got)
	}
}

func TestClearAfterFromSettings(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) { s.ClearAfter = 5 }))
	h.keys("c")
	if h.m.status.text != "password copied — clears in 5s" {
		t.Fatalf("status %q", h.m.status.text)
	}
	h.advance(5 * time.Second)
	if got, _ := h.clip.get(); got != "" {
		t.Fatalf("clipboard %q", got)
	}
}

func TestCopyFromHistoryUsesTheSameFlow(t *testing.T) {
	h := newHarness(t)
	first := h.secret()
	h.now = h.now.Add(2 * time.Second) // long enough on screen to be kept
	h.keys("r", "h", "enter")
	if got, _ := h.clip.get(); got != first {
		t.Fatalf("clipboard %q, want the earlier secret", got)
	}
	if !strings.Contains(h.m.status.text, "— clears in 30s") {
		t.Fatalf("status %q", h.m.status.text)
	}
}
