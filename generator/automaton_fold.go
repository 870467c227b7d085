package generator

import "slices"

// Folding the length range, the class limits and the required sets into
// the pattern's automaton. These constraints move alike on every
// character of a block, so their product with the pattern's automaton is
// again an automaton on blocks, and minimising it merges what the
// pattern remembers and the constraints make irrelevant: with the length
// fixed, "how many syllables so far" no longer matters once the length
// decides it. The product with what does depend on the character itself
// (runs, the blocklist) is then taken from the smaller automaton.

type foldKey struct {
	d, n    int32
	req     uint32
	classes [numClasses]int32
}

// foldConstraints returns spec's automaton crossed with its length range,
// class limits and required sets, minimised when asked and there is more
// to cross it with; the automaton itself when there are none. It returns
// nil when the product would exceed MaxPatternStates.
func foldConstraints(spec *productSpec, minimise bool) *dfa {
	return foldInto(spec, minimise, &foldScratch{})
}

// foldScratch is a fold's working memory, which a fold made again and
// again (a form's figure on every keystroke) takes from the last: the
// automaton a fold returns lives in it until the next fold.
type foldScratch struct {
	dense  []int32
	keys   []foldKey
	accept []bool
	trans  [][]dfaEdge
	slabs  [][]dfaEdge // stretches of moves, used again in turn
}

// foldInto is foldConstraints with the working memory given.
func foldInto(spec *productSpec, minimise bool, mem *foldScratch) *dfa {
	tracked := spec.minLen > 0 || spec.maxLen > 0 || spec.reqAll != 0
	for c := range numClasses {
		tracked = tracked || spec.classMin[c] > 0 || spec.classMax[c] >= 0
	}
	if !tracked {
		return spec.dfa
	}
	out := &dfa{}
	// States are numbered through a dense table when the key space is
	// small enough, which is most of the time, and a map otherwise.
	nLen := 1
	if spec.minLen > 0 || spec.maxLen > 0 {
		nLen = spec.longest + 1
		if spec.maxLen > 0 {
			nLen = min(nLen, spec.maxLen+1)
		}
	}
	var radix [numClasses]int
	size := len(spec.dfa.accept) * nLen
	for c := range numClasses {
		radix[c] = 1
		switch {
		case spec.classMax[c] >= 0:
			radix[c] = spec.classMax[c] + 1
		case spec.classMin[c] > 0:
			radix[c] = spec.classMin[c] + 1
		}
		size *= radix[c]
	}
	size <<= bitsFor(int(spec.reqAll))
	var dense []int32
	if size <= 1<<20 {
		mem.dense = sized(mem.dense, size)
		dense = mem.dense
	}
	denseIndex := func(k foldKey) int {
		i := int(k.d)*nLen + int(k.n)
		for c := range numClasses {
			i = i*radix[c] + int(k.classes[c])
		}
		return i<<bitsFor(int(spec.reqAll)) | int(k.req)
	}
	index := map[foldKey]int32{}
	// Room for the states the dense table could hold, up to a point,
	// so that growing copies little.
	guess := min(size, 1<<14)
	keys := slices.Grow(mem.keys[:0], guess)
	out.accept = slices.Grow(mem.accept[:0], guess)
	out.trans = slices.Grow(mem.trans[:0], guess)
	defer func() { mem.keys, mem.accept, mem.trans = keys, out.accept, out.trans }()
	add := func(k foldKey) int32 {
		var di int
		if dense != nil {
			di = denseIndex(k)
			if i := dense[di]; i > 0 {
				return i - 1
			}
		} else if i, ok := index[k]; ok {
			return i
		}
		i := int32(len(keys))
		if dense != nil {
			dense[di] = i + 1
		} else {
			index[k] = i
		}
		keys = append(keys, k)
		acc := i > 0 && spec.dfa.accept[k.d] && k.req == spec.reqAll && (spec.minLen == 0 || int(k.n) >= spec.minLen)
		for c := range numClasses {
			acc = acc && int(k.classes[c]) >= spec.classMin[c]
		}
		out.accept = append(out.accept, acc)
		out.trans = append(out.trans, nil)
		return i
	}
	add(foldKey{})
	// The moves of each state of the automaton that lead to one state
	// on blocks of one class and one set of required sets change the
	// key alike: the key is worked out once for each such group.
	groups := foldGroups(spec)
	var targets []int32 // each group's state, -1 when its moves are cut
	var slab []dfaEdge  // every state's moves, one after another
	slabs := 0          // the stretches of mem.slabs in use
	for i := 0; i < len(keys); i++ {
		if len(keys) > MaxPatternStates {
			return nil
		}
		k := keys[i]
		if need := len(spec.dfa.trans[k.d]); cap(slab)-len(slab) < need {
			// A new stretch, rather than a larger copy of the old.
			if slabs < len(mem.slabs) && cap(mem.slabs[slabs]) >= need {
				slab = mem.slabs[slabs][:0]
			} else {
				slab = make([]dfaEdge, 0, max(4096, need))
				mem.slabs = append(mem.slabs[:slabs], slab)
			}
			slabs++
		}
		start := len(slab)
		gs := groups[k.d]
		targets = targets[:0]
		for _, g := range gs.groups {
			targets = append(targets, -1)
			next := k
			next.d = g.to
			if spec.minLen > 0 || spec.maxLen > 0 {
				next.n++
				if spec.maxLen > 0 && int(next.n) > spec.maxLen {
					continue
				}
			}
			c := g.class
			switch {
			case spec.classMax[c] >= 0:
				next.classes[c]++
				if int(next.classes[c]) > spec.classMax[c] {
					continue
				}
			case spec.classMin[c] > 0:
				next.classes[c] = min(next.classes[c]+1, int32(spec.classMin[c]))
			}
			next.req |= g.req & spec.reqAll
			targets[len(targets)-1] = add(next)
		}
		// The moves in the automaton's order, which is by block.
		for j, e := range spec.dfa.trans[k.d] {
			if to := targets[gs.of[j]]; to >= 0 {
				slab = append(slab, dfaEdge{block: e.block, to: to})
			}
		}
		out.trans[i] = slab[start:len(slab):len(slab)]
	}
	if spec.ac == nil && spec.maxRep == 0 && spec.maxSeq == 0 {
		// Nothing more to cross it with: minimising would cost more
		// than counting the states it merges.
		return out
	}
	if !minimise {
		return out.cutDeadEnds()
	}
	return out.minimise()
}

// foldGroup is the moves of a state of the pattern's automaton to one
// state on blocks of one class and one set of required sets.
type foldGroup struct {
	to    int32
	class Class
	req   uint32
}

// foldGroupsOf is a state's groups, and the group of each of its moves.
type foldGroupsOf struct {
	groups []foldGroup
	of     []int32
}

// foldGroups groups each state's moves for foldConstraints.
func foldGroups(spec *productSpec) []foldGroupsOf {
	out := make([]foldGroupsOf, len(spec.dfa.trans))
	for s, es := range spec.dfa.trans {
		g := &out[s]
		g.of = make([]int32, len(es))
	next:
		for j, e := range es {
			blk := &spec.blocks[e.block]
			want := foldGroup{to: e.to, class: blk.class, req: blk.req}
			for i, h := range g.groups {
				if h == want {
					g.of[j] = int32(i)
					continue next
				}
			}
			g.of[j] = int32(len(g.groups))
			g.groups = append(g.groups, want)
		}
	}
	return out
}

// cutDeadEnds drops the moves into states with no accepted future, where
// every move leads to a later state (as in a fold with the length, whose
// states are numbered breadth first and each move adds a character): one
// pass back finds them. The states stay, unreachable. Otherwise it trims.
func (d *dfa) cutDeadEnds() *dfa {
	live := make([]bool, len(d.accept))
	for s := len(d.accept) - 1; s >= 0; s-- {
		live[s] = d.accept[s]
		for _, e := range d.trans[s] {
			if int(e.to) <= s {
				return d.trim()
			}
			live[s] = live[s] || live[e.to]
		}
	}
	for s, es := range d.trans {
		kept := es[:0]
		for _, e := range es {
			if live[e.to] {
				kept = append(kept, e)
			}
		}
		d.trans[s] = kept
	}
	return d
}
