package generator

import (
	"math"
	"math/big"
	"math/bits"
)

// Exact choices with huge integer weights, decided lazily.
//
// Choosing index j with probability w_j / Σw exactly means drawing U uniform
// in [0, Σw) and finding the interval [C_{j−1}, C_j) of the cumulative sums
// that holds it. Σw can have tens of thousands of bits, but U's top 24 bits
// almost always settle the question: only when they equal the top bits of
// a boundary (about one pick in 2^24 per boundary) are more bits needed,
// and then the rest of U is drawn in full and compared exactly. The result
// is exactly the same distribution as drawing all of U up front, at the
// cost of one 32-bit draw: bulk output of composition-sampled passwords
// is bound by how much randomness each takes, and 24 bits keep the
// redraws of a range near 2^32 rare.

// lazyBits is how many top bits of U the fast path draws. Tests lower it to
// force the exact slow path; production keeps 24.
var lazyBits uint = 24

// topBits returns bits [sh, sh+64) of x.
func topBits(x *big.Int, sh uint) uint64 {
	ws := x.Bits()
	i := int(sh / bits.UintSize)
	off := sh % bits.UintSize
	word := func(k int) uint64 {
		if k < len(ws) {
			return uint64(ws[k])
		}
		return 0
	}
	if off == 0 {
		return word(i)
	}
	return word(i)>>off | word(i+1)<<(64-off)
}

// lazyChooser picks an index with probability proportional to weights
// given as cumulative sums.
type lazyChooser struct {
	tops []uint64 // cum[j] >> sh, each < 2^k
	sh   uint     // U's fast-path bits are bits [sh, sh+k) of U
	k    uint     // number of fast-path bits
	// cum returns the exact cumulative sums (the last is the total); it is
	// called only to break a tie, which almost never happens.
	cum func() []*big.Int
}

func newLazyChooser(cum []*big.Int) *lazyChooser {
	c := chooserShape(cum[len(cum)-1].BitLen())
	c.cum = func() []*big.Int { return cum }
	c.tops = make([]uint64, len(cum))
	for j, v := range cum {
		c.tops[j] = topBits(v, c.sh)
	}
	return c
}

// chooserShape sets the bit window for a total of b bits.
func chooserShape(b int) *lazyChooser {
	k := min(uint(b), lazyBits)
	return &lazyChooser{sh: uint(b) - k, k: k}
}

// pick returns j with probability (cum[j] − cum[j−1]) / total, or 0 after
// a source failure (the caller checks r.Err()).
func (c *lazyChooser) pick(r *Rand) int {
	// U's top bits u are drawn uniform below the total's top bits plus
	// one (just the total when nothing lies below the window), not over
	// all 2^k values, which would make U overshoot the total up to half
	// the time.
	last := c.tops[len(c.tops)-1]
	span := last
	if c.sh > 0 {
		span++ // 0 when last is 2^64−1: then every u is needed
	}
	for {
		var u uint64
		switch {
		case span == 0:
			u = r.u64()
		case span <= 1<<32:
			u = uint64(r.uint32n(uint32(span))) // 2^32 wraps to 0: every value
		default:
			u = r.uint64n(span)
		}
		if r.err != nil {
			return 0
		}
		// U lies in [u·2^sh, (u+1)·2^sh). A boundary whose top bits exceed
		// u is certainly above U, and one whose top bits are below u is
		// certainly at most U; only equal top bits leave a doubt. The
		// first boundary whose top bits are not below u (the tops never
		// decrease):
		j, hi := 0, len(c.tops)
		for j < hi {
			m := int(uint(j+hi) >> 1)
			if c.tops[m] < u {
				j = m + 1
			} else {
				hi = m
			}
		}
		if j < len(c.tops) && c.tops[j] > u {
			return j
		}
		if j == len(c.tops) {
			continue // U >= total: redraw
		}
		// Tie with boundary j's top bits: draw the rest of U and decide
		// exactly.
		U := new(big.Int).SetUint64(u)
		if c.sh > 0 {
			U.Lsh(U, c.sh)
			U.Add(U, r.bigIntn(new(big.Int).Lsh(big.NewInt(1), c.sh)))
			if r.err != nil {
				return 0
			}
		}
		cum := c.cum()
		for i := j; i < len(cum); i++ {
			if U.Cmp(cum[i]) < 0 {
				return i
			}
		}
		// U >= total: redraw.
	}
}

// bernoulliRatio returns true with probability x/y exactly, for
// 0 <= x <= y and y > 0. approx is log2(x/y) computed in floating point to
// within 1e-9 bits, which lets almost every call decide from 64 random bits
// without computing x and y; xy computes them when they are needed.
func bernoulliRatio(r *Rand, approx float64, xy func() (x, y *big.Int)) bool {
	// U in [0,1) starts with the 64 bits u: U ∈ [u, u+1) / 2^64.
	u := r.u64()
	if r.err != nil {
		return false
	}
	if u > 0 {
		// Bounds on p = x/y and on U's interval that hold despite rounding:
		// the float figures are within 2^-52 relative of the real ones.
		const slack = 1e-9
		pHi := math.Exp2(approx+slack) * (1 + 1e-12)
		pLo := math.Exp2(approx-slack) * (1 - 1e-12)
		lo := float64(u) * 0x1p-64 * (1 - 1e-12)
		hi := (float64(u) + 1) * 0x1p-64 * (1 + 1e-12)
		if lo >= pHi {
			return false // U >= lo > p
		}
		if hi <= pLo {
			return true // U < hi <= p
		}
	}
	// Decide exactly: U < x/y  ⇔  U·y < x. Extend U 64 bits at a time until
	// its interval [a, a+1)/2^m lies on one side of x/y.
	x, y := xy()
	a := new(big.Int).SetUint64(u)
	m := uint(64)
	lhs, rhs := new(big.Int), new(big.Int)
	for {
		rhs.Lsh(x, m) // x·2^m
		lhs.Mul(a, y) // a·y
		if lhs.Cmp(rhs) >= 0 {
			return false // U >= a/2^m >= x/y
		}
		lhs.Add(lhs, y) // (a+1)·y
		if lhs.Cmp(rhs) <= 0 {
			return true // U < (a+1)/2^m <= x/y
		}
		a.Lsh(a, 64)
		a.Add(a, new(big.Int).SetUint64(r.u64()))
		if r.err != nil {
			return false
		}
		m += 64
	}
}
