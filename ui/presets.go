package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

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

// promptState is a name being typed on the status line.
type promptState struct {
	input *textinput.Model
}

// startSavePreset asks for the name to save the tab's settings under.
func (m *model) startSavePreset() tea.Cmd {
	if m.saver == nil || m.saver.path == "" {
		return m.setStatus("presets are saved in the settings file, which --no-config turned off", statusWarn)
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
	preset settings.Preset
	err    error
}

// handlePromptKey types the preset's name; enter saves, esc gives up.
func (m *model) handlePromptKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.PromptCancel):
		m.prompt = promptState{}
		return nil
	case key.Matches(msg, k.PromptDone):
		name, mode, s, path := m.prompt.input.Value(), m.s.Mode, m.s, m.saver.path
		m.prompt = promptState{}
		return func() tea.Msg {
			p, err := settings.SavePreset(path, name, mode, s)
			return presetSavedMsg{p, err}
		}
	}
	*m.prompt.input, _ = m.prompt.input.Update(msg)
	return nil
}

// presetSaved reports a save and lists the new preset.
func (m *model) presetSaved(msg presetSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus(msg.err.Error(), statusWarn)
	}
	m.presets, _ = settings.Presets(m.saver.path)
	return m.setStatus("saved preset "+msg.preset.Name+": p brings it back, --preset "+msg.preset.Name+" on the command line", statusOK)
}
