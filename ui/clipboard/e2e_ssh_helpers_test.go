package clipboard_test

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sshServer is a throwaway sshd on 127.0.0.1 with its own host key and one
// authorised user key, all in a temporary directory; it only accepts the
// current user, by key, and is stopped when the test ends.
type sshServer struct {
	port int
	key  string // the client's private key
	dir  string
}

func startSSH(t *testing.T) *sshServer {
	t.Helper()
	need(t, "ssh", "ssh-keygen")
	sshd := "/usr/sbin/sshd"
	if _, err := os.Stat(sshd); err != nil {
		var lookErr error
		if sshd, lookErr = exec.LookPath("sshd"); lookErr != nil {
			need(t, "sshd")
		}
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o700)
	s := &sshServer{dir: dir, key: filepath.Join(dir, "user_key")}
	for _, k := range []string{"host_key", "user_key"} {
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", filepath.Join(dir, k)).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v: %s", err, out)
		}
	}
	pub, _ := os.ReadFile(s.key + ".pub")
	os.WriteFile(filepath.Join(dir, "authorized_keys"), pub, 0o600)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	config := fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %s/host_key
AuthorizedKeysFile %s/authorized_keys
PidFile %s/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
PrintLastLog no
LogLevel ERROR
`, s.port, dir, dir, dir)
	os.WriteFile(filepath.Join(dir, "sshd_config"), []byte(config), 0o600)
	if os.Geteuid() == 0 {
		os.MkdirAll("/run/sshd", 0o755) // privilege separation needs it
	}
	cmd := exec.Command(sshd, "-D", "-e", "-f", filepath.Join(dir, "sshd_config"))
	log, _ := os.Create(filepath.Join(dir, "sshd.log"))
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if !waitFor(5*time.Second, func() bool {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.port))
		if err == nil {
			c.Close()
		}
		return err == nil
	}) {
		out, _ := os.ReadFile(filepath.Join(dir, "sshd.log"))
		t.Fatalf("sshd did not start: %s", out)
	}
	return s
}

// command returns the ssh command line (for a tmux pane) that runs remote
// with a terminal.
func (s *sshServer) command(remote string) string {
	return fmt.Sprintf("ssh -tt -i %s -p %d -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes 127.0.0.1 %s",
		s.key, s.port, shellQuote(remote))
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// tmuxServer is a private tmux server (its own socket, no config file).
type tmuxServer struct {
	t      *testing.T
	socket string
}

func startTmux(t *testing.T, width, height int, command string, env ...string) *tmuxServer {
	t.Helper()
	need(t, "tmux")
	m := &tmuxServer{t: t, socket: fmt.Sprintf("sesame-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
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
	m.run(args...)
	return m
}

func (m *tmuxServer) run(args ...string) string {
	m.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", m.socket}, args...)...).CombinedOutput()
	if err != nil {
		m.t.Fatalf("tmux %v: %v: %s", args, err, out)
	}
	return string(out)
}

// screen returns the pane's text.
func (m *tmuxServer) screen() string { return m.run("capture-pane", "-p", "-t", "e2e") }

// text returns the pane's history and screen, for line-oriented output
// that may have scrolled.
func (m *tmuxServer) text() string { return m.run("capture-pane", "-p", "-S", "-", "-t", "e2e") }

// waitScreen waits until the pane shows text matching cond.
func (m *tmuxServer) waitScreen(d time.Duration, cond func(string) bool) (string, bool) {
	return m.waitFor(d, m.screen, cond)
}

// waitText is waitScreen over the pane's history too.
func (m *tmuxServer) waitText(d time.Duration, cond func(string) bool) (string, bool) {
	return m.waitFor(d, m.text, cond)
}

func (m *tmuxServer) waitFor(d time.Duration, capture func() string, cond func(string) bool) (string, bool) {
	var s string
	ok := waitFor(d, func() bool { s = capture(); return cond(s) })
	return s, ok
}

// buffer returns tmux's newest paste buffer, where OSC 52 copies land
// with set-clipboard on ("" if none).
func (m *tmuxServer) buffer() string {
	out, err := exec.Command("tmux", "-L", m.socket, "show-buffer").Output()
	if err != nil {
		return ""
	}
	return string(out)
}
