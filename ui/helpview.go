package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// Drawing the help. Every key that acts must be reachable in it at every
// size the full layout takes (40×10 and up), so the help is never cut off
// at the edge:
//   - the help line shows the keys that fit and always ends with "? more"
//     when the full help holds others;
//   - where ? is text (a text field), the help line wraps instead;
//   - the full help keeps its columns when they fit, else flows the same
//     keys into as many columns as fit, and pages (? turns the page) when
//     they are taller than the room under the secret.

// helpEntry is one key and what it does, as the help shows it.
type helpEntry struct{ key, desc string }

func entriesOf(bs []key.Binding) []helpEntry {
	var out []helpEntry
	for _, b := range bs {
		if b.Enabled() && (b.Help().Key != "" || b.Help().Desc != "") {
			out = append(out, helpEntry{b.Help().Key, b.Help().Desc})
		}
	}
	return out
}

// render draws the entry in the short help's styles.
func (e helpEntry) render(st help.Styles) string {
	return st.ShortKey.Render(e.key) + st.ShortDesc.Render(" "+e.desc)
}

func (e helpEntry) width() int { return ansi.StringWidth(e.key) + 1 + ansi.StringWidth(e.desc) }

const shortSep = " • "

// shortHelp is the help line: the entries that fit in width, in order,
// then more (the entry that opens the full help) when any were left out.
// With no more entry (? is text), the entries wrap onto further lines.
func shortHelp(st help.Styles, entries []helpEntry, more *helpEntry, width int) []string {
	sep := st.ShortSeparator.Render(shortSep)
	sepW := ansi.StringWidth(shortSep)
	total := 0
	for i, e := range entries {
		if i > 0 {
			total += sepW
		}
		total += e.width()
	}
	if more != nil && total+sepW+more.width() <= width {
		return []string{joinEntries(st, append(entries[:len(entries):len(entries)], *more), sep)}
	}
	if more != nil {
		// Keep room for "? more" at the end.
		room := width - more.width()
		var kept []helpEntry
		used := 0
		for _, e := range entries {
			w := e.width()
			if used > 0 {
				w += sepW
			}
			if used+w+sepW > room {
				break // in order: the first keys matter most
			}
			kept = append(kept, e)
			used += w
		}
		return []string{truncate(joinEntries(st, append(kept, *more), sep), width)}
	}
	var lines []string
	var cur []helpEntry
	used := 0
	for _, e := range entries {
		w := e.width()
		if len(cur) > 0 && used+sepW+w > width {
			lines = append(lines, joinEntries(st, cur, sep))
			cur, used = nil, 0
		}
		if len(cur) > 0 {
			used += sepW
		}
		cur = append(cur, e)
		used += w
	}
	if len(cur) > 0 {
		lines = append(lines, joinEntries(st, cur, sep))
	}
	for i, l := range lines {
		lines[i] = truncate(l, width) // only an entry wider than the screen
	}
	return lines
}

func joinEntries(st help.Styles, entries []helpEntry, sep string) string {
	parts := make([]string, len(entries))
	for i, e := range entries {
		parts[i] = e.render(st)
	}
	return strings.Join(parts, sep)
}

// helpGrid is a full help laid out in columns.
type helpGrid struct {
	cols    [][]helpEntry
	aligned bool // keys padded to a column of their own
}

// gap is the space between a grid's columns: less where keys are not
// aligned, the help being tightest then.
func (g helpGrid) gap() int {
	if g.aligned {
		return 3
	}
	return 2
}

// colWidths is each column's key width and whole width.
func (g helpGrid) colWidths() (keyW, colW []int) {
	for _, c := range g.cols {
		kw, dw, ew := 0, 0, 0
		for _, e := range c {
			kw = max(kw, ansi.StringWidth(e.key))
			dw = max(dw, ansi.StringWidth(e.desc))
			ew = max(ew, e.width())
		}
		keyW = append(keyW, kw)
		if g.aligned {
			colW = append(colW, kw+1+dw)
		} else {
			colW = append(colW, ew)
		}
	}
	return keyW, colW
}

func (g helpGrid) width() int {
	_, cw := g.colWidths()
	w := 0
	for i, c := range cw {
		if i > 0 {
			w += g.gap()
		}
		w += c
	}
	return w
}

func (g helpGrid) height() int {
	h := 0
	for _, c := range g.cols {
		h = max(h, len(c))
	}
	return h
}

// lines draws the grid's rows.
func (g helpGrid) lines(st help.Styles) []string {
	keyW, colW := g.colWidths()
	out := make([]string, g.height())
	for r := range out {
		var b strings.Builder
		for i, c := range g.cols {
			if i > 0 {
				b.WriteString(st.FullSeparator.Render(strings.Repeat(" ", g.gap())))
			}
			cell := ""
			if r < len(c) {
				k := c[r].key
				if g.aligned {
					k = padRight(k, keyW[i])
				}
				cell = st.FullKey.Render(k) + st.FullDesc.Render(" "+c[r].desc)
			}
			b.WriteString(padRight(cell, colW[i]))
		}
		out[r] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// flow lays entries out column by column in n columns.
func flow(entries []helpEntry, n int, aligned bool) helpGrid {
	rows := (len(entries) + n - 1) / n
	g := helpGrid{aligned: aligned}
	for i := 0; i < len(entries); i += rows {
		g.cols = append(g.cols, entries[i:min(i+rows, len(entries))])
	}
	return g
}

// fullGrid picks the layout of the full help in width cells: its own
// columns when they fit, else the same entries flowed into as many columns
// as fit (keys aligned when that costs no more rows), one column at worst.
func fullGrid(groups [][]helpEntry, width int) helpGrid {
	var own helpGrid
	var all []helpEntry
	for _, g := range groups {
		if len(g) > 0 {
			own.cols = append(own.cols, g)
			all = append(all, g...)
		}
	}
	own.aligned = true
	if own.width() <= width {
		return own
	}
	for n := len(all); n > 1; n-- {
		a := flow(all, n, true)
		if a.width() <= width {
			return a
		}
		if u := flow(all, n, false); u.width() <= width {
			return u
		}
	}
	return flow(all, 1, false)
}

// paged splits entries into pages of at most rows rows, each flowed into
// as many columns as fit in width, with as many entries as fit (page by
// page: a long entry costs only its own page a column), so that each page
// reads down its columns in order.
func paged(entries []helpEntry, rows, width int) []helpGrid {
	var out []helpGrid
	for i := 0; i < len(entries); {
		page := flow(entries[i:min(i+rows, len(entries))], 1, false)
	find:
		for n := (len(entries) - i + rows - 1) / rows; n > 1; n-- {
			// n columns of as many entries as fit: the last column may
			// be short.
			for k := min(n*rows, len(entries)-i); k > (n-1)*rows; k-- {
				chunk := entries[i : i+k]
				if a := flow(chunk, n, true); a.width() <= width && len(a.cols) == n {
					page = a
					break find
				}
				if u := flow(chunk, n, false); u.width() <= width && len(u.cols) == n {
					page = u
					break find
				}
			}
		}
		out = append(out, page)
		for _, c := range page.cols {
			i += len(c)
		}
	}
	return out
}

// helpLines draws the help in width cells and at most room lines: the
// help line, or the full help (one page of it when it is taller than
// room). It also records how many pages the full help has.
func (m *model) helpLines(width, room int) []string {
	st := m.styles.help
	hk := m.helpKeys()
	if !hk.more.Enabled() {
		// ? is text here: every key on the help line, wrapped.
		var all []helpEntry
		for _, c := range hk.full {
			all = append(all, entriesOf(c)...)
		}
		m.helpPageCount = 1
		return shortHelp(st, all, nil, width)
	}
	if !m.help.ShowAll {
		m.helpPageCount = 1
		more := helpEntry{hk.more.Help().Key, hk.more.Help().Desc}
		return shortHelp(st, entriesOf(hk.short), &more, width)
	}
	var groups [][]helpEntry
	for _, c := range hk.full {
		groups = append(groups, entriesOf(c))
	}
	lines := fullGrid(groups, width).lines(st)
	if len(lines) <= room {
		m.helpPageCount, m.helpPage = 1, 0
		return lines
	}
	// Pages: the last line of each says how to turn it. The ? key is on
	// that line, so the grid leaves it out.
	for i, g := range groups {
		var kept []helpEntry
		for _, e := range g {
			if e.key != hk.more.Help().Key {
				kept = append(kept, e)
			}
		}
		groups[i] = kept
	}
	var all []helpEntry
	for _, g := range groups {
		all = append(all, g...)
	}
	per := max(1, room-1)
	pages := paged(all, per, width)
	m.helpPageCount = len(pages)
	page := min(m.helpPage, len(pages)-1)
	out := pages[page].lines(st)
	desc := fmt.Sprintf("more (page %d of %d)", page+1, len(pages))
	if page == len(pages)-1 {
		desc = fmt.Sprintf("less (page %d of %d)", page+1, len(pages))
	}
	footer := st.FullKey.Render(hk.more.Help().Key) + st.FullDesc.Render(" "+desc)
	return append(out, truncate(footer, width))
}

// toggleHelp is the ? key: it opens the full help, turns its pages, and
// closes it after the last.
func (m *model) toggleHelp() {
	switch {
	case !m.help.ShowAll:
		m.help.ShowAll, m.helpPage = true, 0
	case m.helpPage+1 < m.helpPageCount:
		m.helpPage++
	default:
		m.help.ShowAll, m.helpPage = false, 0
	}
}

// closeHelp goes back to the help line.
func (m *model) closeHelp() { m.help.ShowAll, m.helpPage = false, 0 }
