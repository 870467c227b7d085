package clipboard

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// Copier copies secrets as Where says: the system clipboard when local,
// else the terminal's clipboard, through tmux when inside it, or OSC 52 on
// Term.
type Copier struct {
	Where  Where
	System SystemClipboard // nil: no system clipboard
	Term   io.Writer       // the terminal, for OSC 52; nil: not a terminal
	// Tmux runs tmux commands; nil runs the tmux program, if Where was
	// read from this process's environment (see Detect).
	Tmux Runner
}

// Result is what a copy did.
type Result struct {
	Channel Channel
	// Skipped explains why the system clipboard was not used ("a remote
	// session", or its error); nil when it was used.
	Skipped error
	// Refused explains why a copy inside tmux did not go through tmux but
	// out as OSC 52 (ErrTmuxClipboardOff, ErrTmuxTooOld, tmux's error…);
	// nil otherwise.
	Refused error
	// Route says, for an OSC 52 copy, whether tmux is known to let it out.
	Route Route
	// Outer: tmux passed the copy to a terminal that is itself tmux (or
	// screen), which passes it on only if set up to.
	Outer bool
	// Via says, for a System copy, what serves it: ViaX11 (sesame
	// itself), or the clipboard tool ("xclip", "wl-copy", "pbcopy"…);
	// "" where that is not known (Windows' API, a test's fake).
	Via string
	// held is the X11 copy, to learn when another program takes it.
	held *ownership
}

// Served reports whether sesame itself serves the copy (X11): the copy
// then lasts only as long as a sesame process does, and Taken can tell
// when another program copies over it.
func (r Result) Served() bool { return r.held != nil }

// Taken waits until another program takes the clipboard from the copy,
// and reports true; false when the copy ended otherwise (cleared,
// replaced by a newer copy of sesame's, the X connection lost), when the
// limit passed first, or for a copy sesame does not serve itself.
func (r Result) Taken(limit time.Duration) bool {
	if r.held == nil {
		return false
	}
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case <-r.held.taken:
		return true
	case <-r.held.over:
		select {
		case <-r.held.taken:
			return true
		default:
			return false
		}
	case <-t.C:
		return false
	}
}

// Route is how an OSC 52 copy left, as far as tmux is concerned.
type Route int

const (
	// Direct: no tmux in the way (or a caller that did not ask).
	Direct Route = iota
	// Passthrough: wrapped for tmux's passthrough, which tmux allows.
	Passthrough
	// Unsure: wrapped and plain, inside a tmux that could not be asked
	// whether it lets either out.
	Unsure
)

// ErrRemote is why a remote session skips the system clipboard: it would
// be the server's, not the user's.
var ErrRemote = errors.New("an SSH session")

// Copy puts secret on a clipboard, or explains in words why it could not.
func (c Copier) Copy(secret string) (Result, error) {
	var skipped error = ErrRemote
	if !c.Where.Remote {
		if c.System == nil {
			skipped = ErrNoTool
		} else if res, err := WriteSystem(c.System, secret); err != nil {
			skipped = err
		} else {
			return res, nil
		}
	}
	return c.CopyToTerminal(secret, skipped)
}

// CopyToTerminal puts secret on the terminal's clipboard, through tmux when
// inside it; skipped is why the system clipboard is not used. It may run
// tmux, which takes milliseconds (at most a few seconds when tmux hangs):
// the interactive program calls it from a tea.Cmd with Term a buffer, and
// writes what the buffer got with tea.Raw, so that no escape sequence can
// interleave with a frame.
func (c Copier) CopyToTerminal(secret string, skipped error) (Result, error) {
	if !c.Where.Tmux {
		return c.send(Result{Channel: Terminal, Skipped: skipped}, osc52(secret))
	}
	st, refused := loadIntoTmux(c.tmux(), secret)
	if refused == nil {
		return Result{Channel: Tmux, Skipped: skipped, Outer: st.outer}, nil
	}
	res := Result{Channel: Terminal, Skipped: skipped, Refused: refused, Outer: st.outer}
	switch {
	case errors.Is(refused, ErrTmuxNoClient):
		// No terminal to reach, by any way.
		return Result{Skipped: skipped, Refused: refused}, fmt.Errorf("nothing copied: %v", refused)
	case st.passthrough == allowed:
		// Only the wrapped form: a plain one would also make a tmux
		// with set-clipboard on keep the secret in a buffer of its own.
		res.Route = Passthrough
		return c.send(res, tmuxPassthrough(osc52(secret)))
	case st.passthrough == blocked && st.setClipboard != "on":
		// Neither form can get out: say so rather than "sent".
		return Result{Skipped: skipped, Refused: refused}, blockedByTmux(refused)
	}
	res.Route = Unsure
	return c.send(res, Sequences(secret, c.Where)...)
}

// blockedByTmux names the one tmux setting that would let a copy out.
func blockedByTmux(refused error) error {
	if errors.Is(refused, ErrTmuxClipboardOff) {
		return fmt.Errorf("nothing copied: %v and allow-passthrough off; set `set -s set-clipboard external` in tmux", refused)
	}
	return fmt.Errorf("nothing copied: %v, and tmux has allow-passthrough off; set `set -g allow-passthrough on` in tmux", refused)
}

// send writes OSC 52 sequences to the terminal.
func (c Copier) send(res Result, seqs ...string) (Result, error) {
	why := res.Skipped
	if res.Refused != nil {
		why = fmt.Errorf("%v; %v", res.Skipped, res.Refused)
	}
	if c.Term == nil {
		return Result{Skipped: res.Skipped, Refused: res.Refused}, fmt.Errorf("nothing copied: %v, and not a terminal", why)
	}
	for _, seq := range seqs {
		if _, err := io.WriteString(c.Term, seq); err != nil {
			return Result{Skipped: res.Skipped, Refused: res.Refused}, fmt.Errorf("nothing copied: %v, and writing to the terminal failed: %w", why, err)
		}
	}
	return res, nil
}

// Uncopy takes a secret off the clipboard a copy put it on, and says what
// it did: the system clipboard and our tmux buffer only if they still hold
// it, the terminal's blindly. It may run tmux (see CopyToTerminal).
func (c Copier) Uncopy(res Result, secret string) (Outcome, error) {
	switch res.Channel {
	case System:
		if c.System == nil {
			return Kept, ErrNoTool
		}
		cleared, err := ClearIfOurs(c.System, secret)
		if !cleared {
			return Kept, err
		}
		return Emptied, err
	case Terminal:
		if c.Term == nil {
			return Kept, errors.New("not a terminal")
		}
		for _, seq := range Sequences("", c.Where) {
			if _, err := io.WriteString(c.Term, seq); err != nil {
				return Kept, err
			}
		}
		return SentEmpty, nil
	case Tmux:
		return clearTmux(c.tmux(), secret)
	}
	return Kept, nil
}

// Readable reports whether the clipboard a copy went to can be read back:
// the system clipboard and our tmux buffer can, the terminal's cannot.
func Readable(res Result) bool { return res.Channel == System || res.Channel == Tmux }

// StillHolds reports whether the clipboard a Readable copy went to still
// holds secret, comparing in constant time: false once another program
// copied over it. It may run a clipboard tool or tmux (see CopyToTerminal).
func (c Copier) StillHolds(res Result, secret string) (bool, error) {
	switch res.Channel {
	case System:
		if c.System == nil {
			return false, ErrNoTool
		}
		return Holds(c.System, secret)
	case Tmux:
		run := c.tmux()
		if run == nil {
			return false, ErrTmuxUnreachable
		}
		names, err := run("", "list-buffers", "-F", "#{buffer_name}")
		if err != nil {
			return false, err
		}
		return holdsInTmux(run, lines(names), secret)
	}
	return false, errors.New("the terminal's clipboard cannot be read back")
}
