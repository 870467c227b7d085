package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// switchField turns a setting on and off with space; its caption says
// what "on" does.
type switchField struct{ base }

func (f *switchField) update(k *fieldKeys, msg tea.KeyPressMsg, s *settings.Settings) (bool, bool) {
	if key.Matches(msg, k.Toggle) {
		f.d.SetBool(s, !f.d.Bool(s))
		return true, true
	}
	return false, false
}

func (f *switchField) view(s *settings.Settings, focused bool, width int, st *styles) string {
	box := "[ ]"
	if f.d.Bool(s) {
		box = "[x]"
	}
	out := st.value.Render(box)
	if focused {
		out = "‹" + st.valueFocused.Render(box) + "›"
	}
	if f.d.Caption != "" {
		out += " " + st.faint.Render(truncate(f.d.Caption, width-lipgloss.Width(out)-1))
	}
	return out
}

func (f *switchField) keys(k *fieldKeys) []key.Binding { return []key.Binding{k.Toggle} }
