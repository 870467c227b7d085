package settings

import "testing"

// Every mode counted by NumModes is listed by Modes, has its names, and
// each of the settings' surfaces (the table, Only) knows it.
func TestEveryModeIsComplete(t *testing.T) {
	ms := Modes()
	if len(ms) != NumModes {
		t.Fatalf("Modes() lists %d modes, NumModes is %d", len(ms), NumModes)
	}
	def := Default()
	for i, m := range ms {
		if int(m) != i {
			t.Errorf("mode %d is listed at %d", m, i)
		}
		if m.String() == "" || m.Title() == "" || m.ShortTitle() == "" || m.Noun() == "" {
			t.Errorf("mode %d lacks a name: %q %q %q %q", m, m.String(), m.Title(), m.ShortTitle(), m.Noun())
		}
		if got, err := ParseMode(m.String()); got != m || err != nil {
			t.Errorf("ParseMode(%q) = %v, %v", m.String(), got, err)
		}
		if SizeOf(m) == nil {
			t.Errorf("mode %v has no size setting in the table", m)
		}
		if def.Only(m) == (Settings{Mode: m}) {
			t.Errorf("Only(%v) keeps none of the mode's settings", m)
		}
		if _, _, err := def.Generator(m); err != nil {
			t.Errorf("the defaults of %v make no generator: %v", m, err)
		}
	}
}
