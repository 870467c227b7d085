package generator

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestPasswordPolicyErrors(t *testing.T) {
	def := DefaultPasswordPolicy
	cases := []struct {
		name  string
		edit  func(p *PasswordPolicy)
		field string
		says  []string // fragments the message must contain
	}{
		{"length 0", func(p *PasswordPolicy) { p.Length = 0 }, "length", []string{"length 0", "1 to 4096"}},
		{"length too long", func(p *PasswordPolicy) { p.Length = 4097 }, "length", []string{"4097", "1 to 4096"}},
		{"negative min", func(p *PasswordPolicy) { p.Digits.Min = -1 }, "min-digits", []string{"negative"}},
		{"max below min", func(p *PasswordPolicy) { p.Digits.Min = 5; p.Digits = p.Digits.AtMost(3) }, "max-digits", []string{"below min-digits 5"}},
		{"minimums over length", func(p *PasswordPolicy) { p.Length, p.Digits.Min, p.Symbols.Min = 8, 5, 5 }, "length", []string{"add up to 10", "at least 10"}},
		{"every class off", func(p *PasswordPolicy) { *p = PasswordPolicy{Length: 8} }, "lower", []string{"every character class is off"}},
		{"everything excluded", func(p *PasswordPolicy) {
			*p = PasswordPolicy{Length: 8, Digits: ClassPolicy{Use: true}, Exclude: DigitChars}
		}, "exclude", []string{"every character is excluded"}},
		{"min on a class turned off", func(p *PasswordPolicy) { p.Symbols.Use, p.Symbols.Min = false, 2 }, "min-symbols", []string{"turned off"}},
		{"min on excluded class", func(p *PasswordPolicy) { p.Digits.Min, p.Exclude = 1, DigitChars }, "min-digits", []string{"excluded"}},
		{"min missing from alphabet", func(p *PasswordPolicy) { p.Alphabet, p.Digits.Min = "abc", 1 }, "min-digits", []string{"alphabet has no digits"}},
		{"maximums too small", func(p *PasswordPolicy) {
			*p = PasswordPolicy{Length: 10, Digits: ClassPolicy{Use: true, Max: 3, HasMax: true}, Symbols: ClassPolicy{Use: true, Max: 3, HasMax: true}}
		}, "length", []string{"at most 6"}},
		{"control in alphabet", func(p *PasswordPolicy) { p.Alphabet = "ab\x07" }, "alphabet", []string{"U+0007"}},
		{"zero-width in alphabet", func(p *PasswordPolicy) { p.Alphabet = "ab\u200b" }, "alphabet", []string{"U+200B"}},
		{"invalid utf-8", func(p *PasswordPolicy) { p.Alphabet = "ab\xff" }, "alphabet", []string{"UTF-8"}},
		{"letter in symbol set", func(p *PasswordPolicy) { p.SymbolSet = "!@a" }, "symbol-set", []string{"'a'", "lower"}},
		{"symbol set with alphabet", func(p *PasswordPolicy) { p.Alphabet, p.SymbolSet = "abc", "!" }, "symbol-set", []string{"custom alphabet"}},
		{"negative max-consecutive", func(p *PasswordPolicy) { p.MaxRepeating = -1 }, "max-repeating", []string{"negative"}},
		{"impossible runs", func(p *PasswordPolicy) { *p = PasswordPolicy{Length: 3, Alphabet: "a", MaxRepeating: 2} }, "max-repeating", []string{"in a row"}},
	}
	for _, c := range cases {
		p := def()
		c.edit(&p)
		_, err := NewPassword(p)
		var pe *PolicyError
		if !errors.As(err, &pe) {
			t.Errorf("%s: got %v, want a PolicyError", c.name, err)
			continue
		}
		if pe.Field != SettingName(c.field) {
			t.Errorf("%s: field %q, want %q (%v)", c.name, pe.Field, c.field, pe)
		}
		for _, frag := range c.says {
			if !strings.Contains(pe.Error(), frag) {
				t.Errorf("%s: message %q lacks %q", c.name, pe.Error(), frag)
			}
		}
		if pe.Error() != strings.ToLower(pe.Error()[:1])+pe.Error()[1:] || strings.HasSuffix(pe.Error(), ".") {
			t.Errorf("%s: message %q should be lower-case with no final period", c.name, pe.Error())
		}
	}
}

func TestPasswordWarnings(t *testing.T) {
	p := DefaultPasswordPolicy()
	p.Alphabet = "aabbc"
	pw, err := NewPassword(p)
	warns := pw.Warnings()
	if err != nil || len(warns) != 1 || !strings.Contains(warns[0].String(), "'a' and 'b'") || pw.AlphabetSize() != 3 {
		t.Fatalf("warnings %v, err %v", warns, err)
	}
}

func TestNoAmbiguousRemovesExactlyTheDocumentedSet(t *testing.T) {
	p := DefaultPasswordPolicy()
	p.NoAmbiguous = true
	pw, err := NewPassword(p)
	if err != nil {
		t.Fatal(err)
	}
	alpha := pw.Alphabet()
	for _, r := range Ambiguous {
		if strings.ContainsRune(alpha, r) {
			t.Errorf("%q still in the alphabet", r)
		}
	}
	if want := 94 - len(Ambiguous); len(alpha) != want {
		t.Errorf("alphabet has %d characters, want %d", len(alpha), want)
	}
}

func TestCustomAlphabetClasses(t *testing.T) {
	p := PasswordPolicy{Length: 30, Alphabet: "aé漢Ω1٣ ;€"}
	p.Upper.Min, p.Digits.Min, p.Space.Min, p.Symbols.Min, p.Lower.Min = 1, 2, 1, 2, 3
	pw, err := NewPassword(p)
	if err != nil {
		t.Fatal(err)
	}
	want := map[rune]Class{'a': Lower, 'é': Lower, '漢': Lower, 'Ω': Upper, '1': Digits, '٣': Digits, ' ': Space, ';': Symbols, '€': Symbols}
	for r, c := range want {
		if got := ClassOf(r); got != c {
			t.Errorf("ClassOf(%q) = %v, want %v", r, got, c)
		}
	}
	allowed := allowedChars(p)
	r := seededRand(3)
	for range 200 {
		s, err := pw.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkPassword(p, allowed, s); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	}
}

func TestMinLength(t *testing.T) {
	p := DefaultPasswordPolicy()
	for _, c := range []struct {
		bits float64
		want int
	}{{0, 1}, {6.55, 1}, {6.56, 2}, {128, 20}, {131.09, 20}, {131.1, 21}, {256, 40}} {
		got, err := MinLength(p, c.bits)
		if err != nil || got != c.want {
			t.Errorf("MinLength(default, %v) = %d, %v; want %d", c.bits, got, err, c.want)
			continue
		}
		// The answer is minimal: one shorter falls short.
		if got > 1 {
			q := p
			q.Length = got - 1
			if e, _ := PasswordEntropy(q); e.Rounded() >= c.bits {
				t.Errorf("length %d already reaches %v bits", got-1, c.bits)
			}
		}
	}
	// Minimums make short lengths invalid; the search skips them.
	q := constrainedPolicies["L12 ≥5 digits ≥5 symbols"]()
	if got, err := MinLength(q, 1); err != nil || got != 10 {
		t.Errorf("MinLength with minimums 5+5 = %d, %v; want 10", got, err)
	}
	if _, err := MinLength(p, 1e6); err == nil {
		t.Error("MinLength(1e6 bits) should fail")
	}
	var pe *PolicyError
	if _, err := MinLength(PasswordPolicy{Alphabet: "ab", Length: 3}, 5000); !errors.As(err, &pe) || pe.Field != "min-bits" {
		t.Errorf("unreachable: %v", err)
	}
}

// Within a range, the search starts at its low end and stops at its high
// end, and names both when the target is out of reach.
func TestMinLengthIn(t *testing.T) {
	p := DefaultPasswordPolicy()
	for _, c := range []struct {
		bits   float64
		lo, hi int
		want   int
	}{{1, 8, 32, 8}, {128, 8, 32, 20}, {131.1, 8, 32, 21}, {128, 20, 20, 20}, {200, 8, 32, 31}} {
		if got, err := MinLengthIn(p, c.bits, c.lo, c.hi); err != nil || got != c.want {
			t.Errorf("MinLengthIn(default, %v, %d, %d) = %d, %v; want %d", c.bits, c.lo, c.hi, got, err, c.want)
		}
	}
	var pe *PolicyError
	q := p
	q.Length = 32
	e, _ := PasswordEntropy(q)
	_, err := MinLengthIn(p, 256, 8, 32)
	if !errors.As(err, &pe) || pe.Field != "min-bits" || !strings.Contains(err.Error(), "from 8 to 32") || !strings.Contains(err.Error(), fmt.Sprintf("32 characters give %.2f", e.Rounded())) {
		t.Errorf("out of reach within 8 to 32: %v", err)
	}
}

func FuzzPasswordPolicy(f *testing.F) {
	f.Add(20, true, true, true, true, false, 0, 0, 0, 0, 0, 0, "", "", "", false, 0)
	f.Add(12, true, true, true, true, false, 0, 0, 5, 5, 0, 0, "", "", "", false, 2)
	f.Add(4, true, true, true, true, true, 1, 1, 1, 1, 0, 3, "!@", "", "xyz", true, 1)
	f.Add(6, false, false, false, false, false, 0, 0, 0, 0, 0, 0, "", "ab€Ω1 ", "", false, 1)
	f.Fuzz(func(t *testing.T, length int, lo, up, dg, sy, sp bool, mLo, mUp, mDg, mSy, mSp, xDg int, symSet, alphabet, exclude string, noAmb bool, maxRun int) {
		if length > 300 || mLo > 400 || mUp > 400 || mDg > 400 || mSy > 400 || mSp > 400 || xDg > 400 {
			return // keep each run fast; the limits are tested elsewhere
		}
		p := PasswordPolicy{
			Length: length, SymbolSet: symSet, Alphabet: alphabet, Exclude: exclude, NoAmbiguous: noAmb, MaxRepeating: maxRun,
			Lower: ClassPolicy{Use: lo, Min: mLo}, Upper: ClassPolicy{Use: up, Min: mUp}, Digits: ClassPolicy{Use: dg, Min: mDg, Max: xDg, HasMax: xDg != 0},
			Symbols: ClassPolicy{Use: sy, Min: mSy}, Space: ClassPolicy{Use: sp, Min: mSp},
		}
		pw, err := NewPassword(p)
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.Error() == "" || pe.Field == "" {
				t.Fatalf("%+v: error %v is not a descriptive PolicyError", p, err)
			}
			return
		}
		e := pw.Entropy()
		if e.Bits < 0 || e.Bits != e.Bits {
			t.Fatalf("%+v: entropy %v", p, e)
		}
		allowed := allowedChars(p)
		r := seededRand(1)
		for range 3 {
			s, err := pw.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkPassword(p, allowed, s); err != nil {
				t.Fatalf("%+v: %q: %v", p, s, err)
			}
		}
	})
}

func FuzzCustomAlphabet(f *testing.F) {
	for _, s := range []string{"abc", "aab", "a\x00b", "日本語", "\u200b", "\xff\xfe", "Ω1 ;", "e\u0301"} {
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, alphabet string, length int) {
		if length < 1 || length > 64 {
			return
		}
		pw, err := NewPassword(PasswordPolicy{Length: length, Alphabet: alphabet})
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("%q: %v is not a PolicyError", alphabet, err)
			}
			return
		}
		s, err := pw.Generate(seededRand(2))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range s {
			if !strings.ContainsRune(alphabet, r) {
				t.Fatalf("%q not in alphabet %q", r, alphabet)
			}
		}
		if checkVisible("alphabet", s) != nil {
			t.Fatalf("generated an invisible character: %q", s)
		}
	})
}

// A maximum of 0 means none of the class, with a custom alphabet as with
// the classes: the figure counts only what may appear (brute force agrees)
// and no output holds a forbidden character.
func TestMaxZeroForbidsTheClassInACustomAlphabet(t *testing.T) {
	for _, c := range []struct {
		alphabet string
		class    Class
		length   int
	}{
		{"abc1", Digits, 4},
		{"ab1!", Symbols, 5},
		{"aB1!", Upper, 3},
	} {
		p := PasswordPolicy{Length: c.length, Alphabet: c.alphabet}
		*p.Class(c.class) = p.Class(c.class).AtMost(0)
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatalf("%+v: %v", p, err)
		}
		want := int64(len(bruteForcePasswords(p)))
		if e := pw.Entropy(); e.Bound != Exact || e.Count.Int64() != want {
			t.Fatalf("%q without %s: count %v (%v), brute force %d", c.alphabet, c.class, e.Count, e.Bound, want)
		}
		r := NewRand(CryptoSource())
		for range 2000 {
			s, err := pw.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			for _, ch := range s {
				if ClassOf(ch) == c.class {
					t.Fatalf("%q without %s gave %q", c.alphabet, c.class, s)
				}
			}
		}
	}
	p := PasswordPolicy{Length: 4, Alphabet: "abc1"}
	p.Digits = p.Digits.AtMost(0)
	if e, _ := PasswordEntropy(p); e.Rounded() != 6.33 {
		t.Fatalf("abc1 without digits at length 4: %.4f bits, want log2(81) = 6.3399, shown as 6.33", e.Bits)
	}
}
