package generator

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

var allFree = PhraseFree{Words: true, Case: true, Separator: true, Number: true}

// Settings left to sesame change only where the rules need it: none for
// rules the defaults meet, random case for a required upper-case letter,
// and a digit for a required digit; a setting the user gave stays.
func TestPhraseRulesChangeOnlyWhatTheRulesNeed(t *testing.T) {
	def := DefaultPhrasePolicy()
	for _, c := range []struct {
		rules  string
		free   PhraseFree
		chosen []string
		check  func(PhrasePolicy) bool
	}{
		{"minlength: 12", allFree, nil, func(p PhrasePolicy) bool {
			return p.Case == CaseLower && p.Separator == "-" && !p.Number && p.Words == 6
		}},
		{"required: upper; allowed: lower, [-]", allFree, []string{"random case"}, func(p PhrasePolicy) bool { return p.Case == CaseRandom && p.Separator == "-" }},
		{"required: digit; allowed: lower, [-]", allFree, []string{"a random digit between words"},
			func(p PhrasePolicy) bool { return p.RandomSeparator == SepDigit && !p.Number }},
		{"required: digit; allowed: lower, [-]", PhraseFree{Words: true, Case: true, Number: true}, []string{"a number"},
			func(p PhrasePolicy) bool { return p.Number && p.Separator == "-" }},
		{"required: upper; allowed: upper", allFree, []string{"upper case", "no separator"},
			func(p PhrasePolicy) bool { return p.Case == CaseUpper && p.Separator == "" }},
		{"required: [ ]; allowed: lower, [ ]", allFree, []string{"a space between words"},
			func(p PhrasePolicy) bool { return p.Separator == " " && p.RandomSeparator == SepFixed }},
		// More than 6 words only for a minimum length 6 cannot reach.
		{"minlength: 64", allFree, []string{"7 words"}, func(p PhrasePolicy) bool { return p.Words == 7 }},
		// 6 words fit only as 3-letter words: 5 freer ones give more.
		{"maxlength: 24", allFree, []string{"5 words"}, func(p PhrasePolicy) bool { return p.Words == 5 }},
	} {
		ph, d, err := NewPhraseForRules(def, c.free, parsedRules(t, c.rules))
		if err != nil {
			t.Errorf("%s: %v", c.rules, err)
			continue
		}
		if !slices.Equal(d.Chosen, c.chosen) || !c.check(d.Policy) || ph.Policy().Words != d.Policy.Words {
			t.Errorf("%s: chose %q, policy %+v; want %q", c.rules, d.Chosen, d.Policy, c.chosen)
		}
		if c.free.Words && c.free.Case {
			// The count chosen is the largest of 3 to 6 words.
			for k := 3; k <= 6; k++ {
				fixed := d.Policy
				fixed.Words = k
				other, _, err := NewPhraseForRules(fixed, PhraseFree{}, parsedRules(t, c.rules))
				if err == nil && other.Entropy().Count.Cmp(ph.Entropy().Count) > 0 {
					t.Errorf("%s: %d words give %.2f bits, more than the %d chosen (%.2f)", c.rules, k, other.Entropy().Bits, d.Policy.Words, ph.Entropy().Bits)
				}
			}
		}
		if c.chosen != nil && !strings.Contains(d.Describe(), "for them: "+strings.Join(c.chosen, ", ")) {
			t.Errorf("%s: description %q does not say what was chosen", c.rules, d.Describe())
		}
	}
}

// A word count the user gives is kept, even below 3; one left to sesame
// never falls below 3.
func TestPhraseRulesWordCount(t *testing.T) {
	w := parsedRules(t, "maxlength: 12")
	pol := DefaultPhrasePolicy()
	pol.Words = 2
	ph, _, err := NewPhraseForRules(pol, PhraseFree{Case: true, Separator: true, Number: true}, w)
	if err != nil || ph.Policy().Words != 2 {
		t.Fatalf("2 words asked for: %v, %v", ph, err)
	}
	s, _ := ph.Generate(seededRand(2))
	if len(s) > 12 || strings.Count(s, "-") != 1 {
		t.Errorf("%q: want two words in 12 characters", s)
	}
	if _, _, err := NewPhraseForRules(DefaultPhrasePolicy(), allFree, parsedRules(t, "maxlength: 10")); err == nil {
		t.Errorf("3 words of eff-large cannot fit 10 characters, yet no error")
	}
}

// When nothing fits, the error is one line naming the rule at fault and
// what would work.
func TestPhraseRulesRefusals(t *testing.T) {
	six := DefaultPhrasePolicy()
	for _, c := range []struct {
		rules string
		pol   PhrasePolicy
		free  PhraseFree
		field SettingName
		says  []string
	}{
		{"maxlength: 10", six, allFree, "rules", []string{"(maxlength: 10)", "room for at most 2 words", "make a password"}},
		{"maxlength: 20", six, PhraseFree{Case: true}, "words", []string{"(maxlength: 20)", "not 6", "use fewer words"}},
		{"required: upper; allowed: lower, [-]", six, PhraseFree{Words: true}, "rules", []string{"an upper-case letter", "(required: upper)", "case random, title or upper"}},
		{"required: digit; allowed: lower, [-]", six, PhraseFree{Words: true, Case: true}, "rules", []string{"(required: digit)", "number or random-separator digit"}},
		{"allowed: digit", six, allFree, "rules", []string{"(allowed: digit)", "no word"}},
		{"minlength: 3000", six, allFree, "rules", []string{"(minlength: 3000)", "more than 256 words"}},
		{"minlength: 64", six, PhraseFree{Case: true}, "words", []string{"(minlength: 64)", "more than 6 words", "use more words"}},
		{"allowed: lower", six, PhraseFree{Words: true}, "separator", []string{"do not allow the separator \"-\""}},
	} {
		_, _, err := NewPhraseForRules(c.pol, c.free, parsedRules(t, c.rules))
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != c.field || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line about %s", c.rules, err, c.field)
			continue
		}
		for _, s := range c.says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: %q does not say %q", c.rules, err, s)
			}
		}
	}
}

// Shorter words are suggested only when they would fit.
func TestPhraseRulesSuggestShorterWordsOnlyWhenTheyFit(t *testing.T) {
	long := mustList(t, "long", "abcdefgh ijklmnop qrstuvwx yzabcdef")
	pol := DefaultPhrasePolicy()
	pol.List = long
	_, _, err := NewPhraseForRules(pol, allFree, parsedRules(t, "maxlength: 16"))
	if err == nil || !strings.Contains(err.Error(), "wordlist eff-short") {
		t.Errorf("error %v, want a suggestion of eff-short", err)
	}
}
