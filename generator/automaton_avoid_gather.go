package generator

import "slices"

// Gathering, at each state of the pattern's automaton, the blocklist
// states the count needs there (automaton_avoid.go).

// within returns the state that stands for a at f: a itself, or when no
// word through a can end within the longest string from f, its nearest
// failure state through which one can. A word through a that cannot end
// matches nothing, and until the string leaves a's words the failure
// state's match just as a's would: the counts are the same.
func (c *avoidCounter) within(f, a int32) int32 {
	for a != 0 && c.ac.toWord[a] > c.longest[f] {
		a = c.ac.fail[a]
	}
	return a
}

func (c *avoidCounter) set(f int32) []int32 {
	o := c.setOff[f]
	return c.setPool[o : o+c.setLen[f]]
}

// kidsOn returns the children on symbol x of f's set's states.
func (c *avoidCounter) kidsOn(f, x int32) []avoidKid {
	start := c.startPool[c.startOff[f]:]
	o := c.kidOff[f]
	return c.kidPool[o+start[x] : o+start[x+1]]
}

// sameSources returns a state gathered before from the same sources as f
// (sameSources says what they are), and records f's otherwise.
func (c *avoidCounter) sameSources(f int32) (int32, bool) {
	so := len(c.sources)
	limit := int32(-1) // within changes nothing
	if c.longest[f] < c.ac.maxToWord {
		limit = c.longest[f]
	}
	c.sources = append(c.sources, uint64(uint32(limit)))
	for _, p := range c.preds[c.predOff[f]:c.predOff[f+1]] {
		if c.setLen[p.from] > 0 {
			c.sources = append(c.sources, uint64(c.setOff[p.from])<<32|uint64(c.moves[p.i].sym))
		}
	}
	src := c.sources[so:]
	h := uint64(len(src))
	for _, v := range src {
		h = (h ^ v) * 0x9e3779b97f4a7c15
	}
	for g := c.bySources[h] - 1; g >= 0; g = c.sameSrc[g] - 1 {
		if c.setLen[g] > 0 && slices.Equal(c.sources[c.srcOff[g]:c.srcOff[g]+c.srcLen[g]], src) {
			c.sources = c.sources[:so]
			return g, true
		}
	}
	c.srcOff[f], c.srcLen[f] = int32(so), int32(len(src))
	c.sameSrc[f] = c.bySources[h]
	c.bySources[h] = f + 1
	return 0, false
}

// mixState spreads a blocklist state's number over 64 bits, for a hash
// of a set that does not depend on its order: the sum of its members'.
func mixState(a int32) uint64 {
	x := uint64(a) + 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// sameSet returns a state laid out before with the set f has gathered
// (marked with f+1), of hash h.
func (c *avoidCounter) sameSet(h uint64, f int32) (int32, bool) {
next:
	for g := c.laidOut[h] - 1; g >= 0; g = c.sameHash[g] - 1 {
		if int(c.setLen[g]) != len(c.gathered) {
			continue
		}
		for _, a := range c.set(g) {
			if c.mark[a] != f+1 {
				continue next
			}
		}
		return g, true
	}
	return 0, false
}

// gather finds the blocklist states to count at each state of d, in
// topological order: the root's moves into it and the children of its
// predecessors' states on their moves' symbols, closed under failure.
func (c *avoidCounter) gather() error {
	d, ac := c.d, c.ac
	n := len(d.accept)
	nsym := int32(ac.nsym)
	c.setOff, c.setLen = sized(c.setOff, n), sized(c.setLen, n)
	c.kidOff, c.startOff = sized(c.kidOff, n), sized(c.startOff, n)
	// Room for about as many as the styles need, so that a first count
	// does not grow them step by step.
	guess := max(1<<12, 16*n)
	c.setPool, c.failPool = slices.Grow(c.setPool[:0], guess), slices.Grow(c.failPool[:0], guess)
	c.startPool, c.kidPool = slices.Grow(c.startPool[:0], guess), slices.Grow(c.kidPool[:0], guess)
	c.mark = sized(c.mark, len(ac.match)) // f+1 when the state is in f's set
	c.pos = sized(c.pos, len(ac.match))   // its place there
	c.byDepth = sized(c.byDepth, int(ac.maxDepth)+2)
	mark, pos, byDepth := c.mark, c.pos, c.byDepth
	add := func(f, a int32) {
		a = c.within(f, a)
		for mark[a] != f+1 {
			mark[a] = f + 1
			c.gathered = append(c.gathered, a)
			byDepth[ac.depth[a]+1]++
			if a == 0 {
				return
			}
			a = ac.fail[a]
		}
	}
	total := 0
	if c.laidOut == nil {
		c.laidOut = make(map[uint64]int32, 1024)
	}
	clear(c.laidOut)
	c.sameHash = sized(c.sameHash, n)
	c.sources = c.sources[:0]
	c.srcOff, c.srcLen = sized(c.srcOff, n), sized(c.srcLen, n)
	c.sameSrc = sized(c.sameSrc, n)
	if c.bySources == nil {
		c.bySources = make(map[uint64]int32, 1024)
	}
	clear(c.bySources)
	for _, f := range c.topo {
		c.gathered = c.gathered[:0]
		clear(byDepth)
		if f == 0 {
			add(f, 0)
		} else if g, ok := c.sameSources(f); ok {
			// What f gathers depends only on its predecessors' sets
			// and the symbols of their moves, and on how far f is
			// from the end while a word could still end there:
			// another state had the same.
			c.setOff[f], c.setLen[f], c.kidOff[f], c.startOff[f] = c.setOff[g], c.setLen[g], c.kidOff[g], c.startOff[g]
			if total += int(c.setLen[f]); total > maxProductWords {
				return errAvoidTooLarge
			}
			continue
		}
		for _, p := range c.preds[c.predOff[f]:c.predOff[f+1]] {
			if c.setLen[p.from] == 0 {
				continue // unreachable
			}
			m := &c.moves[p.i]
			if t := ac.next(0, m.sym); !ac.match[t] {
				add(f, t)
			}
			for _, k := range c.kidsOn(p.from, m.sym) {
				if !ac.match[k.kid] {
					add(f, k.kid)
				}
			}
		}
		if len(c.gathered) == 0 {
			continue // no prefix leads here
		}
		add(f, 0)
		if total += len(c.gathered); total > maxProductWords {
			return errAvoidTooLarge
		}
		// States far from the ends of the password gather the same
		// set as others: it is laid out once and shared.
		h := uint64(len(c.gathered))
		for _, a := range c.gathered {
			h += mixState(a)
		}
		if g, ok := c.sameSet(h, f); ok {
			c.setOff[f], c.setLen[f], c.kidOff[f], c.startOff[f] = c.setOff[g], c.setLen[g], c.kidOff[g], c.startOff[g]
			continue
		}
		c.sameHash[f] = c.laidOut[h]
		c.laidOut[h] = f + 1
		// The root first, then shallowest first, by counting.
		for i := 1; i < len(byDepth); i++ {
			byDepth[i] += byDepth[i-1]
		}
		so, l := len(c.setPool), len(c.gathered)
		c.setPool = slices.Grow(c.setPool, l)[:so+l]
		c.failPool = slices.Grow(c.failPool, l)[:so+l]
		set, fp := c.setPool[so:], c.failPool[so:]
		nk := 0
		for _, a := range c.gathered {
			i := byDepth[ac.depth[a]]
			byDepth[ac.depth[a]]++
			set[i], pos[a] = a, i
			nk += len(ac.kids[a])
		}
		nk -= len(ac.kids[0])
		fp[0] = 0
		for i, a := range set[1:] {
			fp[i+1] = pos[ac.fail[a]]
		}
		c.setOff[f], c.setLen[f] = int32(so), int32(l)
		// The children, by symbol.
		sto := len(c.startPool)
		c.startPool = slices.Grow(c.startPool, int(nsym)+1)[:sto+int(nsym)+1]
		start := c.startPool[sto:]
		clear(start)
		for _, a := range set[1:] {
			for _, k := range ac.kids[a] {
				start[k.sym+1]++
			}
		}
		for x := 1; x < len(start); x++ {
			start[x] += start[x-1]
		}
		ko := len(c.kidPool)
		c.kidPool = slices.Grow(c.kidPool, nk)[:ko+nk]
		kids := c.kidPool[ko:]
		for i, a := range set[1:] {
			for _, k := range ac.kids[a] {
				kids[start[k.sym]] = avoidKid{pos: int32(i + 1), kid: k.to}
				start[k.sym]++
			}
		}
		copy(start[1:], start[:nsym])
		start[0] = 0
		c.kidOff[f], c.startOff[f] = int32(ko), int32(sto)
	}
	return nil
}
