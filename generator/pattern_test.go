package generator

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sesame-sh/sesame/generator/pattern"
	"github.com/sesame-sh/sesame/generator/rules"
)

// The class letters' characters as the README defines them, written out
// here rather than taken from the engine, so that the enumeration below
// is an independent judge.
var testClassLetters = map[byte]string{
	'c': "bcdfghjklmnpqrstvwxyz",
	'v': "aeiou",
	'C': "BCDFGHJKLMNPQRSTVWXYZ",
	'V': "AEIOU",
	'l': "abcdefghijklmnopqrstuvwxyz",
	'u': "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	'd': "0123456789",
	's': "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
}

// spelled enumerates the distinct strings a pattern spells by writing out
// its syntax tree: no automaton involved.
// Strings longer than maxLen (when positive) are left out as they are
// made, as none can shorten again.
func spelled(t *testing.T, src string, maxLen int) map[string]bool {
	t.Helper()
	n, err := pattern.Parse(src)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	if maxLen <= 0 {
		maxLen = 1 << 30
	}
	return spellAll(n, maxLen)
}

func spellAll(n pattern.Node, maxLen int) map[string]bool {
	out := map[string]bool{}
	switch n := n.(type) {
	case *pattern.Set:
		for _, c := range n.Chars.Chars() {
			out[string(c)] = true
		}
	case *pattern.Class:
		chars := testClassLetters[n.Letter]
		if n.Letter == 'x' {
			for c := byte(0x21); c < 0x7f; c++ {
				chars += string(c)
			}
		}
		for i := range len(chars) {
			out[chars[i:i+1]] = true
		}
	case pattern.Concat:
		out[""] = true
		for _, m := range n {
			out = concat(out, spellAll(m, maxLen), maxLen)
		}
	case pattern.Alt:
		for _, m := range n {
			for s := range spellAll(m, maxLen) {
				out[s] = true
			}
		}
	case *pattern.Repeat:
		sub := spellAll(n.Sub, maxLen)
		cur := map[string]bool{"": true}
		for k := 0; k <= n.Max; k++ {
			if k >= n.Min {
				for s := range cur {
					out[s] = true
				}
			}
			cur = concat(cur, sub, maxLen)
		}
	}
	return out
}

func concat(a, b map[string]bool, maxLen int) map[string]bool {
	out := map[string]bool{}
	for x := range a {
		for y := range b {
			if len(x)+len(y) <= maxLen {
				out[x+y] = true
			}
		}
	}
	return out
}

// allows judges one string against a pattern policy's other constraints,
// by their definitions: the length range, exclusions, class limits, and,
// through package rules' own checker, required sets and run limits; and
// the blocklist as case-insensitive substrings.
func allows(pp PatternPolicy, s string) bool {
	p := pp.Policy
	if s == "" || pp.MinLength > 0 && len(s) < pp.MinLength || pp.MaxLength > 0 && len(s) > pp.MaxLength {
		return false
	}
	if strings.ContainsAny(s, p.Exclude) || p.NoAmbiguous && strings.ContainsAny(s, Ambiguous) {
		return false
	}
	if p.Alphabet != "" && strings.ContainsFunc(s, func(r rune) bool { return !strings.ContainsRune(p.Alphabet, r) }) {
		return false
	}
	var counts [numClasses]int
	for _, r := range s {
		counts[ClassOf(r)]++
	}
	for _, c := range Classes() {
		cp := p.Class(c)
		if counts[c] < cp.Min || cp.HasMax && counts[c] > cp.Max {
			return false
		}
	}
	judge := &rules.Rules{Allowed: printableASCII, Required: p.Require, MaxRepeating: p.MaxRepeating, MaxSequential: p.MaxSequential}
	if judge.Check(s) != nil {
		return false
	}
	for _, w := range pp.Blocklist {
		if w != "" && strings.Contains(strings.ToLower(s), strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// printableASCII is every character a pattern can spell.
var printableASCII = func() string {
	var b []byte
	for c := byte(0x20); c < 0x7f; c++ {
		b = append(b, c)
	}
	return string(b)
}()

// expectedSet is the set of passwords a policy allows, by enumeration.
func expectedSet(t *testing.T, pp PatternPolicy) []string {
	var out []string
	for s := range spelled(t, pp.Pattern, pp.MaxLength) {
		if allows(pp, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// smallPolicies are patterns with choices that spell one string in
// several ways, repeats with ranges, and every kind of constraint, each
// small enough to enumerate.
func smallPolicies() []PatternPolicy {
	withPolicy := func(pat string, f func(*PatternPolicy)) PatternPolicy {
		pp := PatternPolicy{Pattern: pat}
		f(&pp)
		return pp
	}
	none := func(*PatternPolicy) {}
	return []PatternPolicy{
		withPolicy("cv", none),
		withPolicy("(a|ab)(b|)", none),
		withPolicy("d{1,2}", none),
		withPolicy("(ab|a)(ba|b|a){1,2}", none),
		withPolicy("[a-c]{1,3}(-|)", none),
		withPolicy("(cv|vc)(d|)", none),
		withPolicy("cv", func(p *PatternPolicy) { p.Blocklist = []string{"ba", "KO", "e"} }),
		withPolicy("[aA]{1,5}", func(p *PatternPolicy) { p.Blocklist = []string{"aa"} }),
		withPolicy("(c|C)(v|V)(c|d)", func(p *PatternPolicy) {
			p.Policy.Upper = ClassPolicy{Min: 1, Max: 1, HasMax: true}
		}),
		withPolicy("[ab1]{4}", func(p *PatternPolicy) {
			p.Policy.MaxRepeating, p.Policy.MaxSequential = 2, 2
			p.Policy.Require = []string{"1"}
		}),
		withPolicy("[a-d1-3]{2,4}", func(p *PatternPolicy) {
			p.Policy.MaxSequential = 2
			p.MinLength = 3
		}),
		withPolicy("[a-d1-3]{1,4}", func(p *PatternPolicy) {
			p.Policy.MaxRepeating = 1
			p.MaxLength = 3
		}),
		withPolicy("(l|u|d)(l|d){2}", func(p *PatternPolicy) {
			p.Blocklist = []string{"a1", "zZ", "q"}
			p.Policy.Digits = ClassPolicy{Min: 1}
			p.Policy.Exclude = "b"
			p.Policy.NoAmbiguous = true
		}),
		withPolicy("(ba|b)(na|n){1,3}", func(p *PatternPolicy) {
			p.Blocklist = []string{"nan", "anna"}
			p.Policy.MaxRepeating = 2
		}),
		// Repeats whose maximum cannot bind under the length limit
		// become loops (automaton_nfa.go): the counts must not change.
		withPolicy("(ab|e){1,5}f", func(p *PatternPolicy) { p.MaxLength = 4 }),
		withPolicy("(e|ab){0,1}", func(p *PatternPolicy) { p.MaxLength = 2 }), // a loop here would spell "ee"
		// Blocks split by overlapping sets lead to one state and are
		// merged into one move (mergeMoves).
		withPolicy("([ab]|[bc])([ab]|e)[0-3]", func(p *PatternPolicy) { p.MaxLength = 3; p.Policy.Digits = ClassPolicy{Min: 1} }),
		withPolicy("((a|bo){0,3}-){1,4}", func(p *PatternPolicy) { p.MaxLength = 6; p.MinLength = 3 }),
		withPolicy("([0-2](a|)){2,9}", func(p *PatternPolicy) {
			p.MinLength, p.MaxLength = 4, 5
			p.Blocklist = []string{"a1a"}
		}),
		withPolicy("(s|d){2}x", func(p *PatternPolicy) {
			p.Policy.SymbolSet = "-_!"
			p.Policy.Alphabet = "-_!0123456789abc"
			p.Policy.Require = []string{"abc", "-"}
		}),
	}
}

// TestPatternCountsDistinctStrings checks the engine's count against the
// enumerated set of distinct strings for every small policy, and that
// it differs from what counting derivations would give where they differ.
//
// It runs twice: numbering the product's states in a dense table, and in
// the hash table used when the key space is large.
func TestPatternCountsDistinctStrings(t *testing.T) {
	for _, dense := range []float64{maxDenseKeys, 0} {
		t.Run(fmt.Sprintf("maxDenseKeys=%g", dense), func(t *testing.T) {
			old := maxDenseKeys
			maxDenseKeys = dense
			defer func() { maxDenseKeys = old }()
			testPatternCounts(t)
		})
	}
}

func testPatternCounts(t *testing.T) {
	for _, pp := range smallPolicies() {
		want := expectedSet(t, pp)
		p, err := NewPattern(pp)
		if err != nil {
			t.Fatalf("%+v: %v", pp, err)
		}
		got := p.Entropy().Count
		if got.Cmp(big.NewInt(int64(len(want)))) != 0 {
			t.Errorf("%q %+v: count %v, enumerated %d", pp.Pattern, pp, got, len(want))
		}
	}
	for pat, want := range map[string]int64{"(a|ab)(b|)": 3, "d{1,2}": 110, "cv": 105} {
		p, err := NewPattern(PatternPolicy{Pattern: pat})
		if err != nil {
			t.Fatal(err)
		}
		if p.Entropy().Count.Int64() != want {
			t.Errorf("%s: count %v, want %d", pat, p.Entropy().Count, want)
		}
	}
}

// TestPatternLeftOutCountsTheBlocklist checks that LeftOut is the number
// of strings only the blocklist removes.
func TestPatternLeftOutCountsTheBlocklist(t *testing.T) {
	for _, pp := range smallPolicies() {
		open := pp
		open.Blocklist = nil
		want := len(expectedSet(t, open)) - len(expectedSet(t, pp))
		p, err := NewPattern(pp)
		if err != nil {
			t.Fatal(err)
		}
		if p.LeftOut().Int64() != int64(want) {
			t.Errorf("%q blocklist %q: left out %v, want %d", pp.Pattern, pp.Blocklist, p.LeftOut(), want)
		}
	}
}

// TestStatPatternUniform draws from every small policy and tests the
// draws against the uniform law over the enumerated set, cell by cell.
// Each set has at most a few thousand strings and the test draws at least
// 10^5 times and at least 50 per string, so a string drawn 25% too often
// or too rarely (a bias well below what a per-derivation sampler makes,
// see TestStatPatternNaiveSamplerFails) raises χ² past the p < 1e-6
// threshold.
//
// It runs twice: drawing with the tables a product builds for many draws,
// and without them.
func TestStatPatternUniform(t *testing.T) {
	for _, after := range []int64{0, 1 << 62} {
		t.Run(fmt.Sprintf("tablesAfter=%d", after), func(t *testing.T) {
			old := tablesAfter
			tablesAfter = after
			defer func() { tablesAfter = old }()
			testPatternUniform(t)
		})
	}
}

func testPatternUniform(t *testing.T) {
	for i, pp := range smallPolicies() {
		want := expectedSet(t, pp)
		p, err := NewPattern(pp)
		if err != nil {
			t.Fatal(err)
		}
		index := map[string]int{}
		for j, s := range want {
			index[s] = j
		}
		n := deep(max(100_000, 50*len(want)))
		obs := make([]int64, len(want))
		r := seededRand(uint64(100 + i))
		for range n {
			s, err := p.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			j, ok := index[s]
			if !ok {
				t.Fatalf("%q: drew %q, which the policy does not allow", pp.Pattern, s)
			}
			obs[j]++
		}
		exp := make([]float64, len(want))
		for j := range exp {
			exp[j] = float64(n) / float64(len(want))
		}
		requireChi(t, fmt.Sprintf("pattern %q (%d strings)", pp.Pattern, len(want)), obs, exp)
	}
}

// naiveDraw is the sampler the issue warns against: it walks the syntax
// tree choosing each alternative and each repeat count uniformly, so a
// string with more derivations, or in a smaller branch, comes up more
// often.
func naiveDraw(r *Rand, n pattern.Node) string {
	switch n := n.(type) {
	case *pattern.Set:
		cs := n.Chars.Chars()
		return string(cs[r.intn(len(cs))])
	case *pattern.Class:
		cs := testClassLetters[n.Letter]
		return string(cs[r.intn(len(cs))])
	case pattern.Concat:
		var b strings.Builder
		for _, m := range n {
			b.WriteString(naiveDraw(r, m))
		}
		return b.String()
	case pattern.Alt:
		return naiveDraw(r, n[r.intn(len(n))])
	case *pattern.Repeat:
		k := n.Min + r.intn(n.Max-n.Min+1)
		var b strings.Builder
		for range k {
			b.WriteString(naiveDraw(r, n.Sub))
		}
		return b.String()
	}
	panic("unknown node")
}

// TestStatPatternNaiveSamplerFails shows that the uniform test above has
// the power to catch a per-derivation sampler: on "(a|ab)(b|)" it draws
// "ab" half the time instead of a third, and on "d{1,2}" each one-digit
// string 1/20 of the time instead of 1/110, and χ² over 10^5 draws
// rejects both far below 1e-6, while the engine's draws pass.
func TestStatPatternNaiveSamplerFails(t *testing.T) {
	for _, pat := range []string{"(a|ab)(b|)", "d{1,2}"} {
		want := expectedSet(t, PatternPolicy{Pattern: pat})
		index := map[string]int{}
		for j, s := range want {
			index[s] = j
		}
		tree, _ := pattern.Parse(pat)
		n := 100_000
		naive := make([]int64, len(want))
		r := seededRand(7)
		for range n {
			naive[index[naiveDraw(r, tree)]]++
		}
		exp := make([]float64, len(want))
		for j := range exp {
			exp[j] = float64(n) / float64(len(want))
		}
		if stat, df, p := chiSquare(naive, exp); p >= alarmP {
			t.Errorf("%s: the per-derivation sampler passed (χ²=%.1f df=%d p=%.3g)", pat, stat, df, p)
		}
		g, err := NewPattern(PatternPolicy{Pattern: pat})
		if err != nil {
			t.Fatal(err)
		}
		obs := make([]int64, len(want))
		for range n {
			s, _ := g.Generate(r)
			obs[index[s]]++
		}
		requireChi(t, pat, obs, exp)
	}
}

// TestStatPatternLargeCounts checks draws whose count needs two and three
// words, where the walk starts in multi-word arithmetic: a prefix spelled
// by choices with several derivations, then a "-" that ends it, then n
// printable characters. The prefix must be uniform over its 16 distinct
// strings and each later character over the 94, and each test is run
// with the drawing tables and without. With 10^5 draws, a prefix drawn 6%
// too often or a character 9% too often fails at p < 1e-6.
func TestStatPatternLargeCounts(t *testing.T) {
	prefixes := expectedSet(t, PatternPolicy{Pattern: "(ab|a)(ba|b|a){1,2}"})
	if len(prefixes) != 16 {
		t.Fatalf("%d prefixes, want 16", len(prefixes))
	}
	for _, n := range []int{12, 20} {
		for _, after := range []int64{0, 1 << 62} {
			old := tablesAfter
			tablesAfter = after
			p, err := NewPattern(PatternPolicy{Pattern: fmt.Sprintf("(ab|a)(ba|b|a){1,2}-x{%d}", n)})
			if err != nil {
				t.Fatal(err)
			}
			want := new(big.Int).Mul(big.NewInt(16), new(big.Int).Exp(big.NewInt(94), big.NewInt(int64(n)), nil))
			if p.Entropy().Count.Cmp(want) != 0 {
				t.Fatalf("x{%d}: count %v, want %v", n, p.Entropy().Count, want)
			}
			draws := deep(100_000)
			pre := make([]int64, len(prefixes))
			chars := make([]int64, n*94)
			r := seededRand(uint64(n) + uint64(after&1))
			for range draws {
				s, err := p.Generate(r)
				if err != nil {
					t.Fatal(err)
				}
				head, tail, _ := strings.Cut(s, "-")
				i, ok := slices.BinarySearch(prefixes, head)
				if !ok || len(tail) != n {
					t.Fatalf("drew %q", s)
				}
				pre[i]++
				for k := range n {
					chars[k*94+int(tail[k]-0x21)]++
				}
			}
			tablesAfter = old
			expPre := make([]float64, len(pre))
			for i := range expPre {
				expPre[i] = float64(draws) / 16
			}
			expChars := make([]float64, len(chars))
			for i := range expChars {
				expChars[i] = float64(draws) / 94
			}
			what := fmt.Sprintf("x{%d}, tables after %d", n, after)
			requireChi(t, what+": prefixes", pre, expPre)
			requireChi(t, what+": characters by position", chars, expChars)
		}
	}
}

// TestPatternStreamsOnSeveralGoroutines checks that one Pattern serves
// Stream's workers at once, tables built on the way, each line a string
// the policy allows (run it with -race).
func TestPatternStreamsOnSeveralGoroutines(t *testing.T) {
	pp := PatternPolicy{Pattern: "(c|C)v(c|)-d{2}", Blocklist: []string{"ka"}}
	pp.Policy.Upper = ClassPolicy{Max: 1, HasMax: true}
	want := map[string]bool{}
	for _, s := range expectedSet(t, pp) {
		want[s] = true
	}
	p, err := NewPattern(pp)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	seed := uint64(0)
	var mu sync.Mutex
	err = Stream(&out, p, StreamOptions{Count: 5000, Workers: 4, NewSource: func() Source {
		mu.Lock()
		defer mu.Unlock()
		seed++
		return newSeeded(seed)
	}})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 5000 {
		t.Fatalf("%d lines, want 5000", len(lines))
	}
	for _, l := range lines {
		if !want[l] {
			t.Fatalf("streamed %q, which the policy does not allow", l)
		}
	}
}
