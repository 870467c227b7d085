package ui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Presets in the interactive program: p moves the current tab to its next
// preset (built-in ones, then saved ones), the form's heading names the
// preset the settings are, and S saves the tab's settings as a preset
// under a name typed on the status line.

// presetOf is the name of the preset mode m's settings are, or "".
func (m *model) presetOf(mode settings.Mode) string {
	for _, p := range m.presets {
		if p.Mode == mode && p.Settings.Only(mode) == m.s.Only(mode) {
			return p.Name
		}
	}
	return ""
}

// nextPreset applies the current tab's next preset.
func (m *model) nextPreset() tea.Cmd {
	mode := m.s.Mode
	var ofMode []settings.Preset
	for _, p := range m.presets {
		if p.Mode == mode {
			ofMode = append(ofMode, p)
		}
	}
	if len(ofMode) == 0 {
		return m.setStatus("no "+mode.Noun()+" presets yet: S saves these settings as one", statusInfo)
	}
	next := ofMode[0]
	cur := m.presetOf(mode)
	for i, p := range ofMode {
		if p.Name == cur {
			next = ofMode[(i+1)%len(ofMode)]
		}
	}
	next.Apply(&m.s)
	m.forms[mode] = newForm(mode, &m.s, &m.styles)
	about := next.About
	if about == "" {
		about = "saved"
	}
	return tea.Batch(m.settingsChanged(), m.setStatus("preset "+next.Name+": "+about, statusInfo))
}

// promptState is a name being typed on the status line, and then, if a
// saved preset has it, the question whether to replace that preset.
type promptState struct {
	input   *textinput.Model
	replace string // the saved preset's name, while asking
	note    string // why enter did not save (a built-in preset's name)
}

// startSavePreset asks for the name to save the tab's settings under.
func (m *model) startSavePreset() tea.Cmd {
	if m.saver == nil || m.saver.path == "" {
		return m.setStatus("presets are saved in the settings file, which --no-config turned off", statusWarn)
	}
	if err := m.saver.refusal(); err != nil {
		return m.setStatus("presets will not be saved this time: "+err.Error(), statusWarn)
	}
	if m.failing(m.s.Mode) != nil {
		return m.setStatus("these settings make no "+m.s.Mode.Noun()+": fix them before saving them", statusWarn)
	}
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = "a name: letters, digits, - and _"
	ti.CharLimit = 32
	ti.SetStyles(m.styles.input)
	ti.Focus()
	m.prompt = promptState{input: &ti}
	return nil
}

// presetSavedMsg answers a save.
type presetSavedMsg struct {
	preset   settings.Preset
	replaced bool
	err      error
}

// handlePromptKey types the preset's name, filtered as it is typed so
// that what shows is what will be saved; enter saves (asking first when a
// saved preset has the name), esc gives up.
func (m *model) handlePromptKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.prompt.replace != "" {
		switch {
		case key.Matches(msg, k.PromptYes):
			name := m.prompt.replace
			m.prompt = promptState{}
			return m.savePreset(name)
		case key.Matches(msg, k.PromptNo), key.Matches(msg, k.PromptCancel):
			name := m.prompt.replace
			m.prompt = promptState{}
			return m.setStatus("preset "+name+" kept as it was", statusInfo)
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.PromptCancel):
		m.prompt = promptState{}
		return nil
	case key.Matches(msg, k.PromptDone):
		name := m.prompt.input.Value()
		if err := settings.CheckPresetName(name); err != nil {
			if name != "" {
				m.prompt.note = name + " is a built-in preset, choose another name"
			}
			return nil
		}
		if m.isSaved(name) {
			m.prompt.replace = name
			return nil
		}
		m.prompt = promptState{}
		return m.savePreset(name)
	}
	in := m.prompt.input
	*in, _ = in.Update(msg)
	if name := settings.PresetName(in.Value()); name != in.Value() {
		pos := len([]rune(settings.PresetName(string([]rune(in.Value())[:in.Position()]))))
		in.SetValue(name)
		in.SetCursor(pos)
	}
	m.prompt.note = ""
	return nil
}

// isSaved reports whether a saved preset has the name.
func (m *model) isSaved(name string) bool {
	for _, p := range m.presets {
		if p.Name == name && !p.Builtin {
			return true
		}
	}
	return false
}

// savePreset saves the tab's settings as preset name, off the event loop.
func (m *model) savePreset(name string) tea.Cmd {
	mode, s, path := m.s.Mode, m.s, m.saver.path
	return func() tea.Msg {
		p, replaced, err := settings.SavePreset(path, name, mode, s)
		return presetSavedMsg{p, replaced, err}
	}
}

// promptLine is the status line while a name is typed or a replacement
// asked.
func (m *model) promptLine(width int) string {
	st := m.styles
	if m.prompt.replace != "" {
		return st.warnText.Render("replace the saved preset " + m.prompt.replace + "? y replaces it, n keeps it")
	}
	label := st.heading.Render("save the " + m.s.Mode.Noun() + " settings as preset: ")
	if lipgloss.Width(label)+36 > width { // a narrower pane: keep room to type
		label = st.heading.Render("preset name: ")
	}
	if m.prompt.note != "" {
		label = st.warnText.Render(m.prompt.note + ": ")
	}
	// Room for the longest name (32) and the cursor, within the line.
	if w := min(33, max(8, width-lipgloss.Width(label)-3)); w != m.prompt.input.Width() {
		m.prompt.input.SetWidth(w)
		m.prompt.input.SetCursor(m.prompt.input.Position()) // scrolls to the new width
	}
	return label + m.prompt.input.View()
}

// promptHelp is the help line while a name is typed or a replacement
// asked.
func (m *model) promptHelp() helpKeys {
	k := m.keys
	keys := []key.Binding{k.PromptDone, k.PromptCancel, k.Interrupt}
	if m.prompt.replace != "" {
		keys = []key.Binding{k.PromptYes, k.PromptNo, k.Interrupt}
	}
	return helpKeys{short: keys, full: [][]key.Binding{keys}}
}

// presetSaved reports a save and lists the new preset, saying what was
// left out of a site given as a URL.
func (m *model) presetSaved(msg presetSavedMsg) tea.Cmd {
	if msg.err != nil {
		var fe *settings.FileError
		if errors.As(msg.err, &fe) {
			m.saver.refuse(msg.err)
			return m.setStatus("preset not saved, nor anything else this time: "+msg.err.Error(), statusWarn)
		}
		return m.setStatus(msg.err.Error(), statusWarn)
	}
	m.presets, _ = settings.Presets(m.saver.path)
	verb := "saved"
	if msg.replaced {
		verb = "replaced"
	}
	text := verb + " preset " + msg.preset.Name + ": p brings it back, --preset " + msg.preset.Name + " on the command line"
	if _, site := m.s.Only(msg.preset.Mode).Storable(); site != "" {
		text = verb + " preset " + msg.preset.Name + "; " + settings.DroppedURL(site)
	}
	return m.setStatus(text, statusOK)
}
