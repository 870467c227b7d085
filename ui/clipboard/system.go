package clipboard

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// The system clipboard is reached through the platform's clipboard tools
// (pbcopy, xclip, xsel, wl-copy…; see system_tools.go), except on Windows,
// whose clipboard is an API (system_windows.go). A tool is a separate
// process that can hang, as xclip does when the X server stops answering,
// so each run has a time limit: a hung tool must neither keep sesame from
// quitting nor keep the detached clearer waiting for ever.

// OS returns the operating system's clipboard.
func OS() SystemClipboard { return osClipboard() }

// Errors in words: the clipboard tools only say "exit status 1".
var (
	ErrNoTool    = errors.New("no clipboard tool (install xclip, xsel or wl-clipboard)")
	ErrNoDisplay = errors.New("no system clipboard (no display)")
)

// toolTimeout bounds each run of a clipboard tool: they answer in
// milliseconds, and a program that quits waits for a copy under way for
// about this long at most. (A variable: tests shorten it.)
var toolTimeout = 2 * time.Second

// maxReadBack bounds what a read of the clipboard keeps: enough to tell
// whether it holds our secret (at most maxSecret bytes), whatever size the
// user's own copy is.
const maxReadBack = maxSecret + 1

// runTool runs a clipboard tool (args[0]) with stdin on its standard input
// and what it prints kept in out (at most maxReadBack bytes), within
// toolTimeout. The secret travels on standard input and output only.
func runTool(args []string, stdin *string, out *boundedBuffer) error {
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	if stdin != nil {
		cmd.Stdin = strings.NewReader(*stdin)
	}
	// Standard output only when read: xclip and xsel, copying, leave a
	// child behind to serve the selection, which would hold a pipe open.
	if out != nil {
		cmd.Stdout = out
	}
	cmd.WaitDelay = 100 * time.Millisecond
	err := cmd.Run()
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("the system clipboard tool (%s) did not answer within %v (is the display reachable?)", args[0], toolTimeout)
	case err != nil:
		return failed(err)
	}
	return nil
}

// boundedBuffer keeps the first maxReadBack bytes written to it and
// discards the rest, so that the tool still runs to its end.
type boundedBuffer struct{ b []byte }

func (w *boundedBuffer) Write(p []byte) (int, error) {
	if room := maxReadBack - len(w.b); room > 0 {
		w.b = append(w.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// failed words a clipboard tool's failure.
func failed(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return errors.New("the system clipboard tool failed (is the display reachable?)")
	}
	return err
}
