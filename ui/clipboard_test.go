package ui

import (
	"encoding/base64"
	"errors"
	"os"
	"slices"
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
			if h.m.statusText() != "password copied — clears in 30s" {
				t.Fatalf("status %q", h.m.statusText())
			}
			mustContain(t, h.view(), "password copied — clears in 30s")
			mustNotContain(t, h.view(), "exit status")
			h.advance(3 * time.Second)
			if h.m.statusText() != "password copied — clears in 27s" {
				t.Fatalf("countdown %q", h.m.statusText())
			}
			h.advance(27 * time.Second)
			if got, _ := h.clip.get(); got != "" {
				t.Fatalf("clipboard still holds %q", got)
			}
			if h.m.statusText() != "clipboard cleared" || len(h.deferred) != 0 && h.fire(isTick) != 0 {
				t.Fatalf("status %q", h.m.statusText())
			}
		})
	}
}

// Another program copying over the secret is noticed at the next tick:
// the status says so, the countdown stops, the user's copy is left alone
// and quitting hands nothing over.
func TestNoticesAnotherProgramsCopy(t *testing.T) {
	h := newHarness(t)
	h.keys("c")
	h.advance(2 * time.Second)
	if h.m.statusText() != "password copied — clears in 28s" {
		t.Fatalf("status %q while the clipboard holds the secret", h.m.statusText())
	}
	h.clip.WriteAll("the user's own text")
	h.advance(time.Second)
	if h.m.statusText() != "the clipboard now holds something else; nothing to clear" {
		t.Fatalf("status %q", h.m.statusText())
	}
	mustNotContain(t, h.view(), "clears in")
	h.advance(30 * time.Second)
	if h.fire(isTick) != 0 || h.m.statusText() != "the clipboard now holds something else; nothing to clear" {
		t.Fatalf("the countdown goes on: status %q", h.m.statusText())
	}
	if got, _ := h.clip.get(); got != "the user's own text" {
		t.Fatalf("clipboard %q", got)
	}
	h.keys("q")
	var c clearerCall
	if note := handOffCopy(h.m, c.start); note != "" || c.calls != 0 {
		t.Fatalf("quitting handed over %+v, note %q", c, note)
	}
}

// A read-back that fails proves nothing: the countdown goes on, and the
// clear at its end still clears only our own secret.
func TestFailedReadBackKeepsCounting(t *testing.T) {
	h := newHarness(t)
	h.keys("c")
	h.clip.mu.Lock()
	h.clip.readErr = errors.New("the system clipboard tool failed")
	h.clip.mu.Unlock()
	h.advance(3 * time.Second)
	if h.m.statusText() != "password copied — clears in 27s" {
		t.Fatalf("status %q", h.m.statusText())
	}
	h.clip.mu.Lock()
	h.clip.readErr = nil
	h.clip.mu.Unlock()
	h.advance(27 * time.Second)
	if got, _ := h.clip.get(); got != "" || h.m.statusText() != "clipboard cleared" {
		t.Fatalf("clipboard %q, status %q", got, h.m.statusText())
	}
}

// Through tmux, our buffer is what is read back: another sesame copying,
// or the user deleting it, leaves nothing of ours to clear.
func TestNoticesTheTmuxBufferChanged(t *testing.T) {
	h := newHarness(t)
	f := &uiTmux{t: t, secret: h.secret(), content: map[string]string{}}
	h.m.deps.tmux = f.run
	h.send(tea.EnvMsg{"SSH_TTY=/dev/pts/4", "TMUX=/tmp/tmux-0/default,1,0"})
	h.keys("c")
	h.advance(time.Second)
	if got := h.m.statusText(); got != "password copied through tmux — clears in 29s" {
		t.Fatalf("status %q", got)
	}
	f.content["sesame"] = "another copy"
	h.advance(time.Second)
	if got := h.m.statusText(); got != "the tmux buffer now holds something else; nothing to clear" {
		t.Fatalf("status %q", got)
	}
	h.advance(30 * time.Second)
	if f.content["sesame"] != "another copy" {
		t.Fatalf("buffer %q", f.content["sesame"])
	}
}

func TestLocalFailureFallsBackToOSC52(t *testing.T) {
	h := newHarness(t)
	h.clip.err = clipboard.ErrNoTool
	h.keys("c")
	if len(h.raw) != 1 || h.raw[0] != osc52(h.secret()) {
		t.Fatalf("raw %q", h.raw)
	}
	want := "password sent to the terminal clipboard (OSC 52) — clears in 30s (system clipboard: no clipboard tool (install xclip, xsel or wl-clipboard))"
	if h.m.statusText() != want {
		t.Fatalf("status %q", h.m.statusText())
	}
	// Cleared blindly with an empty OSC 52, and said so.
	h.advance(30 * time.Second)
	if len(h.raw) != 2 || h.raw[1] != osc52("") {
		t.Fatalf("raw %q", h.raw)
	}
	if !strings.Contains(h.m.statusText(), "blindly") {
		t.Fatalf("status %q", h.m.statusText())
	}
}

// Without a display there is no system clipboard to fix: the status does
// not dwell on it.
func TestNoDisplayFallsBackToOSC52Quietly(t *testing.T) {
	h := newHarness(t)
	h.clip.err = clipboard.ErrNoDisplay
	h.keys("c")
	if len(h.raw) != 1 || h.m.statusText() != "password sent to the terminal clipboard (OSC 52) — clears in 30s" {
		t.Fatalf("raw %q, status %q", h.raw, h.m.statusText())
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
		if h.m.statusText() != "password sent to the terminal clipboard (OSC 52) — clears in 30s" {
			t.Fatalf("%s: status %q", env, h.m.statusText())
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
	if !strings.Contains(h.m.statusText(), "clears in 20s") {
		t.Fatalf("status %q", h.m.statusText())
	}
	h.advance(20 * time.Second)
	if got, _ := h.clip.get(); got != "" {
		t.Fatalf("clipboard %q after the newer deadline", got)
	}
	// A late tick of the first copy changes nothing.
	h.send(clipTickMsg{seq: 1})
	if h.m.statusText() != "clipboard cleared" {
		t.Fatalf("status %q", h.m.statusText())
	}
}

// clearerCall is what the program handed the detached clearer.
type clearerCall struct {
	res     clipboard.Result
	secret  string
	seconds int
	calls   int
}

func (c *clearerCall) start(res clipboard.Result, _ clipboard.Where, secret string, after int, _ *os.File) error {
	c.res, c.secret, c.seconds, c.calls = res, secret, after, c.calls+1
	return nil
}

// Copy, quit, paste: quitting leaves the copy on the clipboard and hands
// the rest of the countdown to the detached clearer.
func TestQuitHandsTheCountdownToTheClearer(t *testing.T) {
	for _, key := range []string{"q", "ctrl+c"} {
		h := newHarness(t)
		secret := h.secret()
		h.keys("c")
		h.advance(6 * time.Second)
		h.keys(key)
		if h.quit == nil || !h.m.quitting || h.m.View().Content != "" {
			t.Fatalf("%s: did not quit cleanly", key)
		}
		if got, _ := h.clip.get(); got != secret {
			t.Fatalf("%s: clipboard %q after quitting, want the secret still there", key, got)
		}
		var c clearerCall
		note := handOffCopy(h.m, c.start)
		if c.calls != 1 || c.secret != secret || c.seconds != 24 || c.res.Channel != clipboard.System {
			t.Fatalf("%s: clearer got %+v", key, c)
		}
		if note != "the clipboard clears in 24s" {
			t.Fatalf("%s: note %q", key, note)
		}
	}
	// Over OSC 52 nothing is sent on quitting; the clearer gets the rest.
	h := newHarness(t)
	h.send(tea.EnvMsg{"SSH_TTY=/dev/pts/4"})
	h.keys("c", "q")
	var c clearerCall
	handOffCopy(h.m, c.start)
	if len(h.raw) != 1 || c.calls != 1 || c.res.Channel != clipboard.Terminal || c.seconds != 30 {
		t.Fatalf("raw %q, clearer %+v", h.raw, c)
	}
	// A copy already cleared leaves nothing to hand over.
	h = newHarness(t)
	h.keys("c")
	h.advance(31 * time.Second)
	h.keys("q")
	c = clearerCall{}
	if note := handOffCopy(h.m, c.start); note != "" || c.calls != 0 {
		t.Fatalf("after the clear: note %q, clearer %+v", note, c)
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
	var c clearerCall
	handOffCopy(h.m, c.start) // waits for the write, then hands it over
	if got, _ := h.clip.get(); got != h.secret() || c.calls != 1 || c.res.Channel != clipboard.System || c.seconds != 30 {
		t.Fatalf("clipboard %q, clearer %+v after quitting mid-copy", got, c)
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
	if h.m.statusText() != "password copied — not cleared automatically" {
		t.Fatalf("status %q", h.m.statusText())
	}
	if h.fire(isTick) != 0 {
		t.Fatal("a countdown runs with --clear-after 0")
	}
	h.keys("q")
	var c clearerCall
	if got, _ := h.clip.get(); got != h.secret() || handOffCopy(h.m, c.start) != "" || c.calls != 0 {
		t.Fatalf("clipboard %q, clearer %+v: cleared although clearing is off", got, c)
	}
}

func TestClearAfterFromSettings(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) { s.ClearAfter = 5 }))
	h.keys("c")
	if h.m.statusText() != "password copied — clears in 5s" {
		t.Fatalf("status %q", h.m.statusText())
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
	if !strings.Contains(h.m.statusText(), "— clears in 30s") {
		t.Fatalf("status %q", h.m.statusText())
	}
}

// uiTmux is a tmux server as far as copying goes: named buffers, newest
// first, and what -w sent to the terminal.
type uiTmux struct {
	t       *testing.T
	secret  string
	buffers []string // names, newest first
	content map[string]string
	sent    []string
	state   string // display-message's answer; "": tmux's defaults
}

func (f *uiTmux) run(stdin string, args ...string) ([]byte, error) {
	for _, a := range args {
		if strings.Contains(a, f.secret) {
			f.t.Fatalf("the secret in tmux's arguments: %q", args)
		}
	}
	switch args[0] {
	case "display-message":
		if f.state != "" {
			return []byte(f.state), nil
		}
		return []byte("external|0|/dev/pts/1|0|xterm-256color\n"), nil
	case "load-buffer":
		name := args[2]
		f.buffers = append([]string{name}, slices.DeleteFunc(f.buffers, func(b string) bool { return b == name })...)
		f.content[name] = stdin
		f.sent = append(f.sent, stdin)
		return nil, nil
	case "list-buffers":
		return []byte(strings.Join(f.buffers, "\n") + "\n"), nil
	case "show-buffer":
		c, ok := f.content[args[2]]
		if !ok {
			return nil, errors.New("no buffer " + args[2])
		}
		return []byte(c), nil
	case "delete-buffer":
		f.buffers = slices.DeleteFunc(f.buffers, func(b string) bool { return b == args[2] })
		delete(f.content, args[2])
		return nil, nil
	}
	f.t.Fatalf("unexpected tmux %q", args)
	return nil, nil
}

// Over SSH inside tmux the copy goes through tmux (its default options
// drop an OSC 52), the status says so, and the clear deletes our buffer.
func TestCopyThroughTmux(t *testing.T) {
	h := newHarness(t)
	f := &uiTmux{t: t, secret: h.secret(), content: map[string]string{}}
	h.m.deps.tmux = f.run
	h.send(tea.EnvMsg{"SSH_TTY=/dev/pts/4", "TMUX=/tmp/tmux-0/default,1,0"})
	h.keys("c")
	if len(f.sent) != 1 || f.sent[0] != h.secret() || f.content["sesame"] != h.secret() || len(h.raw) != 0 {
		t.Fatalf("tmux got %q, raw %q", f.sent, h.raw)
	}
	if got := h.m.statusText(); got != "password copied through tmux — clears in 30s" {
		t.Fatalf("status %q", got)
	}
	h.advance(30 * time.Second)
	if _, ok := f.content["sesame"]; ok || !strings.Contains(h.m.statusText(), "tmux buffer deleted") {
		t.Fatalf("after the clear: buffers %v, status %q", f.buffers, h.m.statusText())
	}
}

// The countdown says whether the secret on the clipboard is the one on
// screen: after r, or on another tab, it is the previous one.
func TestCopyStatusStaysTrueOfTheScreen(t *testing.T) {
	h := newHarness(t)
	h.keys("c")
	h.advance(2 * time.Second)
	mustContain(t, h.view(), "password copied — clears in 28s")
	h.keys("r")
	mustContain(t, h.view(), "previous password copied (not the one on screen) — clears in 28s")
	h.keys("2")
	mustContain(t, h.view(), "previous password copied (not the one on screen) — clears in 28s")
	h.keys("1")
	mustContain(t, h.view(), "previous password copied (not the one on screen)")
	h.keys("c")
	mustContain(t, h.view(), "password copied — clears in 30s")
	mustNotContain(t, h.view(), "previous")
}
