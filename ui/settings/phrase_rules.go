package settings

import (
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/generator"
)

// A website's password rules, applied to the passphrase settings: the
// same setting as for passwords (rules.go), followed by the library's
// passphrase engine (generator.NewPhraseForRules), which may change the
// settings the user left to sesame where the rules need it.

// AppliedRules resolves the passphrase's rules setting, as
// PasswordSettings.AppliedRules does.
func (p PhraseSettings) AppliedRules() (*AppliedRules, []generator.Warning, error) {
	return appliedRules(p.Rules)
}

// free says which settings the rules may change: those the user neither
// gave on the command line nor moved from their default.
func (p PhraseSettings) free() generator.PhraseFree {
	def := Default().Phrase
	return generator.PhraseFree{
		Words:     !p.Given.Words && p.Words == def.Words,
		Case:      !p.Given.Case && p.Case == def.Case,
		Separator: !p.Given.Separator && p.Separator == def.Separator && p.RandomSeparator == def.RandomSeparator,
		Number:    !p.Given.Number && p.Number == def.Number,
	}
}

// ruledPhrases keeps the last passphrase generators built under rules:
// the form asks for its note and its secret on every keystroke, and
// counting the passphrases a site's rules accept takes milliseconds.
var ruledPhrases struct {
	sync.Mutex
	last []ruledEntry
}

type ruledEntry struct {
	key  PhraseSettings
	list *generator.Wordlist
	ph   *generator.Phrase
	err  error
}

// phraseGenerator builds the passphrase generator of the settings, under
// their rules if any.
func (p PhraseSettings) phraseGenerator(pol generator.PhrasePolicy) (*generator.Phrase, []generator.Warning, error) {
	a, warns, err := p.AppliedRules()
	if err != nil {
		return nil, warns, err
	}
	if a == nil {
		ph, err := generator.NewPhrase(pol)
		return ph, warns, err
	}
	ruledPhrases.Lock()
	defer ruledPhrases.Unlock()
	for _, e := range ruledPhrases.last {
		if e.key == p && e.list == pol.List {
			return e.ph, warns, e.err
		}
	}
	ph, _, err := generator.NewPhraseForRules(pol, p.free(), a.WebsiteRules)
	ruledPhrases.last = append(ruledPhrases.last, ruledEntry{p, pol.List, ph, err})
	if len(ruledPhrases.last) > 4 {
		ruledPhrases.last = ruledPhrases.last[1:]
	}
	return ph, warns, err
}

// RulesApplied describes how the rules apply to the passphrase, or nil
// when there are none or no passphrase can follow them.
func (p PhraseSettings) RulesApplied() *generator.PhraseRulesAsApplied {
	pol, _, err := p.Policy()
	if err != nil {
		return nil
	}
	ph, _, err := p.phraseGenerator(pol)
	if err != nil {
		return nil
	}
	if d, ok := ph.RulesApplied(); ok {
		return &d
	}
	return nil
}

// phraseRulesNote is the form's note beside the passphrase's rules: what
// they ask and what they chose.
func phraseRulesNote(s *Settings) string {
	d := s.Phrase.RulesApplied()
	if d == nil {
		return ""
	}
	text := d.Describe()
	if d.Site != "" {
		// The form names the site in the field beside it.
		return d.Site + strings.TrimPrefix(text, d.Name())
	}
	return strings.TrimPrefix(text, d.Name()+": ")
}

// byPhraseRules overrides a passphrase setting the rules changed (one
// left to sesame: see free), as changed reports from the settings the
// passphrase follows; the note beside the rules says what they chose.
func byPhraseRules(changed func(generator.PhrasePolicy, *PhraseSettings) bool) func(*Settings) *Override {
	return func(s *Settings) *Override {
		if s.Phrase.Rules == "" {
			return nil
		}
		d := s.Phrase.RulesApplied()
		if d == nil || !changed(d.Policy, &s.Phrase) {
			return nil
		}
		return &Override{By: "rules", Why: d.Subject() + " chose " + strings.Join(d.Chosen, ", ")}
	}
}
