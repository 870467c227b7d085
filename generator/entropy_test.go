package generator

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// No figure sesame prints exceeds the exact value: Rounded is the exact
// log2 of the count rounded down to a hundredth, decided exactly where
// floating point cannot tell, for counts near every kind of boundary.
func TestRoundedNeverExceedsTheExactFigure(t *testing.T) {
	var counts []*big.Int
	for k := 1; k <= 300; k++ {
		p := new(big.Int).Lsh(big.NewInt(1), uint(k)) // exactly k bits
		counts = append(counts, p, new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Add(p, big.NewInt(1)))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, 1+rng.IntN(50))
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		n := new(big.Int).SetBytes(b)
		counts = append(counts, n.Add(n, big.NewInt(2)))
	}
	// 2^(k/100) rounded both ways: a count right at a hundredth.
	for _, h := range []int64{1, 33, 634, 7755, 13109, 25600} {
		counts = append(counts, ceilPow2Hundredths(h), new(big.Int).Sub(ceilPow2Hundredths(h), big.NewInt(1)))
	}
	for _, c := range counts {
		e := exactEntropy(c)
		r := e.Rounded()
		hundredths := int64(math.Round(r * 100))
		// r ≤ log2 c, exactly: c^100 ≥ 2^(100 r).
		if !atLeastPow2Naive(c, hundredths) {
			t.Fatalf("count %v: shown %.2f bits, above the exact %.12f", c, r, e.Bits)
		}
		// And r is the largest such hundredth.
		if atLeastPow2Naive(c, hundredths+1) {
			t.Fatalf("count %v: shown %.2f bits, but %.2f is not above the exact %.12f", c, r, r+0.01, e.Bits)
		}
		if !e.Reaches(r) || e.Reaches(r+0.01) {
			t.Fatalf("count %v (%.12f bits): Reaches(%.2f) %v, Reaches(%.2f) %v", c, e.Bits, r, e.Reaches(r), r+0.01, e.Reaches(r+0.01))
		}
	}
}

// atLeastPow2Naive checks c^100 ≥ 2^h by plain big-integer arithmetic.
func atLeastPow2Naive(c *big.Int, h int64) bool {
	lhs := new(big.Int).Set(c)
	for range 99 {
		lhs.Mul(lhs, c)
	}
	return lhs.Cmp(new(big.Int).Lsh(big.NewInt(1), uint(h))) >= 0
}

// ceilPow2Hundredths is the smallest integer n with n^100 ≥ 2^h.
func ceilPow2Hundredths(h int64) *big.Int {
	lo, hi := big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), uint(h/100+2))
	for lo.Cmp(hi) < 0 {
		mid := new(big.Int).Rsh(new(big.Int).Add(lo, hi), 1)
		if atLeastPow2Naive(mid, h) {
			hi = mid
		} else {
			lo = mid.Add(mid, big.NewInt(1))
		}
	}
	return lo
}
