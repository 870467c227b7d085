package clipboard_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The end-to-end tests drive the real sesame binary against a real X
// server (Xvfb + xclip), a real tmux and a real SSH connection on
// loopback. CI installs the tools and sets SESAME_REQUIRE_E2E=1, so there
// a missing tool fails the test; elsewhere it skips.

func need(t *testing.T, tools ...string) {
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

// sesame builds the real binary once.
func sesame(t *testing.T) string {
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

// xvfb starts an X server on a free display and returns its DISPLAY.
func xvfb(t *testing.T) string {
	t.Helper()
	need(t, "Xvfb", "xclip")
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
		if waitFor(5*time.Second, func() bool {
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

// clipboardOf reads the X clipboard.
func clipboardOf(t *testing.T, display string) string {
	t.Helper()
	cmd := exec.Command("xclip", "-o", "-selection", "clipboard")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.Output()
	if err != nil {
		return "" // an empty selection reads as an error
	}
	return string(out)
}

// setClipboard copies text as another application would.
func setClipboard(t *testing.T, display, text string) {
	t.Helper()
	cmd := exec.Command("xclip", "-in", "-selection", "clipboard")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	cmd.Stdin = strings.NewReader(text)
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
}

func waitFor(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return cond()
}

// localEnv is the environment of a local desktop session on display.
func localEnv(display string) []string {
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
