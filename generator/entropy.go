package generator

import (
	"math"
	"math/big"
)

// Bound says how an [Entropy] figure relates to the truth.
type Bound int

const (
	// Exact: the figure is log2 of the exact number of possible outputs.
	Exact Bound = iota
	// LowerBound: counting exactly was too costly, so the figure is a
	// proven lower bound (an estimate on the safe side).
	LowerBound
	// UpperBound: the outputs may not all be distinct (a passphrase with no
	// separator from a list that is not prefix-free), so the true figure
	// may be lower.
	UpperBound
)

// String returns "exact", "lower bound" or "upper bound".
func (b Bound) String() string {
	switch b {
	case Exact:
		return "exact"
	case LowerBound:
		return "lower bound"
	case UpperBound:
		return "upper bound"
	}
	return "unknown"
}

// Entropy is the strength of a generator's output: log2 of the number of
// equally likely results it can produce.
type Entropy struct {
	// Bits is log2 of the number of possible outputs (or of the bound).
	Bits float64
	// Count is the exact number of possible outputs; nil when only a bound
	// is known.
	Count *big.Int
	// Bound says whether Bits is exact or a bound.
	Bound Bound
}

// exactEntropy returns the entropy of a uniform choice among count outputs.
func exactEntropy(count *big.Int) Entropy {
	return Entropy{Bits: log2Big(count), Count: new(big.Int).Set(count), Bound: Exact}
}

// lowerBound is a figure known only as a lower bound on log2 of the count.
func lowerBound(bits float64) Entropy { return Entropy{Bits: bits, Bound: LowerBound} }

// Estimate reports whether the figure is a bound rather than exact.
func (e Entropy) Estimate() bool { return e.Bound != Exact }

// Rounded returns Bits rounded down to 0.01 bit, the precision sesame
// reports: a figure is never rounded up, so what is printed never
// overstates strength. Where the count is known exactly, a figure within
// floating-point error of a hundredth is settled with integer arithmetic.
func (e Entropy) Rounded() float64 {
	x := e.Bits * 100
	k := math.Floor(x)
	switch {
	case e.Count != nil && k+1-x < boundaryEps && atLeastPow2(e.Count, int64(k)+1, 100):
		k++ // just below the next hundredth in floating point, but not in fact
	case e.Count != nil && x-k < boundaryEps && !atLeastPow2(e.Count, int64(k), 100):
		k-- // just above a hundredth in floating point, but below it in fact
	case e.Count == nil && e.Bound == LowerBound && x-k < boundaryEps:
		k-- // an estimate within its error of a hundredth: the safe side
	}
	return k / 100
}

// boundaryEps is how close to a hundredth (in hundredths) a figure must be
// for its rounding to need exact arithmetic: log2Big's error is about 1e-15
// relative, so 1e-7 covers any count sesame makes with room to spare.
const boundaryEps = 1e-7

// Reaches reports whether the entropy is at least target bits, compared
// with the exact value (the count itself where it is known), so that a
// size --min-bits picks always prints as at least the target. An upper
// bound never reaches anything: the true figure may be lower.
func (e Entropy) Reaches(target float64) bool {
	switch {
	case e.Bound == UpperBound:
		return false
	case e.Bits-target > 1e-9:
		return true
	case target-e.Bits > 1e-9:
		return false
	}
	// Within rounding error of the target: decide exactly when the count
	// and a target in hundredths allow it, else take the safe side.
	h := math.Round(target * 100)
	if e.Count == nil || math.Abs(h-target*100) > 1e-6 {
		return false
	}
	return atLeastPow2(e.Count, int64(h), 100)
}

// atLeastPow2 reports whether count ≥ 2^(num/den), as count^den ≥ 2^num.
func atLeastPow2(count *big.Int, num, den int64) bool {
	if num <= 0 {
		return count.Sign() > 0
	}
	p := new(big.Int).Exp(count, big.NewInt(den), nil)
	return p.Cmp(new(big.Int).Lsh(big.NewInt(1), uint(num))) >= 0
}

// log2Big returns log2(x) for x >= 1 to within about 1e-15 relative, using
// the bit length and the top 64 bits; log2Big of 0 is -Inf.
func log2Big(x *big.Int) float64 {
	if x.Sign() <= 0 {
		return math.Inf(-1)
	}
	n := x.BitLen()
	if n <= 64 {
		return math.Log2(float64(x.Uint64()))
	}
	top := new(big.Int).Rsh(x, uint(n-64)).Uint64()
	return float64(n-64) + math.Log2(float64(top))
}
