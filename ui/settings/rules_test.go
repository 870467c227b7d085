package settings

import (
	"errors"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// Every bundled site: its rules build at the shortest length they allow
// (or the fewest characters that meet every requirement), at the default
// length fitted into the range, and at the longest (up to 128), and every
// password drawn meets the rules as rules.Check reads them, a checker
// written from the language's definition that shares no code with the
// generator. Narrowed by --no-ambiguous, passwords still meet the rules
// and hold no look-alike, or the settings are refused with a reason.
func TestEverySiteGetsPasswordsItAccepts(t *testing.T) {
	sites := rules.Sites()
	if len(sites) < 400 {
		t.Fatalf("only %d bundled sites", len(sites))
	}
	perLength := 60
	if testing.Short() {
		perLength = 10
	}
	r := generator.NewRand(generator.CryptoSource())
	for _, site := range sites {
		_, judge, _ := rules.Lookup(site)
		s := Default()
		s.Password.Rules = site
		a, warns, err := s.Password.AppliedRules()
		if err != nil || a == nil || a.Site != site {
			t.Fatalf("%s: applied %+v, %v", site, a, err)
		}
		if len(warns) > 0 && !judge.Unicode {
			t.Errorf("%s: warnings %v", site, warns)
		}
		lo, hi := a.LengthRange()
		lo = max(lo, len(judge.Required))
		s.Password.FitLength()
		for _, n := range []int{lo, s.Password.Length, min(hi, 128)} {
			s.Password.Length = n
			g, _, err := s.Generator(Password)
			if err != nil {
				t.Errorf("%s at length %d: %v", site, n, err)
				continue
			}
			for range perLength {
				pw, err := g.Generate(r)
				if err != nil {
					t.Fatal(err)
				}
				if err := judge.Check(pw); err != nil {
					t.Fatalf("%s at length %d: a password breaks the rules: %v", site, n, err)
				}
			}
		}
		s.Password.NoAmbiguous = true
		s.Password.FitLength()
		g, _, err := s.Generator(Password)
		var pe *generator.PolicyError
		switch {
		case errors.As(err, &pe):
			if !strings.Contains(pe.Error(), "no-ambiguous") && pe.Field != "rules" {
				t.Errorf("%s with no-ambiguous refused without naming it: %v", site, err)
			}
		case err != nil:
			t.Errorf("%s with no-ambiguous: %v", site, err)
		default:
			for range perLength {
				pw, _ := g.Generate(r)
				if err := judge.Check(pw); err != nil || strings.ContainsAny(pw, generator.Ambiguous) {
					t.Fatalf("%s with no-ambiguous: check %v, look-alike in the password: %v", site, err, strings.ContainsAny(pw, generator.Ambiguous))
				}
			}
		}
	}
}

// The rules setting holds a site, a URL of one of its subdomains, or a
// rules string, and each resolves as it should; an unknown site applies
// nothing and says so; a malformed string is an error for the setting.
func TestAppliedRules(t *testing.T) {
	for _, c := range []struct {
		value, site string
		warn        string
		err         string
		summary     string
	}{
		{value: "chase.com", site: "chase.com", summary: "8–32 characters"},
		{value: "https://secure.login.chase.com/x?y#z", site: "chase.com", summary: "8–32 characters"},
		{value: "  CHASE.COM  ", site: "chase.com", summary: "8–32 characters"},
		{value: "minlength: 8; maxlength: 12; required: digit", summary: "8–12 characters; at least one digit"},
		{value: "chse.com", warn: "no rules are bundled for chse.com (did you mean chase.com?)"},
		{value: "example.org", warn: "no rules are bundled for example.org, so the usual settings apply"},
		{value: "required: uper", err: `rules: at character 11 ("required: uper"): expected a class name`},
		{value: "minlength: 30; maxlength: 8", err: "rules: minlength 30 is above maxlength 8"},
		// A site with a bad port is neither a site nor rules: the port is
		// what is wrong, not the rules' syntax.
		{value: "chase.com:99999", err: `rules: "chase.com:99999" is a site with a bad port (the port 99999 is out of range`},
	} {
		p := Default().Password
		p.Rules = c.value
		a, warns, err := p.AppliedRules()
		switch {
		case c.err != "":
			var pe *generator.PolicyError
			if !errors.As(err, &pe) || pe.Field != "rules" || !strings.HasPrefix(err.Error(), c.err) {
				t.Errorf("%q: error %v, want one for rules starting %q", c.value, err, c.err)
			}
		case c.warn != "":
			if a != nil || err != nil || len(warns) != 1 || !strings.Contains(warns[0].String(), c.warn) {
				t.Errorf("%q: %+v, %v, %v; want no rules and the warning %q", c.value, a, warns, err, c.warn)
			}
		default:
			if err != nil || a == nil || a.Site != c.site || !strings.HasPrefix(a.Rules.Summary(), c.summary) {
				t.Errorf("%q: %+v, %v; want site %q with %q", c.value, a, err, c.site, c.summary)
			}
		}
	}
}

// The rules replace the characters and add requirements; the other
// settings narrow them, and the stricter run limit wins.
func TestRulesNarrowedBySettings(t *testing.T) {
	p := Default().Password
	p.Rules = "minlength: 8; maxlength: 16; required: upper; required: digit; allowed: lower; max-consecutive: 3"
	p.Length = 12
	p.MaxRepeating = 2
	p.Exclude = "xyz"
	p.Digits.Max = AtMost(2)
	pol, _, err := p.Policy()
	if err != nil {
		t.Fatal(err)
	}
	if pol.MaxRepeating != 2 || pol.MaxSequential != 3 || len(pol.Require) != 2 || !strings.Contains(pol.Alphabet, "a") || pol.SymbolSet != "" {
		t.Fatalf("policy %+v", pol)
	}
	g, err := generator.NewPassword(pol)
	if err != nil {
		t.Fatal(err)
	}
	judge, _, _ := rules.Parse(p.Rules)
	r := generator.NewRand(generator.CryptoSource())
	for range 500 {
		pw, _ := g.Generate(r)
		if err := judge.Check(pw); err != nil || strings.ContainsAny(pw, "xyz") || strings.Count(pw, "0")+strings.Count(pw, "1")+len(strings.Map(func(r rune) rune {
			if r >= '2' && r <= '9' {
				return r
			}
			return -1
		}, pw)) > 2 {
			t.Fatalf("%q: %v", pw, err)
		}
	}
}

// A requirement the narrowing settings empty is refused naming them.
func TestRulesEmptiedByNarrowing(t *testing.T) {
	for _, c := range []struct {
		set   func(*PasswordSettings)
		field generator.SettingName
		says  string
	}{
		{func(p *PasswordSettings) { p.Digits.Max = AtMost(0) }, "max-digits", "chase.com's rules require a digit, but max-digits 0 leaves none: drop max-digits 0"},
		{func(p *PasswordSettings) { p.Exclude = "0123456789" }, "exclude", "but exclude leaves none"},
		{func(p *PasswordSettings) { p.Exclude = "0123456789"; p.NoAmbiguous = true }, "exclude", "but exclude leaves none: drop exclude"},
		{func(p *PasswordSettings) { p.Exclude = "3479"; p.NoAmbiguous = true }, "exclude", "but exclude and no-ambiguous leave none: drop one of them"},
	} {
		p := Default().Password
		p.Rules = "chase.com"
		c.set(&p)
		_, _, err := p.Policy()
		var pe *generator.PolicyError
		if !errors.As(err, &pe) || pe.Field != c.field || !strings.Contains(err.Error(), c.says) {
			t.Errorf("error %v, want one for %s saying %q", err, c.field, c.says)
		}
	}
	// Narrowing that leaves a character is fine.
	p := Default().Password
	p.Rules = "chase.com"
	p.Exclude = "012345678"
	if _, _, err := p.Policy(); err != nil {
		t.Errorf("a digit is left: %v", err)
	}
}

// The length must lie in the rules' range; FitLength moves it there.
func TestRulesLengthRange(t *testing.T) {
	p := Default().Password
	p.Rules = "chase.com"
	p.Length = 40
	_, _, err := p.Policy()
	var pe *generator.PolicyError
	if !errors.As(err, &pe) || pe.Field != "length" || !strings.Contains(err.Error(), "outside the 8–32 characters the rules of chase.com allow: choose 8 to 32") {
		t.Fatalf("length 40: %v", err)
	}
	p.FitLength()
	if p.Length != 32 {
		t.Fatalf("fitted to %d, want 32", p.Length)
	}
	p.Length = 3
	p.FitLength()
	if p.Length != 8 {
		t.Fatalf("fitted to %d, want 8", p.Length)
	}
	p.Rules = ""
	p.Length = 3
	p.FitLength()
	if p.Length != 3 {
		t.Fatalf("without rules, fitted to %d", p.Length)
	}
}
