package ui

import (
	"bytes"
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
//     tea.EnvMsg); otherwise, or when the system clipboard fails, to the
//     terminal's clipboard: through tmux inside tmux, else with OSC 52.
//   - After Settings.ClearAfter seconds the clipboard is cleared, only of
//     our own secret where it can be read back (the system clipboard, our
//     tmux buffer), blindly where it cannot. The status line counts down to
//     it, and always says whether the secret on the clipboard is the one on
//     screen.
//   - While the countdown runs, a clipboard that can be read back is read
//     back every second, and a copy sesame serves itself (X11) is told by
//     the X server the moment another program takes the clipboard: then
//     the status says so, the countdown stops, and quitting hands nothing
//     over, as there is nothing of ours left to clear.
//   - Each copy has a sequence number; a newer copy owns the timer, so the
//     messages of an older one are ignored.
//   - Quitting does not cut the countdown short: Run hands the time left to
//     the same detached clearer the command line's --copy uses (see
//     pendingCopy), so that the user can copy, quit and paste. A copy
//     sesame serves itself (X11) would end with the program, so it is
//     handed over with clearing off too, to be served until another
//     program copies.
//   - Clipboard operations take turns, and clear-if-ours is one turn, so a
//     clear can never interleave with a newer copy. A turn is held while a
//     clipboard tool or tmux runs, which their time limits bound (2 s);
//     where each copy landed is kept apart, under a lock never held across
//     a process, so that quitting never waits on a hung tool.

// Clipboard is the system clipboard, behind an interface so tests can use
// a fake. The text goes to the platform's tool on its standard input,
// never in its arguments.
type Clipboard = clipboard.SystemClipboard

// guardedClipboard serialises the clipboard operations of the program and
// counts the copies still being written.
type guardedClipboard struct {
	// turn is held by the clipboard operation under way (a channel, not a
	// mutex: it is held across a process).
	turn    chan struct{}
	sys     Clipboard
	writing sync.WaitGroup

	// landed is where each copy went, recorded as it lands: a program that
	// quits while a copy is under way never reads its answer. mu guards it
	// alone, and is never held across a process.
	mu     sync.Mutex
	landed map[int]clipboard.Result
}

func newGuardedClipboard(sys Clipboard) *guardedClipboard {
	return &guardedClipboard{turn: make(chan struct{}, 1), sys: sys}
}

// lock waits for the clipboard's turn; unlock gives it back.
func (g *guardedClipboard) lock()   { g.turn <- struct{}{} }
func (g *guardedClipboard) unlock() { <-g.turn }

// land records where copy seq went.
func (g *guardedClipboard) land(seq int, res clipboard.Result) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.landed == nil {
		g.landed = map[int]clipboard.Result{}
	}
	g.landed[seq] = res
}

// landedAt returns where copy seq went, once it has landed.
func (g *guardedClipboard) landedAt(seq int) (clipboard.Result, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	res, ok := g.landed[seq]
	return res, ok
}

func (g *guardedClipboard) write(text string) (clipboard.Result, error) {
	g.lock()
	defer g.unlock()
	return clipboard.WriteSystem(g.sys, text)
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

// copyState is the latest copy.
type copyState struct {
	seq      int
	secret   string
	what     string           // "password", "earlier passphrase", …
	res      clipboard.Result // where it went; Channel None while in flight
	inFlight bool             // the write has not answered yet
	checking bool             // a read-back is under way
	active   bool             // on a clipboard and not cleared yet
	deadline time.Time        // when it is cleared (ClearAfter > 0)
}

// copiedMsg answers a system-clipboard write.
type copiedMsg struct {
	seq int
	res clipboard.Result
	err error
}

// sentMsg answers a copy to the terminal's clipboard: where it went, and
// the escape sequences to write to the terminal (OSC 52), if any.
type sentMsg struct {
	seq int
	res clipboard.Result
	raw string
	err error
}

// clipTickMsg drives the countdown of copy seq.
type clipTickMsg struct{ seq int }

// heldMsg answers a read-back of copy seq: whether the clipboard still
// holds its secret. taken: it is the X server's word that another program
// took the clipboard, not an answer to a read-back.
type heldMsg struct {
	seq   int
	ours  bool
	err   error
	taken bool
}

// clearedMsg answers a clear of copy seq.
type clearedMsg struct {
	seq     int
	outcome clipboard.Outcome
	err     error
}

// where is the session as the clipboard sees it, from tea.EnvMsg.
func (m *model) where() clipboard.Where { return clipboard.Detect(m.env.Getenv) }

// copyCmd puts text on a clipboard. Clipboard tools and tmux are separate
// processes and may be slow, so writes run off the event loop and answer
// with a message.
func (m *model) copyCmd(text, what string) tea.Cmd {
	m.copy = copyState{seq: m.copy.seq + 1, secret: text, what: what, inFlight: true}
	seq := m.copy.seq
	if where := m.where(); where.Remote || m.deps.clip == nil {
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
		res, err := g.write(text)
		if err == nil {
			g.land(seq, res)
		}
		return copiedMsg{seq: seq, res: res, err: err}
	}
}

// guard returns the serialised clipboard.
func (m *model) guard() *guardedClipboard {
	if m.clipGuard == nil {
		m.clipGuard = newGuardedClipboard(m.deps.clip)
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
	m.copy.res = msg.res
	return m.copyDone()
}

// sendToTerminal copies to the terminal's clipboard, through tmux inside
// tmux: off the event loop (tmux is a process), under the clipboard lock,
// into a buffer whose escape sequences then go out through the program's
// own output, so that they cannot interleave with a frame.
func (m *model) sendToTerminal(skipped error) tea.Cmd {
	seq, secret, g := m.copy.seq, m.copy.secret, m.guard()
	c := clipboard.Copier{Where: m.where(), Tmux: m.deps.tmux}
	g.writing.Add(1)
	return func() tea.Msg {
		defer g.writing.Done()
		g.lock()
		defer g.unlock()
		var buf bytes.Buffer
		c.Term = &buf
		res, err := c.CopyToTerminal(secret, skipped)
		if err == nil && res.Channel == clipboard.Tmux {
			// Landed already (in tmux); an OSC 52 lands only once the
			// program writes it.
			g.land(seq, res)
		}
		return sentMsg{seq: seq, res: res, raw: buf.String(), err: err}
	}
}

// sent handles a copy to the terminal's clipboard.
func (m *model) sent(msg sentMsg) tea.Cmd {
	if msg.seq != m.copy.seq {
		return nil
	}
	if msg.err != nil {
		m.copy.inFlight = false
		return m.setStatus(msg.err.Error(), statusWarn)
	}
	m.copy.res = msg.res
	var cmds []tea.Cmd
	if msg.raw != "" {
		cmds = append(cmds, m.deps.raw(msg.raw))
	}
	return tea.Batch(append(cmds, m.copyDone())...)
}

// copyDone reports the copy and starts the countdown to clearing it.
func (m *model) copyDone() tea.Cmd {
	m.copy.inFlight, m.copy.active = false, true
	m.markCopied(m.copy.secret)
	after := m.s.ClearAfter
	if after <= 0 {
		return tea.Batch(m.setStatus(m.copyText(0), statusOK), m.watchCmd(24*time.Hour))
	}
	m.copy.deadline = m.deps.now().Add(time.Duration(after) * time.Second)
	m.setStickyStatus("", statusOK)
	m.status.copySeq = m.copy.seq
	return tea.Batch(m.deps.after(time.Second, clipTickMsg{seq: m.copy.seq}),
		m.watchCmd(time.Duration(after+2)*time.Second))
}

// watchCmd waits, for at most limit, for the X server to say that another
// program took the clipboard from a copy sesame serves itself, so that the
// status says so at once rather than at the next read-back. The wait ends
// early when the copy ends otherwise (cleared, or a newer copy).
func (m *model) watchCmd(limit time.Duration) tea.Cmd {
	res, seq := m.copy.res, m.copy.seq
	if !res.Served() {
		return nil
	}
	return func() tea.Msg {
		if res.Taken(limit) {
			return heldMsg{seq: seq, taken: true}
		}
		return nil
	}
}

// copyText says what is on the clipboard and when it clears, true of the
// screen as it is: whether the secret copied is the one on screen.
func (m *model) copyText(secs int) string {
	c := m.copy
	text := clipboard.Copied(c.res, secs)
	what := c.what
	if r := m.result().res; (r == nil || r.secret != c.secret) && !strings.HasPrefix(what, "earlier ") {
		what = "previous " + what
		head, tail, _ := strings.Cut(text, " — ")
		text = head + " (not the one on screen) — " + tail
	}
	return what + " " + text + clipboard.Skipped(c.res)
}

// secondsLeft is the countdown as shown: whole seconds, rounded up.
func (m *model) secondsLeft() int { return clipboard.Remaining(m.copy.deadline, m.deps.now()) }

// tick moves the countdown on, and clears when it runs out.
func (m *model) tick(msg clipTickMsg) tea.Cmd {
	if msg.seq != m.copy.seq || !m.copy.active {
		return nil // an older copy's timer, or already cleared
	}
	left := m.copy.deadline.Sub(m.deps.now())
	if left <= 0 {
		return m.clearCmd()
	}
	return tea.Batch(m.deps.after(min(left, time.Second), clipTickMsg{seq: m.copy.seq}), m.checkCmd())
}

// checkCmd reads the latest copy's clipboard back, where it can be, to
// notice another program copying over it: one read-back at a time, at
// most one a second (the countdown's ticks), off the event loop.
func (m *model) checkCmd() tea.Cmd {
	if m.copy.checking || !clipboard.Readable(m.copy.res) {
		return nil
	}
	m.copy.checking = true
	seq, secret, res := m.copy.seq, m.copy.secret, m.copy.res
	c := clipboard.Copier{Where: m.where(), System: m.guard().sys, Tmux: m.deps.tmux}
	return func() tea.Msg {
		ours, err := c.StillHolds(res, secret)
		return heldMsg{seq: seq, ours: ours, err: err}
	}
}

// held handles a read-back. A clipboard that holds something else ends the
// countdown: nothing of ours is left to clear. A read-back that failed
// proves nothing; the countdown goes on, and the clear reads back again.
func (m *model) held(msg heldMsg) tea.Cmd {
	if msg.seq != m.copy.seq {
		return nil
	}
	if !msg.taken {
		m.copy.checking = false
	}
	if !m.copy.active || msg.err != nil || msg.ours {
		return nil
	}
	m.copy.active = false
	return m.setStatus(clipboard.Replaced(m.copy.res), statusInfo)
}

// clearCmd takes the latest copy off its clipboard.
func (m *model) clearCmd() tea.Cmd {
	seq, secret, res := m.copy.seq, m.copy.secret, m.copy.res
	if res.Channel == clipboard.Terminal {
		empty := m.deps.raw(strings.Join(clipboard.Sequences("", m.where()), ""))
		return tea.Sequence(empty, func() tea.Msg { return clearedMsg{seq: seq, outcome: clipboard.SentEmpty} })
	}
	g := m.guard()
	c := clipboard.Copier{Where: m.where(), System: g.sys, Tmux: m.deps.tmux}
	return func() tea.Msg {
		g.waitWrites(quitWait) // a copy still being written is ours too
		g.lock()
		defer g.unlock()
		o, err := c.Uncopy(res, secret)
		return clearedMsg{seq: seq, outcome: o, err: err}
	}
}

// cleared reports a clear.
func (m *model) cleared(msg clearedMsg) tea.Cmd {
	if msg.seq != m.copy.seq {
		return nil
	}
	m.copy.active = false
	kind := statusInfo
	if msg.err != nil {
		kind = statusWarn
	}
	return m.setStatus(clipboard.Uncopied(m.copy.res, msg.outcome, msg.err), kind)
}

// pendingCopy is the copy still to be cleared when the program ends, with
// the seconds left of its countdown (clipboard.Keep for a copy sesame
// serves itself with clearing off); nil when there is none, or clearing is
// off and a tool serves the copy. Call it once writes under way are done
// (guard().waitWrites): a copy that landed after the program stopped
// reading answers is ours too.
func (m *model) pendingCopy() *copyHandoff {
	if !(m.copy.active || m.copy.inFlight) {
		return nil
	}
	h := &copyHandoff{res: m.copy.res, where: m.where(), secret: m.copy.secret, seconds: m.s.ClearAfter}
	if m.copy.active && m.s.ClearAfter > 0 {
		h.seconds = m.secondsLeft()
	} else if !m.copy.active {
		res, ok := m.guard().landedAt(m.copy.seq)
		if !ok {
			return nil // never landed: nothing to clear
		}
		h.res = res
	}
	if m.s.ClearAfter <= 0 {
		if !h.res.Served() {
			return nil
		}
		h.seconds = clipboard.Keep
	}
	return h
}

// copyHandoff is what the detached clearer needs to finish a countdown.
type copyHandoff struct {
	res     clipboard.Result
	where   clipboard.Where
	secret  string
	seconds int
}
