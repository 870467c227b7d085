package generator

import (
	"encoding/binary"
	"slices"
)

// The pattern's deterministic automaton, over blocks of characters that
// every constraint treats alike (pattern_blocks.go). Each string the
// pattern spells has exactly one path through it, which is what makes
// counting paths count distinct strings: "(a|ab)(b|)" has two derivations
// of "ab" but one path.

// dfa is a deterministic automaton without cycles; state 0 is the start.
type dfa struct {
	accept []bool
	trans  [][]dfaEdge // sorted by block
}

type dfaEdge struct {
	block int32
	to    int32
}

// maxDFAStates bounds the subset construction: a pattern whose automaton
// needs more is refused rather than built.
const maxDFAStates = 1 << 16

// determinise builds the automaton of the subsets of a's states reachable
// on blocks, then merges equivalent states. blockOf maps a character to
// its block (-1 for a character no block holds). It returns nil when the
// automaton would exceed maxDFAStates.
func determinise(a *nfa, blocks []patternBlock) *dfa {
	// The blocks each move of a allows: a block lies wholly inside or
	// outside every set of the pattern, so its first character decides.
	moveBlocks := make([][][]int32, len(a.edges))
	for s, es := range a.edges {
		moveBlocks[s] = make([][]int32, len(es))
		for i, e := range es {
			for b, blk := range blocks {
				if e.set.Has(blk.chars[0]) {
					moveBlocks[s][i] = append(moveBlocks[s][i], int32(b))
				}
			}
		}
	}
	seen := make([]int32, len(a.edges)) // closure marks: the subset's number + 1
	mark := int32(0)
	closure := func(states []int32) []int32 {
		mark++
		var out []int32
		stack := append([]int32(nil), states...)
		for len(stack) > 0 {
			s := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[s] == mark {
				continue
			}
			seen[s] = mark
			out = append(out, s)
			stack = append(stack, a.eps[s]...)
		}
		slices.Sort(out)
		return out
	}
	keyOf := func(states []int32) string {
		b := make([]byte, 4*len(states))
		for i, s := range states {
			binary.LittleEndian.PutUint32(b[4*i:], uint32(s))
		}
		return string(b)
	}
	d := &dfa{}
	index := map[string]int32{}
	var subsets [][]int32
	add := func(states []int32) int32 {
		k := keyOf(states)
		if i, ok := index[k]; ok {
			return i
		}
		i := int32(len(subsets))
		index[k] = i
		subsets = append(subsets, states)
		d.accept = append(d.accept, slices.Contains(states, a.accept))
		d.trans = append(d.trans, nil)
		return i
	}
	add(closure([]int32{0}))
	buckets := make([][]int32, len(blocks))
	for i := 0; i < len(subsets); i++ {
		if len(subsets) > maxDFAStates {
			return nil
		}
		var used []int32
		for _, s := range subsets[i] {
			for j, e := range a.edges[s] {
				for _, b := range moveBlocks[s][j] {
					if len(buckets[b]) == 0 {
						used = append(used, b)
					}
					buckets[b] = append(buckets[b], e.to)
				}
			}
		}
		slices.Sort(used)
		for _, b := range used {
			to := add(closure(buckets[b]))
			d.trans[i] = append(d.trans[i], dfaEdge{block: b, to: to})
			buckets[b] = buckets[b][:0]
		}
	}
	return d.minimise()
}

// minimise merges states with the same future. Without cycles that is one
// pass from the ends back: two states are equivalent when they agree on
// accepting and move on each block to equivalent states. States with no
// accepted future are dropped.
func (d *dfa) minimise() *dfa {
	n := len(d.accept)
	class := make([]int32, n) // -1: no accepted future
	done := make([]bool, n)
	out := &dfa{}
	index := map[string]int32{}
	var visit func(s int32)
	visit = func(s int32) {
		done[s] = true
		for _, e := range d.trans[s] {
			if !done[e.to] {
				visit(e.to)
			}
		}
		var key []byte
		var es []dfaEdge
		if d.accept[s] {
			key = append(key, 1)
		} else {
			key = append(key, 0)
		}
		for _, e := range d.trans[s] {
			if c := class[e.to]; c >= 0 {
				es = append(es, dfaEdge{block: e.block, to: c})
				key = binary.LittleEndian.AppendUint32(key, uint32(e.block))
				key = binary.LittleEndian.AppendUint32(key, uint32(c))
			}
		}
		if !d.accept[s] && len(es) == 0 {
			class[s] = -1
			return
		}
		k := string(key)
		c, ok := index[k]
		if !ok {
			c = int32(len(out.accept))
			index[k] = c
			out.accept = append(out.accept, d.accept[s])
			out.trans = append(out.trans, es)
		}
		class[s] = c
	}
	visit(0)
	if class[0] < 0 {
		return &dfa{} // spells nothing
	}
	// Renumber so that the start is state 0.
	start := class[0]
	if start != 0 {
		swap := func(c int32) int32 {
			switch c {
			case 0:
				return start
			case start:
				return 0
			}
			return c
		}
		out.accept[0], out.accept[start] = out.accept[start], out.accept[0]
		out.trans[0], out.trans[start] = out.trans[start], out.trans[0]
		for _, es := range out.trans {
			for i := range es {
				es[i].to = swap(es[i].to)
			}
		}
	}
	return out
}

// empty reports whether the automaton spells nothing.
func (d *dfa) empty() bool { return len(d.accept) == 0 }
