//go:build unix

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

// Tmux is a private tmux server on a socket of its own. One started by
// StartTmux plays the user's terminal: its configuration has set-clipboard
// on, so what reaches the terminal's clipboard (an OSC 52, from a program
// or from a tmux inside it) lands in its paste buffers, and remain-on-exit
// on, so a pane's last words can be read.
type Tmux struct {
	t    testing.TB
	sock []string // -L name, or -S path
}

func StartTmux(t testing.TB, width, height int, command string, env ...string) *Tmux {
	t.Helper()
	Need(t, "tmux")
	m := &Tmux{t: t, sock: []string{"-L", fmt.Sprintf("sesame-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}}
	t.Cleanup(func() { m.command("kill-server").Run() })
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

// command is a tmux command for this server. The server takes its
// environment from the command that starts it, so that is a terminal's
// fresh one: none of the test runner's own session (its tmux, SSH or
// display) leaks into the panes.
func (m *Tmux) command(args ...string) *exec.Cmd {
	cmd := exec.Command("tmux", append(append([]string(nil), m.sock...), args...)...)
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "TMUX", "TMUX_PANE", "SSH_TTY", "SSH_CONNECTION", "SSH_CLIENT", "DISPLAY", "WAYLAND_DISPLAY":
		default:
			cmd.Env = append(cmd.Env, kv)
		}
	}
	return cmd
}

// Run runs a tmux command and fails the test if tmux does.
func (m *Tmux) Run(args ...string) string {
	m.t.Helper()
	out, err := m.command(args...).CombinedOutput()
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
	out, err := m.command("show-buffer").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// Buffers returns the contents of all tmux's paste buffers, newest first.
func (m *Tmux) Buffers() []string {
	out, err := m.command("list-buffers", "-F", "#{buffer_name}").Output()
	if err != nil {
		return nil // no server: no buffers
	}
	var all []string
	for name := range strings.Lines(string(out)) {
		data, _ := m.Named(strings.TrimSuffix(name, "\n"))
		all = append(all, data)
	}
	return all
}

// Named returns the paste buffer called name, and whether there is one.
func (m *Tmux) Named(name string) (string, bool) {
	out, err := m.command("show-buffer", "-b", name).Output()
	return string(out), err == nil
}
