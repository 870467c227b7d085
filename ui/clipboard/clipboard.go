// Package clipboard puts secrets on the clipboard and takes them off again,
// locally, over SSH and inside tmux, for both the command line and the
// interactive program.
//
// Where a copy goes is decided from the environment the program sees (so it
// can be tested, and so the interactive program can use Bubble Tea's
// EnvMsg):
//
//  1. A local session uses the system clipboard: on X11 sesame serves it
//     itself (x11.go), marked as a secret for clipboard histories; else
//     through pbcopy or wl-copy (xclip or xsel when sesame cannot reach
//     the X server), each run with a time limit; the Windows API.
//  2. A remote session (SSH_TTY, SSH_CONNECTION or SSH_CLIENT set), whose
//     system clipboard would be the server's, or a local one whose system
//     clipboard is missing or fails, uses the terminal's clipboard, which
//     the user's own terminal applies on their machine: inside tmux (TMUX
//     set) through tmux, else with an OSC 52 escape sequence.
//
// # Inside tmux
//
// tmux's default options drop an OSC 52 written into a pane (set-clipboard
// external ignores it, allow-passthrough off drops the wrapped form), so
// inside tmux the copy goes through tmux itself: `tmux load-buffer -b
// sesame -w -`, with the secret on standard input, stores it in a paste
// buffer named "sesame" and has tmux send it to the attached terminal's
// clipboard, locally or over SSH alike. If tmux cannot take it (older than
// 3.2, set-clipboard off, tmux not answering) it goes out as an OSC 52
// wrapped for tmux's passthrough; when tmux is known to let nothing out
// (allow-passthrough off too, or no terminal attached), nothing is sent
// and the error names the one tmux setting that would make it work.
//
// A local session inside tmux still uses the system clipboard while it
// works. It is the user's own clipboard, and it can be read back, so a
// clear removes exactly our secret and nothing the user copied since;
// going through tmux as well would only add copies (a tmux buffer, the
// terminal's clipboard, which on a desktop is that same system clipboard)
// that can be cleared less exactly. The tmux path is for remote sessions
// and sessions without a system clipboard. Local or remote is what the
// pane's environment says, which is fixed when the pane starts: a pane
// opened at a desktop and later reached over SSH still names the desktop's
// display, and so copies to the desktop's clipboard.
//
// tmux is run only for the server this process is in: when Where was read
// from another environment (a test's, or that of a program serving other
// sessions) there is no tmux to ask.
//
// # Clearing
//
// Clearing removes only what sesame put there. An X11 copy sesame serves
// itself is given up only while the X server has not told it another
// program copied, with a request the X server ignores if one did. The
// system clipboard otherwise and our tmux buffer are read back and
// compared (in constant time) with the secret, and left alone if they
// differ. Clearing a copy through tmux
// deletes our buffer; tmux sends nothing for an empty buffer, so the
// terminal's clipboard is overwritten with a single space instead, and only
// while our buffer is tmux's newest (else the user copied in tmux since,
// and the terminal holds that). The terminal's clipboard cannot be read
// back, so that overwrite, like the empty OSC 52 that clears an OSC 52
// copy, is blind, and the messages say so.
//
// Messages say what is known: "copied" for the system clipboard, with what
// serves it ("copied (X11)" for sesame itself, "copied (xclip)"), "copied
// through tmux" when tmux took it, "sent" for an OSC 52, which no terminal
// confirms, with the tmux setting to change when its arrival is in doubt:
// when tmux could not be asked, or when its terminal is another tmux (tmux
// at both ends of SSH), which passes a clipboard on only with set-clipboard
// on.
package clipboard

import "crypto/subtle"

// Where describes the session, as far as copying is concerned.
type Where struct {
	Remote bool // an SSH session: the system clipboard would be the server's
	Tmux   bool // inside tmux: copy through tmux, or wrap OSC 52 to pass through

	// server is TMUX as Detect read it (socket, server pid, session), to
	// tell whether this process is inside that tmux server.
	server string
}

// Detect reads the session from environment lookups (os.Getenv, or
// tea.EnvMsg's Getenv).
func Detect(getenv func(string) string) Where {
	return Where{
		Remote: getenv("SSH_TTY") != "" || getenv("SSH_CONNECTION") != "" || getenv("SSH_CLIENT") != "",
		Tmux:   getenv("TMUX") != "",
		server: getenv("TMUX"),
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
	// Tmux: our tmux paste buffer, which can be read back, and through it
	// the terminal's clipboard, which cannot.
	Tmux
)

// SystemClipboard is the operating system's clipboard. OS's hands the text
// to the clipboard tool on stdin, never in its arguments.
type SystemClipboard interface {
	WriteAll(text string) error
	ReadAll() (string, error)
}

// Holds reports whether the system clipboard still holds secret: known
// exactly when sesame serves the copy itself (X11), else read back.
func Holds(sys SystemClipboard, secret string) (bool, error) {
	if e, ok := sys.(exact); ok {
		if held, known := e.heldExactly(secret); known {
			return held, nil
		}
	}
	cur, err := sys.ReadAll()
	if err != nil {
		return false, err
	}
	return equal([]byte(cur), secret), nil
}

// equal compares a clipboard's contents with the secret in constant time,
// so that the comparison itself leaks nothing.
func equal(cur []byte, secret string) bool {
	return subtle.ConstantTimeCompare(cur, []byte(secret)) == 1
}

// ClearIfOurs empties the system clipboard if it still holds secret. It
// reports whether it cleared; a clipboard that holds something else (the
// user copied since) is left alone. A copy sesame serves itself (X11) is
// given up, which the X server ignores if another program copied since;
// any other is read back first.
func ClearIfOurs(sys SystemClipboard, secret string) (bool, error) {
	if e, ok := sys.(exact); ok {
		if cleared, known, err := e.releaseExactly(secret); known {
			return cleared, err
		}
	}
	ours, err := Holds(sys, secret)
	if err != nil || !ours {
		return false, err
	}
	if err := sys.WriteAll(""); err != nil {
		return false, err
	}
	return true, nil
}

// exact is a system clipboard that serves its copy itself (X11), and so
// knows whether it still holds it without reading it back. known is false
// for a copy a tool served.
type exact interface {
	heldExactly(secret string) (held, known bool)
	releaseExactly(secret string) (cleared, known bool, err error)
}

// server is a system clipboard that says what served its last copy.
type server interface{ served() served }

// served is how a copy was served.
type served struct {
	via  string     // ViaX11 or the tool's name
	held *ownership // the X11 copy; nil for a tool's
}

// ViaX11 is Result.Via for a copy sesame serves itself on X11.
const ViaX11 = "X11"

// WriteSystem copies text to the system clipboard and says how it was
// served.
func WriteSystem(sys SystemClipboard, text string) (Result, error) {
	if err := sys.WriteAll(text); err != nil {
		return Result{}, err
	}
	res := Result{Channel: System}
	if s, ok := sys.(server); ok {
		last := s.served()
		res.Via, res.held = last.via, last.held
	}
	return res, nil
}
