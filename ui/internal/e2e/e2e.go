// Package e2e starts the real things sesame's end-to-end tests need: the
// sesame binary, an X server with a clipboard (Xvfb and xclip), a private
// tmux server and a throwaway SSH server on loopback. It is imported only
// by tests.
//
// CI installs the tools and sets SESAME_REQUIRE_E2E=1 (or
// SESAME_REQUIRE_TMUX=1 for tmux), so a missing tool fails a test there;
// elsewhere the test is skipped.
package e2e

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func Need(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("SESAME_REQUIRE_E2E") != "" {
				t.Fatalf("%s is not installed (CI must install it: see .ci/run)", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
}

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// Sesame builds the real binary once.
func Sesame(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sesame-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "sesame")
		if out, err := exec.Command("go", "build", "-o", binary, "github.com/sesame-sh/sesame").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// Xvfb starts an X server on a free display and returns its DISPLAY.
func Xvfb(t testing.TB) string {
	t.Helper()
	Need(t, "Xvfb", "xclip")
	for n := 90; n < 190; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		cmd := exec.Command("Xvfb", fmt.Sprintf(":%d", n), "-nolisten", "tcp", "-screen", "0", "640x480x24")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		display := fmt.Sprintf(":%d", n)
		if WaitFor(5*time.Second, func() bool {
			_, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
			return err == nil
		}) {
			return display
		}
		t.Fatalf("Xvfb on %s did not start", display)
	}
	t.Fatal("no free X display")
	return ""
}

// ClipboardOf reads the X clipboard.
func ClipboardOf(t testing.TB, display string) string {
	t.Helper()
	cmd := exec.Command("xclip", "-o", "-selection", "clipboard")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.Output()
	if err != nil {
		return "" // an empty selection reads as an error
	}
	return string(out)
}

// SetClipboard copies text as another application would.
func SetClipboard(t testing.TB, display, text string) {
	t.Helper()
	cmd := exec.Command("xclip", "-in", "-selection", "clipboard")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	cmd.Stdin = strings.NewReader(text)
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
}

// WaitFor polls cond until it holds or d has passed.
func WaitFor(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return cond()
}

// LocalEnv is the environment of a local desktop session on display.
func LocalEnv(display string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "SSH_TTY", "SSH_CONNECTION", "SSH_CLIENT", "TMUX", "WAYLAND_DISPLAY", "DISPLAY":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "DISPLAY="+display)
}

// SSHServer is a throwaway sshd on 127.0.0.1 with its own host key and one
// authorised user key, all in a temporary directory; it only accepts the
// current user, by key, and is stopped when the test ends.
type SSHServer struct {
	Port int
	key  string // the client's private key
	Dir  string // a private temporary directory of the server's
}

func StartSSH(t testing.TB) *SSHServer {
	t.Helper()
	Need(t, "ssh", "ssh-keygen")
	sshd := "/usr/sbin/sshd"
	if _, err := os.Stat(sshd); err != nil {
		var lookErr error
		if sshd, lookErr = exec.LookPath("sshd"); lookErr != nil {
			Need(t, "sshd")
		}
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o700)
	s := &SSHServer{Dir: dir, key: filepath.Join(dir, "user_key")}
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
	s.Port = l.Addr().(*net.TCPAddr).Port
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
`, s.Port, dir, dir, dir)
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
	if !WaitFor(5*time.Second, func() bool {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.Port))
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

// Command returns the ssh command line (for a tmux pane) that runs remote
// with a terminal.
func (s *SSHServer) Command(remote string) string {
	return fmt.Sprintf("ssh -tt -i %s -p %d -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes 127.0.0.1 %s",
		s.key, s.Port, shellQuote(remote))
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

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
