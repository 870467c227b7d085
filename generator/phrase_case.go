package generator

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Casing of words, by Unicode's full case mappings rather than the
// one-rune-to-one-rune ones of package unicode: "ß" upper-cases to "SS",
// "ŉ" to "ʼN", and final sigma lower-cases to "ς". The mappings are those of
// no language in particular (language.Und), since a list's words are drawn
// into one phrase whatever the reader's locale; no bundled list is Turkish
// or Lithuanian, the languages whose rules differ. Every form is brought
// back to NFC (upper-casing "ΐ" gives "Ϊ́", which is not), so that what a
// phrase counts is what is typed, and two words whose forms coincide count
// once (tokenSet).

// caser cases words under one mode. A cases.Caser keeps state between
// calls, so a caser serves one goroutine: make one per list to case.
// The casers are made on the first word outside ASCII: many lists have
// none, and making one costs as much as casing a few hundred ASCII words.
type caser struct {
	mode         CaseMode
	upper, title *cases.Caser
}

func newCaser(c CaseMode) *caser { return &caser{mode: c} }

// forms returns the distinct forms a word takes under the mode: itself
// (lower), its upper-case form, its title form, or for random case its
// lower form and, when it differs, its title form.
func (k *caser) forms(word string) (string, string) {
	switch k.mode {
	case CaseUpper:
		return k.upperCase(word), ""
	case CaseTitle:
		return k.titleCase(word), ""
	case CaseRandom:
		if t := k.titleCase(word); t != word {
			return word, t
		}
	}
	return word, ""
}

// upperCase is the upper-case form of a word. ASCII words, most words of
// most lists, take the short way: casing a list happens on the first
// phrase of a one-shot run, and the general casers cost several times as
// much there.
func (k *caser) upperCase(word string) string {
	if isASCII(word) {
		return strings.ToUpper(word)
	}
	if k.upper == nil {
		u := cases.Upper(language.Und)
		k.upper = &u
	}
	return nfc(k.upper.String(word))
}

// nfc brings a cased form back to NFC, which it nearly always is already.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// titleCase upper-cases, in title case, the first character of a word (a
// letter and the marks on it): title case differs from upper case for "ß"
// (Ss) and digraphs such as "ǆ" (ǅ). The rest of the word is left as it is,
// so "drop-down" becomes "Drop-down" and a word starting with anything
// but a letter ("3d") is unchanged.
func (k *caser) titleCase(word string) string {
	if word != "" && word[0] < utf8.RuneSelf {
		if c := word[0]; 'a' <= c && c <= 'z' {
			return string(c-'a'+'A') + word[1:]
		}
		return word // a digit or a sign: no letter to case
	}
	r, n := utf8.DecodeRuneInString(word)
	if !unicode.IsLetter(r) {
		return word
	}
	for n < len(word) {
		m, size := utf8.DecodeRuneInString(word[n:])
		if !unicode.Is(unicode.M, m) {
			break
		}
		n += size
	}
	if k.title == nil {
		t := cases.Title(language.Und, cases.NoLower)
		k.title = &t
	}
	first := k.title.String(word[:n])
	if first == word[:n] {
		return word
	}
	return nfc(first + word[n:])
}

// lowerCase is the lower-case form of a word read from a list, by the same
// full mappings. It is not brought to NFC here: the parser prepares words
// next (prepare.go), which does, and counts the words that changed.
func lowerCase(word string) string {
	if isASCII(word) {
		return strings.ToLower(word)
	}
	return cases.Lower(language.Und).String(word)
}

// titleCase is one word's title form, for code that cases a word outside
// a token set (which makes one caser for the whole list).
func titleCase(word string) string { return newCaser(CaseTitle).titleCase(word) }
