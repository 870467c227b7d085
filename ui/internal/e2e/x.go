//go:build unix

package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

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
		display, stop, log, proc := startXvfb(t)
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
		servers.Store(display, proc)
		t.Cleanup(func() { servers.Delete(display) })
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

// servers are the running X servers by display, for PauseX.
var servers sync.Map

// PauseX stops display's X server (SIGSTOP), as a server that stopped
// answering: its socket still accepts connections, but nothing answers
// them. It is resumed when the test ends (before it is stopped for good,
// which a stopped process could not act on).
func PauseX(t testing.TB, display string) {
	t.Helper()
	p, ok := servers.Load(display)
	if !ok {
		t.Fatalf("no X server of this test on %s", display)
	}
	proc := p.(*os.Process)
	if err := proc.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { proc.Signal(syscall.SIGCONT) })
}

func startXvfb(t testing.TB) (display string, stop func(), log func() string, proc *os.Process) {
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
			return ":" + n, stop, log, cmd.Process
		}
	case <-time.After(10 * time.Second):
	}
	return "", stop, log, cmd.Process
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
