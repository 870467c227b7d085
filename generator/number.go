package generator

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
)

// MaxUnique is the most numbers DrawUnique draws at once, the command
// line's count limit; the draw holds all of them in memory.
const MaxUnique = 10_000_000

// NumberRange is the inclusive range of integers [Lo, Hi]. Any int64 bounds
// are allowed, up to the full int64 range of 2^64 values. A range with
// Lo > Hi is empty; NewNumberRange refuses to make one.
type NumberRange struct {
	Lo, Hi int64
}

// NewNumberRange returns the range [lo, hi].
func NewNumberRange(lo, hi int64) (NumberRange, error) {
	n := NumberRange{Lo: lo, Hi: hi}
	return n, n.check()
}

func (n NumberRange) check() error {
	if n.Lo > n.Hi {
		return policyErr("range", "the range %d to %d is empty because %d is above %d: give the low end first, as in %d to %d",
			n.Lo, n.Hi, n.Lo, n.Hi, n.Hi, n.Lo)
	}
	return nil
}

// span is Hi - Lo, the size less one, which always fits in a uint64; the
// full int64 range has span 2^64 - 1. The wrapping subtraction is exact
// because the true difference lies in [0, 2^64).
func (n NumberRange) span() uint64 { return uint64(n.Hi) - uint64(n.Lo) }

// at is the value at offset u from Lo, again by wrapping arithmetic.
func (n NumberRange) at(u uint64) int64 { return int64(uint64(n.Lo) + u) }

// draw returns a uniform offset in [0, size).
func (n NumberRange) draw(r *Rand) uint64 {
	if s := n.span(); s != math.MaxUint64 {
		return r.uint64n(s + 1)
	}
	return r.u64() // 2^64 values: every 64-bit word is one
}

// Size is the number of values in the range, Hi - Lo + 1, or 0 when
// Lo > Hi.
func (n NumberRange) Size() *big.Int {
	if n.Lo > n.Hi {
		return new(big.Int)
	}
	s := new(big.Int).SetUint64(n.span())
	return s.Add(s, big.NewInt(1))
}

// Draw returns a uniform value in the range.
func (n NumberRange) Draw(r *Rand) (int64, error) {
	if err := n.check(); err != nil {
		return 0, err
	}
	v := n.at(n.draw(r))
	if err := r.Err(); err != nil {
		return 0, err
	}
	return v, nil
}

// Entropy is the strength of one Draw: log2 of the range's size, exactly.
func (n NumberRange) Entropy() Entropy { return exactEntropy(n.Size()) }

// DrawUnique returns k distinct values from the range in the order drawn,
// as a lottery draws them: every ordered selection of k distinct values is
// equally likely. It needs memory in proportion to k, whatever the size of
// the range: the k results (8 bytes each) and, while drawing, at most 24
// bytes a value more, so 10,000,000 numbers take up to about 320 MB.
// Time grows about linearly with k.
func (n NumberRange) DrawUnique(r *Rand, k int) ([]int64, error) {
	if err := n.check(); err != nil {
		return nil, err
	}
	switch {
	case k < 0:
		return nil, policyErr("unique", "cannot draw %d numbers: use 0 or more", k)
	case k > 0 && uint64(k-1) > n.span():
		holds := "numbers"
		if n.Lo == n.Hi {
			holds = "number"
		}
		return nil, policyErr("unique", "the range %d to %d only holds %s %s, so %d unique ones cannot be drawn: draw at most %s, or widen the range",
			n.Lo, n.Hi, n.Size(), holds, k, n.Size())
	case k > MaxUnique:
		return nil, policyErr("unique", "drawing %d unique numbers would hold too much in memory: draw at most %d at once", k, MaxUnique)
	case k == 0:
		return []int64{}, nil
	}
	if n.span() < 2*uint64(k) { // size <= 2k: the whole range fits in O(k)
		return n.drawUniqueDense(r, k)
	}
	return n.drawUniqueSparse(r, k)
}

// drawUniqueDense is a Fisher–Yates shuffle stopped after k steps: step i
// swaps a uniform choice among the values not yet drawn into place i.
func (n NumberRange) drawUniqueDense(r *Rand, k int) ([]int64, error) {
	all := make([]int64, n.span()+1)
	for i := range all {
		all[i] = n.at(uint64(i))
	}
	for i := range k {
		j := i + int(r.uint64n(uint64(len(all)-i)))
		if r.Err() != nil {
			clear(all)
			return nil, r.Err()
		}
		all[i], all[j] = all[j], all[i]
	}
	out := slices.Clone(all[:k]) // drop the rest: what was not drawn tells what was
	clear(all)
	return out, nil
}

// drawUniqueSparse draws from the whole range and redraws values already
// drawn. Each accepted draw is uniform over the values not yet drawn, which
// is exactly drawing without replacement, and the range is more than twice
// k, so on average fewer than 1.39 draws per value are needed (2k·ln 2 in
// all, at worst).
func (n NumberRange) drawUniqueSparse(r *Rand, k int) ([]int64, error) {
	seen := newOffsetSet(k)
	defer seen.wipe()
	out := make([]int64, 0, k)
	for len(out) < k {
		u := n.draw(r)
		if r.Err() != nil {
			clear(out)
			return nil, r.Err()
		}
		if seen.add(u) {
			out = append(out, n.at(u))
		}
	}
	return out, nil
}

// offsetSet is a set of range offsets for drawUniqueSparse: open addressing
// with linear probing in a table at most two-thirds full. It needs 8 bytes a
// slot, under 24 bytes a value, where a Go map needs several times that,
// and it is about twice as fast at ten million values.
type offsetSet struct {
	slots   []uint64 // 0 marks an empty slot; offset 0 lives in hasZero
	shift   uint     // 64 − log2(len(slots)): a hash's top bits pick the slot
	hasZero bool
}

func newOffsetSet(k int) *offsetSet {
	n := 2
	for n < k+k/2 {
		n <<= 1
	}
	return &offsetSet{slots: make([]uint64, n), shift: uint(64 - bits.TrailingZeros(uint(n)))}
}

// add inserts u and reports whether it was new.
func (s *offsetSet) add(u uint64) bool {
	if u == 0 {
		added := !s.hasZero
		s.hasZero = true
		return added
	}
	mask := uint64(len(s.slots) - 1)
	// Fibonacci hashing spreads runs of nearby offsets across the table.
	for i := (u * 0x9e3779b97f4a7c15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = u
			return true
		case u:
			return false
		}
	}
}

// wipe forgets the drawn values, which are the secret.
func (s *offsetSet) wipe() {
	clear(s.slots)
	s.hasZero = false
}

// UniqueEntropy is the strength of one DrawUnique of k values: log2 of the
// number of ordered selections, size·(size−1)···(size−k+1). It is exact
// (Count set) while that count has at most about 2^18 bits, for example for
// up to 4000 draws from the full int64 range. Beyond that the count is not
// kept and Bits is a lower bound: short of the truth by less than 1e-6 bits
// up to MaxUnique draws, and k·log2(size−k+1) above MaxUnique, which
// DrawUnique refuses anyway. For k above the range's size (or below 0) no
// draw exists and the count is 0.
func (n NumberRange) UniqueEntropy(k int) Entropy {
	size := n.Size()
	switch {
	case k < 0 || big.NewInt(int64(k)).Cmp(size) > 0:
		return exactEntropy(new(big.Int))
	case k == 0:
		return exactEntropy(big.NewInt(1))
	case k <= uniqueExactBits/size.BitLen():
		low := new(big.Int).Sub(size, big.NewInt(int64(k-1)))
		return exactEntropy(rangeProduct(low, k))
	case k <= MaxUnique:
		return Entropy{Bits: fallingLog2Lower(n.span(), k), Bound: LowerBound}
	}
	low := new(big.Int).Sub(size, big.NewInt(int64(k-1)))
	return Entropy{Bits: math.Nextafter(float64(k)*log2Big(low)*(1-1e-12), 0), Bound: LowerBound}
}

// uniqueExactBits caps the size of an exact count. Multiplying a count of
// 2^18 bits takes about a millisecond; one for ten million draws would have
// 640 million bits and take minutes. Tests lower it to check the bound.
var uniqueExactBits = 1 << 18

// rangeProduct is low·(low+1)···(low+k−1), multiplied as a balanced tree so
// that big multiplications meet operands of equal size.
func rangeProduct(low *big.Int, k int) *big.Int {
	if k <= 8 {
		p := new(big.Int).Set(low)
		f := new(big.Int).Set(low)
		one := big.NewInt(1)
		for range k - 1 {
			f.Add(f, one)
			p.Mul(p, f)
		}
		return p
	}
	h := k / 2
	upper := new(big.Int).Add(low, big.NewInt(int64(h)))
	return new(big.Int).Mul(rangeProduct(low, h), rangeProduct(upper, k-h))
}

// fallingLog2Lower returns a lower bound on log2 of (span+1)·span···(span+2−k)
// for 1 <= k <= span+1, multiplying in floating point with the exponent kept
// apart. Each factor is off by at most two roundings (span−i converted, then
// 1 added, which cannot overflow as it would in uint64 for the full range)
// and each product by one, so the log is off by at most 3k·2^-53/ln 2, below
// k·5e-16 bits; k·1e-15 + 1e-12 is subtracted to cover that with room, and
// the last step rounds down.
func fallingLog2Lower(span uint64, k int) float64 {
	mant, exp := 1.0, 0
	for i := range k {
		mant *= float64(span-uint64(i)) + 1
		if mant > 0x1p900 { // leaves room for one more factor of up to 2^64
			var e int
			mant, e = math.Frexp(mant)
			exp += e
		}
	}
	mant, e := math.Frexp(mant) // mant in [1/2, 1): its log is small and precise
	exp += e
	frac := math.Log2(mant) - (float64(k)*1e-15 + 1e-12)
	// float64(exp) + frac may round up by half a unit; one step down undoes it.
	return math.Nextafter(float64(exp)+frac, math.Inf(-1))
}
