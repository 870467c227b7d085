package generator

import (
	"fmt"
	"slices"
	"testing"
)

// countByLength counts the strings of each length up to max that an
// automaton (cycles allowed) accepts, each block one character.
func countByLength(d *dfa, maxLen int) []int64 {
	out := make([]int64, maxLen+1)
	paths := make([]int64, len(d.accept))
	paths[0] = 1
	for l := 0; l <= maxLen; l++ {
		next := make([]int64, len(d.accept))
		for s, n := range paths {
			if d.accept[s] {
				out[l] += n
			}
			for _, e := range d.trans[s] {
				next[e.to] += n
			}
		}
		paths = next
	}
	return out
}

// TestRefineKeepsTheLanguage checks that refine's merges keep every
// string the automaton accepts, and that they are all made: no two states
// of the result accept alike with the same moves to the same states.
// Random automata over three blocks, all states accepting in some (the
// phone style's shape, where stopping as soon as the number of classes
// does not grow would merge states that differ two moves on).
func TestRefineKeepsTheLanguage(t *testing.T) {
	r := seededRand(7)
	refined := 0
	for range 1000 {
		n := 2 + r.intn(7)
		d := &dfa{accept: make([]bool, n), trans: make([][]dfaEdge, n)}
		allAccept := r.intn(2) == 0
		for s := range n {
			d.accept[s] = allAccept || r.intn(3) == 0
			for b := range int32(3) {
				if r.intn(3) > 0 {
					d.trans[s] = append(d.trans[s], dfaEdge{block: b, to: int32(r.intn(n))})
				}
			}
		}
		d = d.trim()
		if len(d.accept) == 0 {
			continue
		}
		got := d.refine()
		if len(got.accept) < len(d.accept) {
			refined++
		}
		if want, have := countByLength(d, 10), countByLength(got, 10); !slices.Equal(want, have) {
			t.Fatalf("refine changed the strings by length from %v to %v", want, have)
		}
		// Minimal: one more round of refinement splits nothing.
		if again := got.refine(); len(again.accept) != len(got.accept) {
			t.Fatalf("refine left %d states that merge into %d", len(got.accept), len(again.accept))
		}
		seen := map[string]bool{}
		for s := range got.accept {
			key := []int32{0}
			if got.accept[s] {
				key[0] = 1
			}
			for _, e := range got.trans[s] {
				key = append(key, e.block, e.to)
			}
			k := fmt.Sprint(key)
			if seen[k] {
				t.Fatalf("two states accept alike with the same moves after refine")
			}
			seen[k] = true
		}
	}
	if refined < 80 {
		t.Fatalf("only %d automata had states to merge", refined)
	}
}
