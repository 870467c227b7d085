package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// choiceField picks one of a setting's choices with ←/→ (or ↑/↓, space),
// wrapping around and passing over the choices the form cannot show (a
// raw token, which it still displays when the command line chose it).
type choiceField struct{ base }

func (f *choiceField) update(k *fieldKeys, msg tea.KeyPressMsg, s *settings.Settings) (bool, bool) {
	switch {
	case key.Matches(msg, k.Next):
		return true, f.cycle(s, 1)
	case key.Matches(msg, k.Prev):
		return true, f.cycle(s, -1)
	}
	return false, false
}

// cycle moves to the next or previous choice the form offers.
func (f *choiceField) cycle(s *settings.Settings, step int) bool {
	n := len(f.d.Choices)
	cur := f.d.Int(s)
	i := cur
	for range n {
		i = ((i+step)%n + n) % n
		if !f.d.Choices[i].NotInForm {
			break
		}
	}
	if i == cur || f.d.Choices[i].NotInForm {
		return false
	}
	f.d.SetInt(s, i)
	return true
}

func (f *choiceField) view(s *settings.Settings, focused bool, _ int, st *styles) string {
	v := f.d.Label(f.d.Int(s))
	if focused {
		return "‹ " + st.valueFocused.Render(v) + " ›"
	}
	return st.value.Render(v)
}

func (f *choiceField) keys(k *fieldKeys) []key.Binding { return []key.Binding{k.Next} }
