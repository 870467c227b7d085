package generator

import (
	"fmt"
	"math/big"
)

// unrankSampler draws exactly uniformly from the strings a transfer model
// accepts, when rejection from a simpler superset would be too slow (short
// passwords with several required sets, tight run limits). It tabulates
// C_t[c][x][q], the number of ways to append t more characters after a
// character of type x that left the state (c, q) and end in an accepting
// count state; the total is Σ_y mult_y·C_{L−1}[after y]. A uniform index in
// [0, total) is then turned into its string: at each position the
// candidates are taken in a fixed order, each covering as many indices as
// it has completions, and the one covering the index is chosen. That is a
// bijection between [0, total) and the valid strings, so every valid string
// is equally likely.
//
// The backward step mirrors the forward one (see transfer.go): with
// O[c] = Σ_y mult_y·C[inc(c,y)][y][F] over all characters,
//
//	C'[c][x][q] = O[c] − Σ_{y linked to x} C[inc(c,y)][y][F]
//	            + Σ_{y linked to x} C[inc(c,y)][y][q after the step x→y]
//
// where y ranges over x itself (a repeat) and its chain neighbours, and a
// step the limits forbid contributes nothing.
type unrankSampler struct {
	m              *runModel // unmirrored types
	tables         [][]uint64
	width          []int
	total          *big.Int
	W              int // words of an index
	rep, asc, desc []int
}

// unrankTableBytes predicts the tables' memory.
func unrankTableBytes(m *runModel) float64 {
	return float64(m.cs.n*len(m.ct.types)*m.nq()) * float64(m.L) * (float64(m.L)*m.log2N()/128 + 2) * 8
}

// unrankCost predicts the time to build the tables, in nanoseconds: a
// backward step costs about twice a forward one, and more again with
// several count states, whose tables outgrow the caches (measured).
func unrankCost(m *runModel) float64 {
	if m.cs.n > 1 {
		return 5 * m.exactCost()
	}
	return 2 * m.exactCost()
}

func newUnrankSampler(m *runModel) *unrankSampler {
	ct, cs := m.ct, m.cs
	nT, nq, nG := len(ct.types), m.nq(), cs.nG
	rOn, sOn := m.lim.r > 0, m.lim.s > 0
	u := &unrankSampler{m: m, tables: make([][]uint64, m.L), width: make([]int, m.L)}
	u.rep, u.asc, u.desc = m.lim.successors()
	log2N := m.log2N()
	nV := cs.n * nT * nq
	u.width[0] = 1
	u.tables[0] = make([]uint64, nV)
	for c := range cs.n {
		if cs.accept[c] {
			for i := range nT * nq {
				u.tables[0][c*nT*nq+i] = 1
			}
		}
	}
	for t := 1; t < m.L; t++ {
		w, pw := limbWidth(t, log2N), u.width[t-1]
		prev := u.tables[t-1]
		get := func(c, y, q int) []uint64 {
			i := (c*nT+y)*nq + q
			return prev[i*pw : i*pw+pw]
		}
		// P[g][c'] = Σ_{y in g} mult_y·C[c'][y][F]; O[c] = Σ_g P[g][inc(c,g)].
		P := make([]uint64, nG*cs.n*w)
		for y, ty := range ct.types {
			for c := range cs.n {
				i := int(ty.group)*cs.n + c
				lAddMul(P[i*w:i*w+w], get(c, y, 0), uint64(ty.mult))
			}
		}
		O := make([]uint64, cs.n*w)
		for c := range cs.n {
			for g := range nG {
				if c2 := cs.inc[c*nG+g]; c2 >= 0 {
					i := g*cs.n + int(c2)
					lAdd(O[c*w:c*w+w], P[i*w:i*w+w])
				}
			}
		}
		tab := make([]uint64, nV*w)
		base := make([]uint64, w)
		for c := range cs.n {
			for x, ty := range ct.types {
				copy(base, O[c*w:c*w+w])
				type link struct{ y, c2 int }
				var links [3]link
				var succ [3][]int
				n := 0
				add := func(y int, on bool, s []int) {
					if !on || y < 0 {
						return
					}
					c2 := int(cs.inc[c*nG+int(ct.types[y].group)])
					if c2 < 0 {
						return
					}
					lSub(base, get(c2, y, 0))
					links[n], succ[n] = link{y, c2}, s
					n++
				}
				add(x, rOn, u.rep)
				add(int(ty.next), sOn, u.asc)
				add(int(ty.prev), sOn, u.desc)
				for q := range nq {
					i := (c*nT+x)*nq + q
					dst := tab[i*w : i*w+w]
					copy(dst, base)
					for k := range n {
						if q2 := succ[k][q]; q2 >= 0 {
							lAdd(dst, get(links[k].c2, links[k].y, q2))
						}
					}
				}
			}
		}
		u.tables[t], u.width[t] = tab, w
	}
	// The total: the first character, any of them.
	last, lw := u.tables[m.L-1], u.width[m.L-1]
	u.W = limbWidth(m.L, log2N)
	total := make([]uint64, u.W)
	for y, ty := range ct.types {
		if c := cs.inc[ty.group]; c >= 0 {
			i := (int(c)*nT + y) * nq
			lAddMul(total, last[i*lw:i*lw+lw], uint64(ty.mult))
		}
	}
	u.total = lBig(total)
	return u
}

func (u *unrankSampler) sample(r *Rand, out []int32) {
	if u.total.Sign() == 0 {
		panic("generator: unranking from an empty set")
	}
	idx := make([]uint64, u.W)
	tmp := make([]uint64, u.W)
	defer clear(idx)
	n := r.bigIntn(u.total)
	lFromBig(idx, n)
	clear(n.Bits())
	if r.err != nil {
		return
	}
	u.unrank(idx, tmp, out)
}

// unrank writes the string of index idx (which it consumes) into out.
func (u *unrankSampler) unrank(idx, tmp []uint64, out []int32) {
	m := u.m
	ct, cs := m.ct, m.cs
	nT, nq, nG := len(ct.types), m.nq(), cs.nG
	// take tries the count·v indices of a type's characters: it returns
	// the copy holding idx, or -1 after stepping idx past them all. Copy
	// skip (if any) is left out.
	take := func(v []uint64, count int64, copies int, skip int) int {
		if count <= 0 || lIsZero(v) {
			return -1
		}
		lMul(tmp, v, uint64(count))
		if lCmp(idx, tmp) >= 0 {
			lSub(idx, tmp)
			return -1
		}
		for k := range copies {
			if k == skip {
				continue
			}
			if lCmp(idx, v) < 0 {
				return k
			}
			lSub(idx, v)
		}
		panic("generator: unranking index out of range")
	}
	entry := func(t, c, y, q int) []uint64 {
		w := u.width[t]
		i := (c*nT+y)*nq + q
		return u.tables[t][i*w : i*w+w]
	}
	x, k, c, q := -1, -1, 0, 0
	for y, ty := range ct.types { // the first character
		c2 := int(cs.inc[ty.group])
		if c2 < 0 {
			continue
		}
		if k = take(entry(m.L-1, c2, y, 0), ty.mult, int(ty.mult), -1); k >= 0 {
			x, c = y, c2
			break
		}
	}
	if x < 0 {
		panic("generator: unranking index out of range")
	}
	out[0] = ct.types[x].chars[k]
	for pos := 1; pos < m.L; pos++ {
		t := m.L - 1 - pos
		chosen := false
		// The linked characters first: a repeat, one up, one down.
		for _, l := range m.links(x, u.rep, u.asc, u.desc) {
			if !l.on || l.y < 0 || l.succ[q] < 0 {
				continue
			}
			c2 := int(cs.inc[c*nG+int(ct.types[l.y].group)])
			if c2 < 0 {
				continue
			}
			v := entry(t, c2, l.y, l.succ[q])
			if lCmp(idx, v) < 0 {
				x, c, q, chosen = l.y, c2, l.succ[q], true
				break
			}
			lSub(idx, v)
		}
		if !chosen { // then every other character, type by type
			for y, yt := range ct.types {
				c2 := int(cs.inc[c*nG+int(yt.group)])
				if c2 < 0 {
					continue
				}
				skip := -1 // the copy of y that is linked to the last character
				if m.linked(x, y) {
					skip = k
				}
				count := yt.mult
				if skip >= 0 {
					count--
				}
				if k2 := take(entry(t, c2, y, 0), count, int(yt.mult), skip); k2 >= 0 {
					x, k, c, q, chosen = y, k2, c2, 0, true
					break
				}
			}
		}
		if !chosen {
			panic(fmt.Sprintf("generator: unranking index out of range at position %d", pos))
		}
		out[pos] = ct.types[x].chars[k]
	}
}
