package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

func TestBuiltinPresets(t *testing.T) {
	want := map[string]float64{"alnum": 119.08, "safe": 120.44, "python": 57.25}
	for _, p := range BuiltinPresets() {
		g, _, err := p.Settings.Generator(p.Mode)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if got := g.Entropy().Rounded(); got != want[p.Name] {
			t.Errorf("%s: %.2f bits, want %.2f", p.Name, got, want[p.Name])
		}
		pw := g.(*generator.Password)
		switch p.Name {
		case "alnum":
			if pw.Alphabet() != generator.LowerChars+generator.UpperChars+generator.DigitChars {
				t.Errorf("alnum alphabet %q", pw.Alphabet())
			}
		case "safe":
			if pw.ClassChars(generator.Symbols) != safeSymbols || pw.AlphabetSize() != 65 {
				t.Errorf("safe symbols %q, alphabet %d", pw.ClassChars(generator.Symbols), pw.AlphabetSize())
			}
		case "python":
			r := generator.NewRand(generator.CryptoSource())
			for range 200 {
				s, _ := g.Generate(r)
				digits := strings.Count(strings.Map(func(c rune) rune {
					if c >= '0' && c <= '9' {
						return 'd'
					}
					return -1
				}, s), "d")
				if len(s) != 10 || digits < 3 || strings.ToLower(s) == s || strings.ToUpper(s) == s {
					t.Fatalf("python recipe gave %q", s)
				}
			}
		}
	}
}

func TestSavedPresetsRoundTripAndKeepTheSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sesame", "config.json")
	s := Default()
	s.Password.Length = 33
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	ph := Default()
	ph.Phrase.Words, ph.Phrase.Case = 5, generator.CaseTitle
	if _, replaced, err := SavePreset(path, "mine", Phrase, ph); err != nil || replaced {
		t.Fatalf("first save: replaced %v, %v", replaced, err)
	}
	// Saving the settings keeps the presets, and the other way round.
	s.Password.Length = 34
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	if back, warn, _ := Load(path); warn != "" || back.Password.Length != 34 {
		t.Fatalf("settings %d (%s)", back.Password.Length, warn)
	}
	p, _, err := FindPreset(path, "mine")
	if err != nil || p.Mode != Phrase || p.Builtin {
		t.Fatalf("%+v %v", p, err)
	}
	got := Default()
	p.Apply(&got)
	if got.Mode != Phrase || got.Phrase.Words != 5 || got.Phrase.Case != generator.CaseTitle || got.Password != Default().Password {
		t.Fatalf("applied %+v", got)
	}
	// A second save of the name replaces the first.
	ph.Phrase.Words = 7
	if _, replaced, err := SavePreset(path, "mine", Phrase, ph); !replaced || err != nil {
		t.Fatalf("second save: replaced %v, %v", replaced, err)
	}
	if p, _, _ := FindPreset(path, "mine"); p.Settings.Phrase.Words != 7 {
		t.Fatalf("words %d after the second save", p.Settings.Phrase.Words)
	}
	all, _ := Presets(path)
	if len(all) != len(BuiltinPresets())+1 {
		t.Fatalf("%d presets", len(all))
	}
}

func TestPresetRefusals(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	for _, name := range []string{"", "Has Caps", "../x", "safe", strings.Repeat("x", 33)} {
		if _, _, err := SavePreset(path, name, Password, Default()); err == nil {
			t.Errorf("name %q accepted", name)
		}
	}
	bad := Default()
	bad.Password.Digits.Min = 99
	if _, _, err := SavePreset(path, "bad", Password, bad); err == nil || !strings.Contains(err.Error(), "not saved") {
		t.Errorf("impossible settings saved: %v", err)
	}
	if _, _, err := FindPreset(path, "alnm"); err == nil || !strings.Contains(err.Error(), "did you mean alnum") {
		t.Errorf("typo: %v", err)
	}
	// A saved preset the file spoils is left out, with a warning; one
	// with an invalid value keeps the rest.
	os.WriteFile(path, []byte(`{"version":2,"presets":{"ok":{"mode":"pin","pin":{"length":8}},"broken":{"mode":"pin","pin":{"length":"x","no_trivial":true}},"odd":{"mode":"sonnet"}}}`), 0o600)
	all, warn := Presets(path)
	if len(all) != len(BuiltinPresets())+2 || !strings.Contains(warn, "cannot be used (odd)") || !strings.Contains(warn, "(length in broken)") {
		t.Fatalf("%d presets, warning %q", len(all), warn)
	}
	if p, _, _ := FindPreset(path, "broken"); p.Settings.PIN != (PINSettings{generator.PINPolicy{Length: Default().PIN.Length, NoTrivial: true}}) {
		t.Fatalf("broken preset read as %+v", p.Settings.PIN)
	}
}
