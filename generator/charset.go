package generator

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Class is a character class of a password alphabet.
type Class int

// The character classes, in the order sesame lists them.
const (
	Lower   Class = iota // a–z (and, in custom alphabets, lower-case and caseless letters)
	Upper                // A–Z (and upper- and title-case letters)
	Digits               // 0–9 (and other decimal digits)
	Symbols              // ASCII punctuation, or the custom symbol set (and anything else)
	Space                // the space character
	numClasses
)

var classNames = [numClasses]string{"lower", "upper", "digits", "symbols", "space"}

// String returns the class's name as used in flag names ("digits" for
// --min-digits).
func (c Class) String() string {
	if c < 0 || c >= numClasses {
		return "unknown"
	}
	return classNames[c]
}

var classNouns = [numClasses]string{"lower-case letter", "upper-case letter", "digit", "symbol", "space"}

var classPlurals = [numClasses]string{"lower-case letters", "upper-case letters", "digits", "symbols", "spaces"}

// plural names characters of the class: "digits", "lower-case letters".
func (c Class) plural() string {
	if c < 0 || c >= numClasses {
		return "characters"
	}
	return classPlurals[c]
}

// noun names one character of the class: "digit", "lower-case letter".
func (c Class) noun() string {
	if c < 0 || c >= numClasses {
		return "character"
	}
	return classNouns[c]
}

// Classes lists every class in order.
func Classes() []Class { return []Class{Lower, Upper, Digits, Symbols, Space} }

// The built-in character sets.
const (
	LowerChars = "abcdefghijklmnopqrstuvwxyz"
	UpperChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	DigitChars = "0123456789"
	// SymbolChars are the 32 ASCII punctuation characters.
	SymbolChars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	SpaceChars  = " "
)

// Ambiguous is the look-alike set that NoAmbiguous removes: characters that
// are easily mistaken for one another when read from a screen or paper or
// typed from a phone: 0 O o D Q, 1 l I | !, 2 Z, 5 S, 6 G, 8 B, and the
// quote, comma and dot family ` ' " , . ; :
const Ambiguous = "0OoDQ1lI|!2Z5S6G8B`'\",.;:"

// defaultChars returns the built-in set of a class.
func defaultChars(c Class) string {
	switch c {
	case Lower:
		return LowerChars
	case Upper:
		return UpperChars
	case Digits:
		return DigitChars
	case Symbols:
		return SymbolChars
	}
	return SpaceChars
}

// ClassOf returns the class of a character: a–z and other lower-case or
// caseless letters are Lower, upper- and title-case letters Upper, decimal
// digits Digits, U+0020 Space, and everything else Symbols. Custom
// alphabets are sorted into classes this way, and the built-in sets agree
// with it.
func ClassOf(r rune) Class {
	switch {
	case r == ' ':
		return Space
	case unicode.IsDigit(r):
		return Digits
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return Upper
	case unicode.IsLetter(r):
		return Lower
	}
	return Symbols
}

// checkVisible rejects characters that cannot be seen or typed reliably:
// control and format characters, combining marks on their own, line and
// paragraph separators, spaces other than U+0020, unassigned code points and
// invalid UTF-8. field names the setting for the error.
func checkVisible(field SettingName, s string) error {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return policyErr(field, "%v is not valid UTF-8 (at byte %d): use UTF-8 text", field, i)
			}
		}
		if r == ' ' {
			continue
		}
		switch {
		case unicode.IsControl(r):
			return policyErr(field, "%v contains %s, a control character: use visible characters only", field, describeRune(r))
		case unicode.In(r, unicode.M):
			return policyErr(field, "%v contains %s, a combining mark, which cannot stand alone as a character: use precomposed characters (é, not e + U+0301)", field, describeRune(r))
		case unicode.Is(unicode.Cf, r) || unicode.In(r, unicode.Z, unicode.Co, unicode.Cs) || !unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S):
			return policyErr(field, "%v contains %s, which is invisible: use visible characters only", field, describeRune(r))
		}
	}
	return nil
}

// describeRune names a character for an error message without printing
// invisible or confusing bytes raw.
func describeRune(r rune) string {
	if r < 0x80 && unicode.IsPrint(r) && r != ' ' {
		return fmt.Sprintf("%q", r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// quoteRunes lists characters for a message: 'a', 'b' and 3 more.
func quoteRunes(rs []rune) string {
	var parts []string
	for i, r := range rs {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("%d more", len(rs)-5))
			break
		}
		parts = append(parts, describeRune(r))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// without returns rs minus every character of drop.
func without(rs []rune, drop string) []rune {
	if drop == "" {
		return rs
	}
	out := rs[:0:0]
	for _, r := range rs {
		if !strings.ContainsRune(drop, r) {
			out = append(out, r)
		}
	}
	return out
}
