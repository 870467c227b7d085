package generator

import (
	"errors"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
)

// TestPatternSyntaxErrors checks that each malformed pattern is refused
// with one line that names the setting, says where and what would work.
func TestPatternSyntaxErrors(t *testing.T) {
	for _, c := range []struct{ pattern, want string }{
		{"", "the pattern is empty"},
		{"(cv", `character 1: unbalanced "("`},
		{"cv)", `character 3: ")" closes no "("`},
		{"c{3,1}", "minimum above its maximum: write {1,3}"},
		{"c{3,}", "no upper bound"},
		{"c{,3}", "write {0,3}"},
		{"c{x}", "is not a count"},
		{"c{3", `unbalanced "{"`},
		{"{3}c", "must follow something to repeat"},
		{"c{2}{3}", "group it first, as (c{2}){3}"},
		{"[]", `the set "[]" is empty`},
		{"[abc", `unbalanced "["`},
		{"[z-a]", "the range z-a runs backwards: write a-z"},
		{"[^a]", "sets cannot be negated"},
		{"a]", `"]" closes no "["`},
		{"a}", `"}" closes no "{"`},
		{`cv\`, `escapes nothing: write \\ for a backslash`},
		{"cvé", "not printable ASCII"},
		{"c\tv", "U+0009 is not printable ASCII"},
		{"x{5000}", "too large: use counts of at most 4096"},
		{"(x{100}){100}", "up to 10000 characters, more than the 4096"},
		{"()", "spells only the empty password"},
		{"(|)", "spells only the empty password"},
		{strings.Repeat("(", 70) + "c" + strings.Repeat(")", 70), "nest more than 64 deep"},
		{strings.Repeat("c", 1025), "use at most 1024"},
	} {
		_, err := NewPattern(PatternPolicy{Pattern: c.pattern})
		var pe *PolicyError
		if !errors.As(err, &pe) {
			t.Errorf("%q: error %v, want a *PolicyError", c.pattern, err)
			continue
		}
		if pe.Field != "pattern" || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: %v (field %s), want one line about the pattern with %q", c.pattern, err, pe.Field, c.want)
		}
	}
}

// TestPatternRefusalsNameTheRule checks that a policy that leaves no
// password names the setting or rule that cannot be met.
func TestPatternRefusalsNameTheRule(t *testing.T) {
	site := func(rs string) WebsiteRules {
		r, _, err := rules.Parse(rs)
		if err != nil {
			t.Fatal(err)
		}
		return WebsiteRules{Site: "example.com", Rules: r}
	}
	for _, c := range []struct {
		name  string
		pp    PatternPolicy
		rules string
		field Setting
		want  string
	}{
		{name: "a site that forbids the hyphen", pp: PatternPolicy{Pattern: "cvcv-dd"}, rules: "allowed: lower, digit",
			field: "rules", want: `example.com's rules do not allow '-', which the pattern needs at character 5`},
		{name: "a required digit", pp: PatternPolicy{Pattern: "cvcvcvcv"}, rules: "required: digit; allowed: lower, digit",
			field: "rules", want: "example.com's rules require a digit, which the pattern never spells"},
		{name: "too short for the site", pp: PatternPolicy{Pattern: "cvcv"}, rules: "minlength: 8",
			field: "rules", want: "the pattern spells exactly 4 characters, but example.com's rules ask for 8–4096 characters"},
		{name: "the site's run limit", pp: PatternPolicy{Pattern: "[a]{3}"}, rules: "max-consecutive: 2",
			field: "rules", want: "example.com's max-consecutive: 2 cannot be met"},
		{name: "a minimum", pp: PatternPolicy{Pattern: "cv", Policy: PasswordPolicy{Upper: ClassPolicy{Min: 1}}},
			field: "min-upper", want: "min-upper 1 cannot be met"},
		{name: "a maximum", pp: PatternPolicy{Pattern: "dd", Policy: PasswordPolicy{Digits: ClassPolicy{Max: 1, HasMax: true}}},
			field: "max-digits", want: "max-digits 1 cannot be met"},
		{name: "a maximum of 0", pp: PatternPolicy{Pattern: "cvd", Policy: PasswordPolicy{Digits: ClassPolicy{HasMax: true}}},
			field: "max-digits", want: "max-digits 0 leaves out every character of d, which the pattern needs at character 3"},
		{name: "an exclusion", pp: PatternPolicy{Pattern: "cv-d", Policy: PasswordPolicy{Exclude: "-"}},
			field: "exclude", want: "exclude leaves out '-'"},
		{name: "max-repeating", pp: PatternPolicy{Pattern: "[a]{2}", Policy: PasswordPolicy{MaxRepeating: 1}},
			field: "max-repeating", want: "max-repeating 1 cannot be met"},
		{name: "max-sequential", pp: PatternPolicy{Pattern: "ab\\c", Policy: PasswordPolicy{MaxSequential: 2}},
			field: "max-sequential", want: "max-sequential 2 cannot be met"},
		{name: "the blocklist", pp: PatternPolicy{Pattern: "(ab|ba)", Blocklist: []string{"A"}},
			field: "blocklist", want: "every string the pattern spells holds a blocked word"},
	} {
		pp := c.pp
		if c.rules != "" {
			var err error
			if pp, _, err = ApplyPatternRules(pp, site(c.rules)); err != nil {
				t.Fatalf("%s: applying the rules: %v", c.name, err)
			}
		}
		_, err := NewPattern(pp)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != c.field || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v (%T), want a *PolicyError for %s with %q", c.name, err, err, c.field, c.want)
		}
	}
}
