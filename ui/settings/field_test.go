package settings

import "testing"

// changed returns s with d's value changed to another valid one.
func changed(t *testing.T, d *Descriptor, s Settings) Settings {
	t.Helper()
	var err error
	switch d.Kind() {
	case IntKind:
		n := d.Min
		if d.Int(&s) == n {
			n = d.Max
		}
		err = d.SetInt(&s, n)
	case ChoiceKind:
		err = d.SetInt(&s, (d.Int(&s)+1)%len(d.Choices))
	case LimitKind:
		l := AtMost(d.Min)
		if d.Limit(&s) == l {
			l = Limit{}
		}
		err = d.SetLimit(&s, l)
	case SwitchKind:
		d.SetBool(&s, !d.Bool(&s))
	case TextKind:
		text := "x"
		if d.Text(&s) == text {
			text = "y"
		}
		err = d.SetText(&s, text)
	}
	if err != nil {
		t.Fatalf("%s %s: %v", d.Mode, d.Name, err)
	}
	return s
}

// Each setting of the table reaches a field of its own: changing it
// changes no other setting, Copy carries it over and Equal sees it.
func TestEverySettingHasItsOwnField(t *testing.T) {
	for _, d := range table {
		if d.Alias() {
			continue
		}
		def := Default()
		s := changed(t, d, def)
		if d.Equal(&s, &def) {
			t.Errorf("%s %s: changing it left it equal", d.Mode, d.Name)
		}
		if s == def {
			t.Errorf("%s %s: changing it changed no field of Settings", d.Mode, d.Name)
		}
		for _, o := range table {
			if o != d && !o.Alias() && !o.Equal(&s, &def) {
				t.Errorf("changing %s %s changed %s %s too", d.Mode, d.Name, o.Mode, o.Name)
			}
		}
		back := Default()
		d.Copy(&back, &s)
		if back != s {
			t.Errorf("%s %s: Copy did not carry the value over", d.Mode, d.Name)
		}
		// Format writes what Parse reads back.
		parsed := def
		if err := d.Parse(&parsed, d.Format(&s)); err != nil {
			t.Errorf("%s %s: Parse(Format) = %v", d.Mode, d.Name, err)
		} else if !d.Equal(&parsed, &s) {
			t.Errorf("%s %s: Parse(%q) did not give the value back", d.Mode, d.Name, d.Format(&s))
		}
	}
}

// Asking a setting for a value of another kind is a mistake in sesame,
// caught where it is made.
func TestReadingAnotherKindPanics(t *testing.T) {
	s := Default()
	defer func() {
		if recover() == nil {
			t.Error("reading a number setting as a switch did not panic")
		}
	}()
	Lookup(Password, "length").Bool(&s)
}
