package generator

import (
	"cmp"
	"math"
	"slices"
)

// Cheap lower bounds for policies with required sets or a sequence limit,
// when even the floating-point inclusion–exclusion of reqsets_count.go is
// over budget. By the Bonferroni inequality the strings that meet every required set number at least
// f(A) − Σ_j f(A ∖ R_j), where f counts the strings that meet everything
// else: f(A) is bounded from below (by the floating-point transfer,
// leaving out class ranges almost every string meets, or by the block
// bound), and each f(A ∖ R_j) from above.

// boundSets sets a proven lower bound: the better of the Bonferroni bound
// (see the top of the file) and, given the terms of the sum, their
// inclusion–exclusion with each bounded cheaply (cheapIE). The figure is
// -Inf when neither is useful.
func (c *counted) boundSets(floatBudget float64, entries []*ieEntry) {
	lay := c.lay
	full := fullSet(len(lay.alphabet))
	runs := lay.maxRun > 0 || lay.maxSeq > 0
	a := c.classCount.Bits // the class count, exact or a lower bound
	if runs {
		a = c.runsLowerBound(&floatBudget)
	}
	c.noSets = lowerBound(a)
	if len(c.reqs) == 0 || math.IsInf(a, -1) {
		c.count = lowerBound(a)
		return
	}
	// Bonferroni: subtract an upper bound on the strings missing each set.
	sum := 0.0
	for _, r := range c.reqs {
		sum += math.Exp2(c.upperBound(full.minus(r), &floatBudget) - a)
	}
	bits := math.Inf(-1)
	if sum <= 0.5 {
		bits = a + math.Log2(1-sum) - 1e-9
	}
	if entries != nil && sum > 1e-6 { // else Bonferroni loses under 2e-6 bits
		bits = max(bits, c.cheapIE(entries, &floatBudget))
	}
	c.count = lowerBound(bits)
}

// runsLowerBound returns a lower bound on log2 of the strings that meet
// the class ranges and run limits (required sets aside), by the
// floating-point transfer. When tracking every class range would cost too
// much, the ranges that almost every string meets anyway are left out of
// the transfer: with K the classes kept, the valid strings number at least
// |V_K| − Σ_{k∉K} X_k, where X_k counts all the strings whose class k is
// out of its range (a binomial tail). Beyond that, the block bound.
func (c *counted) runsLowerBound(floatBudget *float64) float64 {
	lay := c.lay
	full := fullSet(len(lay.alphabet))
	nk := lay.slots()
	x := make([]float64, nk)
	order := make([]int, nk)
	for k := range nk {
		x[k], order[k] = c.log2OutOfRange(k), k
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(x[i], x[j]) })
	keep := make([]bool, nk)
	for k := range keep {
		keep[k] = true
	}
	for d := 0; d <= nk; d++ {
		if d > 0 {
			keep[order[d-1]] = false
			if x[order[d-1]] > c.classCount.Bits-20 {
				break // its range is no formality: leaving it out loses the bound
			}
		}
		m := c.runModelKeep(full, false, true, keep)
		if m == nil || m.floatCost() > *floatBudget {
			continue
		}
		*floatBudget -= m.floatCost()
		a := m.log2LowerBound()
		sum := 0.0
		for _, k := range order[:d] {
			sum += math.Exp2(x[k] - a)
		}
		if sum <= 0.5 {
			return a + math.Log2(1-sum) - 1e-9
		}
		break
	}
	return c.blockBound(full)
}

// log2OutOfRange returns an upper bound on log2 of the strings over the
// whole alphabet whose class k count is outside its range:
// Σ_{j ∉ [lo, hi]} C(L, j)·n^j·(N − n)^(L−j), summed in logarithms with a
// margin far above the rounding.
func (c *counted) log2OutOfRange(k int) float64 {
	lay := c.lay
	L := lay.L
	n, rest := float64(lay.sizes[k]), float64(len(lay.alphabet)-lay.sizes[k])
	lf := func(i int) float64 { v, _ := math.Lgamma(float64(i) + 1); return v / math.Ln2 }
	term := func(j int) float64 {
		v := lf(L) - lf(j) - lf(L-j) + float64(j)*math.Log2(n)
		if L > j {
			if rest == 0 {
				return math.Inf(-1)
			}
			v += float64(L-j) * math.Log2(rest)
		}
		return v
	}
	top := math.Inf(-1)
	var terms []float64
	for j := range L + 1 {
		if j >= lay.lo[k] && j <= lay.hi[k] {
			continue
		}
		v := term(j)
		terms = append(terms, v)
		top = max(top, v)
	}
	if math.IsInf(top, -1) {
		return top
	}
	sum := 0.0
	for _, v := range terms {
		sum += math.Exp2(v - top)
	}
	v := top + math.Log2(sum)
	return v + 1e-9*math.Abs(v) + 1e-6
}

// blockBound is a lower bound on log2 of the strings that meet the class
// ranges and run limits, cheap at any length. Links never cross class
// labels (a chain lies inside one class), so given the labels of the
// positions, the characters are uniform within their labels and the
// string is valid exactly when each maximal block of one label is:
// probability Π_blocks ρ_c(ℓ), with ρ_c(ℓ) = a_c(ℓ)/n_c^ℓ the share of
// valid strings of length ℓ over label c. With μ_c the least ratio
// ρ_c(ℓ+1)/ρ_c(ℓ), ρ_c(ℓ) ≥ μ_c^(ℓ−1), so a string whose labels have P_c
// adjacent pairs of label c is valid with probability at least Π μ_c^P_c.
// Averaging over the class-valid strings, Jensen's inequality gives
//
//	count ≥ |V| · 2^(Σ_c log2 μ_c · E[P_c])
//
// and since the positions are exchangeable, E[P_c] = (L−1)·n_c²·V_c/|V|,
// where V_c counts the class-valid strings of length L−2 with c's range
// lowered by 2 (the two positions fixed to label c).
func (c *counted) blockBound(alpha bitset) float64 {
	lay := c.lay
	L := lay.L
	sizes := make([]int, len(lay.sizes)) // per label, inside alpha
	for label := range lay.sizes {
		for i := range lay.sizes[label] {
			if alpha.has(int(lay.offsets[label]) + i) {
				sizes[label]++
			}
		}
	}
	spec, ok := c.termSpec(alpha)
	if !ok {
		return math.Inf(-1)
	}
	logV := c.classCount.Bits
	if !alpha.equal(fullSet(len(lay.alphabet))) {
		logV = spec.log2LowerBound()
		if spec.exactCost() <= exactBudgetNs/16 {
			n, _ := spec.countExact(math.Inf(1))
			logV = log2Big(n)
		}
	}
	if L < 2 || math.IsInf(logV, -1) {
		return logV
	}
	none := make([]bool, lay.slots())
	bound := logV
	for label, n := range sizes {
		if n == 0 {
			continue
		}
		own := newBitset(len(lay.alphabet))
		for i := range lay.sizes[label] {
			if x := int(lay.offsets[label]) + i; alpha.has(x) {
				own.set(x)
			}
		}
		m := c.runModelKeep(own, false, true, none)
		_, steps := m.floatTransfer(true)
		// log2 μ: the least step of log2 ρ, each estimate widened by a
		// margin far above its rounding.
		margin := func(v float64) float64 { return 1e-9*math.Abs(v) + 1e-6 }
		logMu := 0.0
		for t := 1; t < L; t++ {
			if math.IsInf(steps[t], -1) {
				logMu = math.Inf(-1)
				break
			}
			lo := steps[t] - margin(steps[t])
			hi := steps[t-1] + margin(steps[t-1])
			logMu = min(logMu, lo-hi-math.Log2(float64(n)))
		}
		if logMu == 0 {
			continue
		}
		// E[P_c], bounded from above: the label's range lowered by 2.
		pairs := countSpec{L: L - 2}
		possible := true
		for k := range lay.slots() {
			nk := sizes[k]
			if nk == 0 {
				continue // lo is 0 here, or termSpec would have failed
			}
			cl := countClass{n: int64(nk), lo: lay.lo[k], hi: lay.hi[k]}
			if k == label {
				possible = cl.hi >= 2
				cl.lo, cl.hi = max(cl.lo-2, 0), cl.hi-2
			}
			cl.hi = min(cl.hi, L-2)
			pairs.cls = append(pairs.cls, cl)
		}
		if pool := lay.poolLabel(); pool < len(sizes) {
			pairs.pool = int64(sizes[pool])
		}
		if !possible {
			continue // no two characters of this label at all
		}
		vc := pairs.log2UpperBound()
		if pairs.exactCost() <= exactBudgetNs/16 {
			n, _ := pairs.countExact(math.Inf(1))
			vc = log2Big(n)
		}
		logP := min(0, 2*math.Log2(float64(n))+vc-logV)
		if math.IsInf(logP, -1) {
			continue // no two positions can both have this label
		}
		if math.IsInf(logMu, -1) {
			return logMu
		}
		bound += logMu * float64(L-1) * math.Exp2(logP)
	}
	return bound - 1e-9*math.Abs(bound) - 1e-6
}

// upperBound returns an upper bound on log2 of the strings over alpha
// that meet the class ranges and run limits: the class count ignoring the
// run limits, or the transfer with every constraint when affordable, else
// ignoring the class ranges (leaving out constraints only adds strings),
// whichever is smallest.
func (c *counted) upperBound(alpha bitset, floatBudget *float64) float64 {
	b := c.log2ClassUpper(alpha)
	if _, ok := c.termSpec(alpha); !ok || (c.lay.maxRun == 0 && c.lay.maxSeq == 0) {
		return b
	}
	for _, keep := range [][]bool{nil, make([]bool, c.lay.slots())} {
		m := c.runModelKeep(alpha, false, true, keep)
		if m == nil || m.floatCost() > *floatBudget {
			continue
		}
		*floatBudget -= m.floatCost()
		v, _ := m.floatTransfer(false)
		return min(b, v+1e-9*math.Abs(v)+1e-6)
	}
	return b
}

// cheapIE bounds the count from below by inclusion–exclusion with every
// term bounded cheaply: the added ones from below by the block bound, the
// subtracted ones from above by upperBound.
func (c *counted) cheapIE(entries []*ieEntry, floatBudget *float64) float64 {
	vals := make([]float64, len(entries))
	top := math.Inf(-1)
	for i, e := range entries {
		switch {
		case e.coef > 0:
			vals[i] = c.blockBound(e.alpha)
		case e.coef < 0:
			vals[i] = c.upperBound(e.alpha, floatBudget)
		default:
			vals[i] = math.Inf(-1)
		}
		top = max(top, vals[i])
	}
	var pos, neg float64
	for i, e := range entries {
		if math.IsInf(vals[i], -1) {
			continue
		}
		if w := float64(e.coef) * math.Exp2(vals[i]-top); w > 0 {
			pos += w
		} else {
			neg -= w
		}
	}
	pos, neg = pos*(1-1e-12), neg*(1+1e-12) // rounding of the sums
	if pos <= neg || math.IsInf(top, -1) {
		return math.Inf(-1)
	}
	return top + math.Log2(pos-neg)
}

// log2ClassUpper returns an upper bound on log2 of the class-valid strings
// over a smaller alphabet (an upper bound also with run limits, which only
// remove strings).
func (c *counted) log2ClassUpper(alpha bitset) float64 {
	s, ok := c.termSpec(alpha)
	if !ok {
		return math.Inf(-1)
	}
	if s.exactCost() <= exactBudgetNs/16 {
		n, _ := s.countExact(math.Inf(1))
		return log2Big(n)
	}
	return min(s.log2UpperBound(), float64(s.L)*log2Float(max(s.alphabetSize(), 1)))
}
