package generator

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/secure/precis"
)

// Text a user gives for a password's characters (a custom alphabet, a
// symbol set, exclusions), a passphrase's separator, or a wordlist's words
// is prepared as systems compare passwords: with the PRECIS OpaqueString
// profile of RFC 8265, the standard for passwords. It maps non-ASCII
// spaces to U+0020 and canonical equivalents to one form (the Kelvin sign
// to K, the angstrom sign to Å), and disallows controls, unassigned code
// points and invisible formatting characters. Two characters that become
// the same are one character, counted once: a site that compares prepared
// passwords could not tell them apart, so counting both would overstate
// the strength. Characters that leave no visible mark (Hangul fillers, the
// Braille blank, zero-width joiners) are refused too: a password made of
// them looks blank.

// blankGlyphs are characters PRECIS allows that nevertheless draw nothing.
const blankGlyphs = "\u2800" // BRAILLE PATTERN BLANK

// prepareRune prepares one character: the character the profile makes of
// it, or an error naming it and saying why it cannot be used.
func prepareRune(field SettingName, r rune) (rune, error) {
	if r == utf8.RuneError {
		return 0, policyErr(field, "%v is not valid UTF-8: use UTF-8 text", field)
	}
	if strings.ContainsRune(blankGlyphs, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r) {
		return 0, policyErr(field, "%v contains %s, which has no visible glyph (a password of it would look blank): use visible characters only", field, describeRune(r))
	}
	out, err := precis.OpaqueString.String(string(r))
	if err != nil {
		if err := checkVisible(field, string(r)); err != nil {
			return 0, err
		}
		return 0, policyErr(field, "%v contains %s, which passwords cannot hold (RFC 8265 leaves it out): use other characters", field, describeRune(r))
	}
	p, size := utf8.DecodeRuneInString(out)
	if size != len(out) {
		return 0, policyErr(field, "%v contains %s, which becomes %d characters when prepared as passwords are compared (RFC 8265): use precomposed characters", field, describeRune(r), utf8.RuneCountInString(out))
	}
	if err := checkVisible(field, out); err != nil {
		return 0, err
	}
	return p, nil
}

// prepareSet prepares a set of characters: each as prepareRune makes it,
// each once, in first-seen order. Warnings say which characters the
// profile changed, which became one, and which were repeated.
func prepareSet(field SettingName, s string, what string) ([]rune, []Warning, error) {
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 {
				return nil, nil, policyErr(field, "%v is not valid UTF-8 (at byte %d): use UTF-8 text", field, i)
			}
			i += size
		}
	}
	var (
		out            []rune
		first          = map[rune]rune{} // prepared → the character that gave it first
		mapped, merged []string
		dups           []rune
	)
	for _, r := range s {
		p, err := prepareRune(field, r)
		if err != nil {
			return nil, nil, err
		}
		if p != r {
			mapped = append(mapped, describeRune(r)+" as "+describeRune(p))
		}
		if was, ok := first[p]; ok {
			if was == r {
				if !containsRune(dups, r) {
					dups = append(dups, r)
				}
			} else {
				merged = append(merged, describeRune(was)+" and "+describeRune(r))
			}
			continue
		}
		first[p] = r
		out = append(out, p)
	}
	var warns []Warning
	if len(mapped) > 0 {
		warns = append(warns, warningf(field, "the %s uses %s, as passwords are compared after preparation (RFC 8265)", what, listOf(mapped)))
	}
	if len(merged) > 0 {
		warns = append(warns, warningf(field, "in the %s, %s are the same character once prepared, so each counts once", what, listOf(merged)))
	}
	if len(dups) > 0 {
		warns = append(warns, warningf(field, "the %s repeats %s; each character is used once", what, quoteRunes(dups)))
	}
	return out, warns, nil
}

// prepareText prepares a piece of text (a separator, a word): the profile's
// form of it, or an error naming the first character that cannot be used.
// Empty text stays empty.
func prepareText(field SettingName, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	for _, r := range s {
		if strings.ContainsRune(blankGlyphs, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r) {
			return "", policyErr(field, "%v contains %s, which has no visible glyph: use visible characters only", field, describeRune(r))
		}
	}
	out, err := precis.OpaqueString.String(s)
	if err != nil {
		for _, r := range s {
			if _, err := precis.OpaqueString.String(string(r)); err != nil && (unicode.Is(unicode.Cf, r) || unicode.IsControl(r)) {
				return "", policyErr(field, "%v contains %s, which has no visible glyph: use visible characters only", field, describeRune(r))
			}
		}
		return "", policyErr(field, "%v cannot be written as passwords are compared (RFC 8265 refuses it): use other characters", field)
	}
	return out, nil
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// listOf writes up to four items and how many more: "a, b and 3 more".
func listOf(items []string) string {
	if len(items) > 4 {
		return strings.Join(items[:4], ", ") + fmt.Sprintf(" and %d more", len(items)-4)
	}
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
