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
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/clipboard"
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
		build := exec.Command("go", "build", "-o", binary, "github.com/sesame-sh/sesame")
		build.Env = append(os.Environ(), "CGO_ENABLED=0") // as make build ships it
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	// A copy leaves a detached clearer behind; it must not outlive the
	// test and meet the next test's X server.
	t.Cleanup(func() { exec.Command("pkill", "-f", binary+" "+clipboard.ClearerCommand).Run() })
	return binary
}

// Xvfb starts an X server and returns its DISPLAY. The server picks a free
// display itself (-displayfd) and a clipboard round trip proves it works
// before a test relies on it. X tests hold a lock shared by every test
// binary for their whole run: go test runs packages in parallel, and a
// clipboard clearer left behind by one test must not meet another test's
// server on a reused display number.
func Xvfb(t testing.TB) string {
	t.Helper()
	Need(t, "Xvfb", "xclip")
	lockX(t)
	var logs []string
	for range 3 {
		display, stop, log := startXvfb(t)
		if display == "" {
			stop()
			logs = append(logs, "no display reported\n"+log())
			continue
		}
		if err := roundTrip(display); err != nil {
			stop()
			logs = append(logs, fmt.Sprintf("%s: %v\n%s", display, err, log()))
			continue
		}
		t.Cleanup(stop)
		return display
	}
	t.Fatalf("no working Xvfb:\n%s", strings.Join(logs, "\n---\n"))
	return ""
}

// lockX takes the machine-wide X test lock until t ends.
func lockX(t testing.TB) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "sesame-e2e-x.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() }) // closing releases the lock
}

func startXvfb(t testing.TB) (display string, stop func(), log func() string) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var stderr strings.Builder
	var mu sync.Mutex
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-screen", "0", "640x480x24")
	cmd.ExtraFiles = []*os.File{w}
	cmd.Stderr = writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return stderr.Write(p) })
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	stop = func() {
		// SIGTERM lets the server remove its lock file and socket, so
		// the next server does not trip over them.
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}
	log = func() string { mu.Lock(); defer mu.Unlock(); return stderr.String() }
	got := make(chan string, 1)
	go func() {
		// Read through the newline: Xvfb writes the number and the
		// newline separately, and dies if the pipe closes in between.
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n != "" {
			return ":" + n, stop, log
		}
	case <-time.After(10 * time.Second):
	}
	return "", stop, log
}

// roundTrip copies a probe to display's clipboard and reads it back.
func roundTrip(display string) error {
	probe := fmt.Sprintf("probe-%d", time.Now().UnixNano())
	var last error
	if WaitFor(5*time.Second, func() bool {
		in := exec.Command("xclip", "-in", "-selection", "clipboard")
		in.Env = append(os.Environ(), "DISPLAY="+display)
		in.Stdin = strings.NewReader(probe)
		// xclip -in leaves a child serving the selection, holding its
		// stdout and stderr: they must be files, not pipes to wait on.
		stderr, err := os.CreateTemp("", "sesame-e2e-xclip-")
		if err != nil {
			last = err
			return false
		}
		defer os.Remove(stderr.Name())
		defer stderr.Close()
		in.Stderr = stderr
		if err := in.Run(); err != nil {
			msg, _ := os.ReadFile(stderr.Name())
			last = fmt.Errorf("xclip -in: %v: %s", err, msg)
			return false
		}
		out := exec.Command("xclip", "-o", "-selection", "clipboard")
		out.Env = append(os.Environ(), "DISPLAY="+display)
		b, err := out.Output()
		if err != nil || string(b) != probe {
			last = fmt.Errorf("xclip -o: %v: read %q", err, b)
			return false
		}
		return true
	}) {
		return nil
	}
	return last
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

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
