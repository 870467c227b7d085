package generator

import "slices"

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
	// The blocks each position spells: a block lies wholly inside or
	// outside every set of the pattern, so its first character decides.
	posBlocks := make([][]int32, len(a.sets))
	for p, set := range a.sets {
		for b, blk := range blocks {
			if set.Has(blk.chars[0]) {
				posBlocks[p] = append(posBlocks[p], int32(b))
			}
		}
	}
	d := &dfa{}
	index := newSeqIndex()
	add := func(states []int32) int32 {
		i, isNew := index.lookup(states)
		if isNew {
			final := false
			for _, p := range states {
				final = final || a.final[p]
			}
			d.accept = append(d.accept, final)
			d.trans = append(d.trans, nil)
		}
		return i
	}
	add([]int32{0})
	buckets := make([][]int32, len(blocks))
	var used []int32
	for i := 0; i < len(index.seqs); i++ {
		if len(index.seqs) > maxDFAStates {
			return nil
		}
		used = used[:0]
		for _, p := range index.seqs[i] {
			for _, q := range a.follow[p] {
				for _, b := range posBlocks[q] {
					if len(buckets[b]) == 0 {
						used = append(used, b)
					}
					buckets[b] = append(buckets[b], q)
				}
			}
		}
		slices.Sort(used)
		for _, b := range used {
			qs := buckets[b]
			slices.Sort(qs)
			qs = slices.Compact(qs)
			to := add(qs)
			d.trans[i] = append(d.trans[i], dfaEdge{block: b, to: to})
			buckets[b] = buckets[b][:0]
		}
	}
	if a.cyclic {
		// Only the length bound's product (automaton_fold.go) is
		// acyclic and can be minimised in one pass; here drop the
		// dead ends and merge by refinement.
		return d.trim().refine()
	}
	return d.minimise()
}

// trim drops the states with no accepted future from an automaton that
// may have cycles, renumbering the rest (the start stays 0); it returns
// an empty automaton when the start has none.
func (d *dfa) trim() *dfa {
	n := len(d.accept)
	back := make([][]int32, n)
	for s, es := range d.trans {
		for _, e := range es {
			back[e.to] = append(back[e.to], int32(s))
		}
	}
	live := make([]bool, n)
	var stack []int32
	for s, acc := range d.accept {
		if acc {
			live[s] = true
			stack = append(stack, int32(s))
		}
	}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range back[s] {
			if !live[p] {
				live[p] = true
				stack = append(stack, p)
			}
		}
	}
	if !live[0] {
		return &dfa{}
	}
	num := make([]int32, n)
	out := &dfa{}
	for s := range n {
		if live[s] {
			num[s] = int32(len(out.accept))
			out.accept = append(out.accept, d.accept[s])
		}
	}
	for s := range n {
		if !live[s] {
			continue
		}
		var es []dfaEdge
		for _, e := range d.trans[s] {
			if live[e.to] {
				es = append(es, dfaEdge{block: e.block, to: num[e.to]})
			}
		}
		out.trans = append(out.trans, es)
	}
	return out
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
	index := newSeqIndex()
	var key []int32
	var visit func(s int32)
	visit = func(s int32) {
		done[s] = true
		for _, e := range d.trans[s] {
			if !done[e.to] {
				visit(e.to)
			}
		}
		key = key[:0]
		if d.accept[s] {
			key = append(key, 1)
		} else {
			key = append(key, 0)
		}
		for _, e := range d.trans[s] {
			if c := class[e.to]; c >= 0 {
				key = append(key, e.block, c)
			}
		}
		if !d.accept[s] && len(key) == 1 {
			class[s] = -1
			return
		}
		c, isNew := index.lookup(key)
		if isNew {
			es := make([]dfaEdge, 0, (len(key)-1)/2)
			for i := 1; i < len(key); i += 2 {
				es = append(es, dfaEdge{block: key[i], to: key[i+1]})
			}
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

// refine merges equivalent states of an automaton that may have cycles
// and has no dead ends (trim's): starting from accepting or not, states
// are split by the classes their moves lead to until no split is left
// (Moore's algorithm). The fold with the length (automaton_fold.go) then
// crosses fewer states: a pronounceable style's syllables determinise to
// states that differ only in how they were reached.
func (d *dfa) refine() *dfa {
	n := len(d.accept)
	if n == 0 {
		return d
	}
	// The first classes: accepting or not, numbered as they come.
	class := make([]int32, n)
	first := [2]int32{-1, -1}
	classes := 0
	for s, acc := range d.accept {
		a := 0
		if acc {
			a = 1
		}
		if first[a] < 0 {
			first[a] = int32(classes)
			classes++
		}
		class[s] = first[a]
	}
	var key []int32
	for {
		index := newSeqIndex()
		next := make([]int32, n)
		for s := range n {
			key = append(key[:0], class[s])
			for _, e := range d.trans[s] {
				key = append(key, e.block, class[e.to])
			}
			next[s], _ = index.lookup(key)
		}
		if len(index.seqs) == classes {
			break
		}
		class, classes = next, len(index.seqs)
	}
	if classes == n {
		return d
	}
	// Renumber so that the start's class is 0.
	num := make([]int32, classes)
	for i := range num {
		num[i] = -1
	}
	num[class[0]] = 0
	k := int32(1)
	for s := range n {
		if num[class[s]] < 0 {
			num[class[s]] = k
			k++
		}
	}
	out := &dfa{accept: make([]bool, classes), trans: make([][]dfaEdge, classes)}
	done := make([]bool, classes)
	for s := range n {
		c := num[class[s]]
		if done[c] {
			continue
		}
		done[c] = true
		out.accept[c] = d.accept[s]
		es := make([]dfaEdge, len(d.trans[s]))
		for i, e := range d.trans[s] {
			es[i] = dfaEdge{block: e.block, to: num[class[e.to]]}
		}
		out.trans[c] = es
	}
	return out
}
