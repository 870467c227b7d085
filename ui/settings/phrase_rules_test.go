package settings

import (
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

// A passphrase setting the user gave stays under rules, even at its
// default value; one left alone changes where the rules need it.
func TestPhraseGivenSettingsStay(t *testing.T) {
	s := Default()
	s.Phrase.Rules = "required: upper; allowed: lower, [-]"
	g, _, err := s.Generator(Phrase)
	if err != nil {
		t.Fatal(err)
	}
	if c := g.(*generator.Phrase).Policy().Case; c != generator.CaseRandom {
		t.Errorf("case %v left to sesame, want random for a required upper-case letter", c)
	}
	s.Phrase.Given.Case = true
	if _, _, err := s.Generator(Phrase); err == nil || !strings.Contains(err.Error(), "(required: upper)") {
		t.Errorf("case lower given: error %v, want one naming required: upper", err)
	}
	s.Phrase.Given.Case, s.Phrase.Case = false, generator.CaseTitle // moved from the default: the user's
	if g, _, err := s.Generator(Phrase); err != nil || g.(*generator.Phrase).Policy().Case != generator.CaseTitle {
		t.Errorf("title case chosen in the form: %v, %v", g, err)
	}
}

// A site given as a URL is stored as its host alone for passphrases too,
// and which settings were given is never stored.
func TestPhraseRulesStorable(t *testing.T) {
	s := Default()
	s.Phrase.Rules = "https://alice:hunter2@chase.com/reset?token=x"
	s.Phrase.Given.Words = true
	got, site := s.Storable()
	if got.Phrase.Rules != "chase.com" || site != "chase.com" || got.Phrase.Given != (PhraseGiven{}) {
		t.Errorf("stored %q (site %q, given %+v)", got.Phrase.Rules, site, got.Phrase.Given)
	}
}
