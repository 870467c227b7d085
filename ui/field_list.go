package ui

import (
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// A text setting with suggested values and files (the wordlist) is two
// fields in the form: a choice among the suggestions and "file…", and,
// while "file…" is chosen, the file's path on a row of its own. The path
// is remembered while a built-in list is chosen, so switching back and
// forth keeps it.

// fileChoice is the last choice of a list: a file.
const fileChoice = "file…"

// listState is what the two fields share.
type listState struct {
	file bool   // a file is chosen
	path string // the path as typed (~ not yet expanded)
}

// newListFields makes the choice and the path field of a list setting.
func newListFields(d *settings.Descriptor, s *settings.Settings, st *styles) (*listChoiceField, listPathField) {
	state := &listState{}
	if v := d.Text(s); !settings.IsBuiltinList(v) {
		state.file, state.path = true, v
	}
	choice := &listChoiceField{base: base{d}, state: state}
	path := newTextField(d, "path to a wordlist file", st)
	path.get = func(*settings.Settings) string { return state.path }
	path.put = func(s *settings.Settings, v string) {
		state.path = v
		d.SetText(s, expandHome(v))
	}
	return choice, listPathField{path, state}
}

// listChoiceField chooses a suggested value or a file.
type listChoiceField struct {
	base
	state *listState
}

// options are the suggestions and, last, a file.
func (f *listChoiceField) options() []string { return append(f.d.Suggest(), fileChoice) }

// current is the index of the chosen option.
func (f *listChoiceField) current(s *settings.Settings) int {
	opts := f.options()
	if f.state.file {
		return len(opts) - 1
	}
	v := f.d.Text(s)
	if v == "" {
		v = generator.DefaultWordlist()
	}
	for i, o := range opts {
		if o == v {
			return i
		}
	}
	return 0
}

func (f *listChoiceField) update(k *fieldKeys, msg tea.KeyPressMsg, s *settings.Settings) (bool, bool) {
	step := 0
	switch {
	case key.Matches(msg, k.Next):
		step = 1
	case key.Matches(msg, k.Prev):
		step = -1
	default:
		return false, false
	}
	opts := f.options()
	i := ((f.current(s)+step)%len(opts) + len(opts)) % len(opts)
	f.state.file = i == len(opts)-1
	if f.state.file {
		f.d.SetText(s, expandHome(f.state.path))
	} else {
		f.d.SetText(s, opts[i])
	}
	return true, true
}

// problem is what the generator cannot be asked: a file chosen with no
// path yet (the setting would read as the default list).
func (f *listChoiceField) problem() error {
	if f.state.file && f.state.path == "" {
		return generator.PolicyErrorf(f.d.ID(), "type the path of a wordlist file, or choose a built-in list")
	}
	return nil
}

func (f *listChoiceField) view(s *settings.Settings, focused bool, _ int, st *styles) string {
	v := f.options()[f.current(s)]
	if focused {
		return "‹ " + st.valueFocused.Render(v) + " ›"
	}
	return st.value.Render(v)
}

func (f *listChoiceField) keys(k *fieldKeys) []key.Binding { return []key.Binding{k.Next} }

// note describes the chosen list.
func (f *listChoiceField) note(s *settings.Settings) string {
	if f.state.file || f.d.Note == nil {
		return ""
	}
	return f.d.Note(s)
}

// listPathField is the path of a list's file, shown while a file is
// chosen.
type listPathField struct {
	*textField
	state *listState
}

func (f listPathField) id() string                    { return f.d.Name + "-file" }
func (f listPathField) shown(*settings.Settings) bool { return f.state.file }

// expandHome turns a leading "~/" into the home directory, as a shell
// would for a path typed there.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}
