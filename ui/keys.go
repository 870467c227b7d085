package ui

import (
	"charm.land/bubbles/v2/key"
)

// keyMap holds every binding. Which of them act, and which the help line
// shows, depends on where the focus is (see model.helpKeys); bindings that
// do not apply are disabled so they neither match nor appear in help.
type keyMap struct {
	// On the result.
	Copy       key.Binding
	Regenerate key.Binding
	Mask       key.Binding
	Longer     key.Binding // ↑ + =: one more character (word, byte, digit)
	Shorter    key.Binding // ↓ -
	LongerTen  key.Binding // pgup: ten more
	ShorterTen key.Binding // pgdown
	Mode       key.Binding // 1-4
	NextMode   key.Binding // →
	PrevMode   key.Binding // ←
	Edit       key.Binding // tab: into the form
	EditLast   key.Binding // shift+tab: into the form's last field
	History    key.Binding
	Help       key.Binding
	Quit       key.Binding

	// In the form.
	NextField key.Binding
	PrevField key.Binding
	Back      key.Binding
	Increase  key.Binding
	Decrease  key.Binding
	Step      key.Binding // pgup/pgdown, shown once for both
	Digits    key.Binding // typing a number (help only)
	Toggle    key.Binding
	Cycle     key.Binding
	Type      key.Binding // typing text (help only)

	// In the history.
	HistUp    key.Binding
	HistDown  key.Binding
	HistCopy  key.Binding
	HistClose key.Binding

	// Everywhere.
	Interrupt key.Binding
}

func defaultKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Copy:       b([]string{"enter", "c"}, "enter/c", "copy"),
		Regenerate: b([]string{"r"}, "r", "new"),
		Mask:       b([]string{"m"}, "m", "mask"),
		Longer:     b([]string{"up", "+", "="}, "↑/↓", "length"),
		Shorter:    b([]string{"down", "-"}, "↓", "shorter"),
		LongerTen:  b([]string{"pgup"}, "pgup/pgdn", "±10"),
		ShorterTen: b([]string{"pgdown"}, "pgdn", "-10"),
		Mode:       b([]string{"1", "2", "3", "4"}, "1-4", "mode"),
		NextMode:   b([]string{"right"}, "←/→", "mode"),
		PrevMode:   b([]string{"left"}, "←", "mode"),
		Edit:       b([]string{"tab"}, "tab", "settings"),
		EditLast:   b([]string{"shift+tab"}, "shift+tab", "last setting"),
		History:    b([]string{"h"}, "h", "history"),
		Help:       b([]string{"?"}, "?", "more keys"),
		Quit:       b([]string{"q"}, "q", "quit"),

		NextField: b([]string{"tab", "enter"}, "tab", "next"),
		PrevField: b([]string{"shift+tab"}, "shift+tab", "previous"),
		Back:      b([]string{"esc"}, "esc", "done"),
		Increase:  b([]string{"up", "right", "+", "="}, "↑/↓", "change"),
		Decrease:  b([]string{"down", "left", "-"}, "↓", "less"),
		Step:      b([]string{"pgup", "pgdown"}, "pgup/pgdn", "±10"),
		Digits:    b([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "0-9", "type"),
		Toggle:    b([]string{"space"}, "space", "toggle"),
		Cycle:     b([]string{"left", "right", "up", "down", "space"}, "←/→", "choose"),
		Type:      b([]string{helpOnly}, "type", "edit"),

		HistUp:    b([]string{"up", "k"}, "↑/↓", "select"),
		HistDown:  b([]string{"down", "j"}, "↓", "down"),
		HistCopy:  b([]string{"enter", "c"}, "enter/c", "copy"),
		HistClose: b([]string{"esc", "h", "q"}, "esc", "close"),

		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// helpOnly is the key of bindings that only describe typing in help; no
// key press is named like it.
const helpOnly = "(typing)"

// helpKeys is the help.KeyMap of one focus: the bindings the help line
// shows, short and full.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (h helpKeys) ShortHelp() []key.Binding { return h.short }

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
