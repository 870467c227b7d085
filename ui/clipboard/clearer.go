package clipboard

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// The command line returns the prompt at once after --copy, and the
// interactive program may quit before its countdown ends, so the clearing
// is left to a detached copy of sesame (ClearerCommand is its hidden
// subcommand). The secret reaches it through a pipe on its standard input —
// never its arguments or environment, which other users can read. For OSC
// 52 the terminal is handed over as file descriptor 3; for tmux, the
// inherited TMUX and TMUX_PANE lead it to the server and the pane, and the
// buffer's name is fixed (BufferName). It sleeps, clears if the clipboard
// is still ours (or blindly where it cannot be read back), and exits.

// ClearerCommand is the hidden subcommand that runs the detached clearer.
const ClearerCommand = "__clear-clipboard"

// maxSecret bounds what the clearer reads: the largest secret sesame makes
// (a 4096-byte token as hex) with room to spare.
const maxSecret = 1 << 20

// StartClearer starts the detached clearer for a copy and returns without
// waiting; it clears after the given number of seconds (at once if that is
// 0 or less: a countdown that has run out). tty must be the terminal the
// OSC 52 copy went to (Channel Terminal: the command line's /dev/tty, the
// interactive program's output); the other channels need none. where is
// the session the copy was made in.
func StartClearer(res Result, where Where, secret string, after int, tty *os.File) error {
	args, err := clearerArgs(res, where, after, tty != nil)
	if err != nil || args == nil {
		return err
	}
	if res.Channel != Terminal {
		tty = nil // only OSC 52 writes to the terminal
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("starting the clipboard clearer: %w", err)
	}
	cmd := exec.Command(exe, args...)
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("starting the clipboard clearer: %w", err)
	}
	if tty != nil {
		cmd.ExtraFiles = []*os.File{tty}
	}
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the clipboard clearer: %w", err)
	}
	_, werr := io.WriteString(in, secret)
	cerr := in.Close()
	if err := errors.Join(werr, cerr); err != nil {
		cmd.Process.Kill()
		return fmt.Errorf("handing the secret to the clipboard clearer: %w", err)
	}
	return cmd.Process.Release()
}

// clearerArgs are the clearer's arguments for a copy (nil: nothing to
// clear). They say which clipboard to clear and when, never what.
func clearerArgs(res Result, where Where, after int, haveTTY bool) ([]string, error) {
	args := []string{ClearerCommand, "--after", strconv.Itoa(max(after, 0))}
	switch res.Channel {
	case System:
		return append(args, "--system"), nil
	case Terminal:
		if !haveTTY {
			return nil, errors.New("starting the clipboard clearer: no terminal to clear")
		}
		args = append(args, "--terminal")
		if where.Tmux {
			args = append(args, "--tmux")
		}
		return args, nil
	case Tmux:
		// --tmux without --terminal: our tmux buffer.
		return append(args, "--tmux"), nil
	}
	return nil, nil
}

// Remaining is the number of seconds to hand to the clearer for a
// countdown that ends at deadline: rounded up, so that the clipboard is
// never cleared before the time the user was shown.
func Remaining(deadline, now time.Time) int {
	left := deadline.Sub(now)
	if left <= 0 {
		return 0
	}
	return int((left + time.Second - 1) / time.Second)
}

// ClearerOptions are the clearer's arguments.
type ClearerOptions struct {
	After time.Duration
	// Terminal: clear the OSC 52 clipboard on Term, blindly (wrapped for
	// tmux too if Tmux). Tmux alone: clear our tmux buffer. Neither: the
	// system clipboard.
	Terminal bool
	Tmux     bool
	System   SystemClipboard
	Term     io.Writer
	Runner   Runner              // runs tmux; nil: the tmux program
	Sleep    func(time.Duration) // time.Sleep; tests shorten it
}

// RunClearer is the detached clearer: it reads the secret from in, waits,
// and clears.
func RunClearer(in io.Reader, o ClearerOptions) error {
	buf, err := io.ReadAll(io.LimitReader(in, maxSecret+1))
	if err != nil {
		return err
	}
	defer clear(buf)
	if len(buf) == 0 || len(buf) > maxSecret {
		return errors.New("no secret received")
	}
	sleep := o.Sleep
	if sleep == nil {
		sleep = time.Sleep
	}
	sleep(o.After)
	// The tmux server is the one this process was started in.
	where := Where{Tmux: o.Tmux, server: os.Getenv("TMUX")}
	c := Copier{Where: where, System: o.System, Term: o.Term, Tmux: o.Runner}
	res := Result{Channel: System}
	switch {
	case o.Terminal:
		res.Channel = Terminal
	case o.Tmux:
		res.Channel = Tmux
	}
	_, err = c.Uncopy(res, string(buf))
	return err
}
