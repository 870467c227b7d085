package generator

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// batchDrawn draws n passwords of p through the batch path, in calls of
// 1024 as Stream makes them (appendLines), and returns them in order.
func batchDrawn(t *testing.T, p *Pattern, r *Rand, n int) []string {
	t.Helper()
	var out []string
	buf := make([]byte, 0, 64<<10)
	for len(out) < n {
		var err error
		buf, err = p.appendLines(buf[:0], r, min(1024, n-len(out)))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(buf), "\n"), "\n")
		out = append(out, lines...)
	}
	if len(out) != n {
		t.Fatalf("%d passwords, want %d", len(out), n)
	}
	return out
}

// walkTablesOf returns the walk tables the batch path of p draws from,
// failing the test when it has none: the tests below are about them.
func walkTablesOf(t *testing.T, p *Pattern) *walkTables {
	t.Helper()
	prod := p.prod
	if p.open != nil {
		prod = p.open
	}
	tabs := prod.tabs.Load()
	if tabs == nil || tabs.walk == nil {
		t.Fatalf("no walk tables: the batch path did not draw from them")
	}
	return tabs.walk
}

// TestStatPatternBatchUniform draws through the batch path (walkLanes
// walks in lockstep) from small patterns that exercise its parts: walks of
// different lengths that end at different steps ((a|ab)(b|), d{1,2}, and
// syllables of two or three letters repeated), a guide bucket that holds
// more than one step of the scan ((a|e|i[xyz]{4}): a and e are one x
// wide, beside 81 for i), and a blocklist that sends walks to be drawn
// again ([ab]{1,4}). Each output line is tallied with its place in the
// round (its index mod walkLanes) and the table is tested against the
// uniform law over the enumerated set, so that a lane drawing otherwise
// than the others, or lines ordered by when their walk ended, fails. The
// sample has the power for it: for d{1,2}, 10^5 draws over 16·110 cells
// put χ²'s mean at 1759 and its p = 1e-6 point near 2040; a place of the
// round where the one-digit strings come out twice as often as they
// should adds about 600 (4 standard deviations past the point), and
// ordering the lines by length adds tens of thousands.
func TestStatPatternBatchUniform(t *testing.T) {
	cases := []PatternPolicy{
		{Pattern: "(a|ab)(b|)"},
		{Pattern: "d{1,2}"},
		{Pattern: "([bc][ae]|[bc][ae][bc]){1,2}"},
		{Pattern: "(a|e|i[xyz]{4})"},
		{Pattern: "[ab]{1,4}", Blocklist: []string{"aaa", "BAB"}},
	}
	for i, pp := range cases {
		t.Run(pp.Pattern, func(t *testing.T) {
			want := expectedSet(t, pp)
			p, err := NewPattern(pp)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.sampler(); err != nil { // built at the first draw
				t.Fatal(err)
			}
			if len(pp.Blocklist) > 0 && p.open == nil {
				t.Fatal("the blocklist is counted into the product: no walk is drawn again")
			}
			index := map[string]int{}
			for j, s := range want {
				index[s] = j
			}
			n := deep(max(100_000, 50*walkLanes*len(want)))
			got := batchDrawn(t, p, seededRand(uint64(300+i)), n)
			obs := make([]int64, walkLanes*len(want))
			for k, s := range got {
				j, ok := index[s]
				if !ok {
					t.Fatalf("drew %q, which the policy does not allow", s)
				}
				obs[(k%walkLanes)*len(want)+j]++
			}
			exp := make([]float64, len(obs))
			for j := range exp {
				exp[j] = float64(n) / float64(len(obs))
			}
			requireChi(t, fmt.Sprintf("%q by place in the round (%d strings)", pp.Pattern, len(want)), obs, exp)
			if w := walkTablesOf(t, p); pp.Pattern == "(a|e|i[xyz]{4})" && !slices.ContainsFunc(w.guide, func(c int32) bool { return c < 0 }) {
				t.Fatal("no guide bucket needs the scan: the case does not test it")
			}
		})
	}
}

// TestStatPatternBatchLargeCounts draws through the batch path from
// patterns whose count needs two words, so that each walk begins in
// two-word arithmetic (also where the product counts in three): a prefix of choices with several derivations and
// different lengths (walks leave two-word counts at different steps),
// then n printable characters; and two capitals, of which the blocklist
// leaves out "AB", then 20 digits, so that the blocklist is read while
// the counts still need two words. The prefixes must be uniform over
// their distinct strings and each later character over its set; with
// 10^5 draws a prefix drawn 6% too often or a character 9% too often
// fails at p < 1e-6.
func TestStatPatternBatchLargeCounts(t *testing.T) {
	prefixes := expectedSet(t, PatternPolicy{Pattern: "(ab|a)(ba|b|a){1,2}"})
	cases := []struct {
		pp       PatternPolicy
		prefixes []string
		set      string // the characters after the prefix and its "-"
		n        int
		width    int // the product's words per count, when it matters
	}{
		{PatternPolicy{Pattern: "(ab|a)(ba|b|a){1,2}-x{11}"}, prefixes, printableNoSpace(), 11, 2},
		// Counted in three words (the bound on the count is above
		// 2^128), drawn in two (the count is below).
		{PatternPolicy{Pattern: "(ab|a)(ba|b|a){1,2}-x{12}"}, prefixes, printableNoSpace(), 12, 3},
		{PatternPolicy{Pattern: "[AB]{2}-d{20}", Blocklist: []string{"ab"}}, []string{"AA", "BA", "BB"}, DigitChars, 20, 0},
	}
	for i, c := range cases {
		t.Run(c.pp.Pattern, func(t *testing.T) {
			p, err := NewPattern(c.pp)
			if err != nil {
				t.Fatal(err)
			}
			if p.count.BitLen() <= 64 {
				t.Fatalf("count %v fits a word", p.count)
			}
			if c.width != 0 && p.prod.width != c.width {
				t.Fatalf("counted in %d words, want %d", p.prod.width, c.width)
			}
			draws := deep(100_000)
			pre := make([]int64, len(c.prefixes))
			chars := make([]int64, c.n*len(c.set))
			for _, s := range batchDrawn(t, p, seededRand(uint64(400+i)), draws) {
				head, tail, _ := strings.Cut(s, "-")
				j := slices.Index(c.prefixes, head)
				if j < 0 || len(tail) != c.n {
					t.Fatalf("drew %q", s)
				}
				pre[j]++
				for k := range c.n {
					x := strings.IndexByte(c.set, tail[k])
					if x < 0 {
						t.Fatalf("drew %q", s)
					}
					chars[k*len(c.set)+x]++
				}
			}
			if w := walkTablesOf(t, p); w.bigStart == nil {
				t.Fatal("no two-word walk tables")
			}
			expPre := make([]float64, len(pre))
			for j := range expPre {
				expPre[j] = float64(draws) / float64(len(pre))
			}
			expChars := make([]float64, len(chars))
			for j := range expChars {
				expChars[j] = float64(draws) / float64(len(c.set))
			}
			requireChi(t, "prefixes", pre, expPre)
			requireChi(t, "characters by position", chars, expChars)
		})
	}
}

// printableNoSpace is what x spells: printable ASCII but space.
func printableNoSpace() string {
	var b strings.Builder
	for c := byte('!'); c <= '~'; c++ {
		b.WriteByte(c)
	}
	return b.String()
}

// TestStatStreamPatternBatch checks that Stream draws a pattern's bulk
// output through the batch path, each line a string the policy allows
// and the whole uniform: 10^5 draws over 110 strings
// catch a string drawn 10% too often at p < 1e-6.
func TestStatStreamPatternBatch(t *testing.T) {
	pp := PatternPolicy{Pattern: "d{1,2}"}
	want := expectedSet(t, pp)
	p, err := NewPattern(pp)
	if err != nil {
		t.Fatal(err)
	}
	index := map[string]int{}
	for j, s := range want {
		index[s] = j
	}
	n := deep(100_000)
	var out bytes.Buffer
	// One worker, so that the draws are reproducible;
	// TestPatternStreamsOnSeveralGoroutines runs several.
	err = Stream(&out, p, StreamOptions{Count: n, Workers: 1, NewSource: func() Source { return newSeeded(500) }})
	if err != nil {
		t.Fatal(err)
	}
	walkTablesOf(t, p)
	obs := make([]int64, len(want))
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d lines, want %d", len(lines), n)
	}
	for _, s := range lines {
		j, ok := index[s]
		if !ok {
			t.Fatalf("drew %q", s)
		}
		obs[j]++
	}
	exp := make([]float64, len(want))
	for j := range exp {
		exp[j] = float64(n) / float64(len(want))
	}
	requireChi(t, "d{1,2} through Stream", obs, exp)
}

// TestPatternBatchFallsBack checks the batch path's other ways: a pattern
// whose passwords are too long for a lane's buffer, one under a limit on
// repeats (no walk tables), and a random source that fails, which must
// leave nothing of the batch in the output.
func TestPatternBatchFallsBack(t *testing.T) {
	p, err := NewPattern(PatternPolicy{Pattern: fmt.Sprintf("d{%d}", laneBytes)})
	if err != nil {
		t.Fatal(err)
	}
	got := batchDrawn(t, p, seededRand(1), 50)
	for _, s := range got {
		if len(s) != laneBytes || strings.Trim(s, DigitChars) != "" {
			t.Fatalf("drew %q", s)
		}
	}
	pp := PatternPolicy{Pattern: "[ab1]{4}"}
	pp.Policy.MaxRepeating = 2
	allowed := expectedSet(t, pp)
	rp, err := NewPattern(pp)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range batchDrawn(t, rp, seededRand(2), 2000) {
		if _, ok := slices.BinarySearch(allowed, s); !ok {
			t.Fatalf("drew %q, which the policy does not allow", s)
		}
	}
	if tabs := rp.prod.tabs.Load(); tabs == nil || tabs.walk != nil {
		t.Fatal("a limit on repeats should draw from the plain tables")
	}
	q, err := NewPattern(PatternPolicy{Pattern: "x{20}"})
	if err != nil {
		t.Fatal(err)
	}
	dst := []byte("kept\n")
	out, err := q.appendLines(dst, NewRand(&failingSource{good: 100}), 1000)
	if err == nil {
		t.Fatal("no error from a failing source")
	}
	if string(out) != "kept\n" {
		t.Fatalf("output %q after a failing source", out)
	}
	if tail := out[len(out):cap(out)]; slices.ContainsFunc(tail, func(b byte) bool { return b != 0 }) {
		t.Fatal("the failed batch left bytes behind the output")
	}
}
