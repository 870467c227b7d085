package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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

func (f *switchField) view(s *settings.Settings, focused bool, _ int, st *styles) string {
	if !f.editable(s) {
		return st.faint.Render(" - ") // another setting decides
	}
	box := "[ ]"
	if f.d.Bool(s) {
		box = "[x]"
	}
	if focused {
		return "‹" + st.valueFocused.Render(box) + "›"
	}
	return st.value.Render(box)
}

// shown hides a switch that another setting overrides, when its setting
// says so (the blocklist's, for random passwords, which it never filters).
func (f *switchField) shown(s *settings.Settings) bool {
	return !f.d.HideOverridden || f.d.Overridden(s) == nil
}

// caption says what the switch does when on.
func (f *switchField) caption(*settings.Settings) string { return f.d.Caption }

func (f *switchField) keys(k *fieldKeys) []key.Binding { return []key.Binding{k.Toggle} }
