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

// Estimate reports whether the figure is a bound rather than exact.
func (e Entropy) Estimate() bool { return e.Bound != Exact }

// Rounded returns Bits to 0.01 bit, the precision sesame reports. Rounding
// never overstates strength: lower bounds round down, upper bounds round up
// (they are labelled as such), exact figures round to nearest.
func (e Entropy) Rounded() float64 {
	switch e.Bound {
	case LowerBound:
		return math.Floor(e.Bits*100) / 100
	case UpperBound:
		return math.Ceil(e.Bits*100) / 100
	}
	return math.Round(e.Bits*100) / 100
}

// Reaches reports whether the figure, as reported (Rounded), is at least
// target bits: a size chosen for --min-bits then agrees with the figure
// printed next to it. Bounds never round up to reach a target.
func (e Entropy) Reaches(target float64) bool {
	if e.Bound == UpperBound {
		return math.Floor(e.Bits*100)/100 >= target
	}
	return e.Rounded() >= target
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
