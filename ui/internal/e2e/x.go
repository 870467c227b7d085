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

	"github.com/jezek/xgb/xproto"
)

// Xvfb starts an X server and returns its DISPLAY. The server picks a free
// display itself (-displayfd) and a client's round trip proves it works
// before a test relies on it. X tests hold a lock shared by every test
// binary for their whole run: go test runs packages in parallel, and a
// clipboard clearer left behind by one test must not meet another test's
// server on a reused display number.
func Xvfb(t testing.TB) string {
	t.Helper()
	Need(t, "Xvfb")
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
	// -noreset: the server would otherwise reset, dropping new
	// connections meanwhile, each time its last client leaves.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-noreset", "-nolisten", "tcp", "-screen", "0", "640x480x24")
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

// roundTrip proves display answers: a client connects, makes a window
// and asks who owns the clipboard.
func roundTrip(display string) error {
	var last error
	if WaitFor(5*time.Second, func() bool {
		c, err := dialClient(display)
		if err != nil {
			last = err
			return false
		}
		defer c.conn.Close()
		clip, err := c.atom("CLIPBOARD")
		if err == nil {
			_, err = xproto.GetSelectionOwner(c.conn, clip).Reply()
		}
		last = err
		return err == nil
	}) {
		return nil
	}
	return last
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// LocalEnv is the environment of a local desktop session on display, with
// no program on PATH: sesame serves the X clipboard itself, and no
// clipboard tool (xclip, xsel) must do it for it.
func LocalEnv(display string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "SSH_TTY", "SSH_CONNECTION", "SSH_CLIENT", "TMUX", "WAYLAND_DISPLAY", "DISPLAY", "PATH":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "DISPLAY="+display, "PATH=")
}
