package generator

import (
	"math"
	"math/big"
)

// weightedSampler is the exact sampler of unrank.go with its tables in
// floating point, for long passwords whose exact tables would be too large
// or slow (tight run limits at thousands of characters): memory L·states
// numbers instead of L·states·L/10 words, and microseconds per password.
//
// Proposal. Each character is drawn with probability ω_y/Σω, where ω_y is
// an integer proportional to Ĉ, the floating-point estimate of the
// completions after y: scaled so the largest is about 2^40, rounded down
// when at least 2^20 (losing at most a relative 2^-20) and up otherwise
// (so no valid choice ever gets weight 0, and no invalid one gets any).
// A whole string s is proposed with probability q(s) = Π_t ω_t/Σω_t,
// known exactly.
//
// Correction. With exact tables the same product telescopes to 1/|V| for
// every valid string. The estimates carry a relative error of at most δ
// (sums of non-negative terms only, each rounding a relative 2^-53, over
// at most (types + 16)·L operations; the rescaling is by powers of two),
// so q(s) ≥ f^L / (Ĉ_total·(1+δ)) for every valid s, with f the worst
// per-step ratio. Accepting s with probability K/q(s), for a rational K
// at most that bound, outputs every valid string with probability exactly
// K: uniform. K is within a few parts in a thousand of the bound, so
// almost every proposal is accepted. The acceptance test is decided on 64
// random bits almost always, exactly in rational arithmetic otherwise
// (bernoulliRatio).
type weightedSampler struct {
	m              *runModel // unmirrored types
	rows           [][]float64
	exp            []int // rows[t][i]·2^exp[t] estimates C_t[i]
	rep, asc, desc []int
	kNum           int64 // K = kNum / (2^20 · total)
	total          float64
	totalExp       int
	delta          float64 // the tables' relative error bound
	// Weights are scaled so that the largest is 2^weightBits; those below
	// 2^roundBits are rounded up rather than down.
	weightBits, roundBits int
	// Tests only: decide every acceptance exactly, or skip the correction
	// (which must then show as bias with coarse weights).
	forceExact, noCorrection bool
	// underflow: a valid choice rounded to nothing while the tables were
	// built, which were then left unfinished (precise reports it).
	underflow bool
}

// weightedBytes predicts the tables' memory.
func weightedBytes(m *runModel) float64 {
	return float64(m.cs.n*len(m.ct.types)*m.nq()) * float64(m.L) * 8
}

// The weights' precision: the largest about 2^weightBits, rounded down
// from 2^roundBits up.
const (
	weightBits = 40
	roundBits  = 20
)

// newWeightedSampler builds the tables. Whether their precision holds is
// known only once they are built: precise says, and the sampler may draw
// only when it does.
func newWeightedSampler(m *runModel) *weightedSampler {
	ct, cs := m.ct, m.cs
	nT, nq, nG := len(ct.types), m.nq(), cs.nG
	w := &weightedSampler{m: m, rows: make([][]float64, m.L), exp: make([]int, m.L)}
	w.rep, w.asc, w.desc = m.lim.successors()
	win := m.windows()
	nV := cs.n * nT * nq
	row := make([]float64, nV)
	for c := range cs.n {
		if cs.accept[c] {
			for i := range nT * nq {
				row[c*nT*nq+i] = 1
			}
		}
	}
	w.rows[0] = row
	D := make([]float64, nT) // C_{t−1} after a fresh y, from count state c
	pre := make([]float64, nT+1)
	suf := make([]float64, nT+1)
	for t := 1; t < m.L; t++ {
		prev := w.rows[t-1]
		row := make([]float64, nV)
		get := func(c, y, q int) float64 { return prev[(c*nT+y)*nq+q] }
		for c := range cs.n {
			for y, ty := range ct.types {
				D[y] = 0
				if c2 := cs.inc[c*nG+int(ty.group)]; c2 >= 0 {
					D[y] = get(int(c2), y, 0)
				}
				pre[y+1] = pre[y] + float64(ty.mult)*D[y]
			}
			suf[nT] = 0
			for y := nT - 1; y >= 0; y-- {
				suf[y] = suf[y+1] + float64(ct.types[y].mult)*D[y]
			}
			for x := range ct.types {
				wd := &win[x]
				others := pre[wd.lo] + suf[wd.hi+1]
				for z := wd.lo; z <= wd.hi; z++ {
					others += wd.k[z-wd.lo] * D[z]
				}
				for q := range nq {
					v := others
					for _, l := range m.links(x, w.rep, w.asc, w.desc) {
						if !l.on || l.y < 0 || l.succ[q] < 0 {
							continue
						}
						if c2 := cs.inc[c*nG+int(ct.types[l.y].group)]; c2 >= 0 {
							v += get(int(c2), l.y, l.succ[q])
						}
					}
					row[(c*nT+x)*nq+q] = v
				}
			}
		}
		// Rescale by a power of two. A positive entry is at least the
		// least positive entry of the row before (sums of non-negative
		// terms with integer weights), so it can only underflow here.
		e, dropped := rescale(row, 0x1p-1000)
		if dropped {
			w.underflow = true
			return w
		}
		w.rows[t], w.exp[t] = row, w.exp[t-1]+e
	}
	w.delta = 2 * float64(nT+16) * float64(m.L) * 0x1p-53
	return w
}

// precise reports whether the tables' precision holds: no valid choice
// rounded to nothing, the total is positive, the error bound is tight
// enough, and the constant K leaves almost every proposal accepted. It
// sets the total and the weights' precision on the way, so the sampler
// draws only after it returned true.
func (w *weightedSampler) precise() bool {
	return !w.underflow && w.setTotal() && w.delta <= 0x1p-30 && w.setPrecision(weightBits, roundBits) && w.kNum >= 1<<19
}

// setTotal estimates the total from the last row, as the first draw sees
// it; false when it is zero.
func (w *weightedSampler) setTotal() bool {
	ct, cs := w.m.ct, w.m.cs
	nT, nq := len(ct.types), w.m.nq()
	last := w.rows[w.m.L-1]
	total := 0.0
	for y, ty := range ct.types {
		if c := cs.inc[ty.group]; c >= 0 {
			total += float64(ty.mult) * last[(int(c)*nT+y)*nq]
		}
	}
	frac, e := math.Frexp(total)
	w.total, w.totalExp = frac, e+w.exp[w.m.L-1]
	return total > 0
}

// setPrecision sets the weights' precision and the constant K it allows:
// with f the worst per-step ratio of proposal to exact probability,
// q(s) ≥ f^L/(count) ≥ f^L/(Ĉ_total·(1+δ)(1+4δ)), the last factor for
// the rounding of the total itself; kNum/2^20 is at most f^L/((1+δ)(1+4δ)).
// It reports false when the constant would leave almost nothing accepted.
func (w *weightedSampler) setPrecision(weightBits, roundBits int) bool {
	w.weightBits, w.roundBits = weightBits, roundBits
	delta := w.delta
	// Per step: each weight is at least (1−δ)(1−2^−roundBits) of its
	// exact share, and Σω exceeds the scaled sum by at most one per
	// character while that sum is at least 2^(weightBits−1)/(1+δ).
	extra := float64(len(w.m.ct.types)+int(w.m.ct.size)) * math.Ldexp(1, 2-weightBits)
	logF := math.Log2(1-delta) + math.Log2(1-math.Ldexp(1, -roundBits)) - math.Log2(1+delta) - math.Log2(1+extra)
	bound := math.Exp2(float64(w.m.L)*logF) / (1 + delta) / (1 + 4*delta)
	w.kNum = int64(math.Floor(bound*(1<<20))) - 2
	return w.kNum >= 1<<10
}

// step is one draw of the proposal: the weight of the choice and of all.
type step struct{ chosen, all uint64 }

func (w *weightedSampler) sample(r *Rand, out []int32) {
	steps := make([]step, w.m.L)
	for {
		// Stop on a failed source or an accepted proposal; redraw a
		// proposal the correction rejects.
		if !w.propose(r, out, steps) || w.noCorrection || w.accept(r, steps) || r.err != nil {
			return
		}
	}
}

// continuation is one way to continue: a type and the state after it, the
// estimate per character, how many of its characters qualify, and either
// the one copy that must be taken (a linked character) or the one that
// may not (the copy linked to the last character); -1 for none.
type continuation struct {
	y, q, c     int
	d           float64
	copies      int64
	fixed, skip int
}

// propose draws a string from the proposal, recording each step's weights.
func (w *weightedSampler) propose(r *Rand, out []int32, steps []step) bool {
	m := w.m
	ct, cs := m.ct, m.cs
	nT, nq, nG := len(ct.types), m.nq(), cs.nG
	cands := make([]continuation, 0, nT+3)
	omega := make([]uint64, 0, nT+3)
	x, k, c, q := -1, -1, 0, 0
	for pos := range m.L {
		t := m.L - 1 - pos
		rowT := w.rows[t]
		cands = cands[:0]
		if pos == 0 {
			for y, ty := range ct.types {
				if c2 := int(cs.inc[ty.group]); c2 >= 0 {
					cands = append(cands, continuation{y: y, q: 0, c: c2, d: rowT[(c2*nT+y)*nq], copies: ty.mult, fixed: -1, skip: -1})
				}
			}
		} else {
			for _, l := range m.links(x, w.rep, w.asc, w.desc) {
				if !l.on || l.y < 0 || l.succ[q] < 0 {
					continue
				}
				if c2 := int(cs.inc[c*nG+int(ct.types[l.y].group)]); c2 >= 0 {
					// The linked character itself: the same copy.
					cands = append(cands, continuation{y: l.y, q: l.succ[q], c: c2, d: rowT[(c2*nT+l.y)*nq+l.succ[q]], copies: 1, fixed: k, skip: -1})
				}
			}
			for y, yt := range ct.types {
				c2 := int(cs.inc[c*nG+int(yt.group)])
				if c2 < 0 {
					continue
				}
				cd := continuation{y: y, q: 0, c: c2, d: rowT[(c2*nT+y)*nq], copies: yt.mult, fixed: -1, skip: -1}
				if m.linked(x, y) {
					cd.copies, cd.skip = yt.mult-1, k
				}
				cands = append(cands, cd)
			}
		}
		// Integer weights per character, the largest about 2^weightBits.
		top := 0.0
		for _, cd := range cands {
			if cd.copies > 0 && cd.d > top {
				top = cd.d
			}
		}
		_, e := math.Frexp(top)
		scale := math.Ldexp(1, w.weightBits-e)
		var all uint64
		omega = omega[:0]
		for i, cd := range cands {
			omega = append(omega, 0)
			if cd.copies <= 0 || cd.d == 0 {
				continue
			}
			v := cd.d * scale
			if v >= math.Ldexp(1, w.roundBits) {
				omega[i] = uint64(v)
			} else {
				omega[i] = uint64(math.Ceil(v))
			}
			all += omega[i] * uint64(cd.copies)
		}
		u := r.uint64n(all)
		if r.err != nil {
			return false
		}
		chosen := -1
		for i, cd := range cands {
			span := omega[i] * uint64(cd.copies)
			if u >= span {
				u -= span
				continue
			}
			chosen = i
			copyIdx := int(u / omega[i])
			switch {
			case cd.fixed >= 0:
				copyIdx = cd.fixed
			case cd.skip >= 0 && copyIdx >= cd.skip:
				copyIdx++
			}
			x, k, c, q = cd.y, copyIdx, cd.c, cd.q
			steps[pos] = step{chosen: omega[i], all: all}
			break
		}
		if chosen < 0 {
			panic("generator: weighted draw out of range")
		}
		out[pos] = ct.types[x].chars[k]
	}
	return true
}

// accept decides the correction with probability K/q(s) exactly.
func (w *weightedSampler) accept(r *Rand, steps []step) bool {
	// log2(K/q) = log2(kNum) − 20 − log2(total) + Σ (log2 all − log2 chosen),
	// summed in floating point with a rescaled running product.
	prod, pexp := 1.0, 0
	for _, s := range steps {
		prod *= float64(s.all) / float64(s.chosen)
		var e int
		prod, e = math.Frexp(prod)
		pexp += e
	}
	approx := math.Log2(float64(w.kNum)) - 20 - math.Log2(w.total) - float64(w.totalExp) + math.Log2(prod) + float64(pexp)
	if w.forceExact {
		approx = math.NaN()
	}
	return bernoulliRatio(r, approx, func() (*big.Int, *big.Int) {
		// K/q = kNum·Π all / (2^20·total·Π chosen), total = frac·2^totalExp.
		x := big.NewInt(w.kNum)
		y := new(big.Int).Lsh(big.NewInt(1), 20)
		mant := int64(w.total * (1 << 53)) // exact: total is a float64 fraction
		y.Mul(y, big.NewInt(mant))
		shift := w.totalExp - 53
		for _, s := range steps {
			x.Mul(x, new(big.Int).SetUint64(s.all))
			y.Mul(y, new(big.Int).SetUint64(s.chosen))
		}
		if shift >= 0 {
			y.Lsh(y, uint(shift))
		} else {
			x.Lsh(x, uint(-shift))
		}
		return x, y
	})
}

// weightedTablesFit reports whether the tables of m fit the memory and time
// budgets.
func weightedTablesFit(m *runModel) bool {
	return weightedBytes(m) <= maxTableBytes && m.weightedCost() <= weightedBudgetNs
}

// weightedBudgetNs is the longest the tables may take to build, four
// times unrankBudgetNs: policies that no other sampler fits need it, such
// as fourteen two-letter required sets at lengths 14 to 16
// (TestManyRequiredSetsEveryLength), whose tables take 130 to 160 ms.
// Before weightedCost, the tables were held to twice floatCost, which
// let them reach the memory cap, half a second to build.
const weightedBudgetNs = 4 * unrankBudgetNs // calibrated by TestCalibrateWeightedCost

// weightedCost predicts newWeightedSampler's running time in nanoseconds:
// nsWeightedEntry for each entry of the tables (weightedBytes), which
// sums the entries of up to three linked characters.
func (m *runModel) weightedCost() float64 {
	return float64(m.cs.n*len(m.ct.types)*m.nq()) * float64(m.L) * nsWeightedEntry
}

const nsWeightedEntry = 42.0 // calibrated by TestCalibrateWeightedCost
