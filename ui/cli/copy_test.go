package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/ui/clipboard"
)

type memClipboard struct {
	content string
	err     error
}

func (m *memClipboard) WriteAll(s string) error {
	if m.err != nil {
		return m.err
	}
	m.content = s
	return nil
}
func (m *memClipboard) ReadAll() (string, error) { return m.content, m.err }

type clearerCall struct {
	res    clipboard.Result
	where  clipboard.Where
	secret string
	after  int
	tty    bool
}

// copyFake is a run with a fake clipboard, terminal and clearer.
func copyFake(t *testing.T, tty bool, env map[string]string, sys *memClipboard, haveTTY bool) (*fakeRun, *clearerCall, string) {
	f := newFake(t, tty)
	ttyPath := filepath.Join(t.TempDir(), "tty")
	f.env.getenv = func(k string) string { return env[k] }
	f.env.system = sys
	f.env.openTTY = func() (*os.File, error) {
		if !haveTTY {
			return nil, os.ErrNotExist
		}
		return os.OpenFile(ttyPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	}
	call := &clearerCall{}
	f.env.startClearer = func(res clipboard.Result, w clipboard.Where, secret string, after int, tty *os.File) error {
		*call = clearerCall{res, w, secret, after, tty != nil}
		return nil
	}
	return f, call, ttyPath
}

func TestCopyLocalAtTerminal(t *testing.T) {
	sys := &memClipboard{}
	f, call, _ := copyFake(t, true, nil, sys, true)
	if code := f.run("pw", "--copy"); code != 0 {
		t.Fatalf("code %d: %s", code, f.stderr.String())
	}
	if len(sys.content) != 20 || f.stdout.Len() != 0 {
		t.Fatalf("clipboard %q, stdout %q (nothing secret may be printed at a terminal)", sys.content, f.stdout.String())
	}
	if f.stderr.String() != "sesame: copied — clears in 30s\n" || strings.Contains(f.stderr.String(), sys.content) {
		t.Fatalf("stderr %q", f.stderr.String())
	}
	if call.secret != sys.content || call.after != 30 || call.res.Channel != clipboard.System || call.tty {
		t.Fatalf("clearer %+v", call)
	}
}

func TestCopyRedirectedStillWritesStdout(t *testing.T) {
	sys := &memClipboard{}
	f, _, _ := copyFake(t, false, nil, sys, true)
	if code := f.run("pw", "-n", "3", "--copy", "--clear-after", "10"); code != 0 {
		t.Fatal(f.stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(f.stdout.String()), "\n")
	if len(lines) != 3 || sys.content != lines[2] && sys.content != lines[0] && sys.content != lines[1] {
		t.Fatalf("stdout %q clipboard %q", f.stdout.String(), sys.content)
	}
	if !strings.Contains(f.stderr.String(), "clears in 10s") {
		t.Fatal(f.stderr.String())
	}
}

func TestCopyOverSSHUsesTerminalNotStdout(t *testing.T) {
	sys := &memClipboard{}
	f, call, ttyPath := copyFake(t, false, map[string]string{"SSH_TTY": "/dev/pts/1", "TMUX": "/tmp/tmux,1,0"}, sys, true)
	if code := f.run("token", "--copy"); code != 0 {
		t.Fatal(f.stderr.String())
	}
	token := strings.TrimSpace(f.stdout.String())
	got, _ := os.ReadFile(ttyPath)
	if sys.content != "" || len(token) != 64 || strings.Contains(f.stdout.String(), "\x1b") {
		t.Fatalf("system %q stdout %q", sys.content, f.stdout.String())
	}
	if !strings.Contains(string(got), "\x1bPtmux;") || !strings.Contains(string(got), "\x1b]52;c;") {
		t.Fatalf("tty got %q", got)
	}
	// This TMUX is made up, so tmux cannot be asked: the copy goes out
	// through its passthrough, and the note says what makes it arrive.
	if f.stderr.String() != "sesame: sent as OSC 52 through tmux passthrough — clears in 30s; if it does not arrive, set `set -g allow-passthrough on` in tmux\n" {
		t.Fatalf("stderr %q", f.stderr.String())
	}
	if call.res.Channel != clipboard.Terminal || !call.tty || !call.where.Tmux {
		t.Fatalf("clearer %+v", call)
	}
}

// Locally, a system clipboard that failed is named after the OSC 52 copy
// that replaced it, with what would fix it, as the interactive program
// does; without a display, or over SSH, there is nothing to fix.
func TestCopyFallbackSaysWhySystemClipboardWasSkipped(t *testing.T) {
	cases := []struct {
		env  map[string]string
		err  error
		want string
	}{
		{map[string]string{"DISPLAY": ":0"}, clipboard.ErrNoTool,
			"sesame: sent to the terminal clipboard (OSC 52) — clears in 30s (system clipboard: no clipboard tool (install xclip, xsel or wl-clipboard))\n"},
		{map[string]string{"DISPLAY": ":0"}, errors.New("the system clipboard tool failed (is the display reachable?)"),
			"sesame: sent to the terminal clipboard (OSC 52) — clears in 30s (system clipboard: the system clipboard tool failed (is the display reachable?))\n"},
		{nil, clipboard.ErrNoDisplay, "sesame: sent to the terminal clipboard (OSC 52) — clears in 30s\n"},
		{map[string]string{"SSH_TTY": "/dev/pts/1"}, clipboard.ErrNoTool, "sesame: sent to the terminal clipboard (OSC 52) — clears in 30s\n"},
	}
	for _, c := range cases {
		f, call, _ := copyFake(t, true, c.env, &memClipboard{err: c.err}, true)
		if code := f.run("pw", "--copy"); code != 0 {
			t.Fatalf("%v: code %d: %s", c.err, code, f.stderr.String())
		}
		if f.stderr.String() != c.want || call.res.Channel != clipboard.Terminal {
			t.Errorf("%v: stderr %q, want %q (clearer %+v)", c.err, f.stderr.String(), c.want, call)
		}
	}
}

func TestCopyNowhereExits1(t *testing.T) {
	f, _, _ := copyFake(t, false, nil, &memClipboard{err: clipboard.ErrNoDisplay}, false)
	if code := f.run("pw", "--copy"); code != 1 {
		t.Fatalf("code %d", code)
	}
	if f.stderr.String() != "sesame: nothing copied: no system clipboard (no display), and not a terminal\n" {
		t.Fatalf("stderr %q", f.stderr.String())
	}
}

func TestCopyClearAfterZero(t *testing.T) {
	sys := &memClipboard{}
	f, call, _ := copyFake(t, true, nil, sys, true)
	if code := f.run("pp", "--copy", "--clear-after", "0"); code != 0 {
		t.Fatal(f.stderr.String())
	}
	if call.after != 0 || f.stderr.String() != "sesame: copied — not cleared automatically\n" {
		t.Fatalf("clearer %+v stderr %q", call, f.stderr.String())
	}
}

func TestCopyNumber(t *testing.T) {
	sys := &memClipboard{}
	f, call, _ := copyFake(t, true, nil, sys, true)
	if code := f.run("number", "1", "6", "--copy", "--clear-after", "5"); code != 0 {
		t.Fatal(f.stderr.String())
	}
	if len(sys.content) != 1 || f.stdout.Len() != 0 || call.after != 5 {
		t.Fatalf("clipboard %q stdout %q clearer %+v", sys.content, f.stdout.String(), call)
	}
}

func TestClearerCommand(t *testing.T) {
	sys := &memClipboard{content: "the secret"}
	f, _, _ := copyFake(t, false, nil, sys, false)
	f.env.stdin = strings.NewReader("the secret")
	if code := f.run(clipboard.ClearerCommand, "--after", "0", "--system"); code != 0 || sys.content != "" {
		t.Fatalf("code %d clipboard %q", code, sys.content)
	}
	sys.content = "something newer"
	f.env.stdin = strings.NewReader("the secret")
	if code := f.run(clipboard.ClearerCommand, "--after", "0", "--system"); code != 0 || sys.content != "something newer" {
		t.Fatalf("code %d clipboard %q", code, sys.content)
	}
	// Hidden from help.
	f.stdout.Reset()
	f.run("--help")
	if strings.Contains(f.stdout.String(), clipboard.ClearerCommand) {
		t.Fatal("the clearer shows in help")
	}
}
