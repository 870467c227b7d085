package ui

import (
	"errors"
	"os/exec"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"
)

// Copying goes through one command (copyCmd) and comes back as one message
// (copiedMsg), handled in one place (model.copied). The terminal clipboard
// (OSC 52), the choice of channel from tea.EnvMsg, clearing after
// Settings.ClearAfter and the countdown all hook in there.

// Clipboard is the system clipboard, behind an interface so tests can use
// a fake. The text goes to the platform's tool on its standard input,
// never in its arguments.
type Clipboard interface {
	WriteAll(text string) error
	ReadAll() (string, error)
}

// systemClipboard is the operating system's clipboard (pbcopy, the Win32
// API, wl-copy, xclip, xsel or termux-clipboard-set).
type systemClipboard struct{}

// errNoClipboardTool says no clipboard program is installed.
var errNoClipboardTool = errors.New("no clipboard tool is installed")

// WriteAll implements Clipboard.
func (systemClipboard) WriteAll(text string) error {
	if clipboard.Unsupported {
		return errNoClipboardTool
	}
	return clipboard.WriteAll(text)
}

// ReadAll implements Clipboard.
func (systemClipboard) ReadAll() (string, error) {
	if clipboard.Unsupported {
		return "", errNoClipboardTool
	}
	return clipboard.ReadAll()
}

// copiedMsg reports how a copy went.
type copiedMsg struct {
	seq  int    // the copy it answers; older answers are ignored
	what string // what was copied, in words ("password", "history entry")
	err  error
}

// copyCmd puts text on the clipboard off the event loop: the tools are
// separate processes and may be slow.
func (m *model) copyCmd(text, what string) tea.Cmd {
	m.copySeq++
	seq, clip := m.copySeq, m.deps.clip
	if clip == nil {
		return func() tea.Msg { return copiedMsg{seq: seq, what: what, err: errNoClipboardTool} }
	}
	return func() tea.Msg {
		return copiedMsg{seq: seq, what: what, err: clip.WriteAll(text)}
	}
}

// copied shows how a copy went, in words.
func (m *model) copied(msg copiedMsg) tea.Cmd {
	if msg.seq != m.copySeq {
		return nil
	}
	if msg.err != nil {
		return m.setStatus("not copied: "+copyErrorText(msg.err), statusErr)
	}
	return m.setStatus(msg.what+" copied to the clipboard", statusOK)
}

// copyErrorText says why a copy failed without echoing a tool's bare
// "exit status 1".
func copyErrorText(err error) string {
	var exit *exec.ExitError
	switch {
	case errors.Is(err, errNoClipboardTool):
		return "no clipboard tool is installed (xclip, xsel or wl-clipboard on Linux)"
	case errors.As(err, &exit):
		return "the clipboard tool failed (no display?)"
	case errors.Is(err, exec.ErrNotFound):
		return "the clipboard tool is missing"
	}
	return "the clipboard is unavailable"
}

// statusFor is how long a status message stays.
const statusFor = 5 * time.Second
