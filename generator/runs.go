package generator

import (
	"math"
	"math/big"
)

// Max-consecutive without class constraints.
//
// A string whose runs of one repeated character are at most r long is a
// sequence of runs: the first uses any of N characters, each later one any
// of the N−1 characters other than its predecessor, and each run is 1..r
// long. With w(s) the number of ways to fill s positions after a run ends,
//
//	w(0) = 1,   w(s) = (N−1) · Σ_{ℓ=1}^{min(r,s)} w(s−ℓ),
//
// the count is N · Σ_{ℓ=1}^{min(r,L)} w(L−ℓ), in O(L) big-integer steps
// with a sliding window sum. Sampling draws the first character, then run
// lengths with probability proportional to w(what is left), then each next
// character uniformly among the other N−1: every valid string has
// probability 1/count.

// runWays returns w(0..L) for an alphabet of n characters and runs of at
// most r.
func runWays(L int, n int64, r int) []*big.Int {
	w := make([]*big.Int, L+1)
	w[0] = big.NewInt(1)
	window := new(big.Int) // Σ_{ℓ=1}^{min(r,s)} w(s−ℓ)
	m := big.NewInt(n - 1)
	for s := 1; s <= L; s++ {
		window.Add(window, w[s-1])
		if s-1-r >= 0 {
			window.Sub(window, w[s-1-r])
		}
		w[s] = new(big.Int).Mul(window, m)
	}
	return w
}

// countRunsPure returns the number of strings of length L over n characters
// with no run longer than r.
func countRunsPure(L int, n int64, r int) *big.Int {
	if r >= L {
		return powInt(n, L)
	}
	if r == 1 { // no two neighbours equal: n·(n−1)^(L−1)
		return new(big.Int).Mul(big.NewInt(n), powInt(n-1, L-1))
	}
	// Only a window of r+1 values is needed for the count.
	ring := make([]*big.Int, r+1)
	ring[0] = big.NewInt(1)
	window := new(big.Int)
	m := big.NewInt(n - 1)
	get := func(s int) *big.Int { return ring[s%(r+1)] }
	for s := 1; s < L; s++ {
		window.Add(window, get(s-1))
		if s-1-r >= 0 {
			window.Sub(window, get(s-1-r))
		}
		ring[s%(r+1)] = new(big.Int).Mul(window, m)
	}
	total := new(big.Int)
	for l := 1; l <= min(r, L); l++ {
		total.Add(total, get(L-l))
	}
	return total.Mul(total, big.NewInt(n))
}

// runsSampler draws uniformly from the strings over the whole alphabet
// with no run longer than maxRun. choosers[t] picks the length of a run
// that starts with t positions left (nil when only length 1 is possible).
type runsSampler struct {
	L, maxRun, n int
	choosers     []*lazyChooser
}

func newRunsSampler(L, n, maxRun int) *runsSampler {
	s := &runsSampler{L: L, maxRun: maxRun, n: n, choosers: make([]*lazyChooser, L+1)}
	if maxRun == 1 { // every run has length 1: no choice to make
		return s
	}
	w := runWays(L, int64(n), maxRun)
	for t := 2; t <= L; t++ {
		m := min(maxRun, t)
		cum := func() []*big.Int { // run length ℓ has weight w(t−ℓ)
			out := make([]*big.Int, m)
			acc := new(big.Int)
			for l := 1; l <= m; l++ {
				acc = new(big.Int).Add(acc, w[t-l])
				out[l-1] = acc
			}
			return out
		}
		exact := cum()
		c := chooserShape(exact[m-1].BitLen())
		c.tops = make([]uint64, m)
		for j, v := range exact {
			c.tops[j] = topBits(v, c.sh)
		}
		c.cum = cum // recomputed on the rare tie rather than kept
		s.choosers[t] = c
	}
	return s
}

func (s *runsSampler) sample(r *Rand, out []int32) {
	prev := -1
	pos := 0
	for left := s.L; left > 0; {
		c := 0
		if prev < 0 {
			c = r.intn(s.n)
		} else {
			c = r.intn(s.n - 1)
			if c >= prev {
				c++
			}
		}
		run := 1
		if ch := s.choosers[left]; ch != nil {
			run = ch.pick(r) + 1
		}
		if r.err != nil {
			return
		}
		for range run {
			out[pos] = int32(c)
			pos++
		}
		left -= run
		prev = c
	}
}

// log2RunsPure returns log2 of countRunsPure in floating point, for
// choosing a sampler.
func log2RunsPure(L int, n int64, r int) float64 {
	if r >= L {
		return float64(L) * log2Float(n)
	}
	if n < 2 {
		return math.Inf(-1)
	}
	// The same recurrence, rescaled: w holds w(s)/2^scale.
	w := make([]float64, L+1)
	w[0] = 1
	scale := 0.0
	window := 0.0
	m := float64(n - 1)
	for s := 1; s <= L; s++ {
		window += w[s-1]
		if s-1-r >= 0 {
			window -= w[s-1-r]
		}
		w[s] = window * m
		if w[s] > 1e100 {
			f := 1e-100
			for i := max(0, s-r); i <= s; i++ {
				w[i] *= f
			}
			window *= f
			scale += math.Log2(1e100)
		}
	}
	total := 0.0
	for l := 1; l <= min(r, L); l++ {
		total += w[L-l]
	}
	return scale + math.Log2(total*float64(n))
}
