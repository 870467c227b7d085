package settings

import (
	"errors"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// enumerate calls f with every string of length n over chars.
func enumerate(chars string, n int, f func(string)) {
	idx := make([]int, n)
	buf := make([]byte, n)
	for {
		for i, x := range idx {
			buf[i] = chars[x]
		}
		f(string(buf))
		i := n - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(chars) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return
		}
	}
}

// printableExcept lists printable ASCII, in order, without the characters
// of drop: written out here rather than taken from the rules package.
func printableExcept(drop string) string {
	var b strings.Builder
	for c := byte(' '); c <= '~'; c++ {
		if !strings.ContainsRune(drop, rune(c)) {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Rules that allow the space apply without it unless the space is turned
// on, and the figure is the exact count of that set: of every string of
// the length over a superset of the allowed characters, those the rules
// accept and that hold no space number exactly what the engine counts;
// with the space on, those the rules accept, space or not.
func TestRulesSpaceCountedExactlyByBruteForce(t *testing.T) {
	all := printableExcept("")
	for _, c := range []struct {
		rules  string
		length int
		over   string // every character the rules allow, and maybe more
	}{
		{"required: [ !#]; allowed: [abc]; max-consecutive: 2", 5, " !#abcd"},
		{"required: special; allowed: digit; max-repeating: 1", 3, printableExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZbcdefghijklmnopqrstuvwxyz")},
		{"required: digit; allowed: ascii-printable; max-consecutive: 1", 2, all},
		{"required: upper; required: special; allowed: unicode", 2, all},
	} {
		judge, _, err := rules.Parse(c.rules)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(judge.Allowed, " ") {
			t.Fatalf("%q allows no space: the test needs it", c.rules)
		}
		var withSpace, noSpace int64
		enumerate(c.over, c.length, func(s string) {
			if judge.Check(s) == nil {
				withSpace++
				if !strings.Contains(s, " ") {
					noSpace++
				}
			}
		})
		for space, want := range map[bool]int64{false: noSpace, true: withSpace} {
			p := Default().Password
			p.Rules, p.Length, p.Space.Use = c.rules, c.length, space
			pol, _, err := p.Policy()
			if err != nil {
				t.Fatalf("%q, space %v: %v", c.rules, space, err)
			}
			e, err := generator.PasswordEntropy(pol)
			if err != nil || e.Count == nil || e.Bound != generator.Exact {
				t.Fatalf("%q, space %v: %+v, %v; want an exact count", c.rules, space, e, err)
			}
			if !e.Count.IsInt64() || e.Count.Int64() != want {
				t.Errorf("%q at length %d, space %v: the engine counts %v, enumeration %d", c.rules, c.length, space, e.Count, want)
			}
		}
		if noSpace == withSpace || noSpace == 0 {
			t.Errorf("%q: %d strings with the space, %d without: the case tests nothing", c.rules, withSpace, noSpace)
		}
	}
}

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

// The description is of the rules as they apply: the user's run limits
// where stricter, the characters the settings leave out, the space left
// out and how to let it in; and it says when the settings narrowed them.
func TestRulesDescribedAsApplied(t *testing.T) {
	for _, c := range []struct {
		site string
		set  func(*PasswordSettings)
		want []string
		not  []string
	}{
		{"usps.com", func(p *PasswordSettings) { p.MaxRepeating, p.MaxSequential = 1, 1 },
			[]string{"the rules of usps.com as the settings narrow them: 8–50 characters", "no character twice in a row", "no run of more than 1 like ab or 21"},
			[]string{"more than twice", "more than 2"}},
		{"usps.com", func(p *PasswordSettings) { p.MaxRepeating = 5 },
			[]string{"the rules of usps.com: ", "no character more than twice in a row"}, []string{"narrow"}},
		{"usps.com", func(p *PasswordSettings) { p.Symbols.Max = AtMost(0) },
			[]string{"as the settings narrow them", "; only letters and digits; "},
			[]string{"!"}},
		{"usps.com", func(p *PasswordSettings) { p.Exclude = "!#" },
			[]string{"as the settings narrow them", `only letters, digits and the characters "&'()+,-./?@`},
			[]string{"!"}},
		{"apple.com", func(*PasswordSettings) {},
			[]string{"the rules of apple.com: ", "any printable ASCII character other than space; --space lets the space in"},
			[]string{"narrow"}},
		{"apple.com", func(p *PasswordSettings) { p.Space.Use = true },
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
		got := a.Describe(p, "--space")
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

// A run limit that came from the rules is named as the rule in errors,
// never as a setting the user did not give; the user's own stricter limit
// is named as the setting.
func TestRulesLimitNamedAsTheRule(t *testing.T) {
	for _, c := range []struct {
		rules            string
		ownRep, ownSeq   int
		want, notWant    string
		wantRep, wantSeq string // the rules the policy names
	}{
		{"allowed: [ab]; max-consecutive: 1", 0, 0, "as max-consecutive: 1 of the rules asks", "raise", "max-consecutive: 1", "max-consecutive: 1"},
		{"allowed: [ab]; max-consecutive: 1", 0, 1, "as max-consecutive: 1 of the rules asks", "raise", "max-consecutive: 1", "max-consecutive: 1"},
		{"allowed: [ab]; max-sequential: 1", 1, 0, "as max-sequential: 1 of the rules asks", "raise", "", "max-sequential: 1"},
		{"allowed: [ab]; max-repeating: 1", 0, 1, "raise max-sequential", "of the rules", "max-repeating: 1", ""},
		{"allowed: [ab]; max-sequential: 3", 1, 1, "raise max-sequential", "of the rules", "", ""},
	} {
		p := Default().Password
		p.Rules, p.Length, p.MaxRepeating, p.MaxSequential = c.rules, 5, c.ownRep, c.ownSeq
		pol, _, err := p.Policy()
		if err != nil {
			t.Fatal(err)
		}
		if pol.RepeatingRule != c.wantRep || pol.SequentialRule != c.wantSeq {
			t.Errorf("%q with limits %d, %d: the policy names the rules %q, %q; want %q, %q",
				c.rules, c.ownRep, c.ownSeq, pol.RepeatingRule, pol.SequentialRule, c.wantRep, c.wantSeq)
		}
		_, err = generator.NewPassword(pol)
		var pe *generator.PolicyError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), c.notWant) {
			t.Errorf("%q with limits %d, %d: %v; want it to say %q and not %q", c.rules, c.ownRep, c.ownSeq, err, c.want, c.notWant)
		} else if byRule := strings.Contains(c.want, "of the rules"); byRule != (pe.Field == "rules") {
			t.Errorf("%q with limits %d, %d: the error is about %s", c.rules, c.ownRep, c.ownSeq, pe.Field)
		}
	}
}
