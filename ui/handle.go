package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Keys, by where the focus is. On the result, single keys act;
// in the form, keys edit the focused field and tab, shift+tab and esc move
// about; ctrl+c quits from anywhere.

func (m *model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
		return m.quit(true)
	}
	if m.tooSmall() {
		// Nothing else is on screen to act on.
		if key.Matches(msg, m.keys.Quit) {
			return m.quit(false)
		}
		return nil
	}
	if m.qr.lines != nil {
		m.qr = qrView{} // any key takes the code off the screen
		return nil
	}
	if m.prompt.input != nil {
		return m.handlePromptKey(msg)
	}
	if m.history.open {
		return m.handleHistoryKey(msg)
	}
	if m.focus == focusForm && m.field != nil {
		return m.handleFormKey(msg)
	}
	return m.handleResultKey(msg)
}

func (m *model) handleResultKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit(false)
	case key.Matches(msg, k.Copy):
		return m.copyResult()
	case key.Matches(msg, k.Regenerate):
		return m.request(m.s.Mode, true)
	case key.Matches(msg, k.Mask), key.Matches(msg, k.Unmask):
		return m.toggleMask()
	case key.Matches(msg, k.QR):
		return m.showQR()
	case key.Matches(msg, k.Reset):
		return m.resetTab()
	case key.Matches(msg, k.Preset):
		return m.nextPreset()
	case key.Matches(msg, k.SavePreset):
		return m.startSavePreset()
	case key.Matches(msg, k.Longer):
		return m.adjustPrimary(1)
	case key.Matches(msg, k.Shorter):
		return m.adjustPrimary(-1)
	case key.Matches(msg, k.LongerTen):
		return m.adjustPrimary(10)
	case key.Matches(msg, k.ShorterTen):
		return m.adjustPrimary(-10)
	case key.Matches(msg, k.Mode):
		return m.setMode(settings.Mode(msg.String()[0] - '1'))
	case key.Matches(msg, k.NextMode):
		return m.setMode((m.s.Mode + 1) % 4)
	case key.Matches(msg, k.PrevMode):
		return m.setMode((m.s.Mode + 3) % 4)
	case key.Matches(msg, k.Edit):
		m.enterForm(true)
	case key.Matches(msg, k.EditLast):
		m.enterForm(false)
	case key.Matches(msg, k.History):
		if len(m.history.entries) == 0 {
			return m.setStatus("the history is empty: results you keep on screen for a second or copy go there", statusInfo)
		}
		m.history.open, m.history.cursor = true, 0
	case key.Matches(msg, k.More):
		m.toggleHelp()
	case key.Matches(msg, k.Close):
		m.closeHelp()
	}
	return nil
}

func (m *model) handleFormKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	f := m.field
	switch {
	case key.Matches(msg, k.Back):
		m.leaveForm()
		return nil
	case key.Matches(msg, k.NextField):
		m.moveField(1)
		return nil
	case key.Matches(msg, k.PrevField):
		m.moveField(-1)
		return nil
	case !f.typesText() && key.Matches(msg, k.More):
		m.toggleHelp()
		return nil
	case m.formOverflow && key.Matches(msg, k.ScrollForm, k.ScrollFormUp) && m.scrollKeyFree(msg.String()):
		step := 1
		if s := msg.String(); s == "pgdown" || s == "pgup" {
			step = m.formPage()
		}
		if key.Matches(msg, k.ScrollFormUp) {
			step = -step
		}
		m.scrollForm(step)
		return nil
	}
	if _, changed := f.update(&k.field, msg, &m.s); changed {
		return m.settingsChanged()
	}
	return nil
}

// enterForm moves the focus to the form's first or last field.
func (m *model) enterForm(first bool) {
	fields := m.form().fields(&m.s)
	if len(fields) == 0 {
		return
	}
	f := fields[len(fields)-1]
	if first {
		f = fields[0]
	}
	m.focusField(f)
}

func (m *model) focusField(f field) {
	if m.field != nil {
		m.field.blur()
	}
	m.focus, m.field = focusForm, f
	m.formScroll = 0
	f.focus(&m.s)
}

// leaveForm returns the focus to the result.
func (m *model) leaveForm() {
	if m.field != nil {
		m.field.blur()
	}
	m.focus, m.field = focusResult, nil
	m.formScroll = 0
}

// moveField walks the form; past either end the focus returns to the
// result.
func (m *model) moveField(step int) {
	fields := m.form().fields(&m.s)
	i := slices.Index(fields, m.field) + step
	if i < 0 || i >= len(fields) {
		m.leaveForm()
		return
	}
	m.focusField(fields[i])
}

// adjustPrimary changes the length (words, bytes, digits) from the result.
func (m *model) adjustPrimary(delta int) tea.Cmd {
	changed, said := stepSize(settings.SizeOf(m.s.Mode), &m.s, delta)
	switch {
	case changed:
		return m.settingsChanged()
	case said != "":
		return m.setStatus(said, statusInfo)
	}
	return nil
}

func (m *model) toggleMask() tea.Cmd {
	m.s.Masked = !m.s.Masked
	return m.markDirty()
}

// copyResult copies the secret on screen.
func (m *model) copyResult() tea.Cmd {
	r := m.result().res
	if r == nil {
		return m.setStatus("nothing to copy yet", statusInfo)
	}
	r.copying = true
	what := r.mode.Noun()
	if !m.current(r.mode) {
		what += " (from the previous settings)"
	}
	return m.copyCmd(r.secret, what)
}

// tooSmall reports whether the terminal is too small for even the line
// layout.
func (m *model) tooSmall() bool {
	return m.width > 0 && m.height > 0 && (m.width < lineWidth || m.height < lineHeight)
}

// resetTab puts the current tab's settings back to the defaults.
func (m *model) resetTab() tea.Cmd {
	mode := m.s.Mode
	def := settings.Default()
	if m.s.Only(mode) == def.Only(mode) {
		return m.setStatus(mode.Noun()+" settings are the defaults already", statusInfo)
	}
	for _, d := range settings.Of(mode) {
		d.Copy(&m.s, &def)
	}
	m.forms[mode] = newForm(mode, &m.s, &m.styles) // fields keep state of their own
	return tea.Batch(m.settingsChanged(), m.setStatus(mode.Noun()+" settings back to the defaults", statusInfo))
}
