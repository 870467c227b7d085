package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The status line says what just happened (copied, or why not; settings
// not saved) and shows the warnings the command line passed at start. A
// message stays for a few seconds; a newer one replaces it.

type statusKind int

const (
	statusInfo statusKind = iota
	statusOK
	statusWarn
	statusErr
)

type status struct {
	text string
	kind statusKind
	seq  int // which message an expiry timer belongs to
	// copySeq, when set, makes the status copy copySeq's countdown, worded
	// afresh for every frame (copyText), so it is always true of the
	// secret on screen.
	copySeq int
}

// statusText is the status line's text as shown now.
func (m *model) statusText() string {
	if m.status.copySeq != 0 && m.status.copySeq == m.copy.seq && m.copy.active {
		return m.copyText(m.secondsLeft())
	}
	return m.status.text
}

// statusExpiredMsg clears the status line if it still shows message seq.
type statusExpiredMsg struct{ seq int }

// setStatus shows a message and schedules its removal.
func (m *model) setStatus(text string, kind statusKind) tea.Cmd {
	m.status = status{text: text, kind: kind, seq: m.status.seq + 1}
	return m.expireStatus(statusFor)
}

// setStickyStatus shows a message that stays until replaced (the clipboard
// countdown, which updates itself every second).
func (m *model) setStickyStatus(text string, kind statusKind) {
	m.status = status{text: text, kind: kind, seq: m.status.seq + 1}
}

func (m *model) expireStatus(d time.Duration) tea.Cmd {
	if m.status.text == "" || m.status.copySeq != 0 {
		return nil
	}
	return m.deps.after(d, statusExpiredMsg{seq: m.status.seq})
}

// joinWarnings makes the start-up warnings one line.
func joinWarnings(ws []string) string {
	var parts []string
	for _, w := range ws {
		if w = strings.TrimSpace(w); w != "" {
			parts = append(parts, w)
		}
	}
	return strings.Join(parts, "; ")
}

// statusFor is how long a status message stays.
const statusFor = 5 * time.Second
