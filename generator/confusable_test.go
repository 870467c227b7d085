package generator

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
)

func TestLookAlikes(t *testing.T) {
	for _, c := range []struct {
		chars string
		want  []string
	}{
		{"aа", []string{`"a" and "а" (U+0430)`}},
		{"ＡAb", []string{`"Ａ" (U+FF21) and "A"`}},
		{"ﬁfiz", []string{`"ﬁ" (U+FB01) and "fi"`}},
		{"ﬁf", nil}, // no i to spell fi with
		{"aаɑ", []string{`"a", "а" (U+0430) and "ɑ" (U+0251)`}}, // one group of three
		{"0O1lI|", nil}, // ASCII look-alikes are --no-ambiguous's
		{"abcé", nil},   // an accent is visible
		{"абв", nil},    // one script, no pair
		{"αa", []string{`"α" (U+03B1) and "a"`}}, // as TS #39 has it
		{"!！", []string{`"!" and "！" (U+FF01)`}},
		{"!﹗", nil}, // a small exclamation mark is not one of them
	} {
		got := lookAlikes([]rune(c.chars))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("lookAlikes(%q) = %q, want %q", c.chars, got, c.want)
		}
	}
}

func TestPasswordWarnsOfLookAlikes(t *testing.T) {
	for _, c := range []struct {
		p     PasswordPolicy
		field SettingName
		says  string
	}{
		{PasswordPolicy{Length: 20, Alphabet: "aа"}, "alphabet", `"a" and "а" (U+0430)`},
		{PasswordPolicy{Length: 20, Alphabet: "ＡA"}, "alphabet", `"Ａ" (U+FF21) and "A"`},
		{PasswordPolicy{Length: 20, Alphabet: "ﬁfi"}, "alphabet", `"ﬁ" (U+FB01) and "fi"`},
		{PasswordPolicy{Length: 20, Lower: ClassPolicy{Use: true}, Symbols: ClassPolicy{Use: true}, SymbolSet: "!！#"}, "symbol-set", `"!" and "！" (U+FF01)`},
	} {
		pw, err := NewPassword(c.p)
		if err != nil {
			t.Fatalf("%+v: %v", c.p, err)
		}
		var found []string
		for _, w := range pw.Warnings() {
			if w.Field == c.field && strings.Contains(w.String(), c.says) && strings.Contains(w.String(), "look alike") {
				found = append(found, w.String())
			}
		}
		if len(found) != 1 {
			t.Errorf("%+v: warnings %v, want one on %s naming %s", c.p, pw.Warnings(), c.field, c.says)
		}
		// The figure stays exact: the characters are distinct.
		if e := pw.Entropy(); e.Bound != Exact {
			t.Errorf("%+v: entropy %v", c.p, e)
		}
	}
	// Leaving one out, as the warning says, ends it; so does an ASCII set.
	for _, p := range []PasswordPolicy{
		{Length: 20, Alphabet: "aаb", Exclude: "а"},
		{Length: 20, Alphabet: "0O1lI"},
		DefaultPasswordPolicy(),
	} {
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range pw.Warnings() {
			if strings.Contains(w.String(), "look alike") {
				t.Errorf("%+v: %v", p, w)
			}
		}
	}
}

func TestSeparatorLookAlikes(t *testing.T) {
	for sep, says := range map[string]string{
		"‐": `"‐" (U+2010) and "-"`, // hyphen, not hyphen-minus
		"ǀ": `"ǀ" (U+01C0) and "l"`,
		"–": `"–" (U+2013) and "-"`, // en dash
	} {
		ph, err := NewPhrase(PhrasePolicy{Words: 3, Separator: sep})
		if err != nil {
			t.Fatalf("%q: %v", sep, err)
		}
		var n int
		for _, w := range ph.Warnings() {
			if w.Field == "separator" && strings.Contains(w.String(), says) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("separator %q: warnings %v, want one naming %s", sep, ph.Warnings(), says)
		}
	}
	for _, sep := range []string{"-", " ", "•", "—", ""} {
		ph, err := NewPhrase(PhrasePolicy{Words: 3, Separator: sep})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range ph.Warnings() {
			if strings.Contains(w.String(), "look like") {
				t.Errorf("separator %q: %v", sep, w)
			}
		}
	}
}

// TestSkeletonMatchesUnicode: the generated table (confusable_table.go)
// with NFD gives every code point the skeleton the library it is taken
// from gives; a stale or hand-edited table fails here. Regenerate it with
// go generate ./generator.
func TestSkeletonMatchesUnicode(t *testing.T) {
	t.Parallel()
	bad := 0
	for r := rune(0); r <= utf8.MaxRune && bad < 10; r++ {
		// Unassigned and private-use code points have no entry and
		// no decomposition: their skeleton is themselves either way.
		if !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf) {
			continue
		}
		if got, want := skeleton(r), confusables.Skeleton(string(r)); got != want {
			t.Errorf("skeleton(%U) = %+q, want %+q", r, got, want)
			bad++
		}
	}
}
