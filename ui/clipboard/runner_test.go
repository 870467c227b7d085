package clipboard

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeTmuxProgram puts a script named tmux first on PATH and returns the
// directory where it leaves what it got.
func fakeTmuxProgram(t *testing.T, script string) string {
	dir := t.TempDir()
	body := "#!/bin/sh\nd=" + dir + "\nprintf '%s\\n' \"$@\" > \"$d/args\"\ncat > \"$d/stdin\"\n" + script
	if err := os.WriteFile(filepath.Join(dir, "tmux"), []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return dir
}

// The tmux program gets the secret on standard input only, and its output
// comes back as it is.
func TestProcessTmuxStdinAndOutput(t *testing.T) {
	dir := fakeTmuxProgram(t, "printf 'out\\tput'\n")
	out, err := processTmux(secret, "load-buffer", "-b", BufferName, "-w", "-")
	if err != nil || string(out) != "out\tput" {
		t.Fatalf("out %q err %v", out, err)
	}
	args, _ := os.ReadFile(filepath.Join(dir, "args"))
	stdin, _ := os.ReadFile(filepath.Join(dir, "stdin"))
	if string(args) != "load-buffer\n-b\nsesame\n-w\n-\n" || string(stdin) != secret {
		t.Fatalf("args %q stdin %q", args, stdin)
	}
}

// A failure carries tmux's first line of complaint, never stdout.
func TestProcessTmuxError(t *testing.T) {
	fakeTmuxProgram(t, "echo 'the secret on stdout'\necho 'no buffer sesame' >&2\necho second >&2\nexit 1\n")
	_, err := processTmux("", "show-buffer", "-b", BufferName)
	if err == nil || err.Error() != "tmux show-buffer: no buffer sesame" {
		t.Fatalf("err %v", err)
	}
}

// A hung tmux costs sesame the timeout, not more.
func TestProcessTmuxTimeout(t *testing.T) {
	fakeTmuxProgram(t, "exec sleep 10\n")
	defer func(d time.Duration) { tmuxTimeout = d }(tmuxTimeout)
	tmuxTimeout = 200 * time.Millisecond
	start := time.Now()
	_, err := processTmux("", "display-message", "-p", probeFormat)
	if err == nil || err.Error() != "tmux display-message: no answer within 200ms" {
		t.Fatalf("err %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("took %v", d)
	}
}

// The clearer is told which clipboard and when, never what.
func TestClearerArgs(t *testing.T) {
	for _, c := range []struct {
		res   Result
		where Where
		after int
		tty   bool
		want  string
	}{
		{Result{Channel: System}, Where{}, 30, false, "--after 30 --system"},
		{Result{Channel: Terminal}, Where{Remote: true}, 12, true, "--after 12 --terminal"},
		{Result{Channel: Terminal, Route: Unsure}, inTmux, 5, true, "--after 5 --terminal --tmux"},
		{Result{Channel: Tmux}, inTmux, 30, false, "--after 30 --tmux"},
		{Result{Channel: Tmux}, inTmux, -3, false, "--after 0 --tmux"}, // run out: at once
	} {
		args, err := clearerArgs(c.res, c.where, c.after, c.tty)
		if err != nil || len(args) == 0 || args[0] != ClearerCommand || strings.Join(args[1:], " ") != c.want {
			t.Errorf("%+v: args %q err %v, want %q", c.res, args, err, c.want)
		}
	}
	if _, err := clearerArgs(Result{Channel: Terminal}, Where{}, 30, false); err == nil {
		t.Error("an OSC 52 clearer without a terminal")
	}
	if args, err := clearerArgs(Result{}, Where{}, 30, false); args != nil || err != nil {
		t.Errorf("nothing copied: args %q err %v", args, err)
	}
}

func TestRemaining(t *testing.T) {
	now := time.Unix(1000, 0)
	for left, want := range map[time.Duration]int{-time.Second: 0, 0: 0, time.Millisecond: 1, time.Second: 1, 1001 * time.Millisecond: 2, 29*time.Second + 500*time.Millisecond: 30} {
		if got := Remaining(now.Add(left), now); got != want {
			t.Errorf("Remaining(%v) = %d, want %d", left, got, want)
		}
	}
}

// The detached clearer of a copy through tmux (--tmux without --terminal)
// reads the secret from its pipe and clears our buffer.
func TestRunClearerTmux(t *testing.T) {
	f := newFakeTmux(t, secret)
	f.set(BufferName, secret)
	var slept time.Duration
	o := ClearerOptions{After: 3 * time.Second, Tmux: true, Runner: f.run, System: &fakeSystem{content: secret}, Sleep: func(d time.Duration) { slept = d }}
	if err := RunClearer(strings.NewReader(secret), o); err != nil || slept != 3*time.Second {
		t.Fatalf("err %v slept %v", err, slept)
	}
	if _, ok := f.buffer(BufferName); ok || !slices.Equal(f.sent, []string{" "}) {
		t.Fatalf("buffers %q sent %q", f.buffers, f.sent)
	}
	if o.System.(*fakeSystem).content != secret {
		t.Fatal("the system clipboard was cleared for a copy through tmux")
	}
}
