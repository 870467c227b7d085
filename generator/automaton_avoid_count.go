package generator

import (
	"math"
	"math/bits"
	"slices"
)

// The backward pass of the blocklist's count (automaton_avoid.go): each
// state's counts, in as few words as they need, kept only while needed.

// widths sets the words each state's counts take: a state from which
// strings have at most l more characters, over an alphabet of u, counts
// fewer than 2·u^l of them.
func (c *avoidCounter) widths(universe int) {
	d := c.d
	c.longest = sized(c.longest, len(d.accept))
	c.width = sized(c.width, len(d.accept))
	bits := math.Log2(float64(max(universe, 2)))
	for i := len(c.topo) - 1; i >= 0; i-- {
		f := c.topo[i]
		for _, e := range d.trans[f] {
			c.longest[f] = max(c.longest[f], c.longest[e.to]+1)
		}
		c.width[f] = int32((float64(c.longest[f])*bits+2)/64) + 1
	}
}

// arena holds the counts of the states still needed, their room used
// again once a state has given its counts to its predecessors.
type arena struct {
	words []uint64
	free  [32][]int // free stretches of 2^k words, by offset
}

func (a *arena) reset() {
	clear(a.words)
	a.words = a.words[:0]
	for k := range a.free {
		a.free[k] = a.free[k][:0]
	}
}

func (a *arena) alloc(n int) int {
	k := bits.Len(uint(n - 1))
	if l := len(a.free[k]); l > 0 {
		off := a.free[k][l-1]
		a.free[k] = a.free[k][:l-1]
		clear(a.words[off : off+n])
		return off
	}
	off := len(a.words)
	a.words = slices.Grow(a.words, 1<<k)[:off+1<<k]
	clear(a.words[off:])
	return off
}

func (a *arena) release(off, n int) {
	k := bits.Len(uint(n - 1))
	a.free[k] = append(a.free[k], off)
}

// counts returns where f's counts are, making room when first asked.
func (c *avoidCounter) counts(f int32) []uint64 {
	n := int(c.setLen[f]) * c.k * int(c.width[f])
	if c.base[f] < 0 {
		c.base[f] = c.mem.alloc(n)
	}
	return c.mem.words[c.base[f] : c.base[f]+n]
}

// countAll returns the number of d's strings, blocked or not.
func (c *avoidCounter) countAll() []uint64 {
	d, K := c.d, c.k
	c.allOff = sized(c.allOff, len(d.accept)+1)
	off := c.allOff
	for f := range d.accept {
		off[f+1] = off[f] + K*int(c.width[f])
	}
	c.mem.reset()
	c.mem.words = sized(c.mem.words, off[len(d.accept)])
	// at is the count of combination k at f.
	at := func(f int32, k int) []uint64 {
		w := int(c.width[f])
		return c.mem.words[off[f]+k*w : off[f]+(k+1)*w]
	}
	c.tight = sized(c.tight, len(d.accept))
	for i := len(c.topo) - 1; i >= 0; i-- {
		f := c.topo[i]
		c.accepting(f, func(k int) { at(f, k)[0] = 1 })
		w := int(c.width[f])
		z := c.mem.words[off[f]:off[f+1]]
		for _, m := range c.moves[c.moveOff[f]:c.moveOff[f+1]] {
			tw := int(c.width[m.to])
			t := c.mem.words[off[m.to]:off[m.to+1]]
			pairs := c.pairs[m.shift]
			for q := 0; q < len(pairs); q += 2 {
				k, sk := int(pairs[q]), int(pairs[q+1])
				lAddMul(z[k*w:(k+1)*w], t[sk*tw:(sk+1)*tw], m.weight)
			}
		}
		for k := range K {
			c.tight[f] = max(c.tight[f], int32(limbsOf(at(f, k))))
		}
	}
	out := slices.Clone(at(0, 0))
	c.mem.reset()
	return out
}

// limbsOf is the words x needs (at least one).
func limbsOf(x []uint64) int {
	n := len(x)
	for n > 1 && x[n-1] == 0 {
		n--
	}
	return n
}

// tighten makes each state's width the words its largest count without
// the blocklist needs (countAll's, which bound those with it), and no
// fewer than its successors', as a sum takes its terms whole.
func (c *avoidCounter) tighten() {
	for i := len(c.topo) - 1; i >= 0; i-- {
		f := c.topo[i]
		w := c.tight[f]
		for _, m := range c.moves[c.moveOff[f]:c.moveOff[f+1]] {
			w = max(w, c.width[m.to])
		}
		c.width[f] = w
	}
}

// identity is a move's pairs without counters.
var identity = []int32{0, 0}

// accepting calls f on each combination f accepts with: none at the start
// (the empty password is none) or where d does not accept.
func (c *avoidCounter) accepting(f int32, fn func(k int)) {
	if f == 0 || !c.d.accept[f] {
		return
	}
	if c.cs == nil {
		fn(0)
		return
	}
	for k, ok := range c.cs.accept {
		if ok {
			fn(k)
		}
	}
}

// count returns N(start, root). Going backward, each state's counts are
// first the sums its successors gave (the root's over every move, the
// others' corrections on their children's symbols), then made whole in
// the set's order, N(f, a) adding N(f, fail(a)), and then given to the
// predecessors. With counters each N(f, a) is k counts, one per
// combination, stored together.
func (c *avoidCounter) count() []uint64 {
	d, ac, topo, K := c.d, c.ac, c.topo, c.k
	c.mem.reset()
	c.base = sized(c.base, len(d.accept))
	for i := range c.base {
		c.base[i] = -1
	}
	// The place of each blocklist state in the set at hand, when the
	// high half holds that state of d + 1.
	c.at = sized(c.at, len(ac.match))
	at := c.at
	for i := len(topo) - 1; i >= 0; i-- {
		f := topo[i]
		if c.setLen[f] == 0 {
			continue
		}
		set, fp := c.set(f), c.failPool[c.setOff[f]:]
		w := int(c.width[f])
		z := c.counts(f)
		c.accepting(f, func(k int) { lAdd(z[k*w:(k+1)*w], one) })
		// Entry (j, k) of z is N(f, set[j]) for combination k.
		if vw := K * w; vw == 1 {
			for j := 1; j < len(set); j++ {
				z[j] += z[fp[j]]
			}
		} else {
			for j := 1; j < len(set); j++ {
				dst, src := z[j*vw:(j+1)*vw], z[int(fp[j])*vw:int(fp[j]+1)*vw]
				for o := 0; o < vw; o += w {
					lAdd(dst[o:o+w], src[o:o+w])
				}
			}
		}
		if f == 0 {
			return slices.Clone(z[:w])
		}
		stamp := int64(f+1) << 32
		for j, a := range set {
			at[a] = stamp | int64(j)
		}
		// place is the place of N(f, a) in the set; -1 when it is 0.
		place := func(a int32) int {
			if ac.match[a] {
				return -1
			}
			a = c.within(f, a)
			if at[a]&^(1<<32-1) != stamp {
				panic("generator: a blocklist state the count needs was not gathered")
			}
			return int(int32(at[a]))
		}
		for _, p := range c.preds[c.predOff[f]:c.predOff[f+1]] {
			if c.setLen[p.from] == 0 {
				continue // unreachable
			}
			m := &c.moves[p.i]
			pw := int(c.width[p.from])
			zp := c.counts(p.from)
			z = c.mem.words[c.base[f] : c.base[f]+len(z)] // the arena may have moved
			kids := c.kidsOn(p.from, m.sym)
			pairs := c.pairs[m.shift]
			if pw == 1 && K == 1 { // then w is 1 too
				if j := place(ac.next(0, m.sym)); j >= 0 {
					zp[0] += z[j] * m.weight
				}
				for _, kd := range kids {
					alt := place(ac.fail[kd.kid])
					if alt < 0 {
						continue // the kid is then a match too, or counts nothing
					}
					diff := z[alt]
					if j := place(kd.kid); j >= 0 {
						diff -= z[j]
					}
					zp[kd.pos] -= diff * m.weight
				}
				continue
			}
			if K == 1 {
				if j := place(ac.next(0, m.sym)); j >= 0 {
					lAddMul(zp[:pw], z[j*w:(j+1)*w], m.weight)
				}
				for _, kd := range kids {
					alt := place(ac.fail[kd.kid])
					if alt < 0 {
						continue // the kid is then a match too, or counts nothing
					}
					var kidN []uint64
					if j := place(kd.kid); j == alt {
						continue // the kid stands for its failure state here: no correction
					} else if j >= 0 {
						kidN = z[j*w : (j+1)*w]
					}
					lSubMulDiff(zp[int(kd.pos)*pw:int(kd.pos+1)*pw], z[alt*w:(alt+1)*w], kidN, m.weight)
				}
				continue
			}
			// N(f, set[j]) for combination k is z[(j*K+k)*w:][:w];
			// the move takes each (k, sk) of its pairs: from
			// combination k at p.from to sk here.
			if j := place(ac.next(0, m.sym)); j >= 0 {
				src := z[j*K*w:]
				for q := 0; q < len(pairs); q += 2 {
					k, sk := int(pairs[q]), int(pairs[q+1])
					lAddMul(zp[k*pw:(k+1)*pw], src[sk*w:(sk+1)*w], m.weight)
				}
			}
			for _, kd := range kids {
				alt := place(ac.fail[kd.kid])
				if alt < 0 {
					continue // the kid is then a match too, or counts nothing
				}
				altN, dst := z[alt*K*w:], zp[int(kd.pos)*K*pw:]
				if kid := place(kd.kid); kid >= 0 {
					kidN := z[kid*K*w:]
					if w == 1 && pw == 1 {
						for q := 0; q < len(pairs); q += 2 {
							k, sk := pairs[q], pairs[q+1]
							dst[k] -= (altN[sk] - kidN[sk]) * m.weight
						}
						continue
					}
					for q := 0; q < len(pairs); q += 2 {
						k, sk := int(pairs[q]), int(pairs[q+1])
						lSubMulDiff(dst[k*pw:(k+1)*pw], altN[sk*w:(sk+1)*w], kidN[sk*w:(sk+1)*w], m.weight)
					}
					continue
				}
				for q := 0; q < len(pairs); q += 2 {
					k, sk := int(pairs[q]), int(pairs[q+1])
					lSubMulDiff(dst[k*pw:(k+1)*pw], altN[sk*w:(sk+1)*w], nil, m.weight)
				}
			}
		}
		c.mem.release(c.base[f], len(z))
	}
	panic("generator: the start state was not counted")
}
