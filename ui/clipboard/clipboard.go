// Package clipboard puts secrets on the clipboard and takes them off again,
// locally and over SSH, for both the command line and the interactive
// program.
//
// Where a copy goes is decided from the environment the program sees (so it
// can be tested, and so the interactive program can use Bubble Tea's
// EnvMsg):
//
//   - A local session uses the system clipboard (github.com/atotto/clipboard:
//     pbcopy, xclip, xsel, wl-copy, the Windows API).
//   - A remote session (SSH_TTY, SSH_CONNECTION or SSH_CLIENT set) uses the
//     terminal's clipboard through an OSC 52 escape sequence, which the
//     user's own terminal applies on their machine; so does a local session
//     whose system clipboard is missing or fails.
//   - Inside tmux, both the passthrough-wrapped and the plain sequence are
//     sent, so the copy works with either "allow-passthrough on" or
//     "set-clipboard on".
//
// Clearing removes only what sesame put there: on the system clipboard the
// current contents are compared (in constant time) with the secret and left
// alone if they differ. An OSC 52 clipboard cannot be read back, so it is
// cleared blindly with an empty OSC 52, and messages say so.
package clipboard

import (
	"crypto/subtle"
	"fmt"
	"time"
)

// Where describes the session, as far as copying is concerned.
type Where struct {
	Remote bool // an SSH session: the system clipboard would be the server's
	Tmux   bool // inside tmux: OSC 52 must be wrapped to pass through
}

// Detect reads the session from environment lookups (os.Getenv, or
// tea.EnvMsg's Getenv).
func Detect(getenv func(string) string) Where {
	return Where{
		Remote: getenv("SSH_TTY") != "" || getenv("SSH_CONNECTION") != "" || getenv("SSH_CLIENT") != "",
		Tmux:   getenv("TMUX") != "",
	}
}

// Channel is how a secret was copied.
type Channel int

const (
	// None: nothing was copied.
	None Channel = iota
	// System: the operating system's clipboard, which can be read back.
	System
	// Terminal: the terminal's clipboard through OSC 52, which cannot.
	Terminal
)

// SystemClipboard is the operating system's clipboard. The atotto implementation
// hands the text to the clipboard tool on stdin, never in its arguments.
type SystemClipboard interface {
	WriteAll(text string) error
	ReadAll() (string, error)
}

// Holds reports whether the system clipboard still holds secret, comparing
// in constant time so that the comparison itself leaks nothing.
func Holds(sys SystemClipboard, secret string) (bool, error) {
	cur, err := sys.ReadAll()
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare([]byte(cur), []byte(secret)) == 1, nil
}

// ClearIfOurs empties the system clipboard if it still holds secret. It
// reports whether it cleared; a clipboard that holds something else (the
// user copied since) is left alone.
func ClearIfOurs(sys SystemClipboard, secret string) (bool, error) {
	ours, err := Holds(sys, secret)
	if err != nil || !ours {
		return false, err
	}
	if err := sys.WriteAll(""); err != nil {
		return false, err
	}
	return true, nil
}

// Seconds formats a clearing delay for messages: "30s", "2m", "1m30s".
func Seconds(n int) string {
	d := time.Duration(n) * time.Second
	if d < time.Minute || d%time.Minute != 0 && d < 10*time.Minute {
		return d.String()
	}
	return fmt.Sprintf("%dm", n/60)
}
