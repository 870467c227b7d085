package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// The session history keeps, in memory only, the last results the user
// had on screen (for a second or more, or copied), newest first. It is
// shown masked and can be copied from. Nothing of it is ever written
// anywhere.

// historySize is how many results the history keeps.
const historySize = 20

type historyEntry struct {
	mode   settings.Mode
	secret string
	bits   float64
	bound  string // "" when exact
	at     time.Time
	copied bool
}

type history struct {
	entries []historyEntry // newest first
	open    bool
	cursor  int
}

// add puts a result at the top; a secret already listed moves up.
func (h *history) add(r *result, now time.Time) {
	e := historyEntry{mode: r.mode, secret: r.secret, bits: r.strength.Entropy.Rounded(), at: now, copied: r.copied}
	if r.strength.Entropy.Estimate() {
		e.bound = r.strength.Entropy.Bound.String()
	}
	for i, old := range h.entries {
		if old.secret == r.secret {
			e.copied = e.copied || old.copied
			h.entries = append(h.entries[:i], h.entries[i+1:]...)
			break
		}
	}
	h.entries = append([]historyEntry{e}, h.entries...)
	if len(h.entries) > historySize {
		h.entries = h.entries[:historySize]
	}
}

// markCopied marks secret as copied, on screen and in the history, once a
// copy of it has landed: a copy that failed is not one.
func (m *model) markCopied(secret string) {
	for i := range m.results {
		if r := m.results[i].res; r != nil && r.secret == secret {
			r.copied = true
		}
	}
	for i := range m.history.entries {
		if e := &m.history.entries[i]; e.secret == secret {
			e.copied = true
		}
	}
}

// handleHistoryKey acts on a key while the history is open.
func (m *model) handleHistoryKey(msg tea.KeyPressMsg) tea.Cmd {
	h := &m.history
	k := m.keys
	switch {
	case key.Matches(msg, k.HistClose):
		h.open = false
	case key.Matches(msg, k.HistUp):
		h.cursor = max(0, h.cursor-1)
	case key.Matches(msg, k.HistDown):
		h.cursor = min(len(h.entries)-1, h.cursor+1)
	case key.Matches(msg, k.HistFirst):
		h.cursor = 0
	case key.Matches(msg, k.HistLast):
		h.cursor = len(h.entries) - 1
	case key.Matches(msg, k.HistCopy):
		if h.cursor < len(h.entries) {
			e := h.entries[h.cursor]
			return m.copyCmd(e.secret, "earlier "+e.mode.Noun())
		}
	case key.Matches(msg, k.Mask), key.Matches(msg, k.Unmask):
		return m.toggleMask()
	case key.Matches(msg, k.More):
		m.toggleHelp()
	}
	return nil
}

// maskedPreview shows a history entry without giving it away: the first
// two characters when the screen is not masked, dots otherwise, and the
// length.
func maskedPreview(secret string, masked bool) string {
	n := utf8.RuneCountInString(secret)
	shown := ""
	if !masked && n > 6 {
		r := []rune(secret)
		shown = string(r[:2])
	}
	dots := min(12, n) - utf8.RuneCountInString(shown)
	return shown + strings.Repeat("•", max(dots, 0))
}

// historyView renders the open history in the given size.
func (m *model) historyView(width, height int) string {
	st := m.styles
	var b strings.Builder
	b.WriteString(st.heading.Render("History") + st.faint.Render(fmt.Sprintf("  %d of the last %d results, newest first, memory only", len(m.history.entries), historySize)))
	lines := 1
	if len(m.history.entries) == 0 {
		b.WriteString("\n" + st.faint.Render("  nothing yet: results you keep on screen for a second or copy appear here"))
		return b.String()
	}
	// Keep the cursor in view.
	rows := max(1, height-1)
	start := 0
	if m.history.cursor >= rows {
		start = m.history.cursor - rows + 1
	}
	for i := start; i < len(m.history.entries) && lines < height; i++ {
		e := m.history.entries[i]
		marker := "  "
		if i == m.history.cursor {
			marker = st.marker.Render("› ")
		}
		bits := fmt.Sprintf("%.2f bits", e.bits)
		if e.bound != "" {
			bits += " (" + e.bound + ")"
		}
		copied := ""
		if e.copied {
			copied = "  copied"
		}
		line := fmt.Sprintf("%-10s %-14s %5d chars  %s  %s%s",
			e.mode.Noun(), maskedPreview(e.secret, m.s.Masked), utf8.RuneCountInString(e.secret),
			bits, e.at.Format("15:04:05"), copied)
		style := st.value
		if i == m.history.cursor {
			style = st.valueFocused
		}
		b.WriteString("\n" + marker + style.Render(truncate(line, width-2)))
		lines++
	}
	return b.String()
}
