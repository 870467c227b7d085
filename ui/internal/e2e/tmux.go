package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Tmux is a private tmux server: its own socket, and a configuration of
// its own with set-clipboard on (OSC 52 copies land in its paste buffers)
// and remain-on-exit on.
type Tmux struct {
	t      testing.TB
	socket string
}

func StartTmux(t testing.TB, width, height int, command string, env ...string) *Tmux {
	t.Helper()
	Need(t, "tmux")
	m := &Tmux{t: t, socket: fmt.Sprintf("sesame-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	t.Cleanup(func() { exec.Command("tmux", "-L", m.socket, "kill-server").Run() })
	// The options must hold before the pane's command starts, or a fast
	// command's OSC 52 can beat them: a config file applies them first.
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	os.WriteFile(conf, []byte("set -s set-clipboard on\nset -g remain-on-exit on\nset -s escape-time 50\n"), 0o600)
	args := []string{"-f", conf, "new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height)}
	for _, kv := range env {
		args = append(args, "-e", kv)
	}
	args = append(args, command)
	m.Run(args...)
	return m
}

func (m *Tmux) Run(args ...string) string {
	m.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", m.socket}, args...)...).CombinedOutput()
	if err != nil {
		m.t.Fatalf("tmux %v: %v: %s", args, err, out)
	}
	return string(out)
}

// Screen returns the pane's text.
func (m *Tmux) Screen() string { return m.Run("capture-pane", "-p", "-t", "e2e") }

// Text returns the pane's history and screen, for line-oriented output
// that may have scrolled.
func (m *Tmux) Text() string { return m.Run("capture-pane", "-p", "-S", "-", "-t", "e2e") }

// WaitScreen waits until the pane shows text matching cond.
func (m *Tmux) WaitScreen(d time.Duration, cond func(string) bool) (string, bool) {
	return m.waitFor(d, m.Screen, cond)
}

// WaitText is WaitScreen over the pane's history too.
func (m *Tmux) WaitText(d time.Duration, cond func(string) bool) (string, bool) {
	return m.waitFor(d, m.Text, cond)
}

func (m *Tmux) waitFor(d time.Duration, capture func() string, cond func(string) bool) (string, bool) {
	var s string
	ok := WaitFor(d, func() bool { s = capture(); return cond(s) })
	return s, ok
}

// Buffer returns tmux's newest paste buffer, where OSC 52 copies land
// with set-clipboard on ("" if none).
func (m *Tmux) Buffer() string {
	out, err := exec.Command("tmux", "-L", m.socket, "show-buffer").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// Dead reports whether the pane's program has exited (tmux does not always
// print its "Pane is dead" notice).
func (m *Tmux) Dead() bool {
	return strings.TrimSpace(m.Run("list-panes", "-t", "e2e", "-F", "#{pane_dead}")) == "1"
}
