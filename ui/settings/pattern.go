package settings

import (
	"github.com/sesame-sh/sesame/generator"
)

// Pattern passwords (README, "Patterns"): the pattern says which
// characters go where and how long the password is; the class limits,
// exclusions, run limits and website rules narrow what it spells, and the
// pattern engine counts and draws the result exactly.

// PatternPolicy returns the generator's pattern policy, with the website
// rules applied, and the warnings about the rules.
func (p PasswordSettings) PatternPolicy() (generator.PatternPolicy, []generator.Warning, error) {
	pp := generator.PatternPolicy{Pattern: p.Pattern, Policy: p.ownPolicy()}
	applied, warns, err := p.AppliedRules()
	if err != nil || applied == nil {
		return pp, warns, err
	}
	pp, _, err = generator.ApplyPatternRules(pp, applied.WebsiteRules)
	return pp, warns, err
}

// patternNote says, under the pattern, what it spells.
func patternNote(s *Settings) string {
	if s.Password.Pattern == "" {
		return ""
	}
	return "sets the characters and length; the limits below narrow it"
}
