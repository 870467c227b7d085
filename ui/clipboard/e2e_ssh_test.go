//go:build unix

package clipboard_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/internal/e2e"
)

// Over a real SSH connection, sesame pw --copy sends the secret to the
// user's terminal with OSC 52 (the tmux pane, with set-clipboard on, keeps
// it in a paste buffer we can read), not to stdout: the redirected file
// holds the password and no escape sequence.
func TestCLICopyOverSSHReachesTerminal(t *testing.T) {
	srv := e2e.StartSSH(t)
	bin := e2e.Sesame(t)
	out := filepath.Join(srv.Dir, "out")
	remote := bin + " pw --copy --clear-after 0 > " + out + "; echo done-$?"
	m := e2e.StartTmux(t, 100, 30, srv.Command(remote))
	screen, ok := m.WaitText(15*time.Second, func(s string) bool { return strings.Contains(s, "done-") })
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
	if got := m.Buffer(); got != secret {
		t.Fatalf("tmux buffer %q, want the secret %q", got, secret)
	}
}
