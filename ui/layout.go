package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Small terminals. Every tab stays usable down to 40×10: the secret, its
// bits and rating, and the focused field with its neighbours are always
// on screen (the form scrolls). What goes first as the terminal gets
// shorter: the crack-time table, then the tabs, then the spacing and an
// empty status line, then the line under the bits. Below 40×10 a layout
// of plain lines takes over (lineView), and below that the screen asks for
// more room.

// The terminal sizes of the layouts.
const (
	minWidth   = 40 // the full layout, compacted as needed
	minHeight  = 10
	lineWidth  = 16 // the line layout
	lineHeight = 3
)

// strengthDetail is how much of the strength panel shows.
type strengthDetail int

const (
	strengthFull  strengthDetail = iota // bar, bits and rating, what the figure is, crack times
	strengthShort                       // bar, bits and rating, what the figure is
	strengthBits                        // bits and rating
	strengthNone                        // nothing: an error or the help needs the room
)

// layout is what the screen shows at a given size.
type layout struct {
	tabs        bool // the tab bar
	spacer      bool // blank lines between the parts
	emptyStatus bool // the status line even when it says nothing
	strength    strengthDetail
	minBody     int // lines the body needs: the focused field and neighbours
}

// fitLayout picks the richest layout whose parts fit in h lines, given the
// help, status and note lines, with at least one line of secret.
func (m *model) fitLayout(h int, wide bool, helpLines, statusLines, noteLines int) layout {
	layouts := []layout{
		{tabs: true, spacer: true, emptyStatus: true, strength: strengthFull},
		{tabs: true, spacer: true, emptyStatus: true, strength: strengthShort},
		{tabs: false, spacer: true, emptyStatus: true, strength: strengthShort},
		{tabs: false, spacer: false, emptyStatus: false, strength: strengthShort},
		{tabs: false, spacer: false, emptyStatus: false, strength: strengthBits},
		{tabs: false, spacer: false, emptyStatus: false, strength: strengthNone},
	}
	for i := range layouts {
		l := &layouts[i]
		l.minBody = m.minBody(wide, *l)
		fixed := helpLines + statusLines + 2 + noteLines + 1 // + box borders and a line of secret
		if l.tabs {
			fixed += 2
		}
		if l.spacer {
			fixed++
		}
		if !l.emptyStatus && m.statusEmpty() {
			fixed -= statusLines
		}
		if fixed+l.minBody <= h {
			return *l
		}
	}
	return layouts[len(layouts)-1]
}

// minBody is the fewest lines the body can have in a layout: in the form,
// the focused field and a neighbour each side (the heading too when there
// is room for a full layout), beside or under the strength.
func (m *model) minBody(wide bool, l layout) int {
	form := 3
	if l.strength == strengthFull {
		form = 7
	}
	if m.history.open {
		return 4
	}
	if l.strength == strengthNone {
		// The last resort: the field being edited, nothing else.
		if m.focus == focusForm && m.field != nil {
			return 1
		}
		return 0
	}
	if wide {
		return max(form, len(m.strengthPanel(100, 100, l.strength)))
	}
	n := len(m.strengthCompact(wideWidth, l.strength)) + form
	if l.spacer {
		n++
	}
	return n
}

// lineView is the smallest layout: the secret, its bits and rating, the
// preset and site that made it, what just happened (a copy: said even
// here), and the focused field or the keys, one line each.
func (m *model) lineView(w, h int) string {
	st := m.styles
	var secret []string
	if r := m.result().res; r != nil {
		groups, gap := secretGroups(r.secret, r.mode, &m.s, m.s.Masked)
		for _, l := range wrapGroups(groups, gap, w) {
			secret = append(secret, m.renderCells(l))
		}
	} else {
		secret = append(secret, st.faint.Render(m.noResultText()))
	}
	var figure []string
	if s, g, _ := m.strengthOf(m.s.Mode); g != nil {
		figure = append(figure, st.rating[s.Rating].Render(bitsText(s.Entropy)+" "+s.Rating.String()))
	}
	tag := m.rulesTag()
	var field []string
	if m.focus == focusForm && m.field != nil {
		form, focus := m.formLines(w)
		if focus >= 0 {
			field = []string{strings.TrimLeft(ansi.Strip(form[focus]), " ")}
		}
	}
	status := 0 // lines of status
	if !m.statusEmpty() {
		status = len(m.statusLines(w))
	} else if field == nil {
		field = []string{st.faint.Render("c copy · tab edit · q quit")}
	}
	// Short of room, in turn: the tag joins the figure's line (or takes
	// the place of the keys, or of the figure), the status takes fewer
	// lines, the figure goes, then the field; the secret keeps its first
	// line, and gets what room is left.
	need := func() int { return 1 + len(figure) + status + len(field) + boolInt(tag != "") }
	keysLine := field != nil && (m.focus != focusForm || m.field == nil)
	if tag != "" && need() > h {
		merged := st.boxTag.Render(tag)
		if len(figure) > 0 {
			merged = figure[0] + st.faint.Render(" · ") + merged
		}
		switch {
		case ansi.StringWidth(merged) <= w:
			figure, tag = []string{merged}, ""
		case keysLine:
			field = nil // the rules in force matter more than the keys
		default:
			figure, tag = []string{st.boxTag.Render(tag)}, "" // the figure comes back with the room
		}
	}
	if over := need() - h; over > 0 && status > 1 {
		status = max(1, status-over)
	}
	if need() > h {
		figure = nil
	}
	if need() > h {
		field = nil
	}
	lines := secret[:max(1, min(len(secret), h-need()+1))]
	lines = append(lines, figure...)
	if tag != "" {
		lines = append(lines, st.boxTag.Render(tag))
	}
	if status > 0 {
		lines = append(lines, m.statusLinesMax(w, status)...)
	}
	lines = append(lines, field...)
	lines = clipLines(lines, h)
	for i, l := range lines {
		lines[i] = truncate(l, w)
	}
	return strings.Join(lines, "\n")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
