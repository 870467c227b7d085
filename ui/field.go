package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// A field edits one setting in a form. There is one small type per kind
// of setting (field_*.go); each owns its editing state and its keys, and
// reads and writes the settings it is handed, which stay the single
// source of truth. Fields know nothing of the program around them.
type field interface {
	// setting is what the field edits.
	setting() *settings.Descriptor
	// id names the field: its setting's name, or that name and a suffix
	// for a setting edited by two fields (a wordlist and its file).
	id() string
	// shown reports whether the field is on screen and in the focus order.
	shown(s *settings.Settings) bool
	// focus prepares the field for keys; blur ends editing.
	focus(s *settings.Settings)
	blur()
	// update applies a key: used says the field took it, changed that the
	// settings changed.
	update(k *fieldKeys, msg tea.KeyPressMsg, s *settings.Settings) (used, changed bool)
	// paste takes pasted text and reports whether the settings changed.
	paste(text string, s *settings.Settings) bool
	// view draws the field in at most width cells.
	view(s *settings.Settings, focused bool, width int, st *styles) string
	// keys are the bindings the help line shows while the field has focus.
	keys(k *fieldKeys) []key.Binding
	// typesText reports whether printable keys are text for the field (so
	// that ? is typed, not help).
	typesText() bool
	// editable reports whether the field takes the focus: a setting that
	// another overrides stays in view, greyed, but is passed over.
	editable(s *settings.Settings) bool
	// caption is text after the field that says what it does ("" for
	// none); the form wraps it rather than cut it off.
	caption(s *settings.Settings) string
	// notice is what the last key did that the value alone does not show
	// (a number typed past its range was clamped); "" for nothing.
	notice() string
}

// base is what every field shares: its setting.
type base struct{ d *settings.Descriptor }

func (b base) setting() *settings.Descriptor         { return b.d }
func (b base) id() string                            { return b.d.Name }
func (b base) shown(*settings.Settings) bool         { return true }
func (b base) typesText() bool                       { return false }
func (b base) focus(*settings.Settings)              {}
func (b base) blur()                                 {}
func (b base) paste(string, *settings.Settings) bool { return false }
func (b base) caption(*settings.Settings) string     { return "" }
func (b base) notice() string                        { return "" }

// editable passes over a setting another overrides.
func (b base) editable(s *settings.Settings) bool {
	return b.d.Overridden == nil || b.d.Overridden(s) == nil
}

// newField makes the field for a setting.
func newField(d *settings.Descriptor, st *styles) field {
	switch d.Kind() {
	case settings.IntKind, settings.LimitKind:
		return &numberField{base: base{d}}
	case settings.SwitchKind:
		return &switchField{base: base{d}}
	case settings.ChoiceKind:
		return &choiceField{base: base{d}}
	}
	return newTextField(d, d.Zero, st)
}
