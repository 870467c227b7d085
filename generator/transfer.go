package generator

import (
	"math"
	"math/big"
	"slices"
)

// Exact counting under run limits by a transfer over positions.
//
// After each character the state is (count state, type of the character,
// run state). The run state is tiny: fresh (F), a repeat run of length
// 2..r (R_j), or an ascending or descending sequence of length 2..s (A_j,
// D_j); a change of direction starts a new sequence that shares the turning
// character, and a repeat ends any sequence. V_t[c][x][q] counts the valid
// strings of length t that end in one particular character of type x in
// state (c, q) — every character of a type has the same count. A new
// character y is linked to the last one only if it repeats it or steps one
// up or down its chain; every other character restarts the runs. So, with
// S[x] = Σ_q V[x][q] and T[c] = Σ_x mult_x·S[c][x]:
//
//	F'[y]       = T − S[y] − S[y−1] − S[y+1]   (only the linked ones left out)
//	R_2'[y]     = S[y] − Σ_j R_j[y],  R_{j+1}'[y] = R_j[y]
//	A_2'[y]     = S[y−1] − Σ_j A_j[y−1],  A_{j+1}'[y] = A_j[y−1]
//	D_2'[y]     = S[y+1] − Σ_j D_j[y+1],  D_{j+1}'[y] = D_j[y+1]
//
// (terms for a limit that is off, or a neighbour that does not exist, are
// dropped). Adding these up, the new total telescopes:
//
//	S'[y] = T − ρ[y] − α[y−1] − δ[y+1]
//
// where ρ is what cannot repeat once more (R_r, or all of S when r = 1),
// α what cannot step up once more (A_s, or S when s = 1) and δ likewise
// down. The exact count stores S in place of F, which makes a step a few
// whole-entry passes per type and run state instead of one per pair of
// characters.

// runLimits are the active run limits: 0 means none.
type runLimits struct{ r, s int }

// nR, nS: the repeat states R_2..R_r and the sequence states per direction.
func (l runLimits) nR() int { return max(l.r-1, 0) }
func (l runLimits) nS() int { return max(l.s-1, 0) }

// nq is the number of run states: F, R_2..R_r, A_2..A_s, D_2..D_s.
func (l runLimits) nq() int { return 1 + l.nR() + 2*l.nS() }

// Run-state indices.
func (l runLimits) qR(j int) int { return j - 1 }                   // R_j, j >= 2
func (l runLimits) qA(j int) int { return l.nR() + j - 1 }          // A_j
func (l runLimits) qD(j int) int { return l.nR() + l.nS() + j - 1 } // D_j

// successors returns, for each run state, the state after a repeat, an
// ascending step and a descending step (-1: forbidden), for the active
// limits.
func (l runLimits) successors() (rep, asc, desc []int) {
	nq := l.nq()
	rep, asc, desc = make([]int, nq), make([]int, nq), make([]int, nq)
	for q := range nq {
		rl, al, dl := 1, 1, 1
		switch {
		case q == 0:
		case q <= l.nR():
			rl = q + 1
		case q <= l.nR()+l.nS():
			al = q - l.nR() + 1
		default:
			dl = q - l.nR() - l.nS() + 1
		}
		rep[q], asc[q], desc[q] = -1, -1, -1
		if rl < l.r {
			rep[q] = l.qR(rl + 1)
		}
		if al < l.s {
			asc[q] = l.qA(al + 1)
		}
		if dl < l.s {
			desc[q] = l.qD(dl + 1)
		}
	}
	return rep, asc, desc
}

// runModel is one counting problem: strings of length L over typed
// characters with run limits and count states.
type runModel struct {
	L   int
	lim runLimits
	ct  *charTypes
	cs  *countStates
}

func (m *runModel) nq() int { return m.lim.nq() }

// link is a way for a character to follow one of type x: a repeat (y =
// x), one step up or one step down in a sequence (y = x's next or previous
// type); on when its limit is set, succ the run state after it.
type link struct {
	y    int
	on   bool
	succ []int
}

// links returns the three links after a character of type x, given the
// successor tables of runLimits.successors.
func (m *runModel) links(x int, rep, asc, desc []int) [3]link {
	ty := m.ct.types[x]
	rOn, sOn := m.lim.r > 0, m.lim.s > 0
	return [3]link{{x, rOn, rep}, {int(ty.next), sOn, asc}, {int(ty.prev), sOn, desc}}
}

// linked reports whether a character of type y may be linked to the last
// one, of type x: one of its characters repeats or continues a sequence.
func (m *runModel) linked(x, y int) bool {
	ty := m.ct.types[x]
	return m.lim.r > 0 && y == x || m.lim.s > 0 && (y == int(ty.next) || y == int(ty.prev))
}

// window is, for a type x, the types around it whose characters may be
// linked to x's (lo to hi), and how many characters of each are not: one
// fewer for each link to it (with mirrored types, a type's next and
// previous may be the same type, linked twice).
type window struct {
	lo, hi int
	k      [3]float64
}

func (m *runModel) windows() []window {
	nT := len(m.ct.types)
	win := make([]window, nT)
	for x := range m.ct.types {
		w := window{lo: max(x-1, 0), hi: min(x+1, nT-1)}
		for z := w.lo; z <= w.hi; z++ {
			k := m.ct.types[z].mult
			for _, l := range m.links(x, nil, nil, nil) {
				if l.on && l.y == z {
					k--
				}
			}
			w.k[z-w.lo] = float64(k)
		}
		win[x] = w
	}
	return win
}

// rescale multiplies row by the power of two 2^−e that brings its largest
// entry into [1/2, 1), and returns e. Entries that fall below floor become
// zero, and dropped reports whether any did.
func rescale(row []float64, floor float64) (e int, dropped bool) {
	top := 0.0
	for _, v := range row {
		top = max(top, v)
	}
	_, e = math.Frexp(top)
	f := math.Ldexp(1, -e)
	for i, v := range row {
		if v == 0 {
			continue
		}
		if v *= f; v < floor {
			v, dropped = 0, true
		}
		row[i] = v
	}
	return e, dropped
}

// log2N is log2 of the alphabet size, for entry widths.
func (m *runModel) log2N() float64 { return math.Log2(float64(max(m.ct.size, 2))) }

// passes is the number of whole-entry passes of one step: the total T, the
// new S, and per kind of run state the first state, the moved ones and,
// above a limit of 2, their sum; plus one for the bookkeeping around them.
func (m *runModel) passes() float64 {
	per := 3
	for _, limit := range []int{m.lim.r, m.lim.s, m.lim.s} {
		if limit >= 2 {
			per += limit - 1
			if limit > 2 {
				per++
			}
		}
	}
	return float64(m.cs.n) * float64(len(m.ct.types)) * float64(per)
}

// Costs of the transfer tables, measured on a 2-core VM (the calibration
// tests of choose_calibrate_test.go measure them again):
// per 64-bit word of a whole-entry pass, and per pass besides.
const (
	nsTransferWord = 1.3
	nsTransferPass = 5.0
)

// exactCost predicts countExact's running time in nanoseconds.
func (m *runModel) exactCost() float64 {
	// Σ_t width(t) ≈ L·(L·log2N/128 + 1).
	words := float64(m.L) * (float64(m.L)*m.log2N()/128 + 1)
	return m.passes() * (words*nsTransferWord + float64(m.L)*nsTransferPass)
}

// floatCost predicts log2LowerBound's running time in nanoseconds
// (measured as for the costs above).
func (m *runModel) floatCost() float64 {
	return float64(m.L) * (float64(m.cs.n*len(m.ct.types)*(m.nq()+7)) + 300)
}

// countExact returns the exact number of valid strings. Entry q = 0 of a
// state holds S (see above) rather than F.
func (m *runModel) countExact() *big.Int {
	ct, cs := m.ct, m.cs
	nT, nq, nG := len(ct.types), m.nq(), cs.nG
	r, s := m.lim.r, m.lim.s
	W := limbWidth(m.L, m.log2N())
	E := nq * W // words of one (count state, type)
	cur := make([]uint64, cs.n*nT*E)
	next := make([]uint64, cs.n*nT*E)
	T := make([]uint64, cs.n*W)
	sum := make([]uint64, W) // Σ_j of a kind of run states
	zeros := make([]uint64, W)
	written := make([]bool, cs.n*nT)
	for x, t := range ct.types { // length 1
		if c := cs.inc[t.group]; c >= 0 {
			cur[(int(c)*nT+x)*E] = 1
		}
	}
	// Offsets of the run states inside an entry, and of the state that
	// cannot take one more step of each kind (S itself for a limit of 1).
	qR2, qA2, qD2 := m.lim.qR(2)*W, m.lim.qA(2)*W, m.lim.qD(2)*W
	stuckR, stuckA, stuckD := 0, 0, 0
	if r >= 2 {
		stuckR = m.lim.qR(r) * W
	}
	if s >= 2 {
		stuckA, stuckD = m.lim.qA(s)*W, m.lim.qD(s)*W
	}
	for t := 1; t <= m.L; t++ {
		w := limbWidth(t, m.log2N())
		for c := range cs.n { // T[c] = Σ_x mult_x·S[c][x]
			Tc := T[c*W : c*W+w]
			clear(Tc)
			for x := range ct.types {
				i := (c*nT + x) * E
				lAddMul(Tc, cur[i:i+w], uint64(ct.types[x].mult))
			}
		}
		if t == m.L {
			break
		}
		w = limbWidth(t+1, m.log2N())
		clear(written)
		for c := range cs.n {
			Tc := T[c*W : c*W+w]
			if lIsZero(Tc) {
				continue // no string of this length reaches c
			}
			for x := range ct.types {
				ty := &ct.types[x]
				c2 := int(cs.inc[c*nG+int(ty.group)])
				if c2 < 0 {
					continue
				}
				acc := written[c2*nT+x]
				written[c2*nT+x] = true
				src := (c*nT + x) * E
				dst := (c2*nT + x) * E
				px, nx := int(ty.prev), int(ty.next)
				srcP, srcN := -1, -1
				if px >= 0 {
					srcP = (c*nT + px) * E
				}
				if nx >= 0 {
					srcN = (c*nT + nx) * E
				}
				// Seen from its mirror image, the character above has its
				// ascending and descending states exchanged.
				qDn, stuckDn := qD2, stuckD
				if ty.swap {
					qDn, stuckDn = qA2, stuckA
				}
				// S' = T − what cannot repeat, step up or step down again.
				a, b, d := zeros[:w], zeros[:w], zeros[:w]
				if r > 0 {
					a = cur[src+stuckR:][:w]
				}
				if s > 0 && srcP >= 0 {
					b = cur[srcP+stuckA:][:w]
				}
				if s > 0 && srcN >= 0 {
					d = cur[srcN+stuckDn:][:w]
				}
				lDiff3(next[dst:dst+w], Tc, a, b, d, acc)
				// Run states: the first from S minus every state of the
				// kind, the others moved up one.
				shift := func(limit, qW, from, qFrom int) {
					if limit < 2 {
						return
					}
					if from < 0 {
						if !acc {
							clear(next[dst+qW : dst+qW+(limit-1)*W])
						}
						return
					}
					all := cur[from+qFrom:][:w]
					if limit > 2 {
						all = sum[:w]
						lSumStrided(all, cur[from+qFrom:], limit-1, W)
					}
					lDiff(next[dst+qW:][:w], cur[from:from+w], all, acc)
					for j := 1; j < limit-1; j++ {
						z, v := next[dst+qW+j*W:][:w], cur[from+qFrom+(j-1)*W:][:w]
						if acc {
							lAdd(z, v)
						} else {
							copy(z, v)
						}
					}
				}
				shift(r, qR2, src, qR2)
				shift(s, qA2, srcP, qA2)
				shift(s, qD2, srcN, qDn)
			}
		}
		for i, done := range written { // states no string reaches
			if !done {
				clear(next[i*E : (i+1)*E])
			}
		}
		cur, next = next, cur
	}
	total := make([]uint64, W)
	for c := range cs.n {
		if cs.accept[c] {
			lAdd(total, T[c*W:c*W+W])
		}
	}
	return lBig(total)
}

// log2LowerBound runs the same transfer in floating point and returns a
// lower bound on log2 of the count (-Inf when no string is valid). Every
// quantity is a sum of non-negative terms (the "everything but the linked
// characters" sum is taken as prefix plus suffix sums over the types, not
// as a difference, so nothing cancels), so rounding errs by at most a
// relative 2^-52 per operation, far inside the margin taken off; underflow
// only loses mass. Each step is rescaled by a power of two, which is exact.
func (m *runModel) log2LowerBound() float64 {
	v, _ := m.floatTransfer(false)
	if math.IsInf(v, -1) {
		return v
	}
	return v - 1e-9*math.Abs(v) - 1e-6
}

// floatTransfer runs the floating-point transfer and returns log2 of the
// count, and when perStep is set also log2 of the count at every length
// 1..L (estimates, within a relative 1e-12 or so; -Inf for none).
func (m *runModel) floatTransfer(perStep bool) (float64, []float64) {
	ct, cs := m.ct, m.cs
	nT, nq, nG := len(ct.types), m.nq(), cs.nG
	nR, nS := m.lim.nR(), m.lim.nS()
	win := m.windows()
	mult := make([]float64, nT)
	for x, t := range ct.types {
		mult[x] = float64(t.mult)
	}
	nV := cs.n * nT * nq
	cur := make([]float64, nV)
	next := make([]float64, nV)
	S := make([]float64, cs.n*nT)
	nonR := make([]float64, cs.n*nT) // S minus the repeat states
	nonA := make([]float64, cs.n*nT)
	nonD := make([]float64, cs.n*nT)
	pre := make([]float64, nT+1) // pre[i] = Σ_{z<i} mult_z·S[z]
	suf := make([]float64, nT+1) // suf[i] = Σ_{z>=i} mult_z·S[z]
	for x, t := range ct.types {
		if c := cs.inc[t.group]; c >= 0 {
			cur[(int(c)*nT+x)*nq] = 1
		}
	}
	qR2, qA2, qD2 := m.lim.qR(2), m.lim.qA(2), m.lim.qD(2)
	sums := func() {
		if nR <= 1 && nS <= 1 { // limits of at most 2: one state of each kind
			oR, oA, oD := qR2, qA2, qD2
			for i := range cs.n * nT {
				v := cur[i*nq : i*nq+nq]
				f, sr, sa, sd := v[0], 0.0, 0.0, 0.0
				if nR == 1 {
					sr = v[oR]
				}
				if nS == 1 {
					sa, sd = v[oA], v[oD]
				}
				nonR[i] = f + sa + sd
				nonA[i] = f + sr + sd
				nonD[i] = f + sr + sa
				S[i] = nonR[i] + sr
			}
			return
		}
		for i := range cs.n * nT {
			v := cur[i*nq : i*nq+nq]
			var sr, sa, sd float64
			for _, x := range v[qR2 : qR2+nR] {
				sr += x
			}
			for _, x := range v[qA2 : qA2+nS] {
				sa += x
			}
			for _, x := range v[qD2 : qD2+nS] {
				sd += x
			}
			nonR[i] = v[0] + sa + sd
			nonA[i] = v[0] + sr + sd
			nonD[i] = v[0] + sr + sa
			S[i] = nonR[i] + sr
		}
	}
	total := func() float64 {
		sum := 0.0
		for c := range cs.n {
			if !cs.accept[c] {
				continue
			}
			for x := range ct.types {
				sum += mult[x] * S[c*nT+x]
			}
		}
		return sum
	}
	var steps []float64
	// Values grow by at most a factor N per step: rescale often enough
	// that they stay far from overflow.
	every := max(1, int(400/m.log2N()))
	scale := 0.0
	for t := 1; t < m.L; t++ {
		sums()
		if perStep {
			steps = append(steps, scale+math.Log2(total()))
		}
		clear(next)
		for c := range cs.n {
			Sc := S[c*nT : c*nT+nT]
			for z := range nT {
				pre[z+1] = pre[z] + mult[z]*Sc[z]
			}
			suf[nT] = 0
			for z := nT - 1; z >= 0; z-- {
				suf[z] = suf[z+1] + mult[z]*Sc[z]
			}
			if suf[0] == 0 {
				continue
			}
			for x := range ct.types {
				ty := &ct.types[x]
				c2 := int(cs.inc[c*nG+int(ty.group)])
				if c2 < 0 {
					continue
				}
				dst := next[(c2*nT+x)*nq : (c2*nT+x)*nq+nq]
				w := &win[x]
				f := pre[w.lo] + suf[w.hi+1]
				for z := w.lo; z <= w.hi; z++ {
					f += w.k[z-w.lo] * Sc[z]
				}
				dst[0] += f
				if nR > 0 {
					i := c*nT + x
					extendRun(dst[qR2:qR2+nR], cur[i*nq+qR2:], nonR[i])
				}
				if nS > 0 && ty.prev >= 0 {
					i := c*nT + int(ty.prev)
					extendRun(dst[qA2:qA2+nS], cur[i*nq+qA2:], nonA[i])
				}
				if nS > 0 && ty.next >= 0 {
					// Seen from its mirror image, the character above has
					// its ascending and descending states exchanged.
					i := c*nT + int(ty.next)
					non, q := nonD[i], qD2
					if ty.swap {
						non, q = nonA[i], qA2
					}
					extendRun(dst[qD2:qD2+nS], cur[i*nq+q:], non)
				}
			}
		}
		cur, next = next, cur
		if t%every != 0 && t != m.L-1 {
			continue
		}
		if len(cur) == 0 || slices.Max(cur) == 0 {
			for len(steps) < m.L {
				steps = append(steps, math.Inf(-1))
			}
			return math.Inf(-1), steps
		}
		// Entries below 2^−600 are negligible; dropping them only lowers
		// the bound.
		e, _ := rescale(cur, 0x1p-600)
		scale += float64(e)
	}
	sums()
	v := scale + math.Log2(total())
	if perStep {
		steps = append(steps, v)
	}
	return v, steps
}

// extendRun adds to the run states dst (of one kind: lengths 2, 3, …) the
// strings that reach them from the states from (the same kind, before the
// character): non, the strings in no run of that kind, start one, and
// every other run grows by one.
func extendRun(dst, from []float64, non float64) {
	dst[0] += non
	for j := 1; j < len(dst); j++ {
		dst[j] += from[j-1]
	}
}
