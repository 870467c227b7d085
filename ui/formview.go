package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
)

// Drawing the form: a marker column ("›" on the focused row), the labels,
// then the fields. Class rows are a small table (use, min, max). An
// impossible setting is explained under the field the generator names,
// with a ✗; a warning with a !. The focused value is bracketed ‹ › so
// focus never depends on colour.

const (
	markerW = 2  // "› "
	labelW  = 12 // "digits 0-9", "look-alikes"
	cellGap = 2
)

// Widths of the class table's columns.
var tableCols = []int{5, 6, 6}

// formLines renders the current form width cells wide and returns its lines
// and the index of the focused field's line (-1 if none).
func (m *model) formLines(width int) ([]string, int) {
	st := m.styles
	f := m.form()
	mode := m.s.Mode
	var errField *field
	var errText string
	if err := m.failing(mode); err != nil {
		errField, errText = m.errorField(mode, err)
	}
	warnings := m.fieldWarnings()

	var lines []string
	focusLine := -1
	heading := st.heading.Render("Settings")
	if m.focus == focusResult {
		heading += st.faint.Render("  tab to edit")
	}
	lines = append(lines, heading)
	indent := strings.Repeat(" ", markerW+labelW)
	noteW := max(10, width-markerW-labelW)

	for _, r := range f.rows {
		if r.visible != nil && !r.visible(m) {
			continue
		}
		focused := false
		for _, c := range r.cells {
			if c == m.field && m.focus == focusForm {
				focused = true
			}
		}
		marker := "  "
		label := st.label.Render(padRight(r.label, labelW))
		if focused {
			marker = st.marker.Render("› ")
			label = st.labelFocused.Render(padRight(r.label, labelW))
			focusLine = len(lines)
		}
		var body string
		switch {
		case r.heading != nil:
			var b strings.Builder
			for i, h := range r.heading {
				b.WriteString(padRight(h, tableCols[i]))
			}
			body = st.faint.Render(strings.TrimRight(b.String(), " "))
		case len(r.cells) > 1 && r.cells[0].kind == switchField && len(r.cells) == len(tableCols):
			var b strings.Builder
			for i, c := range r.cells {
				b.WriteString(padRight(m.cellView(c, tableCols[i]), tableCols[i]))
			}
			body = strings.TrimRight(b.String(), " ")
		default:
			avail := width - markerW - labelW
			var parts []string
			for _, c := range r.cells {
				if !c.isVisible(m) {
					continue
				}
				used := 0
				for _, p := range parts {
					used += lipgloss.Width(p) + cellGap
				}
				parts = append(parts, m.cellView(c, avail-used))
			}
			body = strings.Join(parts, strings.Repeat(" ", cellGap))
			if r.hint != nil {
				if h := r.hint(m); h != "" {
					room := avail - lipgloss.Width(body) - cellGap
					if room >= 8 {
						body += strings.Repeat(" ", cellGap) + st.faint.Render(truncate(h, room))
					}
				}
			}
		}
		lines = append(lines, truncate(marker+label+body, width))

		// Notes under the row: the error of a field in it, then warnings.
		for _, c := range r.cells {
			if c == errField && errField != nil {
				for _, l := range wrapText("✗ "+errText, noteW, 3) {
					lines = append(lines, indent+st.errText.Render(l))
				}
			}
			for _, w := range warnings[c] {
				for _, l := range wrapText("! "+w, noteW, 2) {
					lines = append(lines, indent+st.warnText.Render(l))
				}
			}
		}
	}
	// An error no field owns still shows, at the end.
	if errField == nil && errText != "" {
		for _, l := range wrapText("✗ "+errText, width-markerW, 3) {
			lines = append(lines, "  "+st.errText.Render(l))
		}
	}
	return lines, focusLine
}

// fieldWarnings maps the current mode's warnings to the fields they are
// about (the first field when none matches).
func (m *model) fieldWarnings() map[*field][]string {
	mr := m.result()
	if len(mr.warns) == 0 {
		return nil
	}
	out := map[*field][]string{}
	f := m.form()
	for _, w := range mr.warns {
		id := string(w.Field)
		if id == "wordlist" && m.phraseFile {
			id = "wordlist-file"
		}
		c := f.byID(id)
		if c == nil || !c.isVisible(m) {
			c = f.primary()
		}
		out[c] = append(out[c], w.String())
	}
	return out
}

// cellView draws one field in at most width cells.
func (m *model) cellView(c *field, width int) string {
	st := m.styles
	focused := c == m.field && m.focus == focusForm
	val := st.value
	if focused {
		val = st.valueFocused
	}
	switch c.kind {
	case numberField:
		v := c.display(m)
		if focused {
			if c.typing {
				v += "▏"
			}
			return "‹" + val.Render(v) + "›"
		}
		return " " + val.Render(v)
	case switchField:
		box := c.display(m)
		out := val.Render(box)
		if focused {
			out = "‹" + out + "›"
		}
		if c.caption != "" {
			out += " " + st.faint.Render(truncate(c.caption, width-lipgloss.Width(out)-1))
		}
		return out
	case choiceField:
		v := c.display(m)
		if focused {
			return "‹ " + val.Render(v) + " ›"
		}
		return val.Render(v)
	case textField:
		if focused {
			c.input.SetWidth(min(max(8, utf8.RuneCountInString(c.input.Value())+1), max(4, width-3)))
			return "‹" + c.input.View() + "›"
		}
		v := c.getText(m)
		if v == "" {
			return st.placeholder.Render(truncate(c.placeholder, width))
		}
		if c.quote {
			return val.Render(truncate("“"+v+"”", width))
		}
		return val.Render(truncate(v, width))
	}
	return ""
}

// formView fits the form into height lines, scrolling so the focused
// field stays in view, with a note where lines are cut off.
func (m *model) formView(width, height int) []string {
	lines, focus := m.formLines(width)
	if len(lines) <= height {
		return lines
	}
	if height < 3 {
		start := max(0, min(focus, len(lines)-height))
		return lines[start : start+height]
	}
	top := 0
	if focus >= 0 {
		top = focus - (height-1)/2
	}
	top = max(0, min(top, len(lines)-height))
	if top > 0 && focus == top {
		top--
	}
	if top+height < len(lines) && focus == top+height-1 {
		top++
	}
	view := append([]string(nil), lines[top:top+height]...)
	if top > 0 {
		view[0] = m.styles.faint.Render("  ↑ " + plural(top+1, "more line"))
	}
	if rest := len(lines) - (top + height); rest > 0 {
		view[len(view)-1] = m.styles.faint.Render("  ↓ " + plural(rest+1, "more line"))
	}
	return view
}
