package generator

// countStates is the part of the transfer state that remembers how many
// characters of each constrained class have been placed, and which required
// sets are met when the sampler tracks them. A class count is remembered up
// to its maximum when it has one (one more would be invalid) and otherwise
// up to its minimum (further characters change nothing). The states are a
// mixed-radix number: the class digits, then the mask of sets met.
type countStates struct {
	n, nG int
	// inc[s·nG+g] is the state after a character of group g in state s,
	// or -1 when that exceeds a class maximum.
	inc    []int32
	accept []bool
}

// newCountStates builds the states for the groups of a typed alphabet,
// tracking reqBits required sets (0: none) and the classes that keep
// allows (nil: all; the others are counted as if unconstrained). It
// returns nil above maxStates states.
func newCountStates(lay *layout, groups []typeGroup, reqBits int, maxStates int, keep []bool) *countStates {
	L := lay.L
	caps := make([]int, lay.slots())
	radix := make([]int, lay.slots())
	lo := make([]int, lay.slots())
	bounded := make([]bool, lay.slots())
	nClass := 1
	for k := range caps {
		if keep == nil || keep[k] {
			lo[k], bounded[k] = lay.lo[k], lay.hi[k] < L
			caps[k] = lo[k]
			if bounded[k] {
				caps[k] = lay.hi[k]
			}
		}
		radix[k] = nClass
		nClass *= caps[k] + 1
		if nClass > maxStates {
			return nil
		}
	}
	nMask := 1 << reqBits
	if nClass*nMask > maxStates {
		return nil
	}
	cs := &countStates{n: nClass * nMask, nG: len(groups)}
	cs.inc = make([]int32, cs.n*cs.nG)
	cs.accept = make([]bool, cs.n)
	all := uint32(nMask - 1)
	for cl := range nClass {
		ok := true
		for k := range caps {
			if cl/radix[k]%(caps[k]+1) < lo[k] {
				ok = false
			}
		}
		for mask := range nMask {
			s := cl*nMask + mask
			cs.accept[s] = ok && uint32(mask) == all
			for g, grp := range groups {
				next := int32(-1)
				ncl := cl
				live := true
				if k := grp.label; k < len(caps) {
					switch d := cl / radix[k] % (caps[k] + 1); {
					case d < caps[k]:
						ncl += radix[k]
					case bounded[k]: // at the maximum already
						live = false
					}
				}
				if live {
					next = int32(ncl*nMask + int(uint32(mask)|grp.req&all))
				}
				cs.inc[s*cs.nG+g] = next
			}
		}
	}
	return cs
}
