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
//
// On X11 the copy lives only as long as the process serving it (x11.go),
// so the clearer takes the clipboard over (--x11): it serves the secret
// until its time is up, then gives the clipboard up if it is still the
// owner, or exits as soon as another program copies. Whoever started it
// waits until it owns the clipboard (it says so on its standard output)
// before exiting, so that the copy is never gone in between. With
// clearing off it serves until another program copies (Keep).

// ClearerCommand is the hidden subcommand that runs the detached clearer.
const ClearerCommand = "__clear-clipboard"

// Keep is the delay for a clearer that serves an X11 copy until another
// program copies, and never clears it (clearing is off).
const Keep = -1

// ownedLine is what the X11 clearer prints once it owns the clipboard.
const ownedLine = "owned\n"

// maxSecret bounds what the clearer reads: the largest secret sesame makes
// (a 4096-byte token as hex) with room to spare.
const maxSecret = 1 << 20

// StartClearer starts the detached clearer for a copy and returns without
// waiting for it to clear (for an X11 copy, once it serves the copy); it
// clears after the given number of seconds (at once if that is 0: a
// countdown that has run out; never if it is Keep, for an X11 copy). tty must be the terminal the
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
	var owned io.ReadCloser
	if res.Served() {
		if owned, err = cmd.StdoutPipe(); err != nil {
			return fmt.Errorf("starting the clipboard clearer: %w", err)
		}
	}
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the clipboard clearer: %w", err)
	}
	_, werr := io.WriteString(in, secret)
	cerr := in.Close()
	if err := errors.Join(werr, cerr); err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return fmt.Errorf("handing the secret to the clipboard clearer: %w", err)
	}
	if owned != nil {
		if err := waitOwned(owned); err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return fmt.Errorf("handing the X clipboard to the clipboard clearer: %w", err)
		}
	}
	return cmd.Process.Release()
}

// handoverTimeout bounds the wait for the clearer to own the X clipboard:
// it starts and takes it in milliseconds, and quitting must stay quick
// (under 3 s) when the X server stopped answering.
const handoverTimeout = 1500 * time.Millisecond

// waitOwned waits until the clearer says it owns the X clipboard.
func waitOwned(r io.ReadCloser) error {
	got := make(chan error, 1)
	go func() {
		buf := make([]byte, len(ownedLine))
		_, err := io.ReadFull(r, buf)
		if err == nil && string(buf) != ownedLine {
			err = errors.New("it answered something else")
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("it could not take the clipboard")
		}
		got <- err
	}()
	defer r.Close()
	select {
	case err := <-got:
		return err
	case <-time.After(handoverTimeout):
		return errors.New("it did not take the clipboard in time (is the display reachable?)")
	}
}

// clearerArgs are the clearer's arguments for a copy (nil: nothing to
// clear). They say which clipboard to clear and when, never what.
func clearerArgs(res Result, where Where, after int, haveTTY bool) ([]string, error) {
	switch {
	case after == Keep && !res.Served():
		return nil, nil // nothing to clear, and a tool serves the copy
	case after != Keep:
		after = max(after, 0)
	}
	args := []string{ClearerCommand, "--after", strconv.Itoa(after)}
	switch res.Channel {
	case System:
		if res.Served() {
			return append(args, "--system", "--x11"), nil
		}
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
	After time.Duration // negative: never (Keep)
	// X11: take the X clipboard over from Display, say so on Owned, and
	// serve the secret until After has passed or another program copies.
	X11     bool
	Display string
	Owned   io.Writer
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
	if o.X11 {
		return serveX(buf, o)
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

// serveX is the clearer for an X11 copy: it serves the secret until
// o.After has passed, then gives the clipboard up if it is still the
// owner; or it ends as soon as another program takes the clipboard, when
// there is nothing left to clear. Killed, it takes the copy with it: a
// selection dies with its owner's connection.
func serveX(secret []byte, o ClearerOptions) error {
	x, err := dialX(o.Display)
	if err != nil {
		return err
	}
	defer x.close()
	held, err := x.own(string(secret))
	if err != nil {
		return err
	}
	if o.Owned != nil {
		// Whoever waits may be gone already; the copy is served anyway.
		io.WriteString(o.Owned, ownedLine)
	}
	var timeUp <-chan time.Time
	if o.After >= 0 {
		t := time.NewTimer(o.After)
		defer t.Stop()
		timeUp = t.C
	}
	select {
	case <-held.over:
		return nil
	case <-timeUp:
		_, err := x.release(string(secret))
		return err
	}
}
