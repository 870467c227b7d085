package generator

import "math/big"

// A composition is the number of characters each constrained class gets;
// the pool takes the rest. Every string with the same composition is one of
// W(k) = L!/(Π k_i! · k_pool!) · Π n_i^k_i · a^k_pool, so enumerating the
// valid compositions counts the policy exactly and lets the composition
// sampler draw one with probability proportional to its weight.

// compositions returns the number of valid compositions, or -1 if there
// are more than limit. The count fits in a uint64: it is at most
// C(L+c, c) < 2^63 for L <= 4096 and c <= 5.
func (s countSpec) compositions(limit int) int {
	ways := make([]uint64, s.L+1) // ways[t]: tuples of counts summing to t
	ways[0] = 1
	prefix := make([]uint64, s.L+2)
	for _, c := range s.cls {
		prefix[0] = 0
		for t := 0; t <= s.L; t++ {
			prefix[t+1] = prefix[t] + ways[t]
		}
		for t := 0; t <= s.L; t++ {
			hiIdx := t - c.lo // sum over k in [lo, hi] of ways[t-k] = prefix[t-lo+1] - prefix[t-hi]
			if hiIdx < 0 {
				ways[t] = 0
				continue
			}
			loIdx := max(t-c.hi, 0)
			ways[t] = prefix[hiIdx+1] - prefix[loIdx]
		}
	}
	var n uint64
	if s.pool == 0 {
		n = ways[s.L]
	} else {
		for _, w := range ways {
			n += w
		}
	}
	if n > uint64(limit) {
		return -1
	}
	return int(n)
}

// enumCost predicts countByEnumeration's time for a number of
// compositions.
func (s countSpec) enumCost(comps int) float64 {
	S := words(float64(s.L) * log2Float(s.alphabetSize()))
	return float64(comps) * (nsMulSmall + nsQuoSmall + 2*nsAdd + nsMulBig*2) * S
}

// countByEnumeration sums the weights of every valid composition.
func (s countSpec) countByEnumeration() *big.Int {
	total := new(big.Int)
	s.visitCompositions(func(_ []int, w *big.Int) { total.Add(total, w) })
	return total
}

// visitCompositions calls visit for every valid composition, in
// lexicographic order of the constrained counts, with its weight. visit
// must not keep counts; it may keep w.
func (s countSpec) visitCompositions(visit func(counts []int, w *big.Int)) {
	c := len(s.cls)
	if c == 0 {
		visit(nil, powInt(s.pool, s.L))
		return
	}
	// minAfter[i], maxAfter[i]: the least and most characters classes i..c-1
	// can take, for pruning.
	minAfter := make([]int, c+1)
	maxAfter := make([]int, c+1)
	for i := c - 1; i >= 0; i-- {
		minAfter[i] = minAfter[i+1] + s.cls[i].lo
		maxAfter[i] = maxAfter[i+1] + s.cls[i].hi
	}
	counts := make([]int, c)
	var rec func(i, rem int, prefix *big.Int)
	rec = func(i, rem int, prefix *big.Int) {
		cl := s.cls[i]
		lo, hi := cl.lo, min(cl.hi, rem-minAfter[i+1])
		if s.pool == 0 {
			lo = max(lo, rem-maxAfter[i+1])
		}
		if lo > hi {
			return
		}
		if i == c-1 {
			if s.pool == 0 { // lo == hi == rem here
				counts[i] = rem
				visit(counts, new(big.Int).Mul(prefix, powInt(cl.n, rem)))
				return
			}
			// term(k) = C(rem,k)·n^k·a^(rem−k); step k → k+1 multiplies by
			// n(rem−k)/((k+1)a), an exact division.
			term := new(big.Int).Binomial(int64(rem), int64(lo))
			term.Mul(term, powInt(cl.n, lo))
			term.Mul(term, powInt(s.pool, rem-lo))
			for k := lo; k <= hi; k++ {
				counts[i] = k
				visit(counts, new(big.Int).Mul(prefix, term))
				if k < hi { // one small multiply and one exact small divide
					term.Mul(term, big.NewInt(cl.n*int64(rem-k)))
					term.Quo(term, big.NewInt(int64(k+1)*s.pool))
				}
			}
			return
		}
		f := new(big.Int).Binomial(int64(rem), int64(lo))
		f.Mul(f, powInt(cl.n, lo))
		for k := lo; k <= hi; k++ {
			counts[i] = k
			rec(i+1, rem-k, new(big.Int).Mul(prefix, f))
			if k < hi {
				f.Mul(f, big.NewInt(cl.n*int64(rem-k)))
				f.Quo(f, big.NewInt(int64(k+1)))
			}
		}
	}
	rec(0, s.L, big.NewInt(1))
}
