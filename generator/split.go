package generator

import (
	"fmt"
	"math"
	"math/big"
	"slices"
)

// splitSampler serves class ranges of which some are tight and the rest
// loose, the common case of a few minimums (--min-digits 3 --min-symbols
// 3 at length 20: three digits are rare, three symbols are not). The tight
// classes T are drawn as the composition sampler draws them; the rest of
// the string, by rejection, which the loose classes rarely refuse.
//
// Let m = L − Σ_{b∈T} k_b and A(m) count the strings of length m over the
// other characters that meet the loose ranges. A valid string whose tight
// counts are k is one of
//
//	W(k) = L!/(Π_{b∈T} k_b! · m!) · Π_{b∈T} n_b^k_b · A(m)
//
// so the sampler picks k with probability W(k)/|V|, places the tight
// labels at uniformly random positions (1 over the multinomial), draws
// their characters (Π n_b^−k_b), and fills the other m positions with a
// uniform string of the rest that meets the loose ranges (1/A(m), by
// rejection from uniform strings of the rest). The product is 1/|V| for
// every valid string: exactly uniform. Σ W(k) = |V| is checked when the
// sampler is built.
//
// Its randomness is about the password's entropy plus the positions of
// the tight characters, against twice that for the full composition
// sampler and the tries of plain rejection.
//
// Counting A(m) for every m is cheap for short passwords only. Longer
// ones (a maximum of 1000 symbols in 4096 characters) use the weights
// W'(k) with a^m in place of A(m), a the rest's size, which count the
// strings meeting the tight ranges alone; a rest that breaks a loose range
// then sends the whole draw back to the start (a new k). That is plain
// rejection from those strings to the valid ones, again exactly uniform,
// and the loose ranges make it rare.
type splitSampler struct {
	lay     *layout
	tight   []int   // tight slots, in layout order
	comps   [][]int // tight counts of each composition, per tight slot
	chooser *lazyChooser
	rest    []int32        // the other characters' alphabet indices
	restInc []uint64       // per rest digit: 1 in the byte of its loose slot (looseOK)
	restLab []uint8        // per rest digit: its loose slot + 1, or 0 for the pool
	batch   digitBatch     // digits over rest
	loose   []int          // loose slots
	restart bool           // the weights leave the loose ranges out: redraw k too
	approx  *approxChooser // the restarting form's chooser (split_long.go)
}

// Split sampler limits: the rest's acceptance must stay high (each try
// redraws the rest), and A(m) is counted for every m only up to
// splitExactLength, which covers the bulk case.
const (
	// A class is loose when this share of uniform strings meet it
	// (calibrated by TestCalibrateSplitLoose).
	splitLooseAcceptance = 0.85
	// The least share of rests the loose ranges may keep (calibrated by
	// TestCalibrateSplitLoose).
	splitMinRestAccept = 0.25
	splitExactLength   = 128  // calibrated by TestCalibrateSplitForms
	splitMaxComps      = 4096 // calibrated by TestCalibrateSplitForms
)

// newSplitSampler builds the sampler, or returns nil when it does not fit
// the policy (planSplit says when) or its weights are over budget (weigh).
func newSplitSampler(lay *layout, spec countSpec, total *big.Int) *splitSampler {
	return newSplitSamplerUpTo(lay, spec, total, splitExactLength)
}

// newSplitSamplerUpTo is newSplitSampler counting A(m) up to length
// exactUpTo (tests lower it to try the restarting form on small
// policies).
func newSplitSamplerUpTo(lay *layout, spec countSpec, total *big.Int, exactUpTo int) *splitSampler {
	s, tight, rest, ok := planSplit(lay, spec, total, exactUpTo)
	if !ok || !s.weigh(tight, rest, total) {
		return nil
	}
	return s
}

// planSplit divides the class ranges into tight and loose ones, and
// reports whether the split sampler fits the policy: there are class
// ranges and (short of exactUpTo) an exact count to check the weights
// against; the loose ranges keep enough rests (splitMinRestAccept); some
// class is tight, and a loose class or a pool of two characters is left
// (else the composition sampler does the same); the rest has two
// characters or more, and the tight classes some compositions, but few
// enough (splitMaxComps, or splitMaxApproxComps past exactUpTo). It
// returns the counting problems of the tight classes (with the rest as
// their pool) and of the rest.
func planSplit(lay *layout, spec countSpec, total *big.Int, exactUpTo int) (s *splitSampler, tightSpec, restSpec countSpec, ok bool) {
	L := lay.L
	if len(lay.lo) == 0 || L <= exactUpTo && total == nil {
		return nil, tightSpec, restSpec, false
	}
	N := float64(len(lay.alphabet))
	s = &splitSampler{lay: lay, restart: L > exactUpTo}
	share := make([]float64, len(lay.lo)) // of uniform strings meeting each range
	for k := range lay.lo {
		share[k] = classAcceptance(L, float64(lay.sizes[k])/N, lay.lo[k], lay.hi[k])
		if share[k] >= splitLooseAcceptance {
			s.loose = append(s.loose, k)
		} else {
			s.tight = append(s.tight, k)
		}
	}
	// Too many compositions of the tight classes: the least tight joins
	// the loose ones while the rest stays likely enough to pass.
	for len(s.tight) > 1 && s.tightCompositions(spec) < 0 {
		i := 0
		for j, k := range s.tight {
			if share[k] > share[s.tight[i]] {
				i = j
			}
		}
		s.loose = append(s.loose, s.tight[i])
		slices.Sort(s.loose)
		s.tight = slices.Delete(s.tight, i, i+1)
	}
	if s.restAcceptance() < splitMinRestAccept {
		return nil, tightSpec, restSpec, false
	}
	// With no loose class the rest is the pool alone, which needs no
	// check: the sampler is then the composition sampler with the pool
	// drawn in batches.
	if len(s.tight) == 0 || len(s.loose) == 0 && spec.pool < 2 {
		return nil, tightSpec, restSpec, false
	}
	// The rest: the loose slots' characters and the pool.
	restSpec = countSpec{pool: spec.pool}
	tightSpec = countSpec{L: L}
	for _, k := range s.loose {
		restSpec.cls = append(restSpec.cls, spec.cls[k])
		for i := range lay.sizes[k] {
			s.rest = append(s.rest, lay.offsets[k]+int32(i))
		}
	}
	for _, k := range s.tight {
		tightSpec.cls = append(tightSpec.cls, spec.cls[k])
	}
	if spec.pool > 0 {
		for i := range lay.sizes[lay.poolLabel()] {
			s.rest = append(s.rest, lay.offsets[lay.poolLabel()]+int32(i))
		}
	}
	tightSpec.pool = int64(len(s.rest))
	if len(s.rest) < 2 || tightSpec.compositions(s.maxComps()) <= 0 {
		return nil, tightSpec, restSpec, false
	}
	return s, tightSpec, restSpec, true
}

// weigh builds the chooser of the tight classes' counts: their exact
// weights, with A(m) counted for every m, or past exactUpTo the
// restarting form's approximate ones (split_long.go). It reports false
// when a count of the rest is over its budget or no composition has
// weight.
func (s *splitSampler) weigh(tightSpec, restSpec countSpec, total *big.Int) bool {
	L := s.lay.L
	if s.restart {
		s.approx = newApproxChooser(tightSpec)
		s.finish(nil)
		return true
	}
	// A(m) for every m the tight counts leave.
	A := make(map[int]*big.Int)
	var cum []*big.Int
	acc := new(big.Int)
	failed := false
	tightSpec.visitCompositions(func(counts []int, _ *big.Int) {
		if failed {
			return
		}
		m := L
		for _, c := range counts {
			m -= c
		}
		a, ok := A[m]
		if !ok {
			a, ok = restCount(restSpec, m)
			if !ok {
				failed = true
				return
			}
			A[m] = a
		}
		if a.Sign() == 0 {
			return
		}
		// W(k) = L!/(Π k_b! · m!) · Π n_b^k_b · A(m)
		w := new(big.Int).Set(a)
		rem := L
		for i, c := range counts {
			w.Mul(w, new(big.Int).Binomial(int64(rem), int64(c)))
			w.Mul(w, powInt(tightSpec.cls[i].n, c))
			rem -= c
		}
		acc = new(big.Int).Add(acc, w)
		cum = append(cum, acc)
		s.comps = append(s.comps, append([]int(nil), counts...))
	})
	if failed || len(cum) == 0 {
		return false
	}
	if acc.Cmp(total) != 0 {
		panic(fmt.Sprintf("generator: split sampler total %v != count %v", acc, total))
	}
	s.finish(cum)
	return true
}

// tightCompositions counts the tight classes' compositions, or returns −1
// past splitMaxComps.
func (s *splitSampler) tightCompositions(spec countSpec) int {
	t := countSpec{L: s.lay.L, pool: spec.pool}
	for _, k := range s.tight {
		t.cls = append(t.cls, spec.cls[k])
	}
	for _, k := range s.loose {
		t.pool += spec.cls[k].n
	}
	return t.compositions(s.maxComps())
}

// maxComps is how many tight compositions the sampler takes: the exact
// weights cost a big-number product each, the approximate ones a few
// logarithms.
func (s *splitSampler) maxComps() int {
	if s.restart {
		return splitMaxApproxComps
	}
	return splitMaxComps
}

// finish sets up the draws once the compositions' cumulative weights are
// known.
func (s *splitSampler) finish(cum []*big.Int) *splitSampler {
	if cum != nil {
		s.chooser = newLazyChooser(cum)
	}
	s.batch = newDigitBatch(len(s.rest))
	for _, x := range s.rest {
		s.restLab = append(s.restLab, uint8(s.lay.slotOf[x]+1))
		var inc uint64
		if k := s.lay.slotOf[x]; k >= 0 {
			inc = 1 << (8 * uint(k))
		}
		s.restInc = append(s.restInc, inc)
	}
	return s
}

// restAcceptance estimates the share of rests that meet the loose ranges,
// at the length the tight classes typically leave: it decides whether the
// split pays, not what it draws.
func (s *splitSampler) restAcceptance() float64 {
	lay := s.lay
	L, N := lay.L, len(lay.alphabet)
	m, restN := float64(L), float64(N)
	for _, k := range s.tight {
		typical := float64(L) * float64(lay.sizes[k]) / float64(N)
		m -= min(max(typical, float64(lay.lo[k])), float64(lay.hi[k]))
		restN -= float64(lay.sizes[k])
	}
	mi := max(0, int(math.Round(m)))
	acc := 1.0
	for _, k := range s.loose {
		acc *= classAcceptance(mi, float64(lay.sizes[k])/restN, lay.lo[k], min(lay.hi[k], mi))
	}
	return acc
}

// restCount counts the strings of length m over the rest that meet the
// loose ranges; ok is false when that is too slow to count exactly.
func restCount(rest countSpec, m int) (*big.Int, bool) {
	rs := countSpec{L: m, pool: rest.pool, cls: make([]countClass, len(rest.cls))}
	for i, c := range rest.cls {
		if c.lo > m {
			return new(big.Int), true
		}
		rs.cls[i] = countClass{n: c.n, lo: c.lo, hi: min(c.hi, m)}
	}
	return rs.countExact(exactBudgetNs / 8)
}

// classAcceptance is the share of uniform strings of length L whose count
// of a class met with probability p per character lies in [lo, hi].
func classAcceptance(L int, p float64, lo, hi int) float64 {
	sum := 0.0
	for k := lo; k <= min(hi, L); k++ {
		lg, _ := math.Lgamma(float64(L + 1))
		a, _ := math.Lgamma(float64(k + 1))
		b, _ := math.Lgamma(float64(L - k + 1))
		sum += math.Exp(lg - a - b + float64(k)*math.Log(p) + float64(L-k)*math.Log1p(-p))
	}
	return sum
}

func (s *splitSampler) sample(r *Rand, out []int32) {
	lay := s.lay
	pos := r.identity(lay.L)
	for {
		var k []int
		if s.approx != nil {
			k = s.approx.pick(r)
		} else {
			k = s.comps[s.chooser.pick(r)]
		}
		swaps, K := placeLabels(r, lay, s.tight, k, pos, out)
		if r.err != nil {
			return
		}
		ok := s.fillRest(r, out, pos[K:])
		unplace(pos, swaps)
		if r.err != nil {
			return
		}
		if ok {
			return
		}
	}
}

// fillRest draws the characters of the free positions: uniform strings
// of the rest until one meets the loose ranges, or (restarting) just one,
// and reports whether it does.
func (s *splitSampler) fillRest(r *Rand, out, free []int32) bool {
	m := len(free)
	if m == 0 {
		return s.looseOK(0, nil)
	}
	rest := r.scratch32(2, m)
	defer clear(rest)
	for {
		s.batch.fill(r, rest)
		if r.err != nil {
			return false
		}
		// Place the try while counting its loose classes: a refused try
		// is simply overwritten by the next.
		var counts uint64
		if m < 256 && len(s.loose) > 0 {
			for i, x := range rest {
				counts += s.restInc[x]
				out[free[i]] = s.rest[x]
			}
		} else {
			for i, x := range rest {
				out[free[i]] = s.rest[x]
			}
		}
		if len(s.loose) == 0 || s.looseOK(counts, rest) {
			return true
		}
		if s.restart {
			return false
		}
	}
}

// looseOK reports whether the rest meets the loose ranges: from counts
// packed a byte per slot when the rest is shorter than 256 characters,
// otherwise by counting rest.
func (s *splitSampler) looseOK(counts uint64, rest []int32) bool {
	lay := s.lay
	if len(rest) >= 256 {
		var c [numClasses + 1]int
		for _, x := range rest {
			c[s.restLab[x]]++
		}
		for _, k := range s.loose {
			if c[k+1] < lay.lo[k] || c[k+1] > lay.hi[k] {
				return false
			}
		}
		return true
	}
	for _, k := range s.loose {
		if c := int(counts >> (8 * uint(k)) & 0xff); c < lay.lo[k] || c > lay.hi[k] {
			return false
		}
	}
	return true
}
