package clipboard

import (
	"errors"
	"fmt"
	"io"
)

// Copier copies secrets as Where says: the system clipboard when local,
// OSC 52 on Term when remote or when the system clipboard fails.
type Copier struct {
	Where  Where
	System SystemClipboard // nil: no system clipboard
	Term   io.Writer       // the terminal, for OSC 52; nil: not a terminal
}

// Result is what a copy did.
type Result struct {
	Channel Channel
	// Skipped explains why the system clipboard was not used ("a remote
	// session", or its error); nil when it was used.
	Skipped error
}

// ErrRemote is why a remote session skips the system clipboard: it would
// be the server's, not the user's.
var ErrRemote = errors.New("an SSH session")

// Copy puts secret on a clipboard, or explains in words why it could not.
func (c Copier) Copy(secret string) (Result, error) {
	var skipped error = ErrRemote
	if !c.Where.Remote {
		if c.System == nil {
			skipped = ErrNoTool
		} else if err := c.System.WriteAll(secret); err != nil {
			skipped = err
		} else {
			return Result{Channel: System}, nil
		}
	}
	if c.Term == nil {
		return Result{Skipped: skipped}, fmt.Errorf("nothing copied: %v, and not a terminal", skipped)
	}
	for _, seq := range Sequences(secret, c.Where) {
		if _, err := io.WriteString(c.Term, seq); err != nil {
			return Result{Skipped: skipped}, fmt.Errorf("nothing copied: %v, and writing to the terminal failed: %w", skipped, err)
		}
	}
	return Result{Channel: Terminal, Skipped: skipped}, nil
}

// Clear takes a secret off the clipboard a copy put it on: the system
// clipboard only if it still holds it, the terminal's blindly. cleared is
// false when the clipboard held something else and was left alone.
func (c Copier) Clear(res Result, secret string) (cleared bool, err error) {
	switch res.Channel {
	case System:
		return ClearIfOurs(c.System, secret)
	case Terminal:
		if c.Term == nil {
			return false, errors.New("not a terminal")
		}
		for _, seq := range Sequences("", c.Where) {
			if _, err := io.WriteString(c.Term, seq); err != nil {
				return false, err
			}
		}
		return true, nil
	}
	return false, nil
}

// Copied says in words what a copy did and when it will be cleared:
// "copied — clears in 30s", "sent to the terminal clipboard (OSC 52) —
// clears in 30s".
func Copied(res Result, clearAfter int) string {
	var s string
	switch res.Channel {
	case System:
		s = "copied"
	case Terminal:
		s = "sent to the terminal clipboard (OSC 52)"
	default:
		return "nothing copied"
	}
	if clearAfter <= 0 {
		return s + " — not cleared automatically"
	}
	return s + " — clears in " + Seconds(clearAfter)
}

// Cleared says in words what a clear did.
func Cleared(res Result, cleared bool, err error) string {
	switch {
	case err != nil:
		return fmt.Sprintf("could not clear the clipboard: %v", err)
	case res.Channel == Terminal:
		return "terminal clipboard cleared (blindly: OSC 52 cannot be read back)"
	case cleared:
		return "clipboard cleared"
	}
	return "clipboard changed since the copy; left alone"
}
