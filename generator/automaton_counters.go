package generator

import "math/bits"

// The class limits and required sets as counters beside the blocklist's
// count (automaton_avoid.go), rather than folded into the pattern's
// automaton (automaton_fold.go). Folded, each combination of counts is
// another copy of every state, and the blocklist's states are gathered
// and looked up for each copy alike; as counters, a pair of states holds a
// vector of counts, one per combination, and the gathering and looking up
// are done once for all of them. A move's class and required sets shift
// the vector: the count of combination k at a state sums, over its moves,
// the successor's count of k with the move's characters added.

// counterSpace numbers the combinations of class counts and required
// sets met: the class counts in mixed radix, then the sets as bits.
type counterSpace struct {
	size    int
	radix   [numClasses]int32 // a class's counts 0..radix−1 (1: not counted)
	stride  [numClasses]int32
	reqBits int
	// Each class's limits: counts above max cut the string; with no
	// maximum, counts stop at min, which is all acceptance needs.
	min, max [numClasses]int32 // max −1: none
	reqAll   uint32
	accept   []bool // whether a combination meets every minimum and set
	shifts   map[uint64][]int32
	pairsOf  map[uint64][]int32
}

// maxCounters bounds a counter space: larger ones are folded.
const maxCounters = 64

// newCounterSpace returns the counters of spec's class limits and required
// sets; nil when there are none or too many.
func newCounterSpace(spec *productSpec) *counterSpace {
	cs := &counterSpace{size: 1, reqAll: spec.reqAll, shifts: map[uint64][]int32{}, pairsOf: map[uint64][]int32{}}
	for c := numClasses - 1; c >= 0; c-- {
		cs.min[c], cs.max[c] = int32(spec.classMin[c]), int32(spec.classMax[c])
		cs.radix[c] = 1
		switch {
		case spec.classMax[c] >= 0:
			cs.radix[c] = int32(spec.classMax[c]) + 1
		case spec.classMin[c] > 0:
			cs.radix[c] = int32(spec.classMin[c]) + 1
		}
		cs.stride[c] = int32(cs.size)
		cs.size *= int(cs.radix[c])
		if cs.size > maxCounters {
			return nil
		}
	}
	cs.reqBits = int(bitsFor(int(spec.reqAll)))
	cs.size <<= cs.reqBits
	if cs.size == 1 || cs.size > maxCounters {
		return nil
	}
	cs.accept = make([]bool, cs.size)
	for k := range cs.size {
		ok := uint32(k)&(1<<cs.reqBits-1) == cs.reqAll
		for c := range numClasses {
			ok = ok && cs.count(int32(k), c) >= cs.min[c]
		}
		cs.accept[k] = ok
	}
	return cs
}

// count is class c's count in combination k.
func (cs *counterSpace) count(k int32, c Class) int32 {
	return (k >> cs.reqBits) / cs.stride[c] % cs.radix[c]
}

// shift returns, for each combination, the one after a character of class
// c in the required sets req; −1 where the character goes past a maximum.
func (cs *counterSpace) shift(c Class, req uint32) []int32 {
	req &= cs.reqAll
	key := uint64(c)<<32 | uint64(req)
	if t, ok := cs.shifts[key]; ok {
		return t
	}
	t := make([]int32, cs.size)
	for k := range int32(cs.size) {
		n := cs.count(k, c)
		switch {
		case cs.max[c] >= 0 && n+1 > cs.max[c]:
			t[k] = -1
			continue
		case cs.max[c] >= 0 || n < cs.min[c]:
			n++
		}
		classes := k >> cs.reqBits
		classes += (n - cs.count(k, c)) * cs.stride[c]
		t[k] = classes<<cs.reqBits | (k&(1<<cs.reqBits-1) | int32(req))
	}
	cs.shifts[key] = t
	return t
}

// pairs returns shift(c, req) as (k, shift[k]) pairs, leaving out the
// combinations the character takes past a maximum.
func (cs *counterSpace) pairs(c Class, req uint32) []int32 {
	key := uint64(c)<<32 | uint64(req&cs.reqAll)
	if p, ok := cs.pairsOf[key]; ok {
		return p
	}
	var p []int32
	for k, sk := range cs.shift(c, req) {
		if sk >= 0 {
			p = append(p, int32(k), sk)
		}
	}
	cs.pairsOf[key] = p
	return p
}

// worthCounting reports whether counters pay on d, the pattern's
// automaton with only the length folded in: when few combinations are
// live at each state (reachable from the start and with an accepted
// future), folding the classes in makes fewer states than counters make
// vectors, as in the phone style, whose digits and symbols have one place.
// One pass forward and one back, on bit sets of combinations.
func (cs *counterSpace) worthCounting(d *dfa, blocks []patternBlock) bool {
	n := len(d.accept)
	reach := make([]uint64, n)
	back := make([]uint64, n)
	reach[0] = 1
	shifts := make([][]int32, len(blocks))
	for b, blk := range blocks {
		shifts[b] = cs.shift(blk.class, blk.req)
	}
	shiftOf := func(e dfaEdge) []int32 { return shifts[e.block] }
	// The fold with the length numbers its states breadth first, and
	// every move leads forward (cutDeadEnds).
	for s := range n {
		for _, e := range d.trans[s] {
			t := shiftOf(e)
			for m := reach[s]; m != 0; m &= m - 1 {
				if k := t[bits.TrailingZeros64(m)]; k >= 0 {
					reach[e.to] |= 1 << k
				}
			}
		}
	}
	var accepts uint64
	for k, ok := range cs.accept {
		if ok {
			accepts |= 1 << k
		}
	}
	live, states := 0, 0
	for s := n - 1; s >= 0; s-- {
		if d.accept[s] && s > 0 {
			back[s] = accepts
		}
		for _, e := range d.trans[s] {
			t := shiftOf(e)
			for k, sk := range t {
				if sk >= 0 && back[e.to]&(1<<sk) != 0 {
					back[s] |= 1 << k
				}
			}
		}
		if l := bits.OnesCount64(reach[s] & back[s]); l > 0 {
			live += l
			states++
		}
	}
	return 5*live > 3*states*cs.size
}
