package generator

import (
	"fmt"
	"math/big"
	"testing"
)

// avoidCases are policies with a blocklist whose count goes through
// failure links (automaton_avoid.go): random patterns over a few letters
// with random words that overlap one another (so that failure links lead
// somewhere other than the root), and the styles with the bundled list
// and class settings.
func avoidCases(t *testing.T) []PatternPolicy {
	t.Helper()
	r := seededRand(31)
	var out []PatternPolicy
	atoms := []string{"a", "b", "[ab]", "[aA]", "c", "(a|ba)", "(ab|)", "d", "[abc]", "B"}
	for range 800 {
		var pat string
		for range 1 + r.intn(4) {
			atom := atoms[r.intn(len(atoms))]
			switch r.intn(3) {
			case 0:
				atom += fmt.Sprintf("{%d}", 1+r.intn(4))
			case 1:
				atom += fmt.Sprintf("{%d,%d}", r.intn(2), 2+r.intn(4))
			}
			pat += atom
		}
		var words []string
		for range 1 + r.intn(6) {
			w := make([]byte, 1+r.intn(4))
			for i := range w {
				w[i] = "abcAB1"[r.intn(6)]
			}
			words = append(words, string(w))
		}
		pp := PatternPolicy{Pattern: pat, Blocklist: words}
		// Class limits and required sets with the length bounded
		// are counted as counters (automaton_counters.go).
		if r.intn(3) > 0 {
			pp.MinLength, pp.MaxLength = 1+r.intn(2), 3+r.intn(4)
		}
		switch r.intn(4) {
		case 0:
			pp.Policy.Upper = ClassPolicy{Min: 1, Max: 1, HasMax: true}
		case 1:
			pp.Policy.Require = []string{"b"}
		case 2:
			pp.Policy.Upper = ClassPolicy{Min: 1}
			pp.Policy.Digits = ClassPolicy{Max: 1, HasMax: true}
			pp.Policy.Require = []string{"ab", "c"}
		}
		out = append(out, pp)
	}
	for _, st := range []Style{StylePronounceable, StyleApple, StylePhone} {
		for _, n := range []int{4, 9, 20} {
			for _, flags := range []bool{false, true} {
				sp := stylePolicy(st, n)
				if flags {
					sp.Policy.Upper = ClassPolicy{Use: true, Min: 1}
					sp.Policy.Digits = ClassPolicy{Use: true, Min: 1}
				}
				sp.Blocklist = BundledBlocklist().Words
				pp, _, err := sp.PatternPolicy()
				if err != nil {
					continue // too short for the style
				}
				out = append(out, pp)
			}
		}
	}
	return out
}

// TestBlocklistCountThroughFailureLinks checks the count through failure
// links against the product built move by move, which the brute-force
// tests check in turn (TestPatternCountsDistinctStrings).
//
// Both ways of counting class limits are checked: as counters beside the
// count, and folded into the automaton (automaton_counters.go).
func TestBlocklistCountThroughFailureLinks(t *testing.T) {
	checked, counters, folded := 0, 0, 0
	for _, pp := range avoidCases(t) {
		p, err := NewPattern(pp)
		if err != nil || p.spec == nil {
			continue // refused, or not counted through failure links
		}
		prod, err := buildProduct(p.spec)
		if err != nil {
			t.Fatalf("%q: %v", pp.Pattern, err)
		}
		if want := lBig(prod.total()); p.count.Cmp(want) != 0 {
			t.Errorf("%q blocklist %q: count %v through failure links, %v by the product", pp.Pattern, pp.Blocklist, p.count, want)
		}
		open := pp
		open.Blocklist = nil
		q, err := NewPattern(open)
		if err != nil {
			t.Fatal(err)
		}
		if want := new(big.Int).Sub(q.count, p.count); p.LeftOut().Cmp(want) != 0 {
			t.Errorf("%q: left out %v, want %v", pp.Pattern, p.LeftOut(), want)
		}
		checked++
		if spec := withoutIdleRuns(p.spec); spec.minLen > 0 || spec.maxLen > 0 {
			if cs := newCounterSpace(spec); cs != nil {
				if cs.worthCounting(foldConstraints(withoutCounted(spec), false), spec.blocks) {
					counters++
				} else {
					folded++
				}
			}
		}
	}
	if checked < 100 || counters < 20 || folded < 20 {
		t.Fatalf("%d policies were counted through failure links, %d with counters and %d with class limits folded in", checked, counters, folded)
	}
}
