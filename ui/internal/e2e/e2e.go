//go:build unix

// Package e2e starts the real things sesame's end-to-end tests need: the
// sesame binary, an X server (Xvfb) with a small X client to look at its
// clipboard, a headless Wayland compositor (sway, with wl-clipboard), a
// private tmux server and a throwaway SSH server on loopback. It is
// imported only by tests.
//
// CI installs the tools and sets SESAME_REQUIRE_E2E=1 (or
// SESAME_REQUIRE_TMUX=1 for tmux), so a missing tool fails a test there;
// elsewhere the test is skipped.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/clipboard"
)

// Need skips the test when a tool is missing, or fails it where the tools
// are required (CI).
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
