package clipboard

import (
	"errors"
	"fmt"
	"time"
)

// Messages are one lower-case line each, and say only what is known: what
// went to a clipboard that can be read back was "copied", what went out as
// OSC 52 was "sent", since no terminal confirms it.

// Copied says in words what a copy did and when it will be cleared:
// "copied (X11) — clears in 30s" (what serves a system clipboard copy:
// sesame itself on X11, else the tool's name, when known), "copied
// through tmux — clears in 30s", "sent
// to the terminal clipboard (OSC 52) — clears in 30s". When the copy may
// not arrive (tmux may not let an OSC 52 out; the terminal is another tmux)
// it names the tmux setting that would let it.
func Copied(res Result, clearAfter int) string {
	var s, hint string
	switch {
	case res.Channel == System && res.Via != "":
		s = "copied (" + res.Via + ")"
	case res.Channel == System:
		s = "copied"
	case res.Channel == Tmux:
		s = "copied through tmux"
	case res.Channel == Terminal && res.Route == Passthrough:
		s = "sent to the terminal clipboard (OSC 52) through tmux passthrough"
	case res.Channel == Terminal && res.Route == Unsure:
		s = "sent as OSC 52 through tmux passthrough"
		hint = "; if it does not arrive, set `set -g allow-passthrough on` in tmux"
	case res.Channel == Terminal:
		s = "sent to the terminal clipboard (OSC 52)"
	default:
		return "nothing copied"
	}
	if res.Outer && hint == "" {
		hint = "; if it does not reach your clipboard, set `set -s set-clipboard on` in the outer tmux"
	}
	if clearAfter <= 0 {
		return s + " — not cleared automatically" + hint
	}
	return s + " — clears in " + Seconds(clearAfter) + hint
}

// Skipped says, for a copy that did not go to the system clipboard
// although the session is local, what stopped it there, when it is
// something the user can change: " (system clipboard: no clipboard tool
// (install xclip, xsel or wl-clipboard))". A remote session's or a
// display-less one's system clipboard is not theirs to fix: "".
func Skipped(res Result) string {
	if res.Channel == System || res.Channel == None || res.Skipped == nil ||
		errors.Is(res.Skipped, ErrRemote) || errors.Is(res.Skipped, ErrNoDisplay) {
		return ""
	}
	return " (system clipboard: " + res.Skipped.Error() + ")"
}

// Replaced says that the clipboard a copy went to holds something else
// now (another program copied), so that there is nothing left to clear.
func Replaced(res Result) string {
	if res.Channel == Tmux {
		return "the tmux buffer now holds something else; nothing to clear"
	}
	return "the clipboard now holds something else; nothing to clear"
}

// Outcome is what clearing a copy did.
type Outcome int

const (
	// Kept: the clipboard (or our tmux buffer) holds something else now,
	// or nothing: left alone.
	Kept Outcome = iota
	// Emptied: the system clipboard still held the secret and was emptied.
	Emptied
	// SentEmpty: an empty OSC 52 was sent, blindly.
	SentEmpty
	// Overwritten: our tmux buffer still held the secret and was deleted,
	// and the terminal's clipboard was overwritten, blindly.
	Overwritten
	// Newer: our tmux buffer was deleted; the terminal's clipboard was
	// left alone, as tmux has a newer buffer (the user copied in tmux).
	Newer
	// Detached: our tmux buffer was deleted; no terminal was attached to
	// tmux to clear.
	Detached
)

// Uncopied says in words what a clear (Uncopy) did.
func Uncopied(res Result, o Outcome, err error) string {
	switch {
	case err != nil:
		return fmt.Sprintf("could not clear the clipboard: %v", err)
	case o == Emptied:
		return "clipboard cleared"
	case o == SentEmpty:
		return "terminal clipboard cleared (blindly: OSC 52 cannot be read back)"
	case o == Overwritten:
		return "tmux buffer deleted; terminal clipboard overwritten (blindly: it cannot be read back)"
	case o == Newer:
		return "tmux buffer deleted; terminal clipboard left alone (tmux has a newer copy)"
	case o == Detached:
		return "tmux buffer deleted; no terminal attached to tmux to clear"
	case res.Channel == Tmux:
		return "tmux buffer changed since the copy; left alone"
	}
	return "clipboard changed since the copy; left alone"
}

// Seconds formats a clearing delay for messages: "30s", "2m", "1m30s".
func Seconds(n int) string {
	d := time.Duration(n) * time.Second
	if d < time.Minute || d%time.Minute != 0 && d < 10*time.Minute {
		return d.String()
	}
	return fmt.Sprintf("%dm", n/60)
}
