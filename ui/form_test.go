package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// Keys in the form, every field type, every mode's fields, and settings
// no secret can satisfy.

func fieldIDs(h *harness) []string {
	var ids []string
	for _, f := range h.m.form().fields(&h.m.s) {
		ids = append(ids, f.id())
	}
	return ids
}

func TestFormFieldsPerMode(t *testing.T) {
	want := map[settings.Mode][]string{
		settings.Password: {"length",
			"rules", "style", "pattern", "lower", "min-lower", "max-lower", "upper", "min-upper", "max-upper",
			"digits", "min-digits", "max-digits", "symbols", "min-symbols", "max-symbols",
			"space", "min-space", "max-space",
			"symbol-set", "exclude", "no-ambiguous", "alphabet", "max-repeating", "max-sequential"},
		settings.Phrase: {"words", "rules", "wordlist", "random-separator", "separator", "case", "number"},
		settings.Token:  {"bytes", "format", "prefix", "checksum"},
		settings.PIN:    {"length", "no-trivial"},
	}
	h := newHarness(t)
	for mode, ids := range want {
		h.keys(string(rune('1' + mode)))
		if got := fieldIDs(h); !slices.Equal(got, ids) {
			t.Errorf("%v fields %v, want %v", mode, got, ids)
		}
	}
}

func TestTabWalksTheFormAndBack(t *testing.T) {
	h := newHarness(t)
	ids := fieldIDs(h)
	h.keys("tab")
	for i, id := range ids {
		if h.m.focus != focusForm || h.m.field == nil || h.m.field.id() != id {
			t.Fatalf("tab %d: focus on %v, want %s", i+1, h.m.field, id)
		}
		if i == 0 {
			mustContain(t, h.view(), "› length")
		}
		h.keys("tab")
	}
	if h.m.focus != focusResult {
		t.Fatal("tab past the last field did not return to the result")
	}
	// shift+tab walks backwards from the last field.
	h.keys("shift+tab")
	for i := len(ids) - 1; i >= 0; i-- {
		if h.m.field == nil || h.m.field.id() != ids[i] {
			t.Fatalf("shift+tab: focus on %v, want %s", h.m.field, ids[i])
		}
		h.keys("shift+tab")
	}
	if h.m.focus != focusResult {
		t.Fatal("shift+tab before the first field did not return to the result")
	}
	// enter moves on too; esc returns from anywhere.
	h.keys("tab", "enter")
	if h.m.field.id() != ids[1] {
		t.Fatalf("enter moved to %s, want %s", h.m.field.id(), ids[1])
	}
	h.keys("esc")
	if h.m.focus != focusResult || h.m.field != nil {
		t.Fatal("esc did not return to the result")
	}
}

func TestSingleKeysDoNotActInTheForm(t *testing.T) {
	h := newHarness(t)
	s := h.secret()
	h.keys("tab") // the length field
	h.keys("q", "r", "m", "c", "h", "2")
	if h.quit != nil || h.m.s.Masked || h.m.s.Mode != settings.Password {
		t.Fatal("a result key acted in the form")
	}
	if _, n := h.clip.get(); n != 0 {
		t.Fatal("c copied from the form")
	}
	// "2" is a digit: it typed a length of 2.
	if h.m.s.Password.Length != 2 || h.secret() == s {
		t.Fatalf("typing 2 gave length %d", h.m.s.Password.Length)
	}
	// ? opens the help on fields that take no text.
	h.keys("?")
	if !h.m.help.ShowAll {
		t.Fatal("? did not open the help on a number field")
	}
	mustContain(t, h.view(), "back to the result")
}

func TestNumberField(t *testing.T) {
	h := newHarness(t)
	h.focusOn("length")
	steps := []struct {
		keys []string
		want int
	}{
		{[]string{"up"}, 21}, {[]string{"right"}, 22}, {[]string{"+"}, 23}, {[]string{"="}, 24},
		{[]string{"down"}, 23}, {[]string{"left"}, 22}, {[]string{"-"}, 21},
		{[]string{"pgup"}, 31}, {[]string{"pgdown"}, 21},
		{[]string{"home"}, 1}, {[]string{"end"}, generator.MaxLength},
		{[]string{"3", "2"}, 32},                      // typing replaces, then extends
		{[]string{"backspace"}, 3},                    // deletes a digit
		{[]string{"backspace"}, 3},                    // nothing left to apply: unchanged
		{[]string{"1", "2"}, 12},                      // typing again
		{[]string{"9", "9", "9", "9"}, 4096},          // clamped to the maximum
		{[]string{"up", "0"}, 1},                      // a new entry after an adjustment; 0 is clamped up
		{[]string{"0", "0", "7"}, 7},                  // leading zeros
		{[]string{"down", "down", "down"}, 4},         // arrows after typing
		{[]string{"down", "down", "down", "down"}, 1}, // clamped to the minimum
	}
	for _, s := range steps {
		h.keys(s.keys...)
		if got := h.m.s.Password.Length; got != s.want {
			t.Fatalf("after %v: length %d, want %d", s.keys, got, s.want)
		}
		if len(h.secret()) != s.want {
			t.Fatalf("after %v: a secret of %d characters", s.keys, len(h.secret()))
		}
	}
	// Typing shows a cursor in the field.
	h.keys("5")
	mustContain(t, h.view(), "‹5▏›")
	// Leaving the field ends the entry: the next digit starts a new one.
	h.keys("esc", "tab", "6")
	if h.m.s.Password.Length != 6 {
		t.Fatalf("length %d after a new entry of 6", h.m.s.Password.Length)
	}
}

func TestNumberFieldWithZeroLabel(t *testing.T) {
	h := newHarness(t)
	f := h.focusOn("max-repeating")
	mustContain(t, h.view(), "max repeat    ‹off›")
	h.keys("up")
	if h.m.s.Password.MaxRepeating != 1 || f.(*numberField).display(&h.m.s) != "1" {
		t.Fatalf("max-consecutive %d", h.m.s.Password.MaxRepeating)
	}
	mustContain(t, h.view(), "no character 2 times in a row")
	h.keys("down", "down")
	if h.m.s.Password.MaxRepeating != 0 {
		t.Fatal("max-consecutive went below 0")
	}
	h.focusOn("max-digits")
	h.typeText("3")
	if h.m.s.Password.Digits.Max != settings.AtMost(3) {
		t.Fatalf("max-digits %v", h.m.s.Password.Digits.Max)
	}
	digits := 0
	for _, r := range h.secret() {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits > 3 {
		t.Fatalf("%d digits with max-digits 3: %q", digits, h.secret())
	}
}

func TestSwitchField(t *testing.T) {
	h := newHarness(t)
	h.focusOn("space")
	mustContain(t, h.view(), "› space")
	h.keys("x", "left", "up") // not a toggle key
	if h.m.s.Password.Space.Use {
		t.Fatal("a non-toggle key toggled")
	}
	h.keys("space")
	if !h.m.s.Password.Space.Use {
		t.Fatal("space did not toggle the switch on")
	}
	if n := h.m.result().res.gen.(*generator.Password).AlphabetSize(); n != 95 {
		t.Fatalf("alphabet of %d with the space class on, want 95", n)
	}
	mustContain(t, h.view(), "95-character alphabet", "‹[x]›")
	h.keys("space")
	if h.m.s.Password.Space.Use {
		t.Fatal("space did not toggle the switch off")
	}
}

func TestChoiceField(t *testing.T) {
	h := newHarness(t)
	h.keys("3")
	h.focusOn("format")
	want := []string{"base64", "base64url", "base32", "base62", "hex", "base64"}
	for _, w := range want {
		h.keys("right")
		if got := h.m.s.Token.Format.String(); got != w {
			t.Fatalf("→ gave %s, want %s", got, w)
		}
	}
	h.keys("left", "left") // wraps back past hex
	if got := h.m.s.Token.Format.String(); got != "base62" {
		t.Fatalf("←← gave %s", got)
	}
	h.keys("space", "down", "up")
	if got := h.m.s.Token.Format.String(); got != "hex" {
		t.Fatalf("space ↓ ↑ gave %s", got)
	}
	mustContain(t, h.view(), "‹ hex ›")
	if h.bits() != 256 {
		t.Fatalf("format changed the strength: %.2f", h.bits())
	}
}

func TestTextFieldTakesEveryKey(t *testing.T) {
	h := newHarness(t)
	h.focusOn("exclude")
	h.typeText("q?m1rch")
	if h.quit != nil || h.m.s.Masked || h.m.help.ShowAll || h.m.s.Mode != settings.Password {
		t.Fatal("a typed letter acted as a command")
	}
	if h.m.s.Password.Exclude != "q?m1rch" {
		t.Fatalf("exclude %q", h.m.s.Password.Exclude)
	}
	if strings.ContainsAny(h.secret(), "q?m1rch") {
		t.Fatalf("excluded characters in %q", h.secret())
	}
	mustContain(t, h.view(), "87-character alphabet")
	h.keys("backspace", "backspace")
	if h.m.s.Password.Exclude != "q?m1r" {
		t.Fatalf("after backspace: %q", h.m.s.Password.Exclude)
	}
	h.keys("left", "left", "backspace") // cursor keys move within the text
	if h.m.s.Password.Exclude != "q?m1r"[:2]+"1r" {
		t.Fatalf("editing in the middle gave %q", h.m.s.Password.Exclude)
	}
	h.send(tea.PasteMsg{Content: "xyz"})
	if !strings.Contains(h.m.s.Password.Exclude, "xyz") {
		t.Fatalf("paste gave %q", h.m.s.Password.Exclude)
	}
	// space is text here.
	h.keys("space")
	if !strings.Contains(h.m.s.Password.Exclude, " ") {
		t.Fatal("space did not type a space")
	}
}

func TestPasteIntoNumber(t *testing.T) {
	h := newHarness(t)
	h.focusOn("length")
	h.send(tea.PasteMsg{Content: " 4 8\n"})
	if h.m.s.Password.Length != 48 {
		t.Fatalf("pasted length %d", h.m.s.Password.Length)
	}
	h.keys("esc")
	h.send(tea.PasteMsg{Content: "12"}) // not in the form: ignored
	if h.m.s.Password.Length != 48 {
		t.Fatal("a paste on the result changed a setting")
	}
}

func TestPasswordFields(t *testing.T) {
	type check func(t *testing.T, h *harness)
	countIf := func(s string, f func(rune) bool) int {
		n := 0
		for _, r := range s {
			if f(r) {
				n++
			}
		}
		return n
	}
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	cases := []struct {
		id   string
		keys []string
		text string
		ok   check
	}{
		{"lower", []string{"space"}, "", func(t *testing.T, h *harness) {
			if strings.ContainsAny(h.secret(), generator.LowerChars) {
				t.Fatalf("lower off but %q", h.secret())
			}
		}},
		{"upper", []string{"space"}, "", func(t *testing.T, h *harness) {
			if strings.ContainsAny(h.secret(), generator.UpperChars) {
				t.Fatalf("upper off but %q", h.secret())
			}
		}},
		{"digits", []string{"space"}, "", func(t *testing.T, h *harness) {
			if strings.ContainsAny(h.secret(), generator.DigitChars) {
				t.Fatalf("digits off but %q", h.secret())
			}
		}},
		{"symbols", []string{"space"}, "", func(t *testing.T, h *harness) {
			if strings.ContainsAny(h.secret(), generator.SymbolChars) {
				t.Fatalf("symbols off but %q", h.secret())
			}
		}},
		{"min-digits", nil, "12", func(t *testing.T, h *harness) {
			if n := countIf(h.secret(), isDigit); n < 12 {
				t.Fatalf("%d digits with min-digits 12", n)
			}
		}},
		{"min-upper", nil, "15", func(t *testing.T, h *harness) {
			if n := countIf(h.secret(), func(r rune) bool { return r >= 'A' && r <= 'Z' }); n < 15 {
				t.Fatalf("%d upper with min-upper 15", n)
			}
		}},
		{"min-lower", []string{"up", "up"}, "", func(t *testing.T, h *harness) {
			if h.m.s.Password.Lower.Min != 2 {
				t.Fatal("min-lower not 2")
			}
		}},
		{"min-symbols", []string{"up"}, "", func(t *testing.T, h *harness) {
			if h.m.s.Password.Symbols.Min != 1 {
				t.Fatal("min-symbols not 1")
			}
		}},
		{"max-symbols", []string{"up"}, "", func(t *testing.T, h *harness) {
			if n := countIf(h.secret(), func(r rune) bool { return strings.ContainsRune(generator.SymbolChars, r) }); n > 1 {
				t.Fatalf("%d symbols with max-symbols 1", n)
			}
		}},
		{"max-lower", nil, "2", func(t *testing.T, h *harness) {
			if h.m.s.Password.Lower.Max != settings.AtMost(2) {
				t.Fatal("max-lower not 2")
			}
		}},
		{"max-upper", nil, "2", func(t *testing.T, h *harness) {
			if h.m.s.Password.Upper.Max != settings.AtMost(2) {
				t.Fatal("max-upper not 2")
			}
		}},
		{"space", []string{"space"}, "", func(t *testing.T, h *harness) {
			if !h.m.s.Password.Space.Use {
				t.Fatal("space class not on")
			}
		}},
		{"symbol-set", nil, "#@", func(t *testing.T, h *harness) {
			if strings.ContainsAny(h.secret(), "!$%^&*()") {
				t.Fatalf("symbols outside the set: %q", h.secret())
			}
			mustContain(t, h.view(), "64-character alphabet")
		}},
		{"no-ambiguous", []string{"space"}, "", func(t *testing.T, h *harness) {
			if strings.ContainsAny(h.secret(), generator.Ambiguous) {
				t.Fatalf("look-alikes in %q", h.secret())
			}
		}},
		{"alphabet", nil, "abc123", func(t *testing.T, h *harness) {
			if strings.Trim(h.secret(), "abc123") != "" {
				t.Fatalf("%q outside the alphabet", h.secret())
			}
			mustContain(t, h.view(), "6-character alphabet", "replaces the classes")
		}},
		{"max-repeating", []string{"up"}, "", func(t *testing.T, h *harness) {
			s := h.secret()
			for i := 1; i < len(s); i++ {
				if s[i] == s[i-1] {
					t.Fatalf("a repeat in %q", s)
				}
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			h := newHarness(t)
			before := h.m.s.Password
			h.focusOn(c.id)
			h.keys(c.keys...)
			h.typeText(c.text)
			if h.m.s.Password == before {
				t.Fatal("the field changed nothing")
			}
			if err := h.m.failing(settings.Password); err != nil {
				t.Fatalf("error: %v", err)
			}
			if !h.m.current(settings.Password) {
				t.Fatal("no fresh result for the new settings")
			}
			c.ok(t, h)
		})
	}
}

func TestPhraseFields(t *testing.T) {
	h := newHarness(t)
	h.keys("2")
	h.focusOn("words")
	h.typeText("4")
	if h.m.s.Phrase.Words != 4 || strings.Count(h.secret(), "-") != 3 {
		t.Fatalf("4 words gave %q", h.secret())
	}
	h.focusOn("wordlist")
	h.keys("right")
	if h.m.s.Phrase.Wordlist != "eff-short" || h.bits() != 41.35 {
		t.Fatalf("eff-short: %q %.2f bits", h.m.s.Phrase.Wordlist, h.bits())
	}
	mustContain(t, h.view(), "1,296-word list")
	h.keys("right")
	if h.m.s.Phrase.Wordlist != "eff-short2" {
		t.Fatal("→ did not reach eff-short2")
	}
	h.keys("left", "left")
	h.focusOn("random-separator")
	h.keys("right")
	if h.m.s.Phrase.RandomSeparator != generator.SepDigit {
		t.Fatal("separator not a random digit")
	}
	if slices.Contains(fieldIDs(h), "separator") {
		t.Fatal("the separator text is shown for a random separator")
	}
	h.keys("right")
	if h.m.s.Phrase.RandomSeparator != generator.SepSymbol {
		t.Fatal("separator not a random symbol")
	}
	h.keys("right") // back to text
	h.focusOn("separator")
	h.keys("backspace")
	h.typeText(" + ")
	if h.m.s.Phrase.Separator != " + " || !strings.Contains(h.secret(), " + ") {
		t.Fatalf("separator %q gave %q", h.m.s.Phrase.Separator, h.secret())
	}
	h.focusOn("case")
	h.keys("right")
	if h.m.s.Phrase.Case != generator.CaseUpper || h.secret() != strings.ToUpper(h.secret()) {
		t.Fatalf("upper case gave %q", h.secret())
	}
	h.keys("right", "right")
	if h.m.s.Phrase.Case != generator.CaseRandom {
		t.Fatal("case not random")
	}
	h.focusOn("number")
	h.keys("space")
	if !h.m.s.Phrase.Number || !strings.ContainsAny(h.secret(), "0123456789") {
		t.Fatalf("number on gave %q", h.secret())
	}
}

func TestWordlistFile(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "words.txt")
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}
	if err := os.WriteFile(list, []byte(strings.Join(words, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	h.keys("2")
	h.focusOn("wordlist")
	h.keys("left") // eff-large → file…
	if f := h.m.form().byID("wordlist-file"); f == nil || !f.shown(&h.m.s) {
		t.Fatal("← from the first list did not choose a file")
	}
	if id, msg := h.fieldError(); id != "wordlist-file" || !strings.Contains(msg, "type the path") {
		t.Fatalf("empty path: error %q on %q", msg, id)
	}
	h.keys("tab")
	if h.m.field.id() != "wordlist-file" {
		t.Fatalf("tab after file… went to %s", h.m.field.id())
	}
	h.typeText(dir)
	if id, msg := h.fieldError(); id != "wordlist-file" || !strings.Contains(msg, "folder") {
		t.Fatalf("a folder: error %q on %q", msg, id)
	}
	h.typeText("/nope")
	if id, msg := h.fieldError(); id != "wordlist-file" || msg != "no such file" {
		t.Fatalf("a missing file: error %q on %q", msg, id)
	}
	mustContain(t, h.view(), "✗ no such file")
	for range len("/nope") {
		h.keys("backspace")
	}
	h.typeText("/words.txt")
	if err := h.m.failing(settings.Phrase); err != nil {
		t.Fatalf("a good file: %v", err)
	}
	for _, w := range strings.Split(h.secret(), "-") {
		if !slices.Contains(words, w) {
			t.Fatalf("word %q not from the file", w)
		}
	}
	if h.bits() != 18 {
		t.Fatalf("6 words of 8: %.2f bits, want 18", h.bits())
	}
	mustContain(t, h.view(), "8-word list", "! wordlist")
	// A built-in list and back keeps the path.
	h.focusOn("wordlist")
	h.keys("right")
	if h.m.s.Phrase.Wordlist != "eff-large" {
		t.Fatalf("→ from file… gave %q", h.m.s.Phrase.Wordlist)
	}
	h.keys("left")
	if h.m.s.Phrase.Wordlist != list {
		t.Fatalf("back to file… gave %q", h.m.s.Phrase.Wordlist)
	}
}

func TestUpperBoundPassphrase(t *testing.T) {
	list := filepath.Join(t.TempDir(), "words.txt")
	if err := os.WriteFile(list, []byte("a\nab\nb\nba\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, withSettings(func(s *settings.Settings) {
		s.Mode = settings.Phrase
		s.Phrase.Wordlist = list
		s.Phrase.Separator = ""
	}))
	r := h.m.result().res
	if r == nil || r.strength.Entropy.Bound != generator.UpperBound {
		t.Fatalf("result %+v", r)
	}
	v := h.view()
	mustContain(t, v, "≤ 12.00 bits", "upper bound", "! with wordlist")
}

func TestTokenFields(t *testing.T) {
	h := newHarness(t)
	h.keys("3")
	h.focusOn("bytes")
	h.typeText("16")
	if h.bits() != 128 || len(h.secret()) != 32 {
		t.Fatalf("16 bytes: %.2f bits, %q", h.bits(), h.secret())
	}
	mustContain(t, h.view(), "128 random bits")
	h.focusOn("prefix")
	h.typeText("sk_live_")
	if !strings.HasPrefix(h.secret(), "sk_live_") {
		t.Fatalf("prefix missing: %q", h.secret())
	}
	h.focusOn("checksum")
	h.keys("space")
	s := h.secret()
	// A hex token's checksum is hex too: 8 digits.
	if len(s) != len("sk_live_")+32+8 || !generator.VerifyTokenChecksum(s, "sk_live_", generator.TokenHex) {
		t.Fatalf("checksum token %q", s)
	}
	if h.bits() != 128 {
		t.Fatal("prefix and checksum changed the strength")
	}
	// Drawn as prefix, body groups, checksum.
	mustContain(t, h.view(), "sk_live_ "+s[8:16]+" ", " "+s[len(s)-8:])
}

func TestPINFields(t *testing.T) {
	h := newHarness(t)
	h.keys("4")
	h.focusOn("length")
	h.typeText("4")
	if len(h.secret()) != 4 || h.bits() != 13.28 {
		t.Fatalf("4 digits: %q %.2f", h.secret(), h.bits())
	}
	h.focusOn("no-trivial")
	h.keys("space")
	if !h.m.s.PIN.NoTrivial || h.bits() != 13.28 {
		t.Fatalf("no trivial PINs: %.2f bits", h.bits())
	}
	mustContain(t, h.view(), "30 trivial PINs excluded")
	if generator.IsTrivialPIN(h.secret()) {
		t.Fatalf("trivial PIN %q", h.secret())
	}
}

// Impossible settings: the error shows on the field the generator names,
// the last valid secret stays, and fixing the setting recovers.
func TestImpossibleSettings(t *testing.T) {
	cases := []struct {
		name   string
		mode   string
		edit   func(h *harness)
		field  string
		msg    string
		repair func(h *harness)
	}{
		{"minimums over the length", "1", func(h *harness) { h.focusOn("min-digits"); h.typeText("30") },
			"length", "the minimums add up to 30", func(h *harness) { h.keys("backspace") }},
		{"every class off", "1", func(h *harness) {
			for _, id := range []string{"lower", "upper", "digits", "symbols"} {
				h.focusOn(id)
				h.keys("space")
			}
		}, "lower", "every character class is off", func(h *harness) { h.keys("space") }},
		{"empty alphabet by exclusion", "1", func(h *harness) {
			for _, id := range []string{"lower", "upper", "symbols"} {
				h.focusOn(id)
				h.keys("space")
			}
			h.focusOn("exclude")
			h.typeText("0123456789")
		}, "exclude", "every character is excluded", func(h *harness) { h.keys("backspace", "backspace") }},
		{"one character left", "1", func(h *harness) {
			for _, id := range []string{"lower", "upper", "symbols"} {
				h.focusOn(id)
				h.keys("space")
			}
			h.focusOn("exclude")
			h.typeText("012345678")
		}, "exclude", "every password would be the same", func(h *harness) { h.keys("backspace") }},
		{"minimum of a class turned off", "1", func(h *harness) {
			h.focusOn("min-digits")
			h.typeText("2")
			h.focusOn("digits")
			h.keys("space")
		}, "min-digits", "digits are turned off", func(h *harness) { h.keys("space") }},
		{"maximum under minimum", "1", func(h *harness) {
			h.focusOn("min-lower")
			h.typeText("5")
			h.focusOn("max-lower")
			h.typeText("3")
		}, "max-lower", "below min-lower", func(h *harness) { h.keys("up", "up") }},
		{"letters in the symbol set", "1", func(h *harness) { h.focusOn("symbol-set"); h.typeText("a") },
			"symbol-set", "lower-case letter", func(h *harness) { h.keys("backspace") }},
		{"symbol set with an alphabet", "1", func(h *harness) {
			// The alphabet greys the symbol set out, so only one typed
			// before it can clash.
			h.focusOn("symbol-set")
			h.typeText("#")
			h.focusOn("alphabet")
			h.typeText("xyz")
		}, "symbol-set", "no effect with a custom alphabet", func(h *harness) { h.keys("backspace", "backspace", "backspace") }},
		{"bad wordlist path", "2", func(h *harness) {
			h.focusOn("wordlist")
			h.keys("left", "tab")
			h.typeText("/no/such/list")
		}, "wordlist-file", "no such file", func(h *harness) {
			h.keys("shift+tab", "right")
		}},
		{"trivial 1-digit PIN", "4", func(h *harness) {
			h.focusOn("no-trivial")
			h.keys("space")
			h.focusOn("length")
			h.typeText("1")
		}, "length", "every 1-digit PIN counts as trivial", func(h *harness) { h.keys("up") }},
		{"space in a token prefix", "3", func(h *harness) { h.focusOn("prefix"); h.typeText("a b") },
			"prefix", "without spaces", func(h *harness) { h.keys("backspace", "backspace") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			h.keys(c.mode)
			c.edit(h)
			id, msg := h.fieldError()
			if id != c.field || !strings.Contains(msg, c.msg) {
				t.Fatalf("error %q on %q, want %q on %q", msg, id, c.msg, c.field)
			}
			if h.m.current(h.m.s.Mode) {
				t.Fatal("the result claims to match impossible settings")
			}
			// The last valid result is still shown (it may be newer than
			// the starting one: some edits passed through valid states).
			if h.m.result().res == nil {
				t.Fatal("no result left on screen")
			}
			v := h.view()
			mustContain(t, v, "from the previous settings", "✗ "+msg[:min(30, len(msg))])
			// The inline note sits right under its field's row.
			lines, _ := h.m.formLines(200)
			label := rowLabel(h.m.form(), c.field)
			found := false
			for i, l := range lines {
				if strings.Contains(ansiStripped(l), " "+label+" ") && i+1 < len(lines) && strings.Contains(ansiStripped(lines[i+1]), "✗ "+msg[:min(30, len(msg))]) {
					found = true
				}
			}
			if !found {
				t.Fatalf("no note under the %q row:\n%s", label, ansiStripped(strings.Join(lines, "\n")))
			}
			c.repair(h)
			if err := h.m.failing(h.m.s.Mode); err != nil {
				t.Fatalf("still failing after the repair: %v", err)
			}
			if !h.m.current(h.m.s.Mode) {
				t.Fatal("no new result after the repair")
			}
			mustNotContain(t, h.view(), "from the previous settings", "✗ ")
		})
	}
}

func TestRawTokenFromSettingsIsRefused(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) {
		s.Mode = settings.Token
		s.Token.Format = generator.TokenRaw
	}))
	if h.m.result().res != nil {
		t.Fatal("a raw token was made for the screen")
	}
	mustContain(t, h.view(), "none yet")
	mustNotContain(t, h.view(), "working…")
	if id, msg := h.fieldError(); id != "format" || !strings.Contains(msg, "raw bytes cannot be shown") {
		t.Fatalf("error %q on %q", msg, id)
	}
	v := h.view()
	mustContain(t, v, "raw", "✗ raw bytes cannot be shown")
	h.focusOn("format")
	h.keys("right")
	if h.m.s.Token.Format != generator.TokenHex || h.m.result().res == nil {
		t.Fatal("choosing a format did not recover")
	}
}

func TestErrorLinesStayInsideTheForm(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	h.focusOn("min-digits")
	h.typeText("30")
	v := h.view()
	// The box repeats the message, so it is seen even when the field that
	// owns it is scrolled away.
	mustContain(t, v, "✗ the minimums add up to 30")
	if n := len(strings.Split(v, "\n")); n > 24 {
		t.Fatalf("%d lines at 60×24", n)
	}
}

func TestFormScrollsToTheFocus(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	mustContain(t, h.view(), "↓ ")
	h.focusOn("max-repeating")
	mustContain(t, h.view(), "› max repeat", "↑ ")
	h.focusOn("length")
	mustContain(t, h.view(), "› length")
}

// rowLabel is the label of the row that holds a field.
func rowLabel(f *form, id string) string {
	for _, r := range f.rows {
		for _, c := range r.fields {
			if c.id() == id {
				return r.label
			}
		}
	}
	return ""
}

// In the form too, a maximum of 0 is none of the class, distinct from any,
// custom alphabet or not: the figure is the brute-force count's.
func TestMaxZeroInTheForm(t *testing.T) {
	h := newHarness(t)
	h.focusOn("alphabet")
	h.typeText("abc1")
	h.focusOn("length")
	h.typeText("4")
	h.focusOn("max-digits")
	mustContain(t, h.view(), "any")
	h.typeText("0")
	if h.m.s.Password.Digits.Max != settings.AtMost(0) {
		t.Fatalf("max-digits %v after typing 0", h.m.s.Password.Digits.Max)
	}
	// 3^4 strings over abc: log2 81.
	if e := h.m.result().res.strength.Entropy; e.Count == nil || e.Count.Int64() != 81 {
		t.Fatalf("count %v, want 3^4 = 81", e.Count)
	}
	for range 50 {
		h.keys("esc", "r")
		if strings.Contains(h.secret(), "1") {
			t.Fatalf("a digit with max-digits 0: %q", h.secret())
		}
	}
	// Back to any: the figure counts the digit again (4^4 = 256: 8 bits).
	h.focusOn("max-digits")
	h.keys("a")
	if e := h.m.result().res.strength.Entropy; h.m.s.Password.Digits.Max.Set || e.Count.Int64() != 256 {
		t.Fatalf("after a: %v, count %v", h.m.s.Password.Digits.Max, e.Count)
	}
}

// What a key did that the value does not show is said: a number typed past
// its range, a paste that was not all digits.
func TestNumberFieldSaysWhatItClamped(t *testing.T) {
	h := newHarness(t)
	h.focusOn("length")
	h.typeText("999999")
	if h.m.s.Password.Length != generator.MaxLength {
		t.Fatalf("length %d", h.m.s.Password.Length)
	}
	mustContain(t, h.view(), "length is at most 4,096")
	h.keys("up")
	mustNotContain(t, h.view(), "at most 4,096")
	h.send(tea.PasteMsg{Content: "abc12x9"})
	if h.m.s.Password.Length != 129 {
		t.Fatalf("length %d after pasting abc12x9", h.m.s.Password.Length)
	}
	mustContain(t, h.view(), "took the digits of the paste: 129")
}

// A maximum goes back to any with backspace to empty, or a, and says so
// while it has the focus.
func TestMaximumBackToAny(t *testing.T) {
	h := newHarness(t)
	h.focusOn("max-digits")
	mustContain(t, h.view(), "empty or a: any")
	h.typeText("12")
	if h.m.s.Password.Digits.Max != settings.AtMost(12) {
		t.Fatalf("max %v", h.m.s.Password.Digits.Max)
	}
	h.keys("backspace", "backspace")
	if h.m.s.Password.Digits.Max.Set {
		t.Fatalf("backspace to empty left %v", h.m.s.Password.Digits.Max)
	}
	h.typeText("3")
	h.keys("a")
	if h.m.s.Password.Digits.Max.Set {
		t.Fatalf("a left %v", h.m.s.Password.Digits.Max)
	}
}

// With a custom alphabet the class switches and the symbol set no longer
// apply: shown greyed, with the reason, and passed over by tab.
func TestCustomAlphabetGreysTheClasses(t *testing.T) {
	h := newHarness(t)
	h.focusOn("alphabet")
	h.typeText("abc123")
	v := h.view()
	mustContain(t, v, "use: the alphabet replaces the classes", "- (the alphabet replaces the classes)")
	for _, id := range fieldIDs(h) {
		if id == "lower" || id == "symbols" || id == "symbol-set" {
			t.Fatalf("tab still stops at %s", id)
		}
	}
	if !slices.Contains(fieldIDs(h), "min-digits") {
		t.Fatal("min-digits should still apply")
	}
}

// A separator that is a space is drawn as ␣, not as nothing.
func TestSpaceSeparatorIsVisible(t *testing.T) {
	h := newHarness(t)
	h.keys("2")
	h.focusOn("separator")
	h.keys("backspace")
	h.typeText(" ")
	h.keys("esc")
	mustContain(t, h.view(), "“␣”")
}

// R puts the current tab back to the defaults, and only that tab.
func TestResetTab(t *testing.T) {
	h := newHarness(t)
	h.focusOn("length")
	h.typeText("32")
	h.keys("esc", "2")
	h.focusOn("words")
	h.typeText("9")
	h.keys("esc", "1", "R")
	if h.m.s.Password != settings.Default().Password || h.m.s.Phrase.Words != 9 {
		t.Fatalf("password %+v, words %d", h.m.s.Password, h.m.s.Phrase.Words)
	}
	if len(h.secret()) != 20 || !strings.Contains(h.m.statusText(), "password settings back to the defaults") {
		t.Fatalf("secret %q, status %q", h.secret(), h.m.statusText())
	}
	h.keys("?")
	mustContain(t, h.view(), "R", "tab's defaults")
}
