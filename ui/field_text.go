package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// textField edits a text setting in a text input. Every key goes to the
// input, so that no single-letter key falls through to another action.
type textField struct {
	base
	input textinput.Model
	// get and put read and write the text; a plain field's are its
	// setting's, a wordlist file's keep the path apart (field_list.go).
	get func(*settings.Settings) string
	put func(*settings.Settings, string)
}

func newTextField(d *settings.Descriptor, placeholder string, st *styles) *textField {
	f := &textField{
		base: base{d},
		get:  d.Text,
		put:  func(s *settings.Settings, v string) { d.SetText(s, v) },
	}
	f.input = textinput.New()
	f.input.Prompt = ""
	f.input.Placeholder = placeholder
	f.input.CharLimit = d.MaxLen
	f.input.KeyMap.Paste.SetEnabled(false) // pasting arrives as tea.PasteMsg; copying is ours alone
	f.input.KeyMap.AcceptSuggestion.SetEnabled(false)
	f.input.KeyMap.NextSuggestion.SetEnabled(false)
	f.input.KeyMap.PrevSuggestion.SetEnabled(false)
	f.input.SetStyles(st.input)
	return f
}

func (f *textField) typesText() bool { return true }

// shown hides a text that another setting overrides, when its setting
// says so (the separator while a random one is chosen).
func (f *textField) shown(s *settings.Settings) bool {
	return !f.d.HideOverridden || f.d.Overridden(s) == nil
}

func (f *textField) focus(s *settings.Settings) {
	f.input.SetValue(f.get(s))
	f.input.CursorEnd()
	f.input.Focus() // a steady cursor: no command to run
}

func (f *textField) blur() { f.input.Blur() }

// restyle follows the program's styles (background, colour support).
func (f *textField) restyle(st *styles) { f.input.SetStyles(st.input) }

func (f *textField) update(_ *fieldKeys, msg tea.KeyPressMsg, s *settings.Settings) (bool, bool) {
	return true, f.take(msg, s)
}

func (f *textField) paste(text string, s *settings.Settings) bool {
	return f.take(tea.PasteMsg{Content: text}, s)
}

// take hands a message to the input and stores a changed value.
func (f *textField) take(msg tea.Msg, s *settings.Settings) bool {
	before := f.input.Value()
	f.input, _ = f.input.Update(msg) // a steady cursor: no commands
	if v := f.input.Value(); v != before {
		f.put(s, v)
		return true
	}
	return false
}

func (f *textField) view(s *settings.Settings, focused bool, width int, st *styles) string {
	if !f.editable(s) {
		o := f.d.Overridden(s)
		return st.faint.Render(truncate("- ("+o.Why+")", width))
	}
	if focused {
		f.input.SetWidth(min(max(8, utf8.RuneCountInString(f.input.Value())+1), max(4, width-3)))
		return "‹" + f.input.View() + "›"
	}
	v := f.get(s)
	if v == "" {
		return st.placeholder.Render(truncate(f.input.Placeholder, width))
	}
	if f.d.Quote {
		// A separator may be a space, which would look like nothing.
		return st.value.Render(truncate("“"+strings.ReplaceAll(v, " ", "␣")+"”", width))
	}
	return st.value.Render(truncate(v, width))
}

func (f *textField) keys(k *fieldKeys) []key.Binding { return []key.Binding{k.Type} }
