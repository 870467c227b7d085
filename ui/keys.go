package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"

	"github.com/sesame-sh/sesame/ui/settings"
)

// keyMap holds every binding, each defined once with its help text: the
// keys are matched with key.Matches against these bindings, and the help
// line shows the same bindings. Bindings whose label depends on the state
// come in pairs (mask and unmask), one of them disabled.
type keyMap struct {
	// On the result.
	Copy       key.Binding
	Regenerate key.Binding
	Mask       key.Binding
	Unmask     key.Binding
	QR         key.Binding // the secret as a QR code, full screen
	Longer     key.Binding // ↑ + =: one more character (word, byte, digit)
	Shorter    key.Binding // ↓ -
	LongerTen  key.Binding // pgup: ten more
	ShorterTen key.Binding // pgdown
	Mode       key.Binding // 1 to the number of modes
	NextMode   key.Binding // →
	PrevMode   key.Binding // ←
	Edit       key.Binding // tab: into the form
	EditLast   key.Binding // shift+tab: into the form's last field
	History    key.Binding
	Reset      key.Binding // the current tab back to the defaults
	Preset     key.Binding // the current tab's next preset
	SavePreset key.Binding // save the tab's settings as a preset
	More       key.Binding // ? while the short help shows
	Less       key.Binding // ? while the full help shows
	Close      key.Binding // esc closes the full help
	Quit       key.Binding

	// In the form.
	NextField key.Binding
	PrevField key.Binding
	Back      key.Binding
	// ScrollForm and its up half scroll the form, for notes taller than
	// the room (a site's rules in a small terminal); only on fields whose
	// own keys leave them free.
	ScrollForm   key.Binding
	ScrollFormUp key.Binding
	field        fieldKeys

	// On the status line, typing a preset's name, then, if a saved preset
	// has it, answering whether to replace that preset.
	PromptDone   key.Binding
	PromptCancel key.Binding
	PromptYes    key.Binding
	PromptNo     key.Binding

	// In the history.
	HistUp    key.Binding
	HistDown  key.Binding
	HistFirst key.Binding
	HistLast  key.Binding
	HistCopy  key.Binding
	HistClose key.Binding

	// Everywhere.
	Interrupt key.Binding
}

// fieldKeys are the keys a form field understands.
type fieldKeys struct {
	Increase key.Binding // numbers
	Decrease key.Binding
	StepUp   key.Binding
	StepDown key.Binding
	First    key.Binding
	Last     key.Binding
	Erase    key.Binding
	Digits   key.Binding
	Any      key.Binding // a limit: no limit
	Toggle   key.Binding // switches
	Next     key.Binding // choices
	Prev     key.Binding
	Type     key.Binding // texts (help only: any printable key types)
}

func defaultKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	modeKeys := make([]string, settings.NumModes) // 1 for the first tab
	for i := range modeKeys {
		modeKeys[i] = strconv.Itoa(i + 1)
	}
	return keyMap{
		Copy:       b([]string{"enter", "c"}, "enter/c", "copy"),
		Regenerate: b([]string{"r"}, "r", "new"),
		Mask:       b([]string{"m"}, "m", "mask"),
		Unmask:     b([]string{"m"}, "m", "unmask"),
		QR:         b([]string{"Q"}, "Q", "QR code"),
		Longer:     b([]string{"up", "+", "="}, "↑↓ +-", "size"),
		Shorter:    b([]string{"down", "-"}, "↓ -", "shorter"),
		LongerTen:  b([]string{"pgup"}, "pgup/pgdn", "±10"),
		ShorterTen: b([]string{"pgdown"}, "pgdn", "-10"),
		Mode:       b(modeKeys, "1-"+modeKeys[len(modeKeys)-1]+" ←→", "mode"),
		NextMode:   b([]string{"right"}, "→", "next mode"),
		PrevMode:   b([]string{"left"}, "←", "previous mode"),
		Edit:       b([]string{"tab"}, "tab", "edit"),
		EditLast:   b([]string{"shift+tab"}, "shift+tab", "last setting"),
		History:    b([]string{"h"}, "h", "history"),
		Reset:      b([]string{"R"}, "R", "tab's defaults"),
		Preset:     b([]string{"p"}, "p", "next preset"),
		SavePreset: b([]string{"S"}, "S", "save as preset"),
		More:       b([]string{"?"}, "?", "more"),
		Less:       b([]string{"?"}, "?", "less"),
		Close:      b([]string{"esc"}, "esc", "close help"),
		Quit:       b([]string{"q"}, "q", "quit"),

		NextField: b([]string{"tab", "enter"}, "tab/enter", "next"),
		PrevField: b([]string{"shift+tab"}, "shift+tab", "previous"),
		Back:      b([]string{"esc"}, "esc", "back to the result"),
		// Help shows the down half, named for both.
		ScrollForm:   b([]string{"pgdown", "down"}, "pgup/pgdn", "scroll the form"),
		ScrollFormUp: b([]string{"pgup", "up"}, "pgup", "scroll up"),
		field: fieldKeys{
			Increase: b([]string{"up", "right", "+", "="}, "↑↓", "change"),
			Decrease: b([]string{"down", "left", "-"}, "↓", "less"),
			StepUp:   b([]string{"pgup"}, "pgup/pgdn", "±10"),
			StepDown: b([]string{"pgdown"}, "pgdn", "-10"),
			First:    b([]string{"home"}, "home/end", "lowest/highest"),
			Last:     b([]string{"end"}, "end", "highest"),
			Erase:    b([]string{"backspace"}, "backspace", "erase"),
			Digits:   b([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "0-9", "type"),
			Any:      b([]string{"a"}, "a", "any"),
			Toggle:   b([]string{"space"}, "space", "toggle"),
			Next:     b([]string{"right", "down", "space"}, "←/→", "choose"),
			Prev:     b([]string{"left", "up"}, "←", "previous"),
			Type:     b([]string{typingOnly}, "type", "edit"),
		},

		PromptDone:   b([]string{"enter"}, "enter", "save"),
		PromptCancel: b([]string{"esc"}, "esc", "cancel"),
		PromptYes:    b([]string{"y"}, "y", "replace"),
		PromptNo:     b([]string{"n"}, "n/esc", "keep"),

		HistUp:    b([]string{"up", "k"}, "↑/↓", "select"),
		HistDown:  b([]string{"down", "j"}, "↓", "down"),
		HistFirst: b([]string{"home"}, "home", "newest"),
		HistLast:  b([]string{"end"}, "end", "oldest"),
		HistCopy:  b([]string{"enter", "c"}, "enter/c", "copy the selected one"),
		HistClose: b([]string{"esc", "h", "q"}, "esc", "close"),

		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// typingOnly is the key of the binding that stands in help for typing
// text; no key press is named like it.
const typingOnly = "(typing)"

// helpKeys is the help.KeyMap of one focus: the bindings the help line
// shows, short and full.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
	// more is the ? key: more, or less while the full help shows;
	// disabled where ? is text.
	more key.Binding
}

// ShortHelp implements help.KeyMap.
func (h helpKeys) ShortHelp() []key.Binding { return h.short }

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// KeyGroup is a list of keys with what they do where the focus is, for
// documentation (the man page's list of interactive keys).
type KeyGroup struct {
	Where string
	Keys  [][2]string // key, what it does
}

// Keys lists the interactive program's keys by where the focus is, from
// the same bindings the program matches and its help line shows.
func Keys() []KeyGroup {
	k := defaultKeyMap()
	list := func(bs ...key.Binding) [][2]string {
		out := make([][2]string, len(bs))
		for i, b := range bs {
			out[i] = [2]string{b.Help().Key, b.Help().Desc}
		}
		return out
	}
	f := k.field
	return []KeyGroup{
		{"on the result", list(k.Copy, k.Regenerate, k.Mask, k.QR, k.Longer, k.LongerTen, k.Mode, k.Edit, k.EditLast, k.History, k.Preset, k.SavePreset, k.Reset, k.More, k.Quit, k.Interrupt)},
		{"in the settings", list(k.NextField, k.PrevField, k.Back, k.ScrollForm, f.Increase, f.StepUp, f.First, f.Digits, f.Erase, f.Any, f.Toggle, f.Next, f.Type)},
		{"in the history", list(k.HistUp, k.HistFirst, k.HistLast, k.HistCopy, k.HistClose)},
	}
}
