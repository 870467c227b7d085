package generator

import (
	"errors"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
)

// Any rules string the parser takes, with a small list and any free
// settings: the engine either refuses with a one-line *PolicyError, or
// counts at least one passphrase and draws only ones the rules accept.
func FuzzPhraseRules(f *testing.F) {
	for _, s := range []string{
		"minlength: 8; maxlength: 32; required: upper, lower; required: digit; required: [!#$%+/=@~]; max-consecutive: 2;",
		"maxlength: 12; required: upper",
		"allowed: lower; max-consecutive: 1",
		"required: digit; allowed: [ab]",
		"minlength: 30; required: special",
	} {
		f.Add(s, uint8(0xff))
	}
	list := []string{"ab", "cab", "dog", "zz9", "e-f", "gh"}
	f.Fuzz(func(t *testing.T, text string, bits uint8) {
		r, _, err := rules.Parse(text)
		if err != nil || len(text) > 200 {
			return
		}
		w := WebsiteRules{Rules: r}
		pol := PhrasePolicy{Words: 3, Separator: ".", List: &Wordlist{Name: "fuzz", Words: list}}
		free := PhraseFree{Words: bits&1 != 0, Case: bits&2 != 0, Separator: bits&4 != 0, Number: bits&8 != 0}
		ph, _, err := NewPhraseForRules(pol, free, w)
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: error %v is not one line of a *PolicyError", text, err)
			}
			return
		}
		if e := ph.Entropy(); e.Count != nil && e.Count.Sign() <= 0 {
			t.Fatalf("%q: a generator counting %v passphrases", text, e.Count)
		}
		rnd := seededRand(uint64(bits))
		for range 5 {
			s, err := ph.Generate(rnd)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(s); err != nil {
				t.Fatalf("%q: %q breaks the rules: %v", text, s, err)
			}
		}
	})
}
