package clipboard_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Over a real SSH connection, sesame pw --copy sends the secret to the
// user's terminal with OSC 52 (the tmux pane, with set-clipboard on, keeps
// it in a paste buffer we can read), not to stdout: the redirected file
// holds the password and no escape sequence.
func TestCLICopyOverSSHReachesTerminal(t *testing.T) {
	srv := startSSH(t)
	bin := sesame(t)
	out := filepath.Join(srv.dir, "out")
	remote := bin + " pw --copy --clear-after 0 > " + out + "; echo done-$?"
	m := startTmux(t, 100, 30, srv.command(remote))
	screen, ok := m.waitText(15*time.Second, func(s string) bool { return strings.Contains(s, "done-") })
	if !ok {
		t.Fatalf("remote command did not finish:\n%s", screen)
	}
	if !strings.Contains(screen, "done-0") || !strings.Contains(screen, "sent to the terminal clipboard (OSC 52)") {
		t.Fatalf("screen:\n%s", screen)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	secret := strings.TrimSpace(string(data))
	if len(secret) != 20 || strings.Contains(string(data), "\x1b") {
		t.Fatalf("file %q", data)
	}
	if got := m.buffer(); got != secret {
		t.Fatalf("tmux buffer %q, want the secret %q", got, secret)
	}
}
