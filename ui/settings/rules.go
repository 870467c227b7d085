package settings

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// A website's password rules, applied to the password settings. The rules
// setting holds either a site (a domain or a URL, whose bundled rules
// apply) or a rules string; rules.Host tells them apart, since a rules
// string never reads as a domain.
//
// The rules take the place of a custom alphabet: they say which characters
// a password may use (so the class switches, the symbol set and the
// alphabet have no effect) and which it must hold. Every other password
// setting narrows them further: exclusions, look-alikes, a class's
// minimum and maximum (a maximum of 0 leaves the class out), and the
// stricter of each run limit. The length must lie in the rules' range.

// AppliedRules are the rules that apply to the password settings.
type AppliedRules struct {
	Site  string // the bundled site whose rules these are; "" for a rules string
	Rules *rules.Rules
}

// Name names the rules in a sentence: "the rules of chase.com" or "the
// rules".
func (a *AppliedRules) Name() string {
	if a.Site != "" {
		return "the rules of " + a.Site
	}
	return "the rules"
}

// Subject names the rules as a sentence's subject: "chase.com's rules"
// or "the rules".
func (a *AppliedRules) Subject() string {
	if a.Site != "" {
		return a.Site + "'s rules"
	}
	return "the rules"
}

// LengthRange is the lengths the rules allow, within sesame's own limits.
func (a *AppliedRules) LengthRange() (lo, hi int) {
	lo, hi = max(a.Rules.MinLength, 1), generator.MaxLength
	if a.Rules.MaxLength > 0 {
		hi = min(a.Rules.MaxLength, hi)
	}
	return lo, hi
}

// Clamp returns n moved into the rules' length range.
func (a *AppliedRules) Clamp(n int) int {
	lo, hi := a.LengthRange()
	return min(max(n, lo), hi)
}

// FitLength moves the length into the range of the rules that apply, if
// any: what a length nobody chose should do when rules are chosen.
func (p *PasswordSettings) FitLength() {
	if a, _, err := p.AppliedRules(); err == nil && a != nil {
		p.Length = a.Clamp(p.Length)
	}
}

// rulesSetting is how errors and warnings about the rules name the setting.
const rulesSetting = generator.Setting("rules")

// AppliedRules resolves the rules setting. It returns nil when the setting
// is empty, and nil with a warning when it names a site whose rules are
// not bundled: the defaults apply, as they would with no rules. A rules
// string that does not follow the language is a *generator.PolicyError
// saying where it went wrong.
func (p PasswordSettings) AppliedRules() (*AppliedRules, []generator.Warning, error) {
	text := strings.TrimSpace(p.Rules)
	if text == "" {
		return nil, nil, nil
	}
	if host, ok := rules.Host(text); ok {
		m, found := rules.Find(host)
		if !found {
			w := generator.Warningf(rulesSetting, "no rules are bundled for %s, so the usual settings apply", host)
			if near := rules.Near(host); near != "" {
				w = generator.Warningf(rulesSetting, "no rules are bundled for %s (did you mean %s?), so the usual settings apply", host, near)
			}
			return nil, []generator.Warning{w}, nil
		}
		var warns []generator.Warning
		if note := m.Note(); note != "" {
			// A guess at what the user meant: say which rules apply.
			warns = append(warns, generator.Warningf(rulesSetting, "%s", note))
		}
		return &AppliedRules{Site: m.Site, Rules: m.Rules}, append(warns, unicodeWarning(m.Rules)...), nil
	}
	r, notes, err := rules.Parse(text)
	if err != nil {
		// The rules string is the user's own text, never a secret, so
		// the message may quote it.
		pe := generator.PolicyErrorf(rulesSetting, "%v: %s", rulesSetting, err.Error())
		pe.Err = err
		return nil, nil, pe
	}
	var warns []generator.Warning
	for _, n := range notes {
		warns = append(warns, generator.Warningf(rulesSetting, "%v: %s", rulesSetting, n))
	}
	return &AppliedRules{Rules: r}, append(warns, unicodeWarning(r)...), nil
}

func unicodeWarning(r *rules.Rules) []generator.Warning {
	if !r.Unicode {
		return nil
	}
	return []generator.Warning{generator.Warningf(rulesSetting,
		"the rules allow any Unicode character; sesame draws from printable ASCII only")}
}

// apply makes the policy follow the rules: their characters, requirements
// and run limits, and their length range. A requirement that the other
// settings leave no character for is an error naming those settings.
func (a *AppliedRules) apply(pol *generator.PasswordPolicy, p PasswordSettings) error {
	if err := a.checkNarrowing(p); err != nil {
		return err
	}
	r := a.Rules
	if a.spaceLeftOut(p) {
		if p.Space.Min > 0 {
			// As without rules: a minimum of a class that is off.
			return generator.PolicyErrorf("min-space", "%v is %d but spaces are turned off: turn on %v or set %v to 0",
				generator.Setting("min-space"), p.Space.Min, generator.Setting("space"), generator.Setting("min-space"))
		}
		r = r.Without(" ")
	}
	pol.Alphabet, pol.SymbolSet = r.Allowed, ""
	pol.Require = r.Required
	pol.MaxRepeating = stricter(pol.MaxRepeating, r.MaxRepeating)
	pol.MaxSequential = stricter(pol.MaxSequential, r.MaxSequential)
	pol.RepeatingRule = a.limitRule(p.MaxRepeating, r.MaxRepeating, "max-repeating")
	pol.SequentialRule = a.limitRule(p.MaxSequential, r.MaxSequential, "max-sequential")
	if lo, hi := a.LengthRange(); lo > hi {
		return generator.PolicyErrorf(rulesSetting, "%s ask for at least %d characters, more than the %d sesame makes",
			a.Subject(), lo, generator.MaxLength)
	} else if pol.Length < lo || pol.Length > hi {
		return generator.PolicyErrorf("length", "%v %d is outside the %s %s allow: choose %d to %d",
			generator.Setting("length"), pol.Length, rangeText(lo, hi), a.Name(), lo, hi)
	}
	return nil
}

// spaceLeftOut reports whether the rules allow the space and the settings
// leave it out. A space at either end of a password is lost when it is
// selected in a terminal and trimmed by many sites, and one inside is
// easily mistyped, so sesame lets the rules' space in only when the space
// class is turned on (README, "Website rules").
func (a *AppliedRules) spaceLeftOut(p PasswordSettings) bool {
	return strings.Contains(a.Rules.Allowed, " ") && !p.Space.Use
}

// limitRule writes, for messages, the rule that set a run limit when that
// limit is the one in force (the settings' own is no stricter): the
// limit is then the site's, and raising the setting would change
// nothing. Equal limits are written as max-consecutive, as the canonical
// rules string writes them.
func (a *AppliedRules) limitRule(own, ruled int, name string) string {
	if ruled == 0 || own != 0 && own < ruled {
		return ""
	}
	if a.Rules.MaxRepeating == a.Rules.MaxSequential {
		name = "max-consecutive"
	}
	return fmt.Sprintf("%s: %d", name, ruled)
}

// Applied returns the rules as they apply with the settings p: without
// the characters the settings leave out (exclusions, look-alikes, a class
// maximum of 0, the space unless asked for) and with the stricter of each
// run limit. It describes what the password follows; the length range
// stays the rules' own.
func (a *AppliedRules) Applied(p PasswordSettings) *rules.Rules {
	leftOut := func(r rune) bool {
		return strings.ContainsRune(p.Exclude, r) ||
			p.NoAmbiguous && strings.ContainsRune(generator.Ambiguous, r) ||
			p.Class(generator.ClassOf(r)).Max == AtMost(0) ||
			r == ' ' && a.spaceLeftOut(p)
	}
	drop := strings.Map(func(r rune) rune {
		if leftOut(r) {
			return r
		}
		return -1
	}, a.Rules.Allowed)
	r := a.Rules.Without(drop)
	r.MaxRepeating = stricter(p.MaxRepeating, r.MaxRepeating)
	r.MaxSequential = stricter(p.MaxSequential, r.MaxSequential)
	return r
}

// Narrowed reports whether settings other than the space (left out by
// default) make the rules apply differently from how they read.
func (a *AppliedRules) Narrowed(p PasswordSettings) bool {
	q := p
	q.Space.Use = true
	got := a.Applied(q)
	return got.Allowed != a.Rules.Allowed || got.MaxRepeating != a.Rules.MaxRepeating || got.MaxSequential != a.Rules.MaxSequential
}

// Describe says in a sentence which rules apply and what they ask with
// the settings p: "the rules of chase.com: 8–32 characters; …", noting
// when the settings narrowed them and, when the space is left out, how
// to let it in; space names the way to do that on the reader's surface
// (the --space flag, the form's switch).
func (a *AppliedRules) Describe(p PasswordSettings, space string) string {
	out := a.Name()
	if a.Narrowed(p) {
		out += " as the settings narrow them"
	}
	out += ": " + a.Applied(p).Summary()
	if a.spaceLeftOut(p) {
		out += "; " + space + " lets the space in"
	}
	return out
}

// checkNarrowing finds a requirement of the rules that the settings which
// narrow them (exclusions, look-alikes, a class maximum of 0) leave no
// character for, and names those settings: the library alone could only
// say that a required set is empty, not which setting emptied it. A
// requirement only the space meets, left out unless asked for, is
// refused saying how to let it in.
func (a *AppliedRules) checkNarrowing(p PasswordSettings) error {
	type narrowing struct {
		name   string
		arg    string // written after the name: " 0"
		drops  func(rune) bool
		active bool
	}
	ns := []narrowing{
		{name: "exclude", drops: func(r rune) bool { return strings.ContainsRune(p.Exclude, r) }, active: p.Exclude != ""},
		{name: noAmbiguousName, drops: func(r rune) bool { return strings.ContainsRune(generator.Ambiguous, r) }, active: p.NoAmbiguous},
	}
	for _, c := range generator.Classes() {
		ns = append(ns, narrowing{name: "max-" + c.String(), arg: " 0",
			drops:  func(r rune) bool { return generator.ClassOf(r) == c },
			active: p.Class(c).Max == AtMost(0)})
	}
	for _, req := range a.Rules.Required {
		used := make([]bool, len(ns)) // which narrowings drop some of req
		left := false
		for _, r := range req {
			dropped := r == ' ' && a.spaceLeftOut(p)
			for i, n := range ns {
				if n.active && n.drops(r) {
					dropped, used[i] = true, true
				}
			}
			left = left || !dropped
		}
		if left {
			continue
		}
		if !slices.Contains(used, true) { // the space alone meets it
			return generator.PolicyErrorf("space", "%s require a space, which sesame leaves out unless asked: turn on %v",
				a.Subject(), generator.Setting("space"))
		}
		// Name a setting that empties the set alone, if one does;
		// otherwise every one that took a part.
		var culprits []narrowing
		for i, n := range ns {
			if used[i] && !strings.ContainsFunc(req, func(r rune) bool { return !n.drops(r) }) {
				culprits = []narrowing{n}
				break
			}
		}
		if culprits == nil {
			for i, n := range ns {
				if used[i] {
					culprits = append(culprits, n)
				}
			}
		}
		var (
			parts []string
			args  = []any{}
		)
		for _, c := range culprits {
			parts = append(parts, "%v"+c.arg)
			args = append(args, generator.Setting(c.name))
		}
		verb, fix := "leaves", "drop "+parts[0]
		if len(culprits) > 1 {
			verb, fix = "leave", "drop one of them"
		}
		format := "%s require %s, but " + AndList(parts) + " " + verb + " none: " + fix
		args = append([]any{a.Subject(), withArticle(rules.Requirement(req))}, args...)
		if len(culprits) == 1 {
			args = append(args, args[2])
		}
		if strings.Contains(req, " ") && a.spaceLeftOut(p) {
			format += ", or turn on %v"
			args = append(args, generator.Setting("space"))
		}
		return generator.PolicyErrorf(generator.Setting(culprits[0].name), format, args...)
	}
	return nil
}

// withArticle puts "a" or "an" before a noun phrase.
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// rangeText writes a length range: "8–32 characters", "exactly 6".
func rangeText(lo, hi int) string {
	if lo == hi {
		return fmt.Sprintf("exactly %d characters", lo)
	}
	return fmt.Sprintf("%d–%d characters", lo, hi)
}

// stricter is the tighter of two run limits, where 0 is no limit.
func stricter(a, b int) int {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	}
	return min(a, b)
}

// rulesNote is the form's note beside the rules: what they fix. (Why
// they do not apply, the form shows as the error or warning it is.)
func rulesNote(s *Settings) string {
	a, _, err := s.Password.AppliedRules()
	if err != nil || a == nil {
		return changePasswordNote(s.Password)
	}
	return a.Note(s.Password)
}

// Note is the form's note on the rules: Describe, for the form, where the
// space switch lets the space in.
func (a *AppliedRules) Note(p PasswordSettings) string {
	text := a.Describe(p, "the space switch")
	if a.Site != "" {
		// The form names the site in the field beside it.
		return joinNotes(a.Site+strings.TrimPrefix(text, a.Name()), changePasswordNote(p))
	}
	return strings.TrimPrefix(text, a.Name()+": ")
}

// ruledLimit is the run limit in force, the stricter of the setting's and
// the rules', and, when the rules' is the one, a note saying so.
func ruledLimit(s *Settings, own int, of func(*AppliedRules) int) (int, string) {
	a, _, _ := s.Password.AppliedRules()
	if a == nil {
		return own, ""
	}
	n := stricter(own, of(a))
	if n != own {
		return n, " (" + a.Subject() + ")"
	}
	return n, ""
}

// checkSite refuses, for --site, a value that names no domain.
func checkSite(text string) *ValueError {
	_, err := rules.ReadHost(text)
	if err == nil {
		return nil
	}
	e := &ValueError{Want: "takes a domain or a URL, such as chase.com or https://www.chase.com/login"}
	switch {
	case rules.IsPortError(err):
		e.Hint = err.Error()
	case strings.Contains(text, ":") && !strings.Contains(text, "://"):
		e.Hint = "for a rules string, use --rules"
	}
	return e
}

// runExample shows a sequential run of n characters: abcd for 4.
func runExample(n int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	if n <= len(letters) {
		return letters[:n]
	}
	return fmt.Sprintf("%d letters in alphabetical order", n)
}
