package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// The real binary in a real terminal: sesame is built from the module root
// and driven in tmux on a private server (its own socket, -f /dev/null, so
// a user's own tmux and its configuration are never touched). CI sets
// SESAME_REQUIRE_TMUX=1, which turns a missing tmux into a failure rather
// than a skip.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// sesameBinary builds the sesame command once per test run.
func sesameBinary(tb testing.TB) string {
	tb.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sesame-e2e-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "sesame")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = ".." // the module root
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		tb.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func needTmux(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("SESAME_REQUIRE_TMUX") == "1" {
			tb.Fatal("tmux is required (SESAME_REQUIRE_TMUX=1) but not installed")
		}
		tb.Skip("tmux not installed")
	}
	if testing.Short() {
		tb.Skip("end-to-end test skipped in -short mode")
	}
}

// tmuxSession is one program running in a private tmux server.
type tmuxSession struct {
	tb     testing.TB
	socket string
	status string // the file the program's exit status goes to
	config string // the settings file
}

// startTmux starts sesame with args in a w×h terminal; a non-empty config
// is written to its settings file first. The tmux server's socket lives in
// a directory of its own (tmux -S), removed with everything else.
func startTmux(tb testing.TB, bin string, w, h int, config string, args ...string) *tmuxSession {
	tb.Helper()
	dir := tb.TempDir()
	sockDir, err := os.MkdirTemp("", "sesame-tmux-") // short: socket paths are limited
	if err != nil {
		tb.Fatal(err)
	}
	s := &tmuxSession{tb: tb, socket: filepath.Join(sockDir, "s"),
		status: filepath.Join(dir, "status"), config: filepath.Join(dir, "config", "sesame", "config.json")}
	if config != "" {
		if err := os.MkdirAll(filepath.Dir(s.config), 0o700); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(s.config, []byte(config), 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	// Settings go to a private directory; the exit status to a file; the
	// pane then stays open so the screen after exit can be read.
	script := fmt.Sprintf("TERM=tmux-256color XDG_CONFIG_HOME=%q HOME=%q %q %s; echo $? > %q; sleep 60",
		filepath.Join(dir, "config"), dir, bin, strings.Join(args, " "), s.status)
	tb.Cleanup(func() {
		exec.Command("tmux", "-S", s.socket, "kill-server").Run()
		os.RemoveAll(sockDir)
	})
	s.tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh", "-c", script)
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.tb.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.tb.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-t", "e2e", "-p") }

func (s *tmuxSession) send(keys ...string) {
	s.tb.Helper()
	for _, k := range keys {
		s.tmux("send-keys", "-t", "e2e", k)
		if k == "Escape" {
			time.Sleep(300 * time.Millisecond) // or the next key arrives as alt+key
		}
	}
}

// waitFor polls the screen until ok holds.
func (s *tmuxSession) waitFor(what string, ok func(string) bool) string {
	s.tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		if ok(scr) {
			return scr
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.tb.Fatalf("timed out waiting for %s; screen:\n%s", what, scr)
	return ""
}

func (s *tmuxSession) exitStatus() string {
	s.tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(s.status); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.tb.Fatalf("the program did not exit; screen:\n%s", s.screen())
	return ""
}

var bitsRE = regexp.MustCompile(`(\d+\.\d\d) bits`)

func bitsOn(screen string) string {
	if m := bitsRE.FindStringSubmatch(screen); m != nil {
		return m[1]
	}
	return ""
}

// secretOn reads the secret from the result box: the first line inside
// the frame with text, its groups joined.
func secretOn(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if !strings.HasPrefix(l, "┃") && !strings.HasPrefix(l, "│") {
			continue
		}
		inner := strings.Trim(l, "┃│ ")
		if inner != "" {
			return strings.ReplaceAll(inner, " ", "")
		}
	}
	return ""
}

func TestEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := sesameBinary(t)
	s := startTmux(t, bin, 80, 24, "")

	// Start and read the bits.
	scr := s.waitFor("the first secret", func(x string) bool { return bitsOn(x) != "" && len(secretOn(x)) == 20 })
	if got := bitsOn(scr); got != "131.09" {
		t.Fatalf("default password: %s bits, want 131.09\n%s", got, scr)
	}
	secret := secretOn(scr)
	if len(secret) != 20 {
		t.Fatalf("secret %q on screen, want 20 characters\n%s", secret, scr)
	}

	// Every tab.
	for _, tab := range []struct{ key, title, bits string }{
		{"2", "Passphrase", "77.54"}, {"3", "Token", "256.00"}, {"4", "PIN", "19.93"}, {"1", "Password", "131.09"},
	} {
		s.send(tab.key)
		s.waitFor(tab.title+" tab", func(x string) bool {
			return strings.Contains(x, "━ "+tab.title+" · ") && bitsOn(x) == tab.bits
		})
	}

	// Change the length and see the bits change.
	s.send("Up")
	scr = s.waitFor("length 21", func(x string) bool { return strings.Contains(x, "21 characters") })
	if b := bitsOn(scr); b == "131.09" || b == "" {
		t.Fatalf("bits %q after a longer password", b)
	}
	secret = secretOn(scr)

	// Mask.
	s.send("m")
	scr = s.waitFor("the mask", func(x string) bool { return strings.Contains(x, "••••") })
	if strings.Contains(strings.ReplaceAll(scr, " ", ""), secret) {
		t.Fatal("the secret is still readable when masked")
	}
	s.send("m")
	s.waitFor("the unmask", func(x string) bool { return secretOn(x) == secret })

	// Resize below the minimum and back.
	s.tmux("resize-window", "-t", "e2e", "-x", "12", "-y", "10")
	scr = s.waitFor("the too-small note", func(x string) bool { return strings.Contains(x, "sesame needs") })
	if strings.Contains(scr, secret[:4]) {
		t.Fatal("a secret on the too-small screen")
	}
	// A common tmux split, and the smallest full layout: the secret and
	// its figure stay on screen.
	for _, size := range [][2]string{{"80", "11"}, {"40", "10"}} {
		s.tmux("resize-window", "-t", "e2e", "-x", size[0], "-y", size[1])
		s.waitFor(size[0]+"×"+size[1], func(x string) bool {
			return strings.Contains(strings.ReplaceAll(x, " ", ""), secret) && bitsOn(x) != ""
		})
	}
	s.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	s.waitFor("the screen back", func(x string) bool { return secretOn(x) == secret && bitsOn(x) != "" })

	// Quit: status 0, and nothing left on the screen or in its scrollback.
	s.send("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s after q, want 0", st)
	}
	if scr := s.screen(); strings.TrimSpace(scr) != "" {
		t.Fatalf("the screen after quitting is not empty:\n%s", scr)
	}
	if all := s.tmux("capture-pane", "-t", "e2e", "-p", "-S", "-"); strings.Contains(all, secret[:8]) {
		t.Fatal("the secret is in the scrollback")
	}
	// The changed length is remembered; no secret is.
	data, err := os.ReadFile(s.config)
	if err != nil {
		t.Fatalf("settings not remembered: %v", err)
	}
	if !strings.Contains(string(data), `"length": 21`) || strings.Contains(string(data), secret) {
		t.Fatalf("settings file:\n%s", data)
	}
}

func TestEndToEndCtrlCAndFlags(t *testing.T) {
	needTmux(t)
	bin := sesameBinary(t)
	s := startTmux(t, bin, 100, 30, "{ this is not json", "--length", "32")
	scr := s.waitFor("the first secret", func(x string) bool { return bitsOn(x) != "" && strings.Contains(x, "characters") })
	if !strings.Contains(scr, "32 characters") || len(secretOn(scr)) != 32 {
		t.Fatalf("--length 32 did not set the starting form:\n%s", scr)
	}
	if words := strings.Join(strings.Fields(scr), " "); !strings.Contains(words, "! ") || !strings.Contains(words, "using the defaults") {
		t.Fatalf("no warning about the corrupt settings file:\n%s", scr)
	}
	s.send("Tab", "Tab", "Tab") // into the form
	s.waitFor("the form", func(x string) bool { return strings.Contains(x, "› ") })
	s.send("C-c")
	if st := s.exitStatus(); st != "130" {
		t.Fatalf("exit status %s after ctrl+c, want 130", st)
	}
	if scr := s.screen(); strings.TrimSpace(scr) != "" {
		t.Fatalf("the screen after ctrl+c is not empty:\n%s", scr)
	}
}
