package settings

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

// A style's generator is compiled once for the same settings and again
// for any change that decides it: the length, a class limit, the rules,
// the blocklist file's words.
func TestStyleGeneratorsAreReusedOnlyForTheSameSettings(t *testing.T) {
	s := Default()
	s.Password.Style = generator.StylePronounceable
	s.Password.Length = 10
	build := func(s Settings) generator.Generator {
		t.Helper()
		g, _, err := s.Generator(Password)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	first := build(s)
	if build(s) != first {
		t.Error("the same settings compiled the style again")
	}
	dir := t.TempDir()
	words := filepath.Join(dir, "words")
	if err := os.WriteFile(words, []byte("ba\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*Settings){
		"length":    func(s *Settings) { s.Password.Length = 11 },
		"min-upper": func(s *Settings) { s.Password.Upper.Min = 1 },
		"rules":     func(s *Settings) { s.Password.Rules = "required: digit; allowed: lower" },
		"blocklist": func(s *Settings) { s.Password.Blocklist = words },
		"off":       func(s *Settings) { s.Password.NoBlocklist = true },
		"style":     func(s *Settings) { s.Password.Style = generator.StylePhone },
	} {
		c := s
		edit(&c)
		g := build(c)
		if g == first || g.Entropy().Count.Cmp(first.Entropy().Count) == 0 {
			t.Errorf("%s: the generator of the old settings was reused", name)
		}
	}
}
