package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Layout, top to bottom: the tabs, the result box, the body (form and
// strength side by side when wide, stacked when narrow; the history when
// open), the status line and the help line. Under 40×12 a note asks for a
// bigger terminal instead, and the layout comes back when it grows.

const (
	// wideWidth is the width from which form and strength sit side by side.
	wideWidth = 80
	// maxContentWidth caps the layout on very wide terminals; it is
	// centred in the rest.
	maxContentWidth = 120
	// stableBody is the body's height on tall terminals: the password
	// form with a few lines of notes.
	stableBody = 20
)

// View implements tea.Model. The program lives in the alternate screen,
// and when quitting the view is empty, so no secret is left behind in the
// terminal or its scrollback.
func (m *model) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "sesame"
	if m.quitting || m.width <= 0 || m.height <= 0 {
		return v
	}
	v.Content = m.render()
	return v
}

// render draws the whole screen.
func (m *model) render() string {
	w, h := m.width, m.height
	if m.qr.lines != nil {
		return m.qrScreen()
	}
	if w < lineWidth || h < lineHeight {
		return m.tooSmallView(w, h)
	}
	if w < minWidth || h < minHeight {
		return m.lineView(w, h)
	}
	cw := min(w, maxContentWidth)
	wide := cw >= wideWidth

	statusLines := m.statusLines(cw)
	shownStatus := len(statusLines)
	if m.statusEmpty() {
		shownStatus = 0
	}
	editing := 0 // the focused field keeps a line
	if m.focus == focusForm && m.field != nil && !m.history.open {
		editing = 1
	}

	// The result box takes what the body can spare.
	r := m.result().res
	iw := cw - 4
	var secret [][]cell
	if r != nil {
		groups, gap := secretGroups(r.secret, r.mode, &m.s, m.s.Masked)
		secret = wrapGroups(groups, gap, iw)
	}
	// The note under the secret, whole when there is room: around it, the
	// box's frame, a line of secret, the status, the help line and the
	// field being edited.
	note := m.boxNote(iw, h-3-shownStatus-1-editing)
	// The help: the help line, or as much of the full help as fits beside
	// the box, the note and the status (the body gives way to it).
	helpLines := m.helpLines(cw, max(1, h-3-len(note)-shownStatus-editing))
	if len(note) > 0 && len(note)+len(helpLines) > h-3-shownStatus-editing {
		note = m.boxNote(iw, h-3-shownStatus-len(helpLines)-editing)
	}
	lay := m.fitLayout(h, wide, len(helpLines), len(statusLines), len(note))
	var header []string
	if lay.tabs {
		header = m.header(cw)
	}
	if !lay.emptyStatus && m.statusEmpty() {
		statusLines = nil
	}
	fixed := len(header) + len(statusLines) + len(helpLines) + 2 + len(note) // + borders
	if lay.spacer {
		fixed++
	}
	avail := h - fixed
	maxSecret := 6
	if wide {
		maxSecret = 10
	}
	secretH := max(1, min(len(secret), maxSecret, avail-lay.minBody))
	bodyH := max(0, avail-secretH)
	pad := 0
	preferred := m.preferredBody(cw, wide)
	if lay.spacer && bodyH-2 >= preferred && len(secret) <= secretH {
		pad = 1
		bodyH -= 2
	}
	// A tall terminal gets a body of a steady height (the same for every
	// tab, with room for notes), centred, rather than a stretched one.
	if bodyH > stableBody {
		bodyH = min(bodyH, max(preferred, stableBody)) // never past the room there is
	}

	var content []string
	if r == nil {
		content = []string{m.styles.faint.Render(center(m.noResultText(), iw))}
	} else {
		content = m.renderSecret(secret, iw, secretH)
	}
	content = append(content, note...)
	for range pad {
		content = append([]string{""}, append(content, "")...)
	}
	box := m.box(cw, content, m.boxTitle(cw-6), m.rulesTag(), m.focus == focusResult && !m.history.open)

	var body []string
	switch {
	case m.history.open:
		body = strings.Split(m.historyView(cw, bodyH), "\n")
	case wide:
		sw := min(max(cw*2/5, 34), 46)
		fw := cw - sw - 3
		left := m.formView(fw, bodyH)
		var right []string
		if lay.strength != strengthNone {
			right = m.strengthPanel(sw, bodyH, lay.strength)
		}
		body = sideBySide(left, fw, right, 3, bodyH)
	default:
		if lay.strength != strengthNone {
			body = m.strengthCompact(cw, lay.strength)
		}
		if lay.spacer {
			body = append(body, "")
		}
		body = append(body, m.formView(cw, max(0, bodyH-len(body)))...)
	}
	body = clipLines(body, bodyH)
	for len(body) < bodyH {
		body = append(body, "")
	}

	all := make([]string, 0, h)
	all = append(all, header...)
	all = append(all, box...)
	if lay.spacer {
		all = append(all, "")
	}
	all = append(all, body...)
	all = append(all, statusLines...)
	all = append(all, helpLines...)
	all = clipLines(all, h)
	margin := strings.Repeat(" ", (w-cw)/2)
	for i, l := range all {
		all[i] = margin + truncate(l, cw)
	}
	if top := (h - len(all)) / 2; top > 0 {
		all = append(make([]string, top), all...)
	}
	return strings.Join(all, "\n")
}

// preferredBody is how tall the body would like to be.
func (m *model) preferredBody(cw int, wide bool) int {
	if wide {
		form, _ := m.formLines(cw - min(max(cw*2/5, 34), 46) - 3)
		return max(len(form), 10)
	}
	form, _ := m.formLines(cw)
	return len(m.strengthCompact(cw, strengthFull)) + 1 + len(form)
}

// renderSecret draws the secret's lines, eliding the middle when there are
// more than fit.
func (m *model) renderSecret(lines [][]cell, width, maxLines int) []string {
	out := make([]string, 0, min(len(lines), maxLines))
	if len(lines) <= maxLines {
		for _, l := range lines {
			s := m.renderCells(l)
			if len(lines) == 1 {
				s = center(s, width)
			}
			out = append(out, s)
		}
		return out
	}
	keepHead, keepTail := max(maxLines-2, 1), 0
	if maxLines >= 3 {
		keepTail = 1
	}
	hidden := 0
	for _, l := range lines[keepHead : len(lines)-keepTail] {
		for _, c := range l {
			if c.r != ' ' || c.cls != chLower {
				hidden++
			}
		}
	}
	for _, l := range lines[:keepHead] {
		out = append(out, m.renderCells(l))
	}
	if maxLines >= 2 {
		note := fmt.Sprintf("⋯ %s not shown; c copies all ⋯", plural(hidden, "character"))
		out = append(out, m.styles.faint.Render(center(note, width)))
	}
	for _, l := range lines[len(lines)-keepTail:] {
		out = append(out, m.renderCells(l))
	}
	return out
}

// boxTitle names the mode and the result's size in at most width cells,
// in shorter words where the full ones do not fit.
func (m *model) boxTitle(width int) string {
	r := m.result().res
	state := ""
	switch mode := m.s.Mode; {
	case r != nil && m.failing(mode) != nil:
		state = "from the previous settings"
	case r != nil && !m.current(mode) && m.gen.slow:
		state = "updating…"
	}
	var t string
	for short := range 4 {
		parts := []string{m.s.Mode.Title()}
		if short >= 3 {
			parts[0] = m.s.Mode.ShortTitle()
		}
		if r != nil {
			parts = append(parts, secretSummary(r, &m.s, short >= 1))
		}
		if m.s.Masked && short < 2 {
			parts = append(parts, "masked") // the dots say it too
		}
		if state != "" {
			if short >= 2 && r != nil && m.failing(m.s.Mode) != nil {
				parts = append(parts, "old settings")
			} else {
				parts = append(parts, state)
			}
		}
		t = strings.Join(parts, " · ")
		if ansi.StringWidth(t) <= width {
			break
		}
	}
	return t
}

// rulesTag names, for the box's lower edge, the preset and the website
// rules that made the secret on screen, so that rules kept from the last
// time never go unnoticed: "preset: work · site: chase.com". "" for none.
func (m *model) rulesTag() string {
	r := m.result().res
	if r == nil {
		return ""
	}
	var parts []string
	for _, p := range m.presets {
		if p.Mode == r.mode && p.Settings.Only(r.mode) == r.key.Only(r.mode) {
			parts = append(parts, "preset: "+p.Name)
			break
		}
	}
	var (
		applied *settings.AppliedRules
		text    string
	)
	switch r.mode {
	case settings.Password:
		applied, _, _ = r.key.Password.AppliedRules()
		text = r.key.Password.Rules
	case settings.Phrase:
		applied, _, _ = r.key.Phrase.AppliedRules()
		text = r.key.Phrase.Rules
	}
	if applied != nil {
		parts = append(parts, rulesTagPart(applied, text))
	}
	return strings.Join(parts, " · ")
}

// rulesTagPart names the rules for the tag: their site, or the rules
// string as typed.
func rulesTagPart(a *settings.AppliedRules, text string) string {
	if a.Site != "" {
		return "site: " + a.Site
	}
	return "rules: " + strings.TrimSpace(text)
}

// boxNote explains, under the secret, why the settings cannot make one
// (the field's own note may be scrolled out of view), in at most maxLines
// lines.
func (m *model) boxNote(width, maxLines int) []string {
	err := m.failing(m.s.Mode)
	if err == nil {
		return nil
	}
	_, text := m.errorField(m.s.Mode, err)
	lines := wrapText("✗ "+text, width, max(1, min(maxLines, 8)))
	for i, l := range lines {
		lines[i] = m.styles.errText.Render(l)
	}
	return lines
}

// box draws a frame around lines with a title in its top edge and a tag
// in its bottom edge; the frame is heavy while keys act on the result.
func (m *model) box(width int, lines []string, title, tag string, focused bool) []string {
	st := m.styles.box
	tl, tr, bl, br, hz, vt := "╭", "╮", "╰", "╯", "─", "│"
	if focused {
		st = m.styles.boxFocused
		tl, tr, bl, br, hz, vt = "┏", "┓", "┗", "┛", "━", "┃"
	}
	iw := width - 4
	title = truncate(title, max(0, width-6))
	fill := max(0, width-5-ansi.StringWidth(title))
	out := make([]string, 0, len(lines)+2)
	out = append(out, st.Render(tl+hz+" ")+m.styles.boxTitle.Render(title)+st.Render(" "+strings.Repeat(hz, fill)+tr))
	for _, l := range lines {
		out = append(out, st.Render(vt)+" "+padRight(truncate(l, iw), iw)+" "+st.Render(vt))
	}
	if tag == "" {
		out = append(out, st.Render(bl+strings.Repeat(hz, width-2)+br))
		return out
	}
	tag = truncate(tag, max(0, width-6))
	fill = max(0, width-5-ansi.StringWidth(tag))
	out = append(out, st.Render(bl+hz+" ")+m.styles.boxTag.Render(tag)+st.Render(" "+strings.Repeat(hz, fill)+br))
	return out
}

// header draws the tabs and the rule under them, heavy under the active
// tab.
func (m *model) header(width int) []string {
	st := m.styles
	modes := settings.Modes()
	labels := make([]string, len(modes))
	for i, md := range modes {
		labels[i] = fmt.Sprintf(" %d %s ", i+1, md.Title())
	}
	title := " sesame "
	total := func() int {
		n := ansi.StringWidth(title)
		for _, l := range labels {
			n += ansi.StringWidth(l) + 1
		}
		return n
	}
	if total() > width {
		title = ""
	}
	if total() > width {
		for i, md := range modes {
			labels[i] = fmt.Sprintf(" %d %s ", i+1, md.ShortTitle())
		}
	}
	var top, rule strings.Builder
	if title != "" {
		top.WriteString(st.title.Render(title))
		rule.WriteString(st.tabRule.Render(strings.Repeat("─", ansi.StringWidth(title))))
	}
	used := ansi.StringWidth(title)
	for i, l := range labels {
		lw := ansi.StringWidth(l)
		if settings.Mode(i) == m.s.Mode {
			top.WriteString(st.tabActive.Render(l))
			rule.WriteString(st.tabRuleOn.Render(strings.Repeat("━", lw)))
		} else {
			top.WriteString(st.tabInactive.Render(l))
			rule.WriteString(st.tabRule.Render(strings.Repeat("─", lw)))
		}
		top.WriteString(" ")
		rule.WriteString(st.tabRule.Render("─"))
		used += lw + 1
	}
	if used < width {
		rule.WriteString(st.tabRule.Render(strings.Repeat("─", width-used)))
	}
	return []string{top.String(), rule.String()}
}

// statusLines is the status line: one line, or up to three for a long
// message.
func (m *model) statusLines(width int) []string { return m.statusLinesMax(width, 3) }

// statusLinesMax is the status line in at most maxLines lines.
func (m *model) statusLinesMax(width, maxLines int) []string {
	st := m.styles
	style, sign := st.faint, ""
	switch m.status.kind {
	case statusOK:
		style, sign = st.okText, "✓ "
	case statusWarn:
		style, sign = st.warnText, "! "
	case statusErr:
		style, sign = st.errText, "✗ "
	}
	if m.prompt.input != nil {
		return []string{m.promptLine(width)}
	}
	text := m.statusText()
	if text == "" {
		return []string{""}
	}
	lines := wrapText(sign+text, width, max(1, maxLines))
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// statusEmpty reports whether the status line has nothing to show.
func (m *model) statusEmpty() bool { return m.prompt.input == nil && m.statusText() == "" }

// helpKeys are the keys that apply where the focus is. Bindings whose
// label depends on the state come in pairs; the one that does not apply is
// disabled here, so help leaves it out. The ? key (more, or less while the
// full help shows) is the help's own: the help line ends with it.
func (m *model) helpKeys() helpKeys {
	k := m.keys
	on := func(b key.Binding, enabled bool) key.Binding {
		b.SetEnabled(enabled)
		return b
	}
	more := on(k.More, true)
	if m.help.ShowAll {
		more = on(k.Less, true)
	}
	mask, unmask := on(k.Mask, !m.s.Masked), on(k.Unmask, m.s.Masked)
	quit := k.Interrupt
	if m.prompt.input != nil {
		h := m.promptHelp()
		h.more = on(more, false) // ? is text in the prompt
		return h
	}
	if m.history.open {
		return helpKeys{
			short: []key.Binding{k.HistUp, k.HistCopy, k.HistClose, quit},
			full:  [][]key.Binding{{k.HistUp, k.HistFirst, k.HistLast, k.HistCopy}, {mask, unmask, k.HistClose}, {more, quit}},
			more:  more,
		}
	}
	if m.focus == focusForm && m.field != nil {
		fieldKeys := m.field.keys(&k.field)
		nav := []key.Binding{k.NextField, k.Back, k.PrevField}
		if m.canScrollForm() {
			nav = append(nav, k.ScrollForm)
		}
		short := append(append([]key.Binding{}, fieldKeys[:min(2, len(fieldKeys))]...), nav...)
		short = append(short, quit)
		tail := []key.Binding{quit}
		if m.field.typesText() {
			more = on(more, false)
		} else {
			tail = []key.Binding{more, quit}
		}
		return helpKeys{short: short, full: [][]key.Binding{fieldKeys, nav, tail}, more: more}
	}
	copyKey := on(k.Copy, m.result().res != nil)
	hist := on(k.History, len(m.history.entries) > 0)
	return helpKeys{
		short: []key.Binding{copyKey, k.Longer, k.Edit, k.Regenerate, k.Quit, mask, unmask, hist},
		full: [][]key.Binding{
			{copyKey, k.Regenerate, mask, unmask, on(k.QR, m.result().res != nil)},
			{k.Longer, k.LongerTen, k.Mode},
			{k.Edit, k.EditLast, hist, k.Reset},
			{k.Preset, k.SavePreset},
			{more, k.Quit, quit},
		},
		more: more,
	}
}

// tooSmallView asks for a bigger terminal; no secret is shown.
func (m *model) tooSmallView(w, h int) string {
	text := fmt.Sprintf("terminal too small (%d×%d): sesame needs %d×%d; enlarge it, or q to quit", w, h, lineWidth, lineHeight)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(wrapText(text, w, h), "\n"))
}

// sideBySide joins two columns line by line.
func sideBySide(left []string, leftW int, right []string, gap, height int) []string {
	n := min(max(len(left), len(right)), height)
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = padRight(truncate(l, leftW), leftW) + strings.Repeat(" ", gap) + r
	}
	return out
}

// truncate cuts a styled line to width cells, with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// padRight pads a styled line with spaces to width cells.
func padRight(s string, width int) string {
	if w := ansi.StringWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// center centres a styled line in width cells.
func center(s string, width int) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return s
	}
	return strings.Repeat(" ", (width-w)/2) + s
}

// clipLines keeps at most n lines.
func clipLines(lines []string, n int) []string {
	if len(lines) > n {
		return lines[:max(n, 0)]
	}
	return lines
}

// wrapText wraps plain text to width cells, in at most maxLines lines (the
// last ending in … if cut).
func wrapText(s string, width, maxLines int) []string {
	wrapped := strings.Split(ansi.Wordwrap(s, max(width, 1), ""), "\n")
	var out []string
	for _, l := range wrapped {
		out = append(out, strings.Split(ansi.Hardwrap(l, max(width, 1), true), "\n")...)
	}
	if len(out) > maxLines {
		out = out[:maxLines]
		out[maxLines-1] = truncate(out[maxLines-1]+" …", width)
	}
	return out
}
