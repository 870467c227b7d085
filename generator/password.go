package generator

import (
	"fmt"
	"strings"
)

// ClassPolicy is what a password policy says about one character class.
type ClassPolicy struct {
	Use bool `json:"use"` // include the class in the alphabet
	Min int  `json:"min"` // at least this many characters from the class
	Max int  `json:"max"` // at most this many; 0 means no limit (turn Use off for none)
}

// PasswordPolicy describes the passwords to generate. Start from
// DefaultPasswordPolicy: the zero value has no character classes.
type PasswordPolicy struct {
	Length int `json:"length"` // 1..MaxLength

	Lower   ClassPolicy `json:"lower"`
	Upper   ClassPolicy `json:"upper"`
	Digits  ClassPolicy `json:"digits"`
	Symbols ClassPolicy `json:"symbols"`
	Space   ClassPolicy `json:"space"`

	// SymbolSet replaces the 32 ASCII punctuation characters of the symbol
	// class. It may hold only characters that are not letters, digits or
	// spaces.
	SymbolSet string `json:"symbol_set"`
	// Alphabet, when set, replaces the classes' character sets: its
	// characters are sorted into classes (see Class) and the classes' Use
	// flags are ignored, while their Min and Max still apply.
	Alphabet string `json:"alphabet"`
	// Exclude lists characters never to use.
	Exclude string `json:"exclude"`
	// NoAmbiguous removes the look-alike characters listed in Ambiguous.
	NoAmbiguous bool `json:"no_ambiguous"`
	// MaxConsecutive, when positive, forbids any character from appearing
	// more than this many times in a row.
	MaxConsecutive int `json:"max_consecutive"`
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

// resolveClasses turns a policy into disjoint, non-empty classes, or
// explains why it cannot.
func resolveClasses(p PasswordPolicy) ([]pwClass, []Warning, error) {
	var warns []Warning
	if p.Length < 1 || p.Length > MaxLength {
		return nil, nil, policyErr("length", "length %d is out of range: use 1 to %d", p.Length, MaxLength)
	}
	if p.MaxConsecutive < 0 {
		return nil, nil, policyErr("max-consecutive", "max-consecutive %d is negative: use 0 (no limit) or more", p.MaxConsecutive)
	}
	for _, c := range Classes() {
		cp := p.Class(c)
		if cp.Min < 0 {
			return nil, nil, policyErr("min-"+c.String(), "min-%s %d is negative: use 0 or more", c, cp.Min)
		}
		if cp.Max < 0 {
			return nil, nil, policyErr("max-"+c.String(), "max-%s %d is negative: use 0 (no limit) or more", c, cp.Max)
		}
		if cp.Max > 0 && cp.Max < cp.Min {
			return nil, nil, policyErr("max-"+c.String(), "max-%s %d is below min-%s %d: raise the maximum or lower the minimum", c, cp.Max, c, cp.Min)
		}
	}
	if err := checkVisible("exclude", p.Exclude); err != nil {
		return nil, nil, err
	}

	sets := make([][]rune, numClasses)
	if p.Alphabet != "" {
		if p.SymbolSet != "" {
			return nil, nil, policyErr("symbol-set", "a symbol set has no effect with a custom alphabet: put the symbols in the alphabet instead")
		}
		if err := checkVisible("alphabet", p.Alphabet); err != nil {
			return nil, nil, err
		}
		runes, dups := uniqueRunes(p.Alphabet)
		if len(dups) > 0 {
			warns = append(warns, Warning{"alphabet", fmt.Sprintf("the alphabet repeats %s; each character is used once", quoteRunes(dups))})
		}
		for _, r := range runes {
			c := classOf(r)
			sets[c] = append(sets[c], r)
		}
	} else {
		for _, c := range Classes() {
			if !p.Class(c).Use {
				continue
			}
			chars := defaultChars(c)
			if c == Symbols && p.SymbolSet != "" {
				if err := checkVisible("symbol-set", p.SymbolSet); err != nil {
					return nil, nil, err
				}
				for _, r := range p.SymbolSet {
					if classOf(r) != Symbols {
						return nil, nil, policyErr("symbol-set", "the symbol set contains %s, which is a %s: use punctuation and symbols only", describeRune(r), classOf(r).noun())
					}
				}
				rs, dups := uniqueRunes(p.SymbolSet)
				if len(dups) > 0 {
					warns = append(warns, Warning{"symbol-set", fmt.Sprintf("the symbol set repeats %s; each character is used once", quoteRunes(dups))})
				}
				sets[c] = rs
				continue
			}
			sets[c] = []rune(chars)
		}
	}

	drop := p.Exclude
	if p.NoAmbiguous {
		drop += Ambiguous
	}
	var classes []pwClass
	for _, c := range Classes() {
		cp := p.Class(c)
		before := len(sets[c])
		chars := without(sets[c], drop)
		if len(chars) == 0 {
			if cp.Min > 0 {
				return nil, warns, missingClassErr(p, c, before > 0)
			}
			if before > 0 && p.Alphabet == "" {
				warns = append(warns, Warning{c.String(), fmt.Sprintf("every %s is excluded, so the passwords have none", c.noun())})
			}
			continue
		}
		hi := p.Length
		if cp.Max > 0 && cp.Max < hi {
			hi = cp.Max
		}
		classes = append(classes, pwClass{class: c, chars: chars, min: cp.Min, max: hi})
	}
	if len(classes) == 0 {
		switch {
		case (p.Alphabet != "" || anyClassOn(p)) && p.NoAmbiguous && p.Exclude == "":
			return nil, warns, policyErr("no-ambiguous", "every character is a look-alike: drop no-ambiguous or use other characters")
		case p.Alphabet != "" || anyClassOn(p):
			return nil, warns, policyErr("exclude", "every character is excluded: exclude fewer characters")
		default:
			return nil, warns, policyErr("lower", "every character class is off: turn on at least one of lower, upper, digits, symbols or space")
		}
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
	field := "min-" + c.String()
	min := p.Class(c).Min
	switch {
	case excluded:
		how, fix := "the excluded characters remove", "exclude fewer"
		if p.NoAmbiguous && p.Exclude == "" {
			how, fix = "the look-alike exclusion removes", "drop no-ambiguous"
		} else if p.NoAmbiguous {
			how, fix = "the exclusions and the look-alike exclusion remove", "exclude fewer"
		}
		return policyErr(field, "min-%s is %d but %s every %s: %s or set min-%s 0", c, min, how, c.noun(), fix, c)
	case p.Alphabet != "":
		return policyErr(field, "min-%s is %d but the alphabet has no %s characters: add some or set min-%s 0", c, min, c, c)
	}
	return policyErr(field, "min-%s is %d but %s are turned off: turn %s on or set min-%s 0", c, min, c, c, c)
}

// describePolicyClasses names the constrained classes for messages.
func describeConstraints(classes []pwClass, length int) string {
	var parts []string
	for _, c := range classes {
		if c.min > 0 {
			parts = append(parts, fmt.Sprintf("min-%s %d", c.class, c.min))
		}
		if c.max < length {
			parts = append(parts, fmt.Sprintf("max-%s %d", c.class, c.max))
		}
	}
	return strings.Join(parts, ", ")
}
