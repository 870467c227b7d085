package settings

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
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
	build := func(s Settings) generator.Engine {
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

func TestLeftOutCount(t *testing.T) {
	for _, tc := range []struct{ n, want string }{
		{"1", "1 string left out"},
		{"1203", "1,203 strings left out"},
		{"999999999999999", "999,999,999,999,999 strings left out"},
		{"1234567890123456", "≈1.2×10^15 strings left out"},
		{"1250000000000000", "≈1.3×10^15 strings left out"},
		{"9960000000000000", "≈1.0×10^16 strings left out"},
		{"4" + strings.Repeat("0", 361), "≈4.0×10^361 strings left out"},
	} {
		n, _ := new(big.Int).SetString(tc.n, 10)
		if got := leftOutCount(n); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.n, got, tc.want)
		}
	}
}
