package generator

import (
	"io"
	"testing"
)

// The bulk path of the pronounceable style with the bundled blocklist: a
// million passwords on every core, beside BenchmarkBulk1MDefaultPasswords
// (the make bench row whose target is at most twice the default's time),
// and the batch path alone on one goroutine, per password.
func BenchmarkBulk1MStylePronounceable(b *testing.B) {
	p := benchStyle(b, StylePronounceable)
	for b.Loop() {
		if err := Stream(io.Discard, p, StreamOptions{Count: 1_000_000}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPatternBatchPronounceable(b *testing.B) {
	p := benchStyle(b, StylePronounceable)
	r := NewRand(CryptoSource())
	buf := make([]byte, 0, 64<<10)
	const k = 1024
	for b.Loop() {
		var err error
		if buf, err = p.appendLines(buf[:0], r, k); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/k, "ns/password")
}

func benchStyle(b *testing.B, st Style) *Pattern {
	b.Helper()
	sp := stylePolicy(st, 20)
	sp.Blocklist = BundledBlocklist().Words
	p, err := NewStyle(sp)
	if err != nil {
		b.Fatal(err)
	}
	return p
}
