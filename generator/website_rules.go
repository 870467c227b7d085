package generator

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sesame-sh/sesame/generator/rules"
)

// A website's password rules, applied to the password policy a user asked
// for. Every surface (the command line, the form) and every engine that
// follows rules applies them here, so they narrow, fit and describe the
// rules alike.
//
// The rules take the place of a custom alphabet: they say which characters
// a password may use (so the class switches, the symbol set and the
// alphabet have no effect) and which it must hold. Every other part of the
// policy narrows them further: exclusions, look-alikes, a class's minimum
// and maximum (a maximum of 0 leaves the class out), and the stricter of
// each run limit. The length must lie in the rules' range (README,
// "Website rules").
//
// Passphrases follow the same WebsiteRules through NewPhraseForRules
// (phrase_rules.go), which shares their length range, their names in
// messages and the RulesAsApplied that describes them.

// WebsiteRules are a website's password rules and whose they are.
type WebsiteRules struct {
	Site  string // the bundled site whose rules these are; "" for a rules string
	Rules *rules.Rules
}

// rulesSetting is how errors name the setting that holds the rules.
const rulesSetting = SettingName("rules")

// Name names the rules in a sentence: "the rules of chase.com" or "the
// rules".
func (w WebsiteRules) Name() string {
	if w.Site != "" {
		return "the rules of " + w.Site
	}
	return "the rules"
}

// Subject names the rules as a sentence's subject: "chase.com's rules"
// or "the rules".
func (w WebsiteRules) Subject() string {
	if w.Site != "" {
		return w.Site + "'s rules"
	}
	return "the rules"
}

// LengthRange is the lengths the rules allow, within sesame's own limits.
// lo is above hi when the rules ask for more than MaxLength.
func (w WebsiteRules) LengthRange() (lo, hi int) {
	lo, hi = max(w.Rules.MinLength, 1), MaxLength
	if w.Rules.MaxLength > 0 {
		hi = min(w.Rules.MaxLength, hi)
	}
	return lo, hi
}

// checkRange refuses rules that ask for more characters than sesame
// makes, for passwords and passphrases alike.
func (w WebsiteRules) checkRange() error {
	if lo, hi := w.LengthRange(); lo > hi {
		return PolicyErrorf(rulesSetting, "%s ask for at least %d characters, more than the %d sesame makes", w.Subject(), lo, MaxLength)
	}
	return nil
}

// Clamp returns n moved into the rules' length range: what a length
// nobody chose should do when rules are chosen.
func (w WebsiteRules) Clamp(n int) int {
	lo, hi := w.LengthRange()
	return min(max(n, lo), hi)
}

// RulesAsApplied describes website rules as they apply to a policy.
type RulesAsApplied struct {
	WebsiteRules
	// Applied are the rules without the characters the policy leaves out
	// (exclusions, look-alikes, a class maximum of 0, the space unless
	// asked for) and with the stricter of each run limit: what the
	// password follows. The length range stays the rules' own.
	Applied *rules.Rules
	// Narrowed reports that parts of the policy other than the space
	// (left out by default) make the rules apply differently from how
	// they read.
	Narrowed bool
	// SpaceLeftOut reports that the rules allow the space and the policy
	// leaves it out. A space at either end of a password is lost when it
	// is selected in a terminal and trimmed by many sites, and one inside
	// is easily mistyped, so the rules' space is let in only when the
	// policy uses the space class.
	SpaceLeftOut bool
}

// Describe says in a sentence which rules apply and what they ask: "the
// rules of chase.com: 8–32 characters; …", noting when the policy
// narrowed them and, when the space is left out, how to let it in;
// letSpaceIn names the way to do that on the reader's surface (the
// --space flag, the form's switch).
func (d RulesAsApplied) Describe(letSpaceIn string) string {
	out := d.Name()
	if d.Narrowed {
		out += " as the settings narrow them"
	}
	out += ": " + d.Applied.Summary()
	if d.SpaceLeftOut {
		out += "; " + letSpaceIn + " lets the space in"
	}
	return out
}

// ApplyRules returns the policy pol, the one a user asked for, made to
// follow the rules w: their characters, requirements (added to pol's
// own), run limits and length range. A requirement that the policy leaves
// no character for is a *PolicyError naming the settings that emptied it,
// and a length outside the rules' range one for "length".
//
// The description is filled even when err is not nil: a form shows what
// the rules ask beside the error.
func ApplyRules(pol PasswordPolicy, w WebsiteRules) (PasswordPolicy, RulesAsApplied, error) {
	d := describeApplied(pol, w)
	if err := checkNarrowing(pol, w); err != nil {
		return pol, d, err
	}
	r := w.Rules
	if d.SpaceLeftOut {
		if pol.Space.Min > 0 {
			// As without rules: a minimum of a class that is off.
			return pol, d, PolicyErrorf(minSetting(Space), "%v is %d but spaces are turned off: turn on %v or set %v to 0",
				minSetting(Space), pol.Space.Min, SettingName(Space.String()), minSetting(Space))
		}
		r = r.Without(" ")
	}
	out := pol
	out.Alphabet, out.SymbolSet = r.Allowed, ""
	out.Require = append(slices.Clip(pol.Require), r.Required...)
	out.MaxRepeating = stricter(pol.MaxRepeating, r.MaxRepeating)
	out.MaxSequential = stricter(pol.MaxSequential, r.MaxSequential)
	out.RepeatingRule = limitRule(w.Rules, pol.MaxRepeating, r.MaxRepeating, "max-repeating")
	out.SequentialRule = limitRule(w.Rules, pol.MaxSequential, r.MaxSequential, "max-sequential")
	if err := w.checkRange(); err != nil {
		return out, d, err
	}
	if lo, hi := w.LengthRange(); pol.Length < lo || pol.Length > hi {
		return out, d, PolicyErrorf("length", "%v %d is outside the %s %s allow: choose %d to %d",
			SettingName("length"), pol.Length, lengthRangeText(lo, hi), w.Name(), lo, hi)
	}
	return out, d, nil
}

// describeApplied works out how the rules apply to the policy.
func describeApplied(pol PasswordPolicy, w WebsiteRules) RulesAsApplied {
	d := RulesAsApplied{WebsiteRules: w, SpaceLeftOut: spaceLeftOut(pol, w.Rules)}
	d.Applied = narrowed(pol, w.Rules)
	withSpace := pol
	withSpace.Space.Use = true
	got := narrowed(withSpace, w.Rules)
	d.Narrowed = got.Allowed != w.Rules.Allowed || got.MaxRepeating != w.Rules.MaxRepeating ||
		got.MaxSequential != w.Rules.MaxSequential
	return d
}

// narrowed returns the rules without the characters pol leaves out and
// with the stricter of each run limit.
func narrowed(pol PasswordPolicy, r *rules.Rules) *rules.Rules {
	ns := narrowings(pol)
	leftOut := func(c rune) bool {
		return c == ' ' && spaceLeftOut(pol, r) || slices.ContainsFunc(ns, func(n narrowing) bool { return n.drops(c) })
	}
	drop := strings.Map(func(c rune) rune {
		if leftOut(c) {
			return c
		}
		return -1
	}, r.Allowed)
	out := r.Without(drop)
	out.MaxRepeating = stricter(pol.MaxRepeating, out.MaxRepeating)
	out.MaxSequential = stricter(pol.MaxSequential, out.MaxSequential)
	return out
}

// spaceLeftOut reports whether the rules allow the space and the policy
// leaves it out (RulesAsApplied.SpaceLeftOut says why).
func spaceLeftOut(pol PasswordPolicy, r *rules.Rules) bool {
	return strings.Contains(r.Allowed, " ") && !pol.Space.Use
}

// A narrowing is a setting of the policy that takes characters out of
// what the rules allow, as messages name it.
type narrowing struct {
	setting SettingName
	arg     string // written after the name: " 0"
	drops   func(rune) bool
}

// narrowings lists the narrowings the policy makes, in the order messages
// name them: exclusions, look-alikes, then each class with a maximum of 0.
func narrowings(pol PasswordPolicy) []narrowing {
	var ns []narrowing
	if pol.Exclude != "" {
		ns = append(ns, narrowing{setting: "exclude", drops: func(r rune) bool { return strings.ContainsRune(pol.Exclude, r) }})
	}
	if pol.NoAmbiguous {
		ns = append(ns, narrowing{setting: "no-ambiguous", drops: func(r rune) bool { return strings.ContainsRune(Ambiguous, r) }})
	}
	for _, c := range Classes() {
		if pol.Class(c).forbidden() {
			ns = append(ns, narrowing{setting: maxSetting(c), arg: " 0", drops: func(r rune) bool { return ClassOf(r) == c }})
		}
	}
	return ns
}

// checkNarrowing finds a requirement of the rules that the narrowings
// leave no character for, and names them: the compiled policy alone
// could only say that a required set is empty, not which setting emptied
// it. A requirement only the space meets, left out unless asked for, is
// refused saying how to let it in.
func checkNarrowing(pol PasswordPolicy, w WebsiteRules) error {
	ns := narrowings(pol)
	noSpace := spaceLeftOut(pol, w.Rules)
	for _, req := range w.Rules.Required {
		used := make([]bool, len(ns)) // which narrowings drop some of req
		left := false
		for _, r := range req {
			dropped := r == ' ' && noSpace
			for i, n := range ns {
				if n.drops(r) {
					dropped, used[i] = true, true
				}
			}
			left = left || !dropped
		}
		if left {
			continue
		}
		if !slices.Contains(used, true) { // the space alone meets it
			return PolicyErrorf(SettingName(Space.String()), "%s require a space, which sesame leaves out unless asked: turn on %v",
				w.Subject(), SettingName(Space.String()))
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
			args = append(args, c.setting)
		}
		verb, fix := "leaves", "drop "+parts[0]
		if len(culprits) > 1 {
			verb, fix = "leave", "drop one of them"
		}
		format := "%s require %s, but " + joinAnd(parts) + " " + verb + " none: " + fix
		args = append([]any{w.Subject(), withArticle(rules.Requirement(req))}, args...)
		if len(culprits) == 1 {
			args = append(args, args[2])
		}
		if strings.Contains(req, " ") && noSpace {
			format += ", or turn on %v"
			args = append(args, SettingName(Space.String()))
		}
		return PolicyErrorf(culprits[0].setting, format, args...)
	}
	return nil
}

// limitRule writes, for messages, the rule that set a run limit when that
// limit is the one in force (the policy's own is no stricter): the limit
// is then the site's, and raising the setting would change nothing. Equal
// limits are written as max-consecutive, as the canonical rules string
// writes them.
func limitRule(r *rules.Rules, own, ruled int, name string) string {
	if ruled == 0 || own != 0 && own < ruled {
		return ""
	}
	if r.MaxRepeating == r.MaxSequential {
		name = "max-consecutive"
	}
	return fmt.Sprintf("%s: %d", name, ruled)
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

// withArticle puts "a" or "an" before a noun phrase.
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// lengthRangeText writes a length range: "8–32 characters", "exactly 6
// characters".
func lengthRangeText(lo, hi int) string {
	if lo == hi {
		return fmt.Sprintf("exactly %d characters", lo)
	}
	return fmt.Sprintf("%d–%d characters", lo, hi)
}
