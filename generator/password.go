package generator

import (
	"fmt"
	"reflect"
)

// ClassPolicy is what a password policy says about one character class.
// The zero value allows any number of the class's characters, and none
// are used unless Use is set.
type ClassPolicy struct {
	// Use includes the class's built-in characters in the alphabet. A
	// custom alphabet ignores it: its characters are sorted into classes.
	Use bool
	// Min is the fewest characters from the class.
	Min int
	// Max, when HasMax is set, is the most characters from the class; an
	// explicit 0 means none at all, custom alphabet or not.
	Max    int
	HasMax bool
}

// AtMost returns the class policy with a maximum of n.
func (c ClassPolicy) AtMost(n int) ClassPolicy {
	c.Max, c.HasMax = n, true
	return c
}

// forbidden reports whether the policy allows none of the class.
func (c ClassPolicy) forbidden() bool { return c.HasMax && c.Max == 0 }

// PasswordPolicy describes the passwords to generate. Start from
// DefaultPasswordPolicy: the zero value has no character classes.
type PasswordPolicy struct {
	Length int // 1..MaxLength

	Lower   ClassPolicy
	Upper   ClassPolicy
	Digits  ClassPolicy
	Symbols ClassPolicy
	Space   ClassPolicy

	// SymbolSet replaces the 32 ASCII punctuation characters of the symbol
	// class. It may hold only characters that are not letters, digits or
	// spaces.
	SymbolSet string
	// Alphabet, when set, replaces the classes' character sets: its
	// characters are sorted into classes (see Class) and the classes' Use
	// flags are ignored, while their Min and Max still apply.
	Alphabet string
	// Exclude lists characters never to use.
	Exclude string
	// NoAmbiguous removes the look-alike characters listed in Ambiguous.
	NoAmbiguous bool
	// MaxRepeating, when positive, forbids any character from appearing
	// more than this many times in a row.
	MaxRepeating int
	// MaxSequential, when positive, forbids runs of more than this many
	// characters that ascend or descend by one inside a–z, A–Z or 0–9
	// (abc, cba, 789 are runs of 3).
	MaxSequential int
	// Require lists sets of characters of which each password must contain
	// at least one: a website's "required: upper, digit" is one set, the
	// union. Characters not in the compiled alphabet are ignored; a set left
	// empty is a *PolicyError for the setting "rules".
	Require []string
	// RepeatingRule and SequentialRule, when set, say that MaxRepeating
	// and MaxSequential are a website's limits, written as the rule that
	// set them ("max-consecutive: 2"). Messages then name that rule,
	// rather than a setting the user did not give and raising which
	// would change nothing.
	RepeatingRule, SequentialRule string
}

// Equal reports whether two policies are the same. Policies cannot be
// compared with == because Require is a slice; an empty Require and a nil
// one are the same policy.
func (p PasswordPolicy) Equal(q PasswordPolicy) bool {
	if len(p.Require) == 0 && len(q.Require) == 0 {
		p.Require, q.Require = nil, nil
	}
	return reflect.DeepEqual(p, q)
}

// DefaultPasswordPolicy is 20 characters from lower, upper, digits and
// symbols, with no other constraint: 131.09 bits.
func DefaultPasswordPolicy() PasswordPolicy {
	on := ClassPolicy{Use: true}
	return PasswordPolicy{Length: 20, Lower: on, Upper: on, Digits: on, Symbols: on}
}

// Class returns the policy of one character class, for reading or editing.
func (p *PasswordPolicy) Class(c Class) *ClassPolicy {
	switch c {
	case Lower:
		return &p.Lower
	case Upper:
		return &p.Upper
	case Digits:
		return &p.Digits
	case Symbols:
		return &p.Symbols
	case Space:
		return &p.Space
	}
	panic(fmt.Sprintf("generator: no class %d", c))
}

// pwClass is a non-empty class of a compiled alphabet.
type pwClass struct {
	class    Class
	chars    []rune
	min, max int // max is at most the length
}

// The settings of a class, as messages name them.
func minSetting(c Class) SettingName { return SettingName("min-" + c.String()) }
func maxSetting(c Class) SettingName { return SettingName("max-" + c.String()) }

// resolveClasses turns a policy into disjoint, non-empty classes, or
// explains why it cannot.
func resolveClasses(p PasswordPolicy) ([]pwClass, []Warning, error) {
	var warns []Warning
	if p.Length < 1 || p.Length > MaxLength {
		return nil, nil, policyErr("length", "length %d is out of range: use 1 to %d", p.Length, MaxLength)
	}
	if p.MaxRepeating < 0 {
		return nil, nil, policyErr("max-repeating", "%v %d is negative: use 0 (no limit) or more", SettingName("max-repeating"), p.MaxRepeating)
	}
	if p.MaxSequential < 0 {
		return nil, nil, policyErr("max-sequential", "%v %d is negative: use 0 (no limit) or more", SettingName("max-sequential"), p.MaxSequential)
	}
	for _, c := range Classes() {
		cp := p.Class(c)
		if cp.Min < 0 {
			return nil, nil, policyErr(minSetting(c), "%v %d is negative: use 0 or more", minSetting(c), cp.Min)
		}
		if cp.HasMax && cp.Max < 0 {
			return nil, nil, policyErr(maxSetting(c), "%v %d is negative: use 0 or more, or no limit", maxSetting(c), cp.Max)
		}
		if cp.HasMax && cp.Max < cp.Min {
			if cp.Max == 0 {
				return nil, nil, policyErr(maxSetting(c), "%v %d asks for %s, but %v 0 allows none: drop one of them", minSetting(c), cp.Min, c.plural(), maxSetting(c))
			}
			return nil, nil, policyErr(maxSetting(c), "%v %d is below %v %d: raise the maximum or lower the minimum", maxSetting(c), cp.Max, minSetting(c), cp.Min)
		}
	}
	exclude, _, err := prepareSet("exclude", p.Exclude, "exclusions")
	if err != nil {
		return nil, nil, err
	}

	sets := make([][]rune, numClasses)
	if p.Alphabet != "" {
		if p.SymbolSet != "" {
			return nil, nil, policyErr("symbol-set", "a symbol set has no effect with a custom alphabet: put the symbols in the alphabet instead")
		}
		runes, w, err := prepareSet("alphabet", p.Alphabet, "alphabet")
		if err != nil {
			return nil, nil, err
		}
		warns = append(warns, w...)
		for _, r := range runes {
			c := ClassOf(r)
			sets[c] = append(sets[c], r)
		}
	} else {
		for _, c := range Classes() {
			if !p.Class(c).Use {
				continue
			}
			if c == Symbols && p.SymbolSet != "" {
				rs, w, err := symbolSet(p.SymbolSet)
				if err != nil {
					return nil, nil, err
				}
				warns = append(warns, w...)
				sets[c] = rs
				continue
			}
			sets[c] = []rune(defaultChars(c))
		}
	}

	drop := string(exclude)
	if p.NoAmbiguous {
		drop += Ambiguous
	}
	var classes []pwClass
	for _, c := range Classes() {
		cp := p.Class(c)
		if cp.forbidden() {
			continue // "at most 0": none of the class, whatever the alphabet
		}
		before := len(sets[c])
		chars := without(sets[c], drop)
		if len(chars) == 0 {
			if cp.Min > 0 {
				return nil, warns, missingClassErr(p, c, before > 0)
			}
			if before > 0 && p.Alphabet == "" {
				warns = append(warns, warningf(SettingName(c.String()), "every %s is excluded, so the passwords have none", c.noun()))
			}
			continue
		}
		hi := p.Length
		if cp.HasMax && cp.Max < hi {
			hi = cp.Max
		}
		classes = append(classes, pwClass{class: c, chars: chars, min: cp.Min, max: hi})
	}
	if len(classes) == 0 {
		return nil, warns, emptyAlphabetErr(p)
	}
	if p.Alphabet != "" || p.SymbolSet != "" {
		var chars []rune
		for _, c := range classes {
			chars = append(chars, c.chars...)
		}
		field := SettingName("alphabet")
		if p.Alphabet == "" {
			field = "symbol-set"
		}
		warns = append(warns, lookAlikeWarning(field, chars)...)
	}
	sumMin, sumMax := 0, 0
	for _, c := range classes {
		sumMin += c.min
		sumMax += c.max
	}
	if sumMin > p.Length {
		return nil, warns, policyErr("length", "the minimums add up to %d, more than the length %d: use a length of at least %d or lower the minimums", sumMin, p.Length, sumMin)
	}
	if sumMax < p.Length {
		return nil, warns, policyErr("length", "the maximums allow at most %d characters, fewer than the length %d: raise a maximum or use a length of at most %d", sumMax, p.Length, sumMax)
	}
	return classes, warns, nil
}

// symbolSet checks a custom symbol set and returns its distinct characters.
func symbolSet(set string) ([]rune, []Warning, error) {
	rs, warns, err := prepareSet("symbol-set", set, "symbol set")
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rs {
		if ClassOf(r) != Symbols {
			return nil, nil, policyErr("symbol-set", "the symbol set contains %s, which is a %s: use punctuation and symbols only", describeRune(r), ClassOf(r).noun())
		}
	}
	return rs, warns, nil
}

// emptyAlphabetErr explains a policy that leaves no character at all.
func emptyAlphabetErr(p PasswordPolicy) error {
	switch {
	case (p.Alphabet != "" || anyClassOn(p)) && p.NoAmbiguous && p.Exclude == "":
		return policyErr("no-ambiguous", "every character is a look-alike: drop %v or use other characters", SettingName("no-ambiguous"))
	case p.Alphabet != "" && allForbidden(p):
		return policyErr("alphabet", "the maximums of 0 leave none of the alphabet: allow some characters of a class it has")
	case p.Alphabet != "" || anyClassOn(p) && !allForbidden(p):
		return policyErr("exclude", "every character is excluded: exclude fewer characters")
	case anyClassOn(p):
		return policyErr("lower", "every class in use has a maximum of 0: allow at least one class some characters")
	}
	return policyErr("lower", "every character class is off: turn on at least one of %v, %v, %v, %v or %v", SettingName("lower"), SettingName("upper"), SettingName("digits"), SettingName("symbols"), SettingName("space"))
}

// allForbidden reports whether every class that could supply characters
// has a maximum of 0.
func allForbidden(p PasswordPolicy) bool {
	for _, c := range Classes() {
		cp := p.Class(c)
		if (p.Alphabet != "" || cp.Use) && !cp.forbidden() {
			return false
		}
	}
	return true
}

func anyClassOn(p PasswordPolicy) bool {
	for _, c := range Classes() {
		if p.Class(c).Use {
			return true
		}
	}
	return false
}

// missingClassErr explains a minimum on a class that has no characters.
func missingClassErr(p PasswordPolicy, c Class, excluded bool) error {
	field := minSetting(c)
	min := p.Class(c).Min
	switch {
	case excluded && p.NoAmbiguous && p.Exclude == "":
		return policyErr(field, "%v is %d but the look-alike exclusion removes every %s: drop %v or set %v to 0", field, min, c.noun(), SettingName("no-ambiguous"), field)
	case excluded && p.NoAmbiguous:
		return policyErr(field, "%v is %d but the exclusions and the look-alike exclusion remove every %s: shorten %v or set %v to 0", field, min, c.noun(), SettingName("exclude"), field)
	case excluded:
		return policyErr(field, "%v is %d but the excluded characters remove every %s: shorten %v or set %v to 0", field, min, c.noun(), SettingName("exclude"), field)
	case p.Alphabet != "":
		return policyErr(field, "%v is %d but the alphabet has no %s: add some or set %v to 0", field, min, c.plural(), field)
	}
	return policyErr(field, "%v is %d but %v are turned off: turn on %v or set %v to 0", field, min, c.plural(), SettingName(c.String()), field)
}

// describeConstraints names the constrained classes, for messages.
func describeConstraints(classes []pwClass, length int) message {
	var m message
	for _, c := range classes {
		if c.min > 0 {
			m = m.and("%v %d", minSetting(c.class), c.min)
		}
		if c.max < length {
			m = m.and("%v %d", maxSetting(c.class), c.max)
		}
	}
	return m
}
