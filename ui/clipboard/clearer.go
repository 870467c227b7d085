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

// The command line returns the prompt at once after --copy, so the clearing
// is left to a detached copy of sesame (ClearerCommand is its hidden
// subcommand). The secret reaches it through a pipe on its standard input —
// never its arguments or environment, which other users can read — and,
// for OSC 52, the terminal is handed over as file descriptor 3. It sleeps,
// clears if the clipboard is still ours (or blindly for OSC 52), and exits.

// ClearerCommand is the hidden subcommand that runs the detached clearer.
const ClearerCommand = "__clear-clipboard"

// maxSecret bounds what the clearer reads: the largest secret sesame makes
// (a 4096-byte token as hex) with room to spare.
const maxSecret = 1 << 20

// StartClearer starts the detached clearer for a copy and returns without
// waiting. tty must be the terminal the OSC 52 copy went to (nil for the
// system clipboard).
func StartClearer(res Result, where Where, secret string, after int, tty *os.File) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("starting the clipboard clearer: %w", err)
	}
	args := []string{ClearerCommand, "--after", strconv.Itoa(after)}
	switch res.Channel {
	case System:
		args = append(args, "--system")
	case Terminal:
		if tty == nil {
			return errors.New("starting the clipboard clearer: no terminal to clear")
		}
		args = append(args, "--terminal")
		if where.Tmux {
			args = append(args, "--tmux")
		}
	default:
		return nil
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

// ClearerOptions are the clearer's arguments.
type ClearerOptions struct {
	After    time.Duration
	Terminal bool // clear the OSC 52 clipboard on Term, blindly
	Tmux     bool
	System   SystemClipboard
	Term     io.Writer
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
	c := Copier{Where: Where{Tmux: o.Tmux}, System: o.System, Term: o.Term}
	res := Result{Channel: System}
	if o.Terminal {
		res.Channel = Terminal
	}
	_, err = c.Clear(res, string(buf))
	return err
}
