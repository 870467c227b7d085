package ui

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Drawing the form: a marker column ("›" on the focused row), the labels,
// then the fields. Class rows are a small table (use, min, max). An
// impossible setting is explained under the field the generator names,
// with a ✗; a warning with a !. The focused value is bracketed ‹ › so
// focus never depends on colour.

const (
	markerW = 2  // "› "
	labelW  = 14 // "site or rules", "max sequence" and a gap
	cellGap = 2
)

// Widths of the class table's columns.
var tableCols = []int{5, 6, 6}

// formLines renders the current form width cells wide and returns its lines
// and the index of the focused field's line (-1 if none).
func (m *model) formLines(width int) ([]string, int) {
	lines, focus, _ := m.formBlocks(width)
	return lines, focus
}

// formBlocks is formLines, and also where the focused row's lines (the
// row, its notes and hints) end.
func (m *model) formBlocks(width int) (lines []string, focusLine, focusEnd int) {
	st := &m.styles
	f := m.form()
	mode := m.s.Mode
	var errField field
	var errText string
	if err := m.failing(mode); err != nil {
		errField, errText = m.errorField(mode, err)
	}
	warnings := m.fieldWarnings()

	focusLine, focusEnd = -1, -1
	heading := st.heading.Render("Settings")
	if p := m.presetOf(mode); p != "" {
		heading += st.faint.Render("  preset ") + st.value.Render(p)
	}
	if m.focus == focusResult {
		heading += st.faint.Render("  tab to edit")
	}
	lines = append(lines, heading)
	indent := strings.Repeat(" ", markerW+labelW)
	noteW := max(10, width-markerW-labelW)

	for _, r := range f.rows {
		var shown []field
		for _, c := range r.fields {
			if c.shown(&m.s) {
				shown = append(shown, c)
			}
		}
		if r.heading == nil && len(shown) == 0 {
			continue
		}
		focused := m.focus == focusForm && slices.Contains(shown, m.field)
		marker := "  "
		label := st.label.Render(padRight(r.label, labelW))
		if focused {
			marker = st.marker.Render("› ")
			label = st.labelFocused.Render(padRight(r.label, labelW))
			focusLine = len(lines)
		}
		var body string
		var more []string  // continuation lines: text that did not fit
		var hints []string // how to use the focused field, after its notes
		switch {
		case r.heading != nil:
			var b strings.Builder
			for i, h := range r.heading {
				b.WriteString(padRight(h, tableCols[i]))
			}
			body = st.faint.Render(strings.TrimRight(b.String(), " "))
			if o := f.tableOverride(r, &m.s); o != "" {
				for _, l := range wrapText(o, noteW, 3) {
					more = append(more, indent+st.faint.Render(l))
				}
			}
		case r.table:
			var b strings.Builder
			for i, c := range shown {
				w := tableCols[min(i, len(tableCols)-1)]
				b.WriteString(padRight(c.view(&m.s, m.isFocused(c), w, st), w))
				if m.isFocused(c) && c.setting().Kind() == settings.LimitKind {
					hints = append(hints, indent+st.faint.Render(anyHint))
				}
			}
			body = strings.TrimRight(b.String(), " ")
		default:
			avail := width - markerW - labelW
			var parts, trail []string
			gap := strings.Repeat(" ", cellGap)
			used := 0
			for _, c := range shown {
				p := c.view(&m.s, m.isFocused(c), avail-used, st)
				parts = append(parts, p)
				used += lipgloss.Width(p) + cellGap
				if t := c.caption(&m.s); t != "" {
					trail = append(trail, t)
					gap = " " // a switch's caption reads with its box
				}
				if m.isFocused(c) && c.setting().Kind() == settings.LimitKind {
					trail = append(trail, anyHint)
				}
			}
			body = strings.Join(parts, strings.Repeat(" ", cellGap))
			if r.note != nil {
				if h := r.note(&m.s); h != "" {
					trail = append(trail, h)
				}
			}
			// Text after the fields goes on the same line when it fits,
			// else on lines of its own: never cut off.
			if text := strings.Join(trail, "; "); text != "" {
				if room := avail - lipgloss.Width(body) - len(gap); lipgloss.Width(text) <= room {
					body += gap + st.faint.Render(text)
				} else {
					for _, l := range wrapText(text, noteW, maxNoteLines) {
						more = append(more, indent+st.faint.Render(l))
					}
				}
			}
		}
		lines = append(lines, truncate(marker+label+body, width))
		lines = append(lines, more...)

		// Notes under the row, whole: the error of a field in it, then
		// warnings, then what the last key did.
		for _, c := range shown {
			if errField != nil && c == errField {
				for _, l := range wrapText("✗ "+errText, noteW, 8) {
					lines = append(lines, indent+st.errText.Render(l))
				}
			}
			for _, w := range warnings[c] {
				for _, l := range wrapText("! "+w, noteW, 8) {
					lines = append(lines, indent+st.warnText.Render(l))
				}
			}
			if n := c.notice(); n != "" && m.isFocused(c) {
				for _, l := range wrapText("↳ "+n, noteW, 4) {
					lines = append(lines, indent+st.faint.Render(l))
				}
			}
		}
		lines = append(lines, hints...)
		if focused {
			focusEnd = len(lines)
		}
	}
	// An error no field owns still shows, at the end.
	if errField == nil && errText != "" {
		for _, l := range wrapText("✗ "+errText, width-markerW, 8) {
			lines = append(lines, "  "+st.errText.Render(l))
		}
	}
	return lines, focusLine, focusEnd
}

// maxNoteLines bounds a row's note: whole, as the form scrolls (a
// site's rules take a dozen lines in a narrow column).
const maxNoteLines = 40

// anyHint tells, while a maximum has the focus, how to lift it.
const anyHint = "empty or a: any"

// isFocused reports whether keys go to field c.
func (m *model) isFocused(c field) bool { return m.focus == focusForm && c == m.field }

// fieldWarnings maps the current mode's warnings to the fields of the
// settings they are about (the size field when no shown field is).
func (m *model) fieldWarnings() map[field][]string {
	mr := m.result()
	if len(mr.warns) == 0 {
		return nil
	}
	out := map[field][]string{}
	f := m.form()
	for _, w := range mr.warns {
		c := f.of(string(w.Field), &m.s)
		if c == nil {
			c = f.size()
		}
		out[c] = append(out[c], w.Text(settingWords))
	}
	return out
}

// formView fits the form into height lines, scrolling so the focused
// field stays in view with a neighbour each side, with a note where lines
// are cut off when there is room for one. The user's scroll (formScroll,
// keys.ScrollForm) moves the view from there, so notes taller than the
// room (a site's rules in a small terminal) can be read to the end.
func (m *model) formView(width, height int) []string {
	lines, focus, focusEnd := m.formBlocks(width)
	m.formOverflow, m.formRows = len(lines) > height, height
	if len(lines) <= height {
		m.formScroll = 0
		return lines
	}
	top := 0
	if focus >= 0 {
		top = focus - (height-1)/2
		if height < 6 && focusEnd-focus >= height {
			top = focus // the focused row's notes fill a short view: from the row down
		}
	}
	if height >= 6 {
		top = max(0, min(top, len(lines)-height))
		if top > 0 && focus == top {
			top--
		}
		if top+height < len(lines) && focus == top+height-1 {
			top++
		}
	}
	base := max(0, min(top, len(lines)-height))
	top = max(0, min(base+m.formScroll, len(lines)-height))
	m.formScroll = top - base // no scrolling on past either end
	view := append([]string(nil), lines[top:top+height]...)
	if height < 3 {
		return view // no room for notes
	}
	// Where lines are cut off, say so; in a short view only where the
	// user scrolled or the focused row's own notes go on, and never over
	// the focused line.
	if top > 0 && height >= 6 && focus != top {
		view[0] = m.styles.faint.Render("  ↑ " + plural(top+1, "more line"))
	}
	end := top + height
	if rest := len(lines) - end; rest > 0 && focus != end-1 && (height >= 6 || m.formScroll != 0 || focusEnd > end) {
		view[len(view)-1] = m.styles.faint.Render("  ↓ " + plural(rest+1, "more line"))
	}
	return view
}

// scrollForm moves the form's view by n lines (up when negative).
func (m *model) scrollForm(n int) { m.formScroll += n }

// formPage is how far pgup and pgdn scroll: the lines the view shows
// between its notes of lines cut off.
func (m *model) formPage() int {
	if m.formRows >= 6 {
		return m.formRows - 2
	}
	return max(1, m.formRows-1)
}

// scrollKeyFree reports whether the focused field leaves the key k to the
// form: a number takes pgup and pgdn, a choice the arrows.
func (m *model) scrollKeyFree(k string) bool {
	if m.field == nil {
		return false
	}
	for _, b := range m.field.keys(&m.keys.field) {
		for _, fk := range b.Keys() {
			if fk == k {
				return false
			}
		}
	}
	return true
}

// canScrollForm reports whether the form is taller than its room and the
// focused field leaves pgup and pgdn to scroll it.
func (m *model) canScrollForm() bool {
	return m.formOverflow && m.scrollKeyFree("pgdown") && m.scrollKeyFree("pgup")
}
