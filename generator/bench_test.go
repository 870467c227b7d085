package generator

import (
	"crypto/rand"
	"io"
	"testing"
)

// The floor: reading the random bytes a million length-20 passwords would
// need at one byte per character (README, Performance: the floor is 20 MB).
func BenchmarkFloorCryptoRandRead20MB(b *testing.B) {
	buf := make([]byte, 64<<10)
	for b.Loop() {
		for n := 0; n < 20_000_000; n += len(buf) {
			rand.Read(buf)
		}
	}
}

// A million default passwords, all cores, to a discarding writer: the
// bulk row of the README's performance table.
func BenchmarkBulk1MDefaultPasswords(b *testing.B) {
	pw, _ := NewPassword(DefaultPasswordPolicy())
	for b.Loop() {
		if err := Stream(io.Discard, pw, StreamOptions{Count: 1_000_000}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchGenerate(b *testing.B, g Engine) {
	b.Helper()
	r := NewRand(CryptoSource())
	for b.Loop() {
		if _, err := g.Generate(r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "passwords/s")
}

func BenchmarkPasswordDefault(b *testing.B) {
	pw, _ := NewPassword(DefaultPasswordPolicy())
	benchGenerate(b, pw)
}

// A tight policy: length 12 with ≥5 digits and ≥5 symbols.
func BenchmarkPasswordTight12(b *testing.B) {
	pw, _ := NewPassword(constrainedPolicies["L12 ≥5 digits ≥5 symbols"]())
	benchGenerate(b, pw)
}

// The other example: length 4 with one of each of four classes.
func BenchmarkPasswordOneEach4(b *testing.B) {
	p := DefaultPasswordPolicy()
	p.Length, p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min = 4, 1, 1, 1, 1
	pw, _ := NewPassword(p)
	benchGenerate(b, pw)
}

func benchEntropy(b *testing.B, L int) {
	p := DefaultPasswordPolicy()
	p.Length = L
	p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min = 2, 2, 2, 2
	for b.Loop() {
		if _, err := PasswordEntropy(p); err != nil {
			b.Fatal(err)
		}
	}
}

// Entropy of four classes with minimums (the budget: under 5 ms up to 128, under 50 ms
// at 4096).
func BenchmarkEntropy20(b *testing.B)   { benchEntropy(b, 20) }
func BenchmarkEntropy128(b *testing.B)  { benchEntropy(b, 128) }
func BenchmarkEntropy4096(b *testing.B) { benchEntropy(b, 4096) }

// Compiling a policy fully (entropy and sampler), as the TUI does per key.
func BenchmarkNewPassword4096AllMinimums(b *testing.B) {
	p := DefaultPasswordPolicy()
	p.Length = 4096
	p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min = 5, 5, 5, 5
	for b.Loop() {
		if _, err := NewPassword(p); err != nil {
			b.Fatal(err)
		}
	}
}

// The tilted sampler's worst realistic case: 4096 characters with at least
// 1024 each of lower-case letters, capitals and digits. (Two tight classes
// beside a loose pool now go to the split sampler.)
func BenchmarkPasswordTilted4096(b *testing.B) {
	p := DefaultPasswordPolicy()
	p.Length = 4096
	p.Lower.Min, p.Upper.Min, p.Digits.Min = 1024, 1024, 1024
	pw, err := NewPassword(p)
	if err != nil || pw.method != methodTilted {
		b.Fatalf("%v %s", err, pw.method)
	}
	benchGenerate(b, pw)
}

func BenchmarkPasswordSequential4096(b *testing.B) {
	pw, err := NewPassword(fiveTightClasses4096())
	if err != nil || pw.method != methodSequential {
		b.Fatalf("%v %s", err, pw.method)
	}
	benchGenerate(b, pw)
}

func BenchmarkNewPasswordSequential4096(b *testing.B) {
	p := fiveTightClasses4096()
	for b.Loop() {
		if _, err := NewPassword(p); err != nil {
			b.Fatal(err)
		}
	}
}

// asciiPrintable is the 95 printable ASCII characters, space included: a
// website's "allowed: ascii-printable".
const asciiPrintable = " " + SymbolChars + DigitChars + UpperChars + LowerChars

// siteSymbols is a website's custom special-character set.
const siteSymbols = "-!#$%&*+=?@^_"

// siteRule is a demanding website rule: four overlapping required groups,
// none inside another, and max-consecutive 2 (both run limits 2) over
// ASCII.
func siteRule(L int) PasswordPolicy {
	return PasswordPolicy{
		Length: L, Alphabet: asciiPrintable, MaxRepeating: 2, MaxSequential: 2,
		Require: []string{UpperChars + LowerChars, LowerChars + DigitChars, DigitChars + siteSymbols, siteSymbols + UpperChars},
	}
}

func benchRulesEntropy(b *testing.B, p PasswordPolicy) {
	e, err := PasswordEntropy(p)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(e.Bits, "bits")
	for b.Loop() {
		if _, err := PasswordEntropy(p); err != nil {
			b.Fatal(err)
		}
	}
}

// Entropy of the site rule (under 5 ms up to 128 characters, 50 ms at 4096).
func BenchmarkEntropyRules128(b *testing.B) { benchRulesEntropy(b, siteRule(128)) }

// A class minimum on top. A minimum of digits implies the two groups that
// hold every digit, which then drop out; a minimum of symbols implies
// none of them (they hold a few symbols each), which costs the most.
func BenchmarkEntropyRules128MinDigits(b *testing.B) {
	p := siteRule(128)
	p.Digits.Min = 2
	benchRulesEntropy(b, p)
}

func BenchmarkEntropyRules128MinSymbols(b *testing.B) {
	p := siteRule(128)
	p.Symbols.Min = 2
	benchRulesEntropy(b, p)
}

func BenchmarkEntropyRules4096(b *testing.B) { benchRulesEntropy(b, siteRule(4096)) }

func BenchmarkEntropyRules4096MinSymbols(b *testing.B) {
	p := siteRule(4096)
	p.Symbols.Min = 2
	benchRulesEntropy(b, p)
}

// A typical site rule at length 20, per password, next to
// BenchmarkPasswordDefault.
func BenchmarkPasswordSiteRule20(b *testing.B) {
	p := siteRule(20)
	p.Require = []string{UpperChars, LowerChars, DigitChars, SymbolChars}
	pw, err := NewPassword(p)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("method %s, %.2f bits", pw.method, pw.Entropy().Bits)
	benchGenerate(b, pw)
}

// A short rule with four disjoint groups and max-sequential 1: too few
// uniform strings qualify for rejection, so passwords are unranked from
// exact tables.
func BenchmarkPasswordRulesUnrank8(b *testing.B) {
	p := PasswordPolicy{Length: 8, Alphabet: asciiPrintable, MaxSequential: 1, MaxRepeating: 1,
		Require: []string{"AB", "xy", "7", "#"}}
	pw, err := NewPassword(p)
	if err != nil || pw.method != methodUnrank {
		b.Fatalf("%v %s", err, pw.method)
	}
	benchGenerate(b, pw)
}

// Compiling the site rule fully (figure and sampler), as the interactive
// program does on each key.
func BenchmarkNewPasswordRules128(b *testing.B) {
	p := siteRule(128)
	for b.Loop() {
		if _, err := NewPassword(p); err != nil {
			b.Fatal(err)
		}
	}
}

// A long password with max-sequential 1: exact tables would be too large,
// so passwords come from floating-point tables with an exact correction.
func BenchmarkPasswordRulesWeighted4096(b *testing.B) {
	pw, err := NewPassword(PasswordPolicy{Length: 4096, Alphabet: asciiPrintable, MaxSequential: 1})
	if err != nil || pw.method != methodWeighted {
		b.Fatalf("%v %s", err, pw.method)
	}
	benchGenerate(b, pw)
}
