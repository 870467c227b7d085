package ui

import (
	"slices"
	"testing"

	"github.com/sesame-sh/sesame/ui/settings"
)

// fieldNames lists the settings a mode's form edits, in focus order, each
// once.
func fieldNames(m settings.Mode) []string {
	s := settings.Default()
	st := newStyles(true, true)
	var out []string
	for _, r := range newForm(m, &s, &st).rows {
		for _, c := range r.fields {
			if n := c.setting().Name; !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// The forms are built from the settings table (ui/cli/table_test.go checks
// the other surfaces): every setting of a mode that claims a field has
// one on its tab, and every field on a tab is a setting of that mode.
func TestEveryFormFieldIsASettingOfItsTab(t *testing.T) {
	for _, d := range settings.All() {
		if d.Mode != settings.Common && !d.NoForm && !d.Alias() && !slices.Contains(fieldNames(d.Mode), d.Name) {
			t.Errorf("the %v tab has no field for %s", d.Mode, d.Name)
		}
	}
	for _, m := range settings.Modes() {
		names := fieldNames(m)
		if len(names) == 0 {
			t.Errorf("the %v tab has no fields", m)
		}
		for _, name := range names {
			if d := settings.Lookup(m, name); d == nil || d.Mode != m {
				t.Errorf("the %v tab has a field %q that no setting of the mode describes", m, name)
			}
		}
	}
}
