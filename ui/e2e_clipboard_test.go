//go:build unix

package ui

import (
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/internal/e2e"
)

// The interactive program against a real X clipboard, with no clipboard
// tool on PATH: c copies the secret on screen, which sesame serves itself,
// the status counts down, the clipboard is cleared when it runs out, a
// value another program copied meanwhile survives, and quitting leaves the
// copy for the user to paste, served and then cleared by the detached
// clearer.
func TestEndToEndTUICopyOnRealX(t *testing.T) {
	m, display, secret := startOnX(t, 2)
	m.Run("send-keys", "-t", "e2e", "c")
	if !e2e.WaitFor(5*time.Second, func() bool { return e2e.ClipboardOf(t, display) == secret }) {
		t.Fatalf("clipboard %q, want the secret shown %q", e2e.ClipboardOf(t, display), secret)
	}
	if scr, ok := m.WaitScreen(3*time.Second, func(s string) bool { return strings.Contains(s, "password copied (X11) — clears in") }); !ok {
		t.Fatalf("no countdown:\n%s", scr)
	}
	if !e2e.WaitFor(6*time.Second, func() bool { return !e2e.XOwned(t, display) }) {
		t.Fatal("the clipboard still holds the secret after --clear-after 2")
	}
	if scr, ok := m.WaitScreen(3*time.Second, func(s string) bool { return strings.Contains(s, "clipboard cleared") }); !ok {
		t.Fatalf("no 'cleared' status:\n%s", scr)
	}

	// The user copies something else before the timer: it survives.
	m.Run("send-keys", "-t", "e2e", "c")
	if !e2e.WaitFor(5*time.Second, func() bool { return e2e.ClipboardOf(t, display) == secret }) {
		t.Fatal("second copy missing")
	}
	e2e.SetClipboard(t, display, "the user's own text")
	if scr, ok := m.WaitScreen(3*time.Second, func(s string) bool { return strings.Contains(s, "now holds something else") }); !ok {
		t.Fatalf("the copy over ours went unnoticed:\n%s", scr)
	}
	time.Sleep(2500 * time.Millisecond) // past the countdown
	if got := e2e.ClipboardOf(t, display); got != "the user's own text" {
		t.Fatalf("the user's copy was clobbered: %q", got)
	}

	// Copy, quit, paste: the clipboard still holds the secret after
	// quitting, and is cleared when the countdown runs out, with no sesame
	// program left on screen.
	m.Run("send-keys", "-t", "e2e", "c")
	if !e2e.WaitFor(5*time.Second, func() bool { return e2e.ClipboardOf(t, display) == secret }) {
		t.Fatal("third copy missing")
	}
	m.Run("send-keys", "-t", "e2e", "q")
	if scr, ok := m.WaitText(5*time.Second, func(s string) bool { return strings.Contains(s, "sesame-exit-0") }); !ok {
		t.Fatalf("sesame did not quit:\n%s", scr)
	}
	if got := e2e.ClipboardOf(t, display); got != secret {
		t.Fatalf("quitting took the copy away: clipboard %q", got)
	}
	if text := m.Text(); !strings.Contains(text, "sesame: the clipboard clears in ") {
		t.Fatalf("no note of when the clipboard clears:\n%s", text)
	}
	if !running(t, e2e.Sesame(t)+" __clear-clipboard") {
		t.Fatal("no clearer serves the copy after quitting")
	}
	if !e2e.WaitFor(6*time.Second, func() bool { return !e2e.XOwned(t, display) }) {
		t.Fatal("the clipboard still holds the secret after the countdown")
	}
}

// In a tmux with its default options (which drop an OSC 52) inside a
// terminal that takes clipboard writes (here an outer tmux), and without
// a system clipboard, c copies through tmux: the terminal receives the
// secret; after quitting, the detached clearer deletes our tmux buffer
// when the countdown runs out.
func TestEndToEndTUICopyThroughNestedTmux(t *testing.T) {
	bin := e2e.Sesame(t)
	n := e2e.StartNested(t, e2e.NestedOptions{Term: "xterm-256color"})
	n.Inner.Run("send-keys", "-t", "e2e", "env DISPLAY= WAYLAND_DISPLAY= XDG_CONFIG_HOME="+t.TempDir()+" "+bin+" --no-config --clear-after 3", "Enter")
	scr, ok := n.Inner.WaitScreen(10*time.Second, func(s string) bool { return len(secretOn(s)) == 20 })
	if !ok {
		t.Fatalf("no secret on screen:\n%s", scr)
	}
	secret := secretOn(scr)
	n.Inner.Run("send-keys", "-t", "e2e", "c")
	if !e2e.WaitFor(5*time.Second, func() bool { return slices.Contains(n.Outer.Buffers(), secret) }) {
		t.Fatalf("the terminal's clipboard got %q, want the secret", n.Outer.Buffers())
	}
	if scr, ok := n.Inner.WaitScreen(3*time.Second, func(s string) bool { return strings.Contains(s, "password copied through tmux") }); !ok {
		t.Fatalf("no status of a copy through tmux:\n%s", scr)
	}
	n.Inner.Run("send-keys", "-t", "e2e", "q")
	if scr, ok := n.Inner.WaitScreen(5*time.Second, func(s string) bool { return strings.Contains(s, "sesame: the clipboard clears in ") }); !ok {
		t.Fatalf("no note after quitting:\n%s", scr)
	}
	if got, ok := n.Inner.Named("sesame"); !ok || got != secret {
		t.Fatalf("our tmux buffer %q (%v) right after quitting, want the secret", got, ok)
	}
	if !e2e.WaitFor(8*time.Second, func() bool { _, ok := n.Inner.Named("sesame"); return !ok }) {
		t.Fatal("our tmux buffer outlived the countdown")
	}
}

// Over a real SSH connection on loopback, c sends the secret to the user's
// terminal with OSC 52: tmux (set-clipboard on) keeps the payload in a
// paste buffer, and it equals the secret on screen.
func TestEndToEndTUICopyOverSSH(t *testing.T) {
	srv := e2e.StartSSH(t)
	bin := e2e.Sesame(t)
	m := e2e.StartTmux(t, 100, 30, srv.Command("XDG_CONFIG_HOME="+srv.Dir+" "+bin+" --no-config; echo sesame-exit-$?"))
	scr, ok := m.WaitScreen(15*time.Second, func(s string) bool { return len(secretOn(s)) == 20 })
	if !ok {
		t.Fatalf("no secret on screen over ssh:\n%s", scr)
	}
	secret := secretOn(scr)
	m.Run("send-keys", "-t", "e2e", "c")
	if !e2e.WaitFor(5*time.Second, func() bool { return m.Buffer() == secret }) {
		t.Fatalf("tmux buffer %q, want the secret shown %q", m.Buffer(), secret)
	}
	if scr, ok := m.WaitScreen(3*time.Second, func(s string) bool {
		return strings.Contains(s, "sent to the terminal clipboard (OSC 52)")
	}); !ok {
		t.Fatalf("no OSC 52 status:\n%s", scr)
	}
	m.Run("send-keys", "-t", "e2e", "q")
	// (tmux does not always print "Pane is dead" for an ssh pane, so the
	// remote shell reports sesame's exit status.)
	if scr, ok := m.WaitText(5*time.Second, func(s string) bool { return strings.Contains(s, "sesame-exit-0") }); !ok {
		t.Fatalf("sesame did not quit with status 0:\n%s", scr)
	}
}

// Closing the terminal (tmux kill-pane, a dropped SSH connection) sends
// SIGHUP: sesame hands the countdown to the detached clearer as it does on
// q, ctrl+c and SIGTERM, so our tmux buffer does not outlive the delay.
// The pane is a second window, so that the tmux server and its attached
// client outlive it.
func TestEndToEndHangupHandsTheCountdownOver(t *testing.T) {
	bin := e2e.Sesame(t)
	n := e2e.StartNested(t, e2e.NestedOptions{Term: "xterm-256color"})
	pane := strings.TrimSpace(n.Inner.Run("new-window", "-P", "-F", "#{pane_id}", "-t", "e2e",
		"env DISPLAY= WAYLAND_DISPLAY= XDG_CONFIG_HOME="+t.TempDir()+" "+bin+" --no-config --clear-after 2"))
	scr, ok := n.Inner.WaitScreen(10*time.Second, func(s string) bool { return len(secretOn(s)) == 20 })
	if !ok {
		t.Fatalf("no secret on screen:\n%s", scr)
	}
	secret := secretOn(scr)
	n.Inner.Run("send-keys", "-t", pane, "c")
	if !e2e.WaitFor(5*time.Second, func() bool { got, _ := n.Inner.Named("sesame"); return got == secret }) {
		t.Fatalf("our tmux buffer does not hold the secret:\n%s", n.Inner.Screen())
	}
	n.Inner.Run("kill-pane", "-t", pane)
	if !e2e.WaitFor(8*time.Second, func() bool { _, ok := n.Inner.Named("sesame"); return !ok }) {
		t.Fatal("our tmux buffer outlived the countdown after the terminal closed")
	}
	if !e2e.WaitFor(3*time.Second, func() bool { return slices.Contains(n.Outer.Buffers(), " ") }) {
		t.Fatalf("the terminal's clipboard was not overwritten: it got %q", n.Outer.Buffers())
	}
}

// An X server that stopped answering leaves sesame's requests unanswered;
// quitting still takes less than 3 s, whether a copy is under way or done.
// A copy done cannot be handed to the clearer, which cannot reach the X
// server either, and sesame says it ends with it.
func TestEndToEndQuitsWithTheXServerStopped(t *testing.T) {
	for _, stopBeforeCopy := range []bool{true, false} {
		t.Run(fmt.Sprintf("copy under way %v", stopBeforeCopy), func(t *testing.T) {
			m, display, secret := startOnX(t, 30)
			if !stopBeforeCopy {
				m.Run("send-keys", "-t", "e2e", "c")
				if !e2e.WaitFor(5*time.Second, func() bool { return e2e.ClipboardOf(t, display) == secret }) {
					t.Fatal("the copy did not land")
				}
			}
			e2e.PauseX(t, display)
			if stopBeforeCopy {
				m.Run("send-keys", "-t", "e2e", "c")
				time.Sleep(200 * time.Millisecond) // the copy is waiting on X now
			}
			m.Run("send-keys", "-t", "e2e", "q")
			start := time.Now()
			if scr, ok := m.WaitText(3*time.Second, func(s string) bool { return strings.Contains(s, "sesame-exit-0") }); !ok {
				t.Fatalf("sesame did not quit within 3s of q with the X server stopped:\n%s", scr)
			}
			t.Logf("quit in %v", time.Since(start))
			if !stopBeforeCopy && !strings.Contains(m.Text(), "sesame: warning: the copy ends with sesame: handing the X clipboard to the clipboard clearer: it ") {
				t.Fatalf("no word that the copy could not be handed over:\n%s", m.Text())
			}
		})
	}
}

// Another program copying over the secret is noticed within a second (the
// X server tells the owner at once): the countdown stops, and quitting
// hands nothing over to the clearer.
func TestEndToEndNoticesAnotherProgramsCopy(t *testing.T) {
	m, display, secret := startOnX(t, 8)
	m.Run("send-keys", "-t", "e2e", "c")
	if !e2e.WaitFor(5*time.Second, func() bool { return e2e.ClipboardOf(t, display) == secret }) {
		t.Fatalf("the copy did not land:\n%s", m.Screen())
	}
	if scr, ok := m.WaitScreen(3*time.Second, func(s string) bool { return strings.Contains(s, "password copied (X11) — clears in") }); !ok {
		t.Fatalf("no countdown:\n%s", scr)
	}
	e2e.SetClipboard(t, display, "another program's text")
	start := time.Now()
	scr, ok := m.WaitScreen(time.Second, func(s string) bool {
		return strings.Contains(s, "the clipboard now holds something else; nothing to clear")
	})
	if !ok {
		t.Fatalf("not noticed within a second:\n%s", scr)
	}
	t.Logf("noticed in %v", time.Since(start))
	if strings.Contains(scr, "clears in") {
		t.Fatalf("the countdown still runs:\n%s", scr)
	}
	m.Run("send-keys", "-t", "e2e", "q")
	text, ok := m.WaitText(5*time.Second, func(s string) bool { return strings.Contains(s, "sesame-exit-0") })
	if !ok {
		t.Fatalf("sesame did not quit:\n%s", text)
	}
	if strings.Contains(text, "clipboard clears in") || running(t, e2e.Sesame(t)+" __clear-clipboard") {
		t.Fatalf("a countdown was handed over:\n%s", text)
	}
	if got := e2e.ClipboardOf(t, display); got != "another program's text" {
		t.Fatalf("clipboard %q", got)
	}
}

// running reports whether a process runs whose arguments begin with args.
func running(t *testing.T, args string) bool {
	t.Helper()
	ps, err := exec.Command("ps", "-eo", "args").Output()
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.Lines(string(ps)) {
		if strings.HasPrefix(strings.TrimSpace(l), args) {
			return true
		}
	}
	return false
}

// startOnX starts the interactive program in tmux, from a shell that
// reports its exit status (sesame-exit-N), against its own X server, with
// the given countdown, and returns the pane, the display and the secret
// on screen once one shows.
func startOnX(t *testing.T, clearAfter int) (*e2e.Tmux, string, string) {
	t.Helper()
	display := e2e.Xvfb(t)
	bin := e2e.Sesame(t)
	env := []string{"XDG_CONFIG_HOME=" + t.TempDir(), "SSH_TTY=", "SSH_CONNECTION=", "SSH_CLIENT=", "WAYLAND_DISPLAY=", "DISPLAY=" + display}
	// No program on sesame's PATH: no clipboard tool serves the copy.
	m := e2e.StartTmux(t, 100, 30, fmt.Sprintf("PATH= %s --no-config --clear-after %d; echo sesame-exit-$?; sleep 60", bin, clearAfter), env...)
	scr, ok := m.WaitScreen(10*time.Second, func(s string) bool { return len(secretOn(s)) == 20 })
	if !ok {
		t.Fatalf("no secret on screen:\n%s", scr)
	}
	return m, display, secretOn(scr)
}

// With clearing off, a copy sesame serves itself (X11) outlives the
// program: quitting hands it to the detached clearer, which serves it
// until another program copies, and then ends.
func TestEndToEndCopyOutlivesTheProgramWithClearingOff(t *testing.T) {
	m, display, secret := startOnX(t, 0)
	m.Run("send-keys", "-t", "e2e", "c")
	if scr, ok := m.WaitScreen(5*time.Second, func(s string) bool { return strings.Contains(s, "password copied (X11) — not cleared automatically") }); !ok {
		t.Fatalf("no status of the copy:\n%s", scr)
	}
	m.Run("send-keys", "-t", "e2e", "q")
	text, ok := m.WaitText(5*time.Second, func(s string) bool { return strings.Contains(s, "sesame-exit-0") })
	if !ok {
		t.Fatalf("sesame did not quit:\n%s", text)
	}
	if !strings.Contains(text, "sesame: the copy stays on the clipboard until another program copies") {
		t.Fatalf("no note of the copy left behind:\n%s", text)
	}
	time.Sleep(500 * time.Millisecond)
	if got := e2e.ClipboardOf(t, display); got != secret {
		t.Fatalf("clipboard %q after quitting, want the secret", got)
	}
	e2e.SetClipboard(t, display, "another program's text")
	if !e2e.WaitFor(2*time.Second, func() bool { return !running(t, e2e.Sesame(t)+" __clear-clipboard") }) {
		t.Fatal("the clearer still runs after another program copied")
	}
}
