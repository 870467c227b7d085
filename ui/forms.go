package ui

import (
	"slices"

	"github.com/sesame-sh/sesame/ui/settings"
)

// The forms of the modes, built from the settings table: a row per
// Row of the table's settings (consecutive settings with one Row share
// it), a heading over rows drawn as a table, and a field per setting.
// Focus walks the shown fields in row order.

// row is one line of a form: a label and its fields, or a table's heading.
type row struct {
	label   string
	heading []string // a table's column titles, instead of fields
	table   bool     // the row's fields are drawn in the table's columns
	fields  []field
	// note is a faint remark after the fields (nil: none).
	note func(*settings.Settings) string
}

// form is one mode's settings.
type form struct {
	mode settings.Mode
	rows []*row
	// problems are the checks of fields that know more than the settings
	// (a file chosen but no path typed yet).
	problems []func() error
}

// newForm builds mode m's form for the settings s (which decide the
// starting state of fields that keep some of their own, such as whether
// a wordlist is a file).
func newForm(m settings.Mode, s *settings.Settings, st *styles) *form {
	f := &form{mode: m}
	var last *row
	table := ""
	for _, d := range settings.Of(m) {
		if d.NoForm || d.Alias() {
			continue
		}
		if d.Table != "" && d.Table != table {
			f.rows = append(f.rows, &row{label: d.Table, heading: tableColumns})
		}
		table = d.Table
		if last == nil || last.label != d.Row {
			last = &row{label: d.Row, table: d.Table != ""}
			f.rows = append(f.rows, last)
		}
		if d.Note != nil {
			last.note = d.Note
		}
		if d.Kind() == settings.TextKind && d.Suggest != nil {
			choice, path := newListFields(d, s, st)
			last.fields = append(last.fields, choice)
			last.note = choice.note
			f.problems = append(f.problems, choice.problem)
			last = &row{label: "file", fields: []field{path}}
			f.rows = append(f.rows, last)
			continue
		}
		last.fields = append(last.fields, newField(d, st))
	}
	return f
}

// tableColumns are the titles of a table's columns: the class switch, its
// minimum and its maximum.
var tableColumns = []string{"use", " min", " max"}

// fields returns the fields that take the focus, in order: shown, and not
// overridden by another setting.
func (f *form) fields(s *settings.Settings) []field {
	var out []field
	for _, r := range f.rows {
		for _, c := range r.fields {
			if c.shown(s) && c.editable(s) {
				out = append(out, c)
			}
		}
	}
	return out
}

// tableOverride says, for a table's heading, what overrides the first
// column of its rows (the class switches beside a custom alphabet), or "".
func (f *form) tableOverride(heading *row, s *settings.Settings) string {
	i := slices.Index(f.rows, heading)
	if i < 0 || i+1 >= len(f.rows) || len(f.rows[i+1].fields) == 0 {
		return ""
	}
	d := f.rows[i+1].fields[0].setting()
	if d.Overridden == nil {
		return ""
	}
	if o := d.Overridden(s); o != nil {
		return heading.heading[0] + ": " + o.Why
	}
	return ""
}

// byID finds a field by its id.
func (f *form) byID(id string) field {
	for _, r := range f.rows {
		for _, c := range r.fields {
			if c.id() == id {
				return c
			}
		}
	}
	return nil
}

// of returns the field that shows a setting's errors and warnings: the
// last shown field of that setting (a wordlist file's path once one is
// chosen), or nil.
func (f *form) of(name string, s *settings.Settings) field {
	var out field
	for _, r := range f.rows {
		for _, c := range r.fields {
			if c.setting().Name == name && c.shown(s) {
				out = c
			}
		}
	}
	return out
}

// size is the field of the mode's size: the length, words or bytes.
func (f *form) size() field {
	return f.byID(settings.SizeOf(f.mode).Name)
}

// problem is the first check of the form's own fields that fails.
func (f *form) problem() error {
	for _, p := range f.problems {
		if err := p(); err != nil {
			return err
		}
	}
	return nil
}

func newForms(s *settings.Settings, st *styles) [settings.NumModes]*form {
	var out [settings.NumModes]*form
	for _, m := range settings.Modes() {
		out[m] = newForm(m, s, st)
	}
	return out
}
