package generator

import (
	"fmt"
	"io"
	"testing"
)

// benchSyllable is a syllable grammar of the size a pronounceable style
// uses: onsets, nuclei and optional codas, one or two letters each.
const benchSyllable = "([bcdfghjklmnprstvwyz]|[bcfgkp][lr]|[dt][r]|[cstw][h]|[s][cklmnptw]|[q][u]|[t][w])" +
	"([aeiou]|[a][iu]|[e][ae]|[i][e]|[o][aou])" +
	"([bdfgklmnprstxz]|[lnr][dt]|[lnrs][k]|[lrs][p]|[r][mn]|[n][g]|[m][p]|[c][kt]|[fs][t]|)"

// benchPronounceable is n characters of syllables with exactly one digit
// between them or at either end.
func benchPronounceable(n int, blocklist []string) PatternPolicy {
	pp := PatternPolicy{Pattern: fmt.Sprintf("((d|)%s){1,%d}(d|)", benchSyllable, n/2), MinLength: n, MaxLength: n, Blocklist: blocklist}
	pp.Policy.Digits = ClassPolicy{Min: 1, Max: 1, HasMax: true}
	return pp
}

// benchBlocklist stands in for a bundled blocklist: 400 words of three to
// eight letters, the size of the English list, drawn from a fixed seed.
func benchBlocklist() []string {
	r := seededRand(18)
	words := make([]string, 400)
	for i := range words {
		b := make([]byte, 3+r.intn(6))
		for j := range b {
			b[j] = LowerChars[r.intn(26)]
		}
		words[i] = string(b)
	}
	return words
}

// The figure a form shows as the pattern or a setting changes: compiling
// and counting, for patterns up to 64 characters (README, Patterns).
func benchCompile(b *testing.B, pp PatternPolicy) {
	b.Helper()
	for b.Loop() {
		if _, err := NewPattern(pp); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPatternFigure20(b *testing.B) { benchCompile(b, benchPronounceable(20, nil)) }
func BenchmarkPatternFigure64(b *testing.B) { benchCompile(b, benchPronounceable(64, nil)) }
func BenchmarkPatternFigure64Literal(b *testing.B) {
	benchCompile(b, PatternPolicy{Pattern: "(cv(c|)){8}-d{4}-(Cv|vC){8}-sx{9}"})
}
func BenchmarkPatternFigure20Blocklist(b *testing.B) {
	benchCompile(b, benchPronounceable(20, benchBlocklist()))
}
func BenchmarkPatternFigure64Blocklist(b *testing.B) {
	benchCompile(b, benchPronounceable(64, benchBlocklist()))
}

// One pattern password of 20 characters, beside BenchmarkPasswordDefault.
func BenchmarkPatternGenerate20(b *testing.B) {
	p, err := NewPattern(benchPronounceable(20, benchBlocklist()))
	if err != nil {
		b.Fatal(err)
	}
	benchGenerate(b, p)
}

// A million pattern passwords of 20 characters, all cores, beside
// BenchmarkBulk1MDefaultPasswords.
func BenchmarkBulk1MPatternPasswords(b *testing.B) {
	p, err := NewPattern(benchPronounceable(20, benchBlocklist()))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Stream(io.Discard, p, StreamOptions{Count: 1_000_000}); err != nil {
			b.Fatal(err)
		}
	}
}
