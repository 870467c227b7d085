package ui

import (
	"errors"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/clipboard"
)

// Copying, clearing and the countdown (package clipboard decides how; this
// file decides when).
//
//   - A copy goes to the system clipboard when the session is local (from
//     tea.EnvMsg), and to the terminal's clipboard with OSC 52 when it is
//     remote or the system clipboard fails; inside tmux both OSC 52 forms.
//   - After Settings.ClearAfter seconds the clipboard is cleared: the system
//     one only if it still holds the secret, the terminal's blindly. The
//     status line counts down to it.
//   - Each copy has a sequence number; a newer copy owns the timer, so the
//     messages of an older one are ignored.
//   - Quitting clears what is still ours first (unless ClearAfter is 0,
//     "never"), including a copy whose write has not finished.
//   - Every system-clipboard operation holds one lock, and clear-if-ours is
//     one locked step, so a clear can never interleave with a newer copy.

// Clipboard is the system clipboard, behind an interface so tests can use
// a fake. The text goes to the platform's tool on its standard input,
// never in its arguments.
type Clipboard = clipboard.SystemClipboard

// guardedClipboard serialises the clipboard operations of the program and
// counts the copies still being written.
type guardedClipboard struct {
	mu      sync.Mutex
	sys     Clipboard
	writing sync.WaitGroup
}

func (g *guardedClipboard) write(text string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.sys.WriteAll(text)
}

// waitWrites waits for the copies being written, but not for ever: a hung
// clipboard tool must not stop sesame from quitting.
func (g *guardedClipboard) waitWrites(limit time.Duration) {
	done := make(chan struct{})
	go func() { g.writing.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(limit):
	}
}

func (g *guardedClipboard) clearIfOurs(secret string) (bool, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return clipboard.ClearIfOurs(g.sys, secret)
}

// copyState is the latest copy.
type copyState struct {
	seq      int
	secret   string
	what     string           // "password", "earlier passphrase", …
	res      clipboard.Result // where it went; Channel None while in flight
	inFlight bool             // the system write has not answered yet
	active   bool             // on a clipboard and not cleared yet
	deadline time.Time        // when it is cleared (ClearAfter > 0)
}

// copiedMsg answers a system-clipboard write.
type copiedMsg struct {
	seq  int
	what string
	err  error
}

// clipTickMsg drives the countdown of copy seq.
type clipTickMsg struct{ seq int }

// clearedMsg answers a clear of copy seq.
type clearedMsg struct {
	seq     int
	cleared bool
	err     error
}

// where is the session as the clipboard sees it, from tea.EnvMsg.
func (m *model) where() clipboard.Where { return clipboard.Detect(m.env.Getenv) }

// copyCmd puts text on a clipboard. The system clipboard's tools are
// separate processes and may be slow, so that write runs off the event
// loop and answers with copiedMsg.
func (m *model) copyCmd(text, what string) tea.Cmd {
	m.copy = copyState{seq: m.copy.seq + 1, secret: text, what: what, inFlight: true}
	seq := m.copy.seq
	where := m.where()
	if where.Remote || m.deps.clip == nil {
		skipped := clipboard.ErrRemote
		if !where.Remote {
			skipped = clipboard.ErrNoTool
		}
		return m.sendToTerminal(skipped)
	}
	g := m.guard()
	g.writing.Add(1)
	return func() tea.Msg {
		defer g.writing.Done()
		return copiedMsg{seq: seq, what: what, err: g.write(text)}
	}
}

// guard returns the serialised system clipboard.
func (m *model) guard() *guardedClipboard {
	if m.clipGuard == nil {
		m.clipGuard = &guardedClipboard{sys: m.deps.clip}
	}
	return m.clipGuard
}

// copied handles the system clipboard's answer: on failure the copy goes
// to the terminal's clipboard instead.
func (m *model) copied(msg copiedMsg) tea.Cmd {
	if msg.seq != m.copy.seq {
		return nil // a newer copy owns the clipboard
	}
	if msg.err != nil {
		return m.sendToTerminal(msg.err)
	}
	m.copy.res = clipboard.Result{Channel: clipboard.System}
	return m.copyDone()
}

// sendToTerminal copies with OSC 52 through the program's own output, so
// the sequence cannot interleave with a frame.
func (m *model) sendToTerminal(skipped error) tea.Cmd {
	m.copy.res = clipboard.Result{Channel: clipboard.Terminal, Skipped: skipped}
	return tea.Batch(m.raw(clipboard.Sequences(m.copy.secret, m.where())), m.copyDone())
}

// raw writes escape sequences to the terminal.
func (m *model) raw(seqs []string) tea.Cmd {
	return m.deps.raw(strings.Join(seqs, ""))
}

// copyDone reports the copy and starts the countdown to clearing it.
func (m *model) copyDone() tea.Cmd {
	m.copy.inFlight, m.copy.active = false, true
	after := m.s.ClearAfter
	text := m.copy.what + " " + clipboard.Copied(m.copy.res, after)
	if m.copy.res.Channel == clipboard.Terminal && !errors.Is(m.copy.res.Skipped, clipboard.ErrRemote) {
		text += " (system clipboard: " + m.copy.res.Skipped.Error() + ")"
	}
	if after <= 0 {
		return m.setStatus(text, statusOK)
	}
	m.copy.deadline = m.deps.now().Add(time.Duration(after) * time.Second)
	m.setStickyStatus(text, statusOK)
	return m.deps.after(time.Second, clipTickMsg{seq: m.copy.seq})
}

// tick updates the countdown, and clears when it runs out.
func (m *model) tick(msg clipTickMsg) tea.Cmd {
	if msg.seq != m.copy.seq || !m.copy.active {
		return nil // an older copy's timer, or already cleared
	}
	left := m.copy.deadline.Sub(m.deps.now())
	if left <= 0 {
		return m.clearCmd()
	}
	secs := int((left + time.Second - 1) / time.Second)
	m.setStickyStatus(m.copy.what+" "+clipboard.Copied(m.copy.res, secs), statusOK)
	return m.deps.after(min(left, time.Second), clipTickMsg{seq: m.copy.seq})
}

// clearCmd takes the latest copy off its clipboard.
func (m *model) clearCmd() tea.Cmd {
	seq, secret := m.copy.seq, m.copy.secret
	if m.copy.res.Channel == clipboard.Terminal {
		empty := m.raw(clipboard.Sequences("", m.where()))
		return tea.Sequence(empty, func() tea.Msg { return clearedMsg{seq: seq, cleared: true} })
	}
	g := m.guard()
	return func() tea.Msg {
		g.waitWrites(3 * time.Second) // a copy still being written is ours too
		cleared, err := g.clearIfOurs(secret)
		return clearedMsg{seq: seq, cleared: cleared, err: err}
	}
}

// cleared reports a clear.
func (m *model) cleared(msg clearedMsg) tea.Cmd {
	if msg.seq != m.copy.seq {
		return nil
	}
	m.copy.active = false
	if m.quitting {
		if msg.err != nil {
			m.clearFailure = msg.err
		}
		return nil
	}
	kind := statusInfo
	if msg.err != nil {
		kind = statusWarn
	}
	return m.setStatus(clipboard.Cleared(m.copy.res, msg.cleared, msg.err), kind)
}

// clearOnQuit is the clear to run before quitting: what is still ours, or
// still being written, unless clearing is off.
func (m *model) clearOnQuit() tea.Cmd {
	if m.s.ClearAfter <= 0 || !(m.copy.active || m.copy.inFlight) {
		return nil
	}
	if m.copy.inFlight && m.copy.res.Channel == clipboard.None {
		m.copy.res.Channel = clipboard.System // the write under way is a system one
	}
	return m.clearCmd()
}
