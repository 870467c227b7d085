package generator

import (
	"math"
	"math/big"
)

// approxChooser picks the tight classes' composition k for the restarting
// split sampler with probability proportional to
//
//	W'(k) = L!/(Π k_b! · m!) · Π n_b^k_b · a^m
//
// without computing every W'(k) exactly: at 4096 characters each is a
// number of 26,000 bits, and tens of thousands of them would cost more
// than a keystroke may take.
//
// Instead each composition gets an integer weight w(k) = ⌈W'(k)/2^e⌉,
// from logarithms, with 2^e about 2^−40 of the largest W'; it is proposed
// with probability w(k)/Σw and accepted with probability W'(k)/(2^e·w(k)),
// at most 1 since w(k) ≥ W'(k)/2^e. Proposed and accepted, k has
// probability W'(k)/(2^e·Σw): proportional to W'(k), exactly. The
// acceptance is decided from its logarithm in floating point, to within
// 10^−9 bits, and from the exact integers on the rare draws too close to
// call (bernoulliRatio); it is near 1 for every composition that matters.
type approxChooser struct {
	comps []int     // the compositions, one after another, d counts each
	d     int       // counts per composition: the tight classes
	cum   []uint64  // cumulative w(k)
	logW  []float64 // log2 W'(k)
	e     int       // log2 of the bound 2^e
	L     int
	n     []int64 // each tight class's size
	a     int64   // the rest's size
}

// approxScale is log2 of the largest integer weight.
const approxScale = 40

// splitMaxApproxComps bounds the compositions the approximate chooser
// lists: each costs a few logarithms when the sampler is built.
const splitMaxApproxComps = 1 << 16 // calibrated by TestCalibrateSplitForms

// newApproxChooser lists the compositions of the tight spec (its pool is
// the rest) and weighs them. planSplit has checked that there are some,
// and at most splitMaxApproxComps.
func newApproxChooser(tight countSpec) *approxChooser {
	count := max(tight.compositions(splitMaxApproxComps), 0)
	d := len(tight.cls)
	c := &approxChooser{L: tight.L, a: tight.pool, d: d,
		comps: make([]int, 0, count*d), logW: make([]float64, 0, count), cum: make([]uint64, 0, count)}
	for _, cl := range tight.cls {
		c.n = append(c.n, cl.n)
	}
	lf := log2Factorials(tight.L)
	logN := make([]float64, len(c.n))
	for i, n := range c.n {
		logN[i] = log2Float(n)
	}
	logA := math.Inf(-1)
	if c.a > 0 {
		logA = log2Float(c.a)
	}
	fmax := math.Inf(-1)
	forEachComposition(tight, func(k []int) {
		m := tight.L
		f := lf[tight.L]
		for i, kb := range k {
			m -= kb
			f += float64(kb)*logN[i] - lf[kb]
		}
		f -= lf[m]
		if m > 0 {
			f += float64(m) * logA
		}
		c.comps = append(c.comps, k...)
		c.logW = append(c.logW, f)
		fmax = max(fmax, f)
	})
	// w(k) = ⌈2^(f − e)⌉ with f nudged up by far more than its rounding
	// error, so that w(k) ≥ W'(k)/2^e however f was rounded; at least 1,
	// so that no composition is lost however small (2^(f−e) may be below
	// the smallest float); then w(k) ≤ 2^40 + 1 and Σw < 2^57.
	c.e = int(math.Ceil(fmax+1e-6)) - approxScale
	var acc uint64
	for _, f := range c.logW {
		acc += max(1, uint64(math.Ceil(math.Exp2(f+1e-9-float64(c.e)))))
		c.cum = append(c.cum, acc)
	}
	return c
}

// forEachComposition calls visit with every composition of the spec's
// classes: counts in their ranges summing to L, or to at most L when
// there is a pool. visit must not keep k.
func forEachComposition(s countSpec, visit func(k []int)) {
	k := make([]int, len(s.cls))
	var rec func(i, rem int)
	rec = func(i, rem int) {
		if i == len(s.cls) {
			if rem == 0 || s.pool > 0 {
				visit(k)
			}
			return
		}
		for c := s.cls[i].lo; c <= min(s.cls[i].hi, rem); c++ {
			k[i] = c
			rec(i+1, rem-c)
		}
	}
	rec(0, s.L)
}

// pick returns a composition with probability proportional to W'(k).
func (c *approxChooser) pick(r *Rand) []int {
	total := c.cum[len(c.cum)-1]
	for {
		u := r.uint64n(total)
		if r.err != nil {
			return c.comp(0)
		}
		lo, hi := 0, len(c.cum)
		for lo < hi { // the first cumulative weight above u
			mid := int(uint(lo+hi) >> 1)
			if c.cum[mid] <= u {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		j := lo
		w := c.cum[j]
		if j > 0 {
			w -= c.cum[j-1]
		}
		approx := c.logW[j] - float64(c.e) - math.Log2(float64(w))
		if bernoulliRatio(r, approx, func() (*big.Int, *big.Int) { return c.exact(j, w) }) {
			return c.comp(j)
		}
		if r.err != nil {
			return c.comp(0)
		}
	}
}

// comp returns composition j.
func (c *approxChooser) comp(j int) []int { return c.comps[j*c.d : (j+1)*c.d : (j+1)*c.d] }

// exact returns W'(k) and 2^e·w(k) as integers (both scaled by 2^−e when
// e is negative, which leaves their ratio).
func (c *approxChooser) exact(j int, w uint64) (*big.Int, *big.Int) {
	k := c.comp(j)
	x := big.NewInt(1)
	rem := c.L
	for i, kb := range k {
		x.Mul(x, new(big.Int).Binomial(int64(rem), int64(kb)))
		x.Mul(x, powInt(c.n[i], kb))
		rem -= kb
	}
	x.Mul(x, powInt(c.a, rem))
	y := new(big.Int).SetUint64(w)
	if c.e >= 0 {
		y.Lsh(y, uint(c.e))
	} else {
		x.Lsh(x, uint(-c.e))
	}
	return x, y
}
