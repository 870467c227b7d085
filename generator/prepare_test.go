package generator

import (
	"strings"
	"testing"
)

// Characters are prepared as passwords are compared (RFC 8265): canonical
// equivalents and non-ASCII spaces are one character, counted once;
// characters with no visible glyph are refused.
func TestCustomAlphabetsArePrepared(t *testing.T) {
	cases := []struct {
		alphabet string
		size     int
		says     string // a fragment of the warnings
	}{
		{"\u00c5\u212bx", 2, "U+212B as U+00C5"}, // Å and the angstrom sign
		{"K\u212ax", 2, "'K' and U+212A"},        // K and the Kelvin sign
		{"\u03a9\u2126x", 2, "U+2126 as U+03A9"}, // Ω and the ohm sign
		{"ab\u00a0", 3, "U+00A0 as U+0020"},      // a no-break space is a space
		{"ab\u3000c", 4, "U+3000 as U+0020"},     // so is an ideographic space
		{"e\u0301x", 0, "combining mark"},        // e and a lone combining accent
		{"abcabc", 3, "repeats 'a', 'b' and 'c'"},
	}
	for _, c := range cases {
		p := PasswordPolicy{Length: 20, Alphabet: c.alphabet}
		pw, err := NewPassword(p)
		if c.size == 0 {
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Errorf("%q: %v, want an error saying %q", c.alphabet, err, c.says)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", c.alphabet, err)
		}
		var all []string
		for _, w := range pw.Warnings() {
			all = append(all, w.String())
		}
		if pw.AlphabetSize() != c.size || !strings.Contains(strings.Join(all, "; "), c.says) {
			t.Errorf("%q: %d characters, warnings %q; want %d and %q", c.alphabet, pw.AlphabetSize(), all, c.size, c.says)
		}
		// The figure counts the prepared characters only.
		if e := pw.Entropy(); e.Count == nil || e.Count.Cmp(powInt(int64(c.size), 20)) != 0 {
			t.Errorf("%q: count %v, want %d^20", c.alphabet, e.Count, c.size)
		}
	}
	// One character left is no secret: Å twice over is refused.
	if _, err := NewPassword(PasswordPolicy{Length: 20, Alphabet: "\u00c5\u212b"}); err == nil || !strings.Contains(err.Error(), "one character") {
		t.Errorf("Å and the angstrom sign: %v", err)
	}
}

func TestInvisibleCharactersAreRefused(t *testing.T) {
	for _, r := range []string{"\u2800", "\u3164", "\uffa0", "\u115f", "\u1160", "\u200d", "\u200b", "\ufe0f", "\u2060"} {
		for _, p := range []PasswordPolicy{
			{Length: 8, Alphabet: "ab" + r},
			{Length: 8, Symbols: ClassPolicy{Use: true}, SymbolSet: "!" + r},
			{Length: 8, Lower: ClassPolicy{Use: true}, Exclude: r},
		} {
			if _, err := NewPassword(p); err == nil || !strings.Contains(err.Error(), "U+") {
				t.Errorf("%U in %+v: %v", []rune(r)[0], p, err)
			}
		}
		if _, err := NewPhrase(PhrasePolicy{Words: 3, Separator: r}); err == nil {
			t.Errorf("%U as the separator accepted", []rune(r)[0])
		}
		if _, _, err := ParseWordlist("w", strings.NewReader("alpha\nbr"+r+"avo\ncharlie\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%U in a word: %v", []rune(r)[0], err)
		}
	}
}

// Wordlist words are prepared too: equivalent spellings are one word.
func TestWordlistWordsArePrepared(t *testing.T) {
	wl, warns, err := ParseWordlist("w", strings.NewReader("e\u0301cole\n\u00e9cole\nzebra\n"))
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, w := range warns {
		all = append(all, w.String())
	}
	if len(wl.Words) != 2 || wl.Words[0] != "\u00e9cole" || !strings.Contains(strings.Join(all, "; "), "1 word written as passwords are compared") {
		t.Fatalf("words %q, warnings %q", wl.Words, all)
	}
}
