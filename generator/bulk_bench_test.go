package generator

import (
	"io"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
)

// Bulk benchmarks of the constrained policies, each a million passwords on
// every core to a discarding writer, as BenchmarkBulk1MDefaultPasswords
// does for the default: the constrained rows of make bench, whose target
// is at most twice the default's time.

// bulkPolicies are the rows, built from the default policy.
var bulkPolicies = map[string]func() PasswordPolicy{
	"MinDigits3MinSymbols3": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Digits.Min, p.Symbols.Min = 3, 3
		return p
	},
	"MinDigits4MinSymbols4": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Digits.Min, p.Symbols.Min = 4, 4
		return p
	},
	"MaxDigits2MaxSymbols2": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Digits, p.Symbols = p.Digits.AtMost(2), p.Symbols.AtMost(2)
		return p
	},
	"MaxRepeating1": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.MaxRepeating = 1
		return p
	},
	"MaxConsecutive2": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.MaxRepeating, p.MaxSequential = 2, 2
		return p
	},
	"MaxSequential2": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.MaxSequential = 2
		return p
	},
	"SiteChase":  func() PasswordPolicy { return sitePolicy("chase.com", 20) },
	"SitePaypal": func() PasswordPolicy { return sitePolicy("paypal.com", 20) },
}

// sitePolicy is a bundled site's rules as a policy, as the settings apply
// them (ui/settings/rules.go): its characters, requirements and limits.
func sitePolicy(site string, length int) PasswordPolicy {
	_, r, ok := rules.Lookup(site)
	if !ok {
		panic("no rules for " + site)
	}
	return PasswordPolicy{Length: length, Alphabet: r.Allowed, Require: r.Required,
		MaxRepeating: r.MaxRepeating, MaxSequential: r.MaxSequential}
}

func benchBulk(b *testing.B, p PasswordPolicy) {
	pw, err := NewPassword(p)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("method %s", pw.method)
	for b.Loop() {
		if err := Stream(io.Discard, pw, StreamOptions{Count: 1_000_000}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/password")
}

func BenchmarkBulk1MMinDigits3MinSymbols3(b *testing.B) {
	benchBulk(b, bulkPolicies["MinDigits3MinSymbols3"]())
}
func BenchmarkBulk1MMinDigits4MinSymbols4(b *testing.B) {
	benchBulk(b, bulkPolicies["MinDigits4MinSymbols4"]())
}
func BenchmarkBulk1MMaxDigits2MaxSymbols2(b *testing.B) {
	benchBulk(b, bulkPolicies["MaxDigits2MaxSymbols2"]())
}
func BenchmarkBulk1MMaxRepeating1(b *testing.B)   { benchBulk(b, bulkPolicies["MaxRepeating1"]()) }
func BenchmarkBulk1MMaxConsecutive2(b *testing.B) { benchBulk(b, bulkPolicies["MaxConsecutive2"]()) }
func BenchmarkBulk1MMaxSequential2(b *testing.B)  { benchBulk(b, bulkPolicies["MaxSequential2"]()) }
func BenchmarkBulk1MSiteChase(b *testing.B)       { benchBulk(b, bulkPolicies["SiteChase"]()) }
func BenchmarkBulk1MSitePaypal(b *testing.B)      { benchBulk(b, bulkPolicies["SitePaypal"]()) }
