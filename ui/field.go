package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// A field is one setting in a form: a number, a switch, a choice or a
// text. Its accessors read and write the model's settings, so the settings
// stay the single source of truth; the field itself only holds editing
// state (a number being typed, a text input).

type fieldKind int

const (
	numberField fieldKind = iota
	switchField
	choiceField
	textField
)

type field struct {
	// id names the setting in the command line's vocabulary ("length",
	// "min-digits", "exclude", …): generator errors name the field at
	// fault this way.
	id string
	// name is what help and messages call the field.
	name string
	kind fieldKind

	// Numbers: the range, and what 0 means when it means "no limit".
	min, max int
	zero     string
	getInt   func(*model) int
	setInt   func(*model, int)

	// Switches: the caption after the box.
	caption string
	getBool func(*model) bool
	setBool func(*model, bool)

	// Choices.
	options   []string
	getChoice func(*model) int // -1: a value the options do not list
	setChoice func(*model, int)
	// shown replaces the displayed value of a choice when set (e.g. a
	// setting the form cannot choose, such as a raw token).
	shown func(*model) string

	// Texts.
	getText     func(*model) string
	setText     func(*model, string)
	placeholder string
	limit       int  // characters
	quote       bool // show the value in quotes (a separator may be a space)
	input       textinput.Model

	// visible hides a field that does not apply (nil: always shown).
	visible func(*model) bool

	// Number typing: the digits typed so far while typing is true.
	buf    string
	typing bool
}

func (f *field) isVisible(m *model) bool { return f.visible == nil || f.visible(m) }

// focus prepares the field for keys; blur ends editing.
func (f *field) focus(m *model) {
	f.typing, f.buf = false, ""
	if f.kind == textField {
		f.input.SetValue(f.getText(m))
		f.input.CursorEnd()
		f.input.Focus() // a steady cursor: no command to run
	}
}

func (f *field) blur() {
	f.typing, f.buf = false, ""
	if f.kind == textField {
		f.input.Blur()
	}
}

// handleKey applies one key press to the field. It reports whether the key
// was used and whether the settings changed.
func (f *field) handleKey(m *model, msg tea.KeyPressMsg) (used, changed bool) {
	k := m.keys
	switch f.kind {
	case numberField:
		switch {
		case key.Matches(msg, k.Increase):
			return true, f.adjust(m, 1)
		case key.Matches(msg, k.Decrease):
			return true, f.adjust(m, -1)
		case msg.String() == "pgup":
			return true, f.adjust(m, 10)
		case msg.String() == "pgdown":
			return true, f.adjust(m, -10)
		case msg.String() == "home":
			return true, f.setNumber(m, f.min)
		case msg.String() == "end":
			return true, f.setNumber(m, f.max)
		case msg.String() == "backspace":
			return true, f.backspace(m)
		case len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9':
			return true, f.typeDigits(m, msg.Text)
		}
	case switchField:
		if key.Matches(msg, k.Toggle) {
			f.setBool(m, !f.getBool(m))
			return true, true
		}
	case choiceField:
		switch msg.String() {
		case "right", "down", "space":
			return true, f.cycle(m, 1)
		case "left", "up":
			return true, f.cycle(m, -1)
		}
	case textField:
		before := f.input.Value()
		f.input, _ = f.input.Update(msg) // a steady cursor: no commands
		if v := f.input.Value(); v != before {
			f.setText(m, v)
			return true, true
		}
		// Cursor movement and the like are used even when nothing changed,
		// so that no single-letter key falls through to another action.
		return true, false
	}
	return false, false
}

// paste puts pasted text into a text field, or digits into a number.
func (f *field) paste(m *model, text string) bool {
	switch f.kind {
	case textField:
		before := f.input.Value()
		f.input, _ = f.input.Update(tea.PasteMsg{Content: text})
		if v := f.input.Value(); v != before {
			f.setText(m, v)
			return true
		}
	case numberField:
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, text)
		if digits != "" {
			f.typing, f.buf = false, ""
			return f.typeDigits(m, digits)
		}
	}
	return false
}

// adjust adds delta to a number, within its range.
func (f *field) adjust(m *model, delta int) bool {
	f.typing, f.buf = false, ""
	return f.setNumber(m, f.getInt(m)+delta)
}

// setNumber sets a number, clamped to its range, and reports a change.
func (f *field) setNumber(m *model, v int) bool {
	v = min(max(v, f.min), f.max)
	if v == f.getInt(m) {
		return false
	}
	f.setInt(m, v)
	return true
}

// typeDigits appends typed digits: the first digit after the field gets
// focus replaces the value, the next ones extend it. A number above the
// range becomes the maximum; an empty entry changes nothing until a digit
// comes.
func (f *field) typeDigits(m *model, digits string) bool {
	if !f.typing {
		f.typing, f.buf = true, ""
	}
	f.buf = strings.TrimLeft(f.buf+digits, "0")
	if f.buf == "" {
		f.buf = "0"
	}
	n, err := strconv.Atoi(f.buf)
	if err != nil || n > f.max {
		n = f.max
		f.buf = strconv.Itoa(n)
	}
	return f.setNumber(m, n)
}

// backspace deletes the last digit of the number being typed.
func (f *field) backspace(m *model) bool {
	if !f.typing {
		f.typing, f.buf = true, strconv.Itoa(f.getInt(m))
	}
	if f.buf == "" {
		return false
	}
	f.buf = f.buf[:len(f.buf)-1]
	if f.buf == "" {
		return false
	}
	n, _ := strconv.Atoi(f.buf)
	return f.setNumber(m, n)
}

// cycle moves a choice to the next or previous option, wrapping around.
func (f *field) cycle(m *model, step int) bool {
	n := len(f.options)
	i := f.getChoice(m)
	if i < 0 {
		i = 0
		if step > 0 {
			i = -1
		}
	}
	next := ((i+step)%n + n) % n
	if next == f.getChoice(m) {
		return false
	}
	f.setChoice(m, next)
	return true
}

// display is the field's value as text, without styling.
func (f *field) display(m *model) string {
	switch f.kind {
	case numberField:
		if f.typing {
			return f.buf
		}
		v := f.getInt(m)
		if v == 0 && f.zero != "" {
			return f.zero
		}
		return strconv.Itoa(v)
	case switchField:
		if f.getBool(m) {
			return "[x]"
		}
		return "[ ]"
	case choiceField:
		if f.shown != nil {
			if s := f.shown(m); s != "" {
				return s
			}
		}
		if i := f.getChoice(m); i >= 0 && i < len(f.options) {
			return f.options[i]
		}
		return "?"
	case textField:
		return f.getText(m)
	}
	return ""
}

// helpBindings are the keys that apply to the field, for the help line.
func (f *field) helpBindings(k keyMap) []key.Binding {
	switch f.kind {
	case numberField:
		inc := k.Increase
		inc.SetHelp("↑↓", "change")
		return []key.Binding{inc, k.Digits, k.Step}
	case switchField:
		return []key.Binding{k.Toggle}
	case choiceField:
		return []key.Binding{k.Cycle}
	case textField:
		return []key.Binding{k.Type}
	}
	return nil
}

// newTextInput makes the text input of a text field.
func newTextInput(placeholder string, limit int, st textinput.Styles) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	ti.KeyMap.Paste.SetEnabled(false) // pasting arrives as tea.PasteMsg; copying is ours alone
	ti.KeyMap.AcceptSuggestion.SetEnabled(false)
	ti.KeyMap.NextSuggestion.SetEnabled(false)
	ti.KeyMap.PrevSuggestion.SetEnabled(false)
	ti.SetStyles(st)
	return ti
}
