package clipboard

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Inside tmux a copy goes through tmux itself: `tmux load-buffer -b sesame
// -w -` with the secret on standard input stores it in a paste buffer of
// ours and has tmux send it on to the terminal of the attached client with
// OSC 52. Unlike an OSC 52 written into the pane, this works with tmux's
// default options, and over SSH as well as locally.

// BufferName is the tmux paste buffer sesame copies into. One fixed name: a
// newer copy replaces an older one instead of leaving it behind, and the
// clearer of the older copy, reading the buffer back, sees that it no
// longer holds its secret and leaves it alone.
const BufferName = "sesame"

// Runner runs one tmux command (args follow "tmux") with stdin on its
// standard input, and returns its standard output. Secrets travel on stdin
// and stdout only, never in args. A failure carries tmux's own message.
type Runner func(stdin string, args ...string) ([]byte, error)

// tmuxTimeout bounds each tmux command: tmux answers in milliseconds, and a
// hung server must not hang sesame. (A variable: tests shorten it.)
var tmuxTimeout = 2 * time.Second

// processTmux runs the tmux program. It reaches the server the process runs
// in through the inherited TMUX (and TMUX_PANE, by which tmux knows the
// pane and so the client to send the clipboard to).
func processTmux(stdin string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), tmuxTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tmux", args...)
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	} // else /dev/null
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	cmd.WaitDelay = 100 * time.Millisecond // a stray child holding the pipes
	err := cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("tmux %s: no answer within %v", args[0], tmuxTimeout)
	case err != nil:
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("tmux %s: %s", args[0], msg)
	}
	return out.Bytes(), nil
}

// tmux is how this copy reaches tmux: the Copier's own Runner, or else the
// tmux program, but only when Where was read from this process's own
// environment. A Where from elsewhere (a test's made-up TMUX) names a
// server this process is not in; running tmux then could reach another
// server, such as the user's own, so there is no tmux to talk to.
func (c Copier) tmux() Runner {
	if c.Tmux != nil {
		return c.Tmux
	}
	if c.Where.server != "" && c.Where.server == os.Getenv("TMUX") {
		return processTmux
	}
	return nil
}

// tmuxState is what tmux says about itself before a copy.
type tmuxState struct {
	setClipboard string // "on", "external" or "off"; "" if tmux did not say
	passthrough  access // whether a passthrough-wrapped OSC 52 gets out
	client       bool   // a terminal is attached for -w to reach
	// outer: that terminal is itself tmux (or screen), which passes a
	// clipboard on only if set up to: tmux needs set-clipboard on.
	outer bool
}

// access is whether tmux lets something through.
type access int

const (
	unknown access = iota
	allowed
	blocked
)

// probeFormat asks, in one command, for what decides the copy. The client
// is the one load-buffer -w would send to (tmux picks both the same way);
// a control-mode client (iTerm2's tmux integration) has no terminal of its
// own for tmux to write to. The client's TERM tells a terminal that is
// itself tmux or screen (nested locally, or tmux on both ends of SSH).
const probeFormat = "#{set-clipboard}|#{allow-passthrough}|#{client_tty}|#{client_control_mode}|#{client_termname}"

func probe(run Runner) (tmuxState, error) {
	out, err := run("", "display-message", "-p", probeFormat)
	if err != nil {
		return tmuxState{}, err
	}
	f := strings.Split(strings.TrimSuffix(string(out), "\n"), "|")
	if len(f) != 5 {
		return tmuxState{}, fmt.Errorf("tmux display-message: unexpected answer %q", out)
	}
	st := tmuxState{
		setClipboard: f[0],
		client:       f[2] != "" && f[3] != "1",
		outer:        strings.HasPrefix(f[4], "tmux") || strings.HasPrefix(f[4], "screen"),
	}
	switch f[1] {
	case "1", "on", "all":
		st.passthrough = allowed
	case "0", "off":
		st.passthrough = blocked
	case "":
		// Before 3.3 there is no allow-passthrough: tmux always passed
		// the sequence through. An empty set-clipboard too means tmux
		// knows no option names in formats, and so nothing is known.
		if st.setClipboard != "" {
			st.passthrough = allowed
		}
	}
	return st, nil
}

// Why tmux did not take a copy.
var (
	ErrTmuxClipboardOff = errors.New("tmux has set-clipboard off")
	ErrTmuxTooOld       = errors.New("tmux is older than 3.2 (load-buffer has no -w)")
	ErrTmuxNoClient     = errors.New("no terminal is attached to tmux")
	ErrTmuxUnreachable  = errors.New("tmux cannot be reached from here")
)

// loadIntoTmux copies secret through tmux, or says why tmux refused; st is
// what tmux said about itself (zero if it could not be asked).
func loadIntoTmux(run Runner, secret string) (st tmuxState, refused error) {
	if run == nil {
		return st, ErrTmuxUnreachable
	}
	st, err := probe(run)
	switch {
	case err != nil:
		return st, err
	case st.setClipboard == "off":
		// load-buffer -w ignores set-clipboard (tmux 3.3a sends the
		// clipboard anyway), but its manual promises that with "off"
		// the terminal clipboard is not set: respect the user's choice.
		return st, ErrTmuxClipboardOff
	case !st.client:
		return st, ErrTmuxNoClient
	}
	if _, err := run(secret, "load-buffer", "-b", BufferName, "-w", "-"); err != nil {
		if strings.Contains(err.Error(), "unknown flag -w") {
			err = ErrTmuxTooOld
		}
		// A load that failed late (a timeout) may have stored it all the
		// same: take back what is ours.
		deleteIfOurs(run, secret)
		return st, err
	}
	return st, nil
}

// placeholder replaces the secret in the terminal's clipboard when a copy
// through tmux is cleared: tmux ignores an empty buffer, sending nothing,
// so the clipboard cannot be emptied this way, only overwritten. A space
// is the nearest to nothing that is still something.
const placeholder = " "

// clearTmux takes a copy through tmux back, if our buffer still holds it:
// it overwrites the terminal's clipboard (unless tmux has a newer buffer,
// which is what the terminal last got from tmux, or no terminal is
// attached) and deletes our buffer.
func clearTmux(run Runner, secret string) (Outcome, error) {
	if run == nil {
		return Kept, ErrTmuxUnreachable
	}
	names, err := run("", "list-buffers", "-F", "#{buffer_name}")
	if err != nil {
		return Kept, err
	}
	list := lines(names)
	ours, err := holdsInTmux(run, list, secret)
	if err != nil || !ours {
		return Kept, err
	}
	outcome := Newer
	if list[0] == BufferName {
		outcome = Detached
		if st, err := probe(run); err == nil && st.client {
			if _, err := run(placeholder, "load-buffer", "-b", BufferName, "-w", "-"); err != nil {
				deleteIfOurs(run, secret)
				return Kept, err
			}
			outcome = Overwritten
		}
	}
	if _, err := run("", "delete-buffer", "-b", BufferName); err != nil {
		return Kept, err
	}
	return outcome, nil
}

// holdsInTmux reports whether our buffer, among the buffers named in list,
// holds secret, comparing in constant time.
func holdsInTmux(run Runner, list []string, secret string) (bool, error) {
	found := false
	for _, name := range list {
		found = found || name == BufferName
	}
	if !found {
		return false, nil // deleted since: nothing of ours to take back
	}
	cur, err := run("", "show-buffer", "-b", BufferName)
	defer clear(cur)
	if err != nil {
		return false, err
	}
	return equal(cur, secret), nil
}

// lines splits tmux's line-per-item output.
func lines(out []byte) []string {
	s := strings.TrimSuffix(string(out), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// deleteIfOurs deletes our buffer if it holds secret, as a last resort
// after a failure: its own errors add nothing to the first one.
func deleteIfOurs(run Runner, secret string) {
	cur, err := run("", "show-buffer", "-b", BufferName)
	defer clear(cur)
	if err == nil && equal(cur, secret) {
		run("", "delete-buffer", "-b", BufferName)
	}
}
