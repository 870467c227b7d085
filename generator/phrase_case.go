package generator

import (
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
type caser struct {
	mode  CaseMode
	upper cases.Caser
	title cases.Caser
}

func newCaser(c CaseMode) *caser {
	return &caser{mode: c, upper: cases.Upper(language.Und), title: cases.Title(language.Und, cases.NoLower)}
}

// forms returns the distinct forms a word takes under the mode: itself
// (lower), its upper-case form, its title form, or for random case its
// lower form and, when it differs, its title form.
func (k *caser) forms(word string) (string, string) {
	switch k.mode {
	case CaseUpper:
		return norm.NFC.String(k.upper.String(word)), ""
	case CaseTitle:
		return k.titleCase(word), ""
	case CaseRandom:
		if t := k.titleCase(word); t != word {
			return word, t
		}
	}
	return word, ""
}

// titleCase upper-cases, in title case, the first character of a word (a
// letter and the marks on it): title case differs from upper case for "ß"
// (Ss) and digraphs such as "ǆ" (ǅ). The rest of the word is left as it is,
// so "drop-down" becomes "Drop-down" and a word starting with anything
// but a letter ("3d") is unchanged.
func (k *caser) titleCase(word string) string {
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
	first := k.title.String(word[:n])
	if first == word[:n] {
		return word
	}
	return norm.NFC.String(first + word[n:])
}

// lowerCase is the lower-case form of a word read from a list, by the same
// full mappings. It is not brought to NFC here: the parser prepares words
// next (prepare.go), which does, and counts the words that changed.
func lowerCase(word string) string { return cases.Lower(language.Und).String(word) }
