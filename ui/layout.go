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
		if !l.emptyStatus && m.statusText() == "" {
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
	if wide {
		return max(form, len(m.strengthPanel(100, 100, l.strength)))
	}
	n := len(m.strengthCompact(wideWidth, l.strength)) + form
	if l.spacer {
		n++
	}
	return n
}

// lineView is the smallest layout: the secret, its bits and rating, and
// the focused field or the keys, one line each.
func (m *model) lineView(w, h int) string {
	st := m.styles
	var lines []string
	if r := m.result().res; r != nil {
		groups, gap := secretGroups(r.secret, r.mode, &m.s, m.s.Masked)
		secret := wrapGroups(groups, gap, w)
		for i, l := range secret {
			if i == max(1, h-2) {
				break
			}
			lines = append(lines, m.renderCells(l))
		}
	} else {
		lines = append(lines, st.faint.Render(m.noResultText()))
	}
	if s, g, _ := m.strengthOf(m.s.Mode); g != nil {
		lines = append(lines, st.rating[s.Rating].Render(bitsText(s.Entropy)+" "+s.Rating.String()))
	}
	if m.focus == focusForm && m.field != nil {
		form, focus := m.formLines(w)
		if focus >= 0 {
			lines = append(lines, strings.TrimLeft(ansi.Strip(form[focus]), " "))
		}
	} else {
		lines = append(lines, st.faint.Render("c copy · tab edit · q quit"))
	}
	for i, l := range lines {
		lines[i] = truncate(l, w)
	}
	if len(lines) > h {
		// The secret's first line, its figure and the field or keys.
		lines = append(lines[:h-2], lines[len(lines)-2:]...)
	}
	return strings.Join(lines, "\n")
}
