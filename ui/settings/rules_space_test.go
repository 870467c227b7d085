package settings

import (
	"errors"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// apple.com's rules allow any printable ASCII character: its passwords
// hold no space unless the space is turned on, and then some do (at 20
// characters, about one in five).
func TestSiteSpaceOnlyWhenAsked(t *testing.T) {
	r := generator.NewRand(generator.CryptoSource())
	_, judge, _ := rules.Lookup("apple.com")
	for _, space := range []bool{false, true} {
		s := Default()
		s.Password.Rules = "apple.com"
		s.Password.Space.Use = space
		g, _, err := s.Generator(Password)
		if err != nil {
			t.Fatal(err)
		}
		with := 0
		for range 2000 {
			pw, err := g.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := judge.Check(pw); err != nil {
				t.Fatalf("a password breaks apple.com's rules: %v", err)
			}
			if strings.Contains(pw, " ") {
				with++
			}
		}
		switch {
		case !space && with > 0:
			t.Errorf("%d of 2000 apple.com passwords hold a space without it turned on", with)
		case space && with < 200:
			// Expected about 380 (1 − (93/94)^20 ≈ 0.19 of them, less
			// the effect of the requirements); fewer than 200 has
			// probability far below 1e-20.
			t.Errorf("only %d of 2000 apple.com passwords hold a space with it turned on", with)
		}
	}
}

// Describe describes the rules as they apply with the settings (the
// library's cases are in generator/website_rules_test.go): the settings
// that narrow them reach the description, and the space is let in the
// way the reader's surface names.
func TestRulesDescribedAsApplied(t *testing.T) {
	for _, c := range []struct {
		site, space string
		set         func(*PasswordSettings)
		want        []string
		not         []string
	}{
		{"usps.com", "--space", func(p *PasswordSettings) { p.MaxRepeating, p.MaxSequential = 1, 1 },
			[]string{"the rules of usps.com as the settings narrow them: 8–50 characters", "no character twice in a row", "no run of more than 1 like ab or 21"},
			[]string{"more than twice", "more than 2"}},
		{"usps.com", "--space", func(p *PasswordSettings) { p.Symbols.Max = AtMost(0) },
			[]string{"as the settings narrow them", "; only letters and digits; "},
			[]string{"!"}},
		{"usps.com", "--space", func(p *PasswordSettings) { p.Exclude = "!#"; p.NoAmbiguous = true },
			[]string{"as the settings narrow them", "at least one character from 3479; only the characters &()+-/3479?@ACEF"},
			[]string{"!", "'", "0O"}},
		{"apple.com", "the space switch", func(*PasswordSettings) {},
			[]string{"the rules of apple.com: ", "any printable ASCII character other than space; the space switch lets the space in"},
			[]string{"narrow", "--space"}},
		{"apple.com", "--space", func(p *PasswordSettings) { p.Space.Use = true },
			[]string{"the rules of apple.com: ", "at least one digit; any printable ASCII character"},
			[]string{"space"}},
	} {
		p := Default().Password
		p.Rules = c.site
		c.set(&p)
		a, _, err := p.AppliedRules()
		if err != nil || a == nil {
			t.Fatalf("%s: %v", c.site, err)
		}
		if _, _, err := p.Policy(); err != nil {
			t.Fatalf("%s: %v", c.site, err)
		}
		got := a.Describe(p, c.space)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.site, got, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q says %q", c.site, got, w)
			}
		}
	}
}

// A requirement only the space meets asks for the space; a minimum of
// spaces with the space off is refused as without rules; the space switch
// is in effect beside rules that allow the space, and has none beside
// rules that do not.
func TestRulesSpaceSettings(t *testing.T) {
	p := Default().Password
	p.Rules = "required: [ ]; allowed: digit"
	_, _, err := p.Policy()
	var pe *generator.PolicyError
	if !errors.As(err, &pe) || pe.Field != "space" || !strings.Contains(err.Error(), "the rules require a space, which sesame leaves out unless asked: turn on space") {
		t.Errorf("a space required, the space off: %v", err)
	}
	p.Space.Use = true
	if _, _, err := p.Policy(); err != nil {
		t.Errorf("a space required, the space on: %v", err)
	}

	p = Default().Password
	p.Rules = "apple.com"
	p.Space.Min = 1
	if _, _, err := p.Policy(); !errors.As(err, &pe) || pe.Field != "min-space" || !strings.Contains(err.Error(), "turn on space or set min-space to 0") {
		t.Errorf("min-space 1, the space off: %v", err)
	}
	p.Space.Use = true
	if _, _, err := p.Policy(); err != nil {
		t.Errorf("min-space 1, the space on: %v", err)
	}

	sw := Lookup(Password, "space")
	for site, overridden := range map[string]bool{"apple.com": false, "usps.com": true} {
		s := Default()
		s.Password.Rules = site
		if o := sw.Overridden(&s); (o != nil) != overridden {
			t.Errorf("%s: the space switch overridden: %+v, want %v", site, o, overridden)
		}
	}
}
