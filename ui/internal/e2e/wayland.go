//go:build unix

package e2e

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Wayland is a headless sway compositor (wlroots' headless backend, no
// input devices, software rendering) and the user it runs as. sway
// refuses to run as root, so a root test runner starts it, and every
// program that talks to it, as the unprivileged user nobody, with a
// runtime directory of its own.
type Wayland struct {
	t       testing.TB
	dir     string // XDG_RUNTIME_DIR, also HOME: owned by the user
	display string // WAYLAND_DISPLAY
	cred    *syscall.Credential
}

// Sway starts a headless sway for the test, or skips (fails under
// SESAME_REQUIRE_E2E) when sway or wl-clipboard is missing.
func Sway(t testing.TB) *Wayland {
	t.Helper()
	Need(t, "sway", "wl-copy", "wl-paste")
	w := &Wayland{t: t}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("nobody")
		if err != nil {
			t.Fatalf("sway refuses root, and there is no user nobody to run it as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		w.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}
	}
	// The directory must be the user's alone: Wayland's socket goes there.
	dir, err := os.MkdirTemp("", "sesame-e2e-wayland-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if w.cred != nil {
		if err := os.Chown(dir, int(w.cred.Uid), int(w.cred.Gid)); err != nil {
			t.Fatal(err)
		}
	}
	w.dir = dir
	conf := filepath.Join(dir, "config")
	if err := os.WriteFile(conf, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	var log lockedBuffer
	cmd := w.Command("sway", "-c", conf)
	cmd.Env = append(cmd.Env, "WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman")
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	// sway names its socket wayland-N in the runtime directory.
	if !WaitFor(10*time.Second, func() bool {
		socks, _ := filepath.Glob(filepath.Join(dir, "wayland-*"))
		for _, s := range socks {
			if !strings.HasSuffix(s, ".lock") {
				w.display = filepath.Base(s)
				return true
			}
		}
		return false
	}) {
		t.Fatalf("sway made no Wayland socket:\n%s", log.String())
	}
	return w
}

// Env is the environment of a program in the Wayland session: no X
// display, no SSH or tmux, the user's runtime directory as HOME too, and a
// PATH with the system's programs (wl-clipboard among them).
func (w *Wayland) Env() []string {
	return []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + w.dir, "XDG_RUNTIME_DIR=" + w.dir,
		"XDG_CONFIG_HOME=" + filepath.Join(w.dir, "config.d"), "WAYLAND_DISPLAY=" + w.display}
}

// Command is a program run as the session's user, in its environment.
func (w *Wayland) Command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = w.Env()
	cmd.Dir = w.dir
	if w.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: w.cred}
	}
	return cmd
}

// Install copies a program (the test's sesame) where the session's user
// can run it, and returns its path.
func (w *Wayland) Install(path string) string {
	w.t.Helper()
	in, err := os.Open(path)
	if err != nil {
		w.t.Fatal(err)
	}
	defer in.Close()
	dst := filepath.Join(w.dir, filepath.Base(path))
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		w.t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		w.t.Fatal(err)
	}
	return dst
}

// Paste reads the clipboard with wl-paste; ok is false when it holds
// nothing.
func (w *Wayland) Paste() (text string, ok bool) {
	w.t.Helper()
	out, err := w.Command("wl-paste", "--no-newline").Output()
	if err != nil {
		return "", false
	}
	return string(out), true
}

// Copy copies text with wl-copy, as another program would.
func (w *Wayland) Copy(text string) {
	w.t.Helper()
	cmd := w.Command("wl-copy")
	cmd.Stdin = strings.NewReader(text)
	// wl-copy leaves a child serving the copy, holding its standard
	// output and error: they must not be pipes to wait on.
	if err := cmd.Run(); err != nil {
		w.t.Fatalf("wl-copy: %v", err)
	}
}

// lockedBuffer collects a process's output for a failure message.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return fmt.Sprint(l.b.String())
}
