package generator

import (
	"errors"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
)

// parsedRules parses a rules string, which the test expects to be valid.
func parsedRules(t *testing.T, text string) WebsiteRules {
	t.Helper()
	r, _, err := rules.Parse(text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return WebsiteRules{Rules: r}
}

// bundledRules finds a bundled site's rules.
func bundledRules(t *testing.T, site string) WebsiteRules {
	t.Helper()
	m, ok := rules.Find(site)
	if !ok {
		t.Fatalf("no rules bundled for %s", site)
	}
	return WebsiteRules{Site: m.Site, Rules: m.Rules}
}

// The rules replace the characters and add requirements; the rest of the
// policy narrows them, and the stricter run limit wins. Every password
// meets the rules as rules.Check reads them, holds no excluded character
// and at most the policy's digits.
func TestApplyRulesNarrowedByPolicy(t *testing.T) {
	w := parsedRules(t, "minlength: 8; maxlength: 16; required: upper; required: digit; allowed: lower; max-consecutive: 3")
	own := DefaultPasswordPolicy()
	own.Length, own.MaxRepeating, own.Exclude = 12, 2, "xyz"
	own.Digits = own.Digits.AtMost(2)
	pol, _, err := ApplyRules(own, w)
	if err != nil {
		t.Fatal(err)
	}
	if pol.MaxRepeating != 2 || pol.MaxSequential != 3 || len(pol.Require) != 2 || !strings.Contains(pol.Alphabet, "a") || pol.SymbolSet != "" {
		t.Fatalf("policy %+v", pol)
	}
	g, err := NewPassword(pol)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRand(CryptoSource())
	for range 500 {
		pw, _ := g.Generate(r)
		digits := 0
		for _, c := range pw {
			if c >= '0' && c <= '9' {
				digits++
			}
		}
		if err := w.Rules.Check(pw); err != nil || strings.ContainsAny(pw, "xyz") || digits > 2 {
			t.Fatalf("%q: %v", pw, err)
		}
	}
}

// The rules' requirements are added to the policy's own, which stay.
func TestApplyRulesKeepsThePolicysRequirements(t *testing.T) {
	own := DefaultPasswordPolicy()
	own.Require = []string{"#"}
	pol, _, err := ApplyRules(own, parsedRules(t, "required: digit; allowed: [#]"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pol.Require) != 2 || pol.Require[0] != "#" || pol.Require[1] != "0123456789" {
		t.Errorf("requirements %q, want the policy's # then the rules' digits", pol.Require)
	}
	if len(own.Require) != 1 {
		t.Errorf("the caller's policy changed: %q", own.Require)
	}
}

// A requirement the narrowing settings empty is refused naming them:
// the one that empties it alone, or all that took a part.
func TestApplyRulesEmptiedByNarrowing(t *testing.T) {
	chase := bundledRules(t, "chase.com")
	for _, c := range []struct {
		set   func(*PasswordPolicy)
		field SettingName
		says  string
	}{
		{func(p *PasswordPolicy) { p.Digits = p.Digits.AtMost(0) }, "max-digits", "chase.com's rules require a digit, but max-digits 0 leaves none: drop max-digits 0"},
		{func(p *PasswordPolicy) { p.Exclude = "0123456789" }, "exclude", "but exclude leaves none"},
		{func(p *PasswordPolicy) { p.Exclude = "0123456789"; p.NoAmbiguous = true }, "exclude", "but exclude leaves none: drop exclude"},
		{func(p *PasswordPolicy) { p.Exclude = "3479"; p.NoAmbiguous = true }, "exclude", "but exclude and no-ambiguous leave none: drop one of them"},
		{func(p *PasswordPolicy) { p.Exclude = "3479"; p.NoAmbiguous = true; p.Digits = p.Digits.AtMost(0) }, "max-digits", "but max-digits 0 leaves none: drop max-digits 0"},
	} {
		own := DefaultPasswordPolicy()
		c.set(&own)
		pol, _, err := ApplyRules(own, chase)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != c.field || !strings.Contains(err.Error(), c.says) {
			t.Errorf("error %v, want one for %s saying %q", err, c.field, c.says)
		}
		if !pol.Equal(own) {
			t.Errorf("refused, yet the policy changed: %+v", pol)
		}
	}
	// Narrowing that leaves a character is fine.
	own := DefaultPasswordPolicy()
	own.Exclude = "012345678"
	if _, _, err := ApplyRules(own, chase); err != nil {
		t.Errorf("a digit is left: %v", err)
	}
}

// The length must lie in the rules' range, which Clamp moves a length
// into; rules asking for more than sesame makes are refused for the rules.
func TestApplyRulesLengthRange(t *testing.T) {
	chase := bundledRules(t, "chase.com")
	own := DefaultPasswordPolicy()
	for _, n := range []int{7, 33, 40} {
		own.Length = n
		_, _, err := ApplyRules(own, chase)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "length" || !strings.Contains(err.Error(), "outside the 8–32 characters the rules of chase.com allow: choose 8 to 32") {
			t.Errorf("length %d: %v", n, err)
		}
	}
	for n, want := range map[int]int{3: 8, 8: 8, 20: 20, 32: 32, 40: 32} {
		if got := chase.Clamp(n); got != want {
			t.Errorf("Clamp(%d) = %d, want %d", n, got, want)
		}
		own.Length = want
		if _, _, err := ApplyRules(own, chase); err != nil {
			t.Errorf("length %d: %v", want, err)
		}
	}
	if lo, hi := parsedRules(t, "maxlength: 12").LengthRange(); lo != 1 || hi != 12 {
		t.Errorf("maxlength 12: range %d–%d, want 1–12", lo, hi)
	}
	if lo, hi := parsedRules(t, "minlength: 12").LengthRange(); lo != 12 || hi != MaxLength {
		t.Errorf("minlength 12: range %d–%d, want 12–%d", lo, hi, MaxLength)
	}
	own.Length = 20
	_, _, err := ApplyRules(own, parsedRules(t, "minlength: 5000"))
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Field != "rules" || !strings.Contains(err.Error(), "the rules ask for at least 5000 characters, more than the 4096 sesame makes") {
		t.Errorf("minlength 5000: %v", err)
	}
}

// Rules that allow the space apply without it unless the space class is
// on, and the figure is the exact count of that set: of every string of
// the length over a superset of the allowed characters, those the rules
// accept and that hold no space number exactly what the engine counts;
// with the space on, those the rules accept, space or not.
func TestApplyRulesSpaceCountedExactlyByBruteForce(t *testing.T) {
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
		w := parsedRules(t, c.rules)
		if !strings.Contains(w.Rules.Allowed, " ") {
			t.Fatalf("%q allows no space: the test needs it", c.rules)
		}
		var withSpace, noSpace int64
		enumerateStrings(c.over, c.length, func(s string) {
			if w.Rules.Check(s) == nil {
				withSpace++
				if !strings.Contains(s, " ") {
					noSpace++
				}
			}
		})
		for space, want := range map[bool]int64{false: noSpace, true: withSpace} {
			own := DefaultPasswordPolicy()
			own.Length, own.Space.Use = c.length, space
			pol, _, err := ApplyRules(own, w)
			if err != nil {
				t.Fatalf("%q, space %v: %v", c.rules, space, err)
			}
			e, err := PasswordEntropy(pol)
			if err != nil || e.Count == nil || e.Bound != Exact {
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

// A requirement only the space meets asks for the space; a minimum of
// spaces with the space off is refused as without rules.
func TestApplyRulesSpaceRefusals(t *testing.T) {
	own := DefaultPasswordPolicy()
	spaceOnly := parsedRules(t, "required: [ ]; allowed: digit")
	_, _, err := ApplyRules(own, spaceOnly)
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Field != "space" || !strings.Contains(err.Error(), "the rules require a space, which sesame leaves out unless asked: turn on space") {
		t.Errorf("a space required, the space off: %v", err)
	}
	own.Space.Use = true
	if _, _, err := ApplyRules(own, spaceOnly); err != nil {
		t.Errorf("a space required, the space on: %v", err)
	}

	// A space or a digit, the digits excluded: both ways out are named.
	own = DefaultPasswordPolicy()
	own.Exclude = "0123456789"
	_, _, err = ApplyRules(own, parsedRules(t, "required: [ 0123456789]; allowed: lower"))
	if !errors.As(err, &pe) || pe.Field != "exclude" || !strings.Contains(err.Error(), "but exclude leaves none: drop exclude, or turn on space") {
		t.Errorf("a space or a digit required, digits excluded, the space off: %v", err)
	}

	apple := bundledRules(t, "apple.com")
	own = DefaultPasswordPolicy()
	own.Space.Min = 1
	if _, _, err := ApplyRules(own, apple); !errors.As(err, &pe) || pe.Field != "min-space" || !strings.Contains(err.Error(), "turn on space or set min-space to 0") {
		t.Errorf("min-space 1, the space off: %v", err)
	}
	own.Space.Use = true
	pol, _, err := ApplyRules(own, apple)
	if err != nil || !strings.Contains(pol.Alphabet, " ") {
		t.Errorf("min-space 1, the space on: alphabet %q, %v", pol.Alphabet, err)
	}
	own.Space.Use, own.Space.Min = false, 0
	if pol, _, err := ApplyRules(own, apple); err != nil || strings.Contains(pol.Alphabet, " ") {
		t.Errorf("the space off: alphabet %q, %v", pol.Alphabet, err)
	}
}

// The description is of the rules as they apply: the policy's run limits
// where stricter, the characters it leaves out, the space left out and
// how to let it in; and it says when the policy narrowed them.
func TestRulesDescribedAsApplied(t *testing.T) {
	for _, c := range []struct {
		site string
		set  func(*PasswordPolicy)
		want []string
		not  []string
	}{
		{"usps.com", func(p *PasswordPolicy) { p.MaxRepeating, p.MaxSequential = 1, 1 },
			[]string{"the rules of usps.com as the settings narrow them: 8–50 characters", "no character twice in a row", "no run of more than 1 like ab or 21"},
			[]string{"more than twice", "more than 2"}},
		{"usps.com", func(p *PasswordPolicy) { p.MaxRepeating = 5 },
			[]string{"the rules of usps.com: ", "no character more than twice in a row"}, []string{"narrow"}},
		{"usps.com", func(p *PasswordPolicy) { p.Symbols = p.Symbols.AtMost(0) },
			[]string{"as the settings narrow them", "; only letters and digits; "},
			[]string{"!"}},
		{"usps.com", func(p *PasswordPolicy) { p.Exclude = "!#" },
			[]string{"as the settings narrow them", `only letters, digits and the characters "&'()+,-./?@`},
			[]string{"!"}},
		{"apple.com", func(*PasswordPolicy) {},
			[]string{"the rules of apple.com: ", "any printable ASCII character other than space; --space lets the space in"},
			[]string{"narrow"}},
		{"apple.com", func(p *PasswordPolicy) { p.Space.Use = true },
			[]string{"the rules of apple.com: ", "at least one digit; any printable ASCII character"},
			[]string{"space"}},
	} {
		own := DefaultPasswordPolicy()
		c.set(&own)
		_, d, err := ApplyRules(own, bundledRules(t, c.site))
		if err != nil {
			t.Fatalf("%s: %v", c.site, err)
		}
		got := d.Describe("--space")
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

// The description is there even when the rules cannot apply, for a form
// to show beside the error, and it shows what emptied the requirement.
func TestRulesDescribedWhenRefused(t *testing.T) {
	own := DefaultPasswordPolicy()
	own.Digits = own.Digits.AtMost(0)
	_, d, err := ApplyRules(own, bundledRules(t, "chase.com"))
	if err == nil {
		t.Fatal("chase.com with no digits applied")
	}
	got := d.Describe("--space")
	if !strings.HasPrefix(got, "the rules of chase.com as the settings narrow them: 8–32 characters") ||
		!strings.Contains(got, "a requirement no character is left to meet") || !d.Narrowed {
		t.Errorf("described as %q (narrowed %v)", got, d.Narrowed)
	}
}

// A run limit that came from the rules is named as the rule in errors,
// never as a setting the user did not give; the user's own stricter limit
// is named as the setting.
func TestApplyRulesLimitNamedAsTheRule(t *testing.T) {
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
		own := DefaultPasswordPolicy()
		own.Length, own.MaxRepeating, own.MaxSequential = 5, c.ownRep, c.ownSeq
		pol, _, err := ApplyRules(own, parsedRules(t, c.rules))
		if err != nil {
			t.Fatal(err)
		}
		if pol.RepeatingRule != c.wantRep || pol.SequentialRule != c.wantSeq {
			t.Errorf("%q with limits %d, %d: the policy names the rules %q, %q; want %q, %q",
				c.rules, c.ownRep, c.ownSeq, pol.RepeatingRule, pol.SequentialRule, c.wantRep, c.wantSeq)
		}
		_, err = NewPassword(pol)
		var pe *PolicyError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), c.notWant) {
			t.Errorf("%q with limits %d, %d: %v; want it to say %q and not %q", c.rules, c.ownRep, c.ownSeq, err, c.want, c.notWant)
		} else if byRule := strings.Contains(c.want, "of the rules"); byRule != (pe.Field == "rules") {
			t.Errorf("%q with limits %d, %d: the error is about %s", c.rules, c.ownRep, c.ownSeq, pe.Field)
		}
	}
}

// enumerateStrings calls f with every string of length n over chars.
func enumerateStrings(chars string, n int, f func(string)) {
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
