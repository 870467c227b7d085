package generator

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"slices"
)

// Counting policies with required sets or a sequence limit ("rules").
//
// Exact: the count is inclusion–exclusion over the required sets (see
// require.go), each term counting one smaller alphabet:
//   - without run limits, by the class count of count.go (exact wherever
//     that is, which is everywhere but several wide class ranges at
//     lengths in the thousands);
//   - with run limits, by the transfer of transfer.go, exact while its
//     predicted cost fits the budget: in practice up to a few hundred
//     characters with every constraint at once, and at any length with a
//     repeat limit alone and few classes.
//
// Lower bound, when exact counting would exceed the budget: by the
// Bonferroni inequality the strings that meet every set number at least
// f(A) − Σ_j f(A ∖ R_j). f(A) is bounded from below by the floating-point
// transfer (or, beyond its budget too, by a union bound over the positions
// where a run could break a limit), and each f(A ∖ R_j) from above by the
// class count alone, which ignores the run limits.

// Budgets in nanoseconds of predicted work. The figure is recomputed on
// every keystroke: it must take under 5 ms up to 128 characters and under
// 50 ms at 4096, and predictions are rough, so keep headroom.
const (
	rulesShortLength   = 128
	rulesShortBudgetNs = 3.5e6
	floatShortBudgetNs = 1e6
	floatLongBudgetNs  = 15e6
	// The exact sampler's tables are built at most this slowly.
	unrankBudgetNs = 60e6
)

func rulesBudgets(L int) (exact, float float64) {
	if L <= rulesShortLength {
		return rulesShortBudgetNs, floatShortBudgetNs
	}
	return exactBudgetNs, floatLongBudgetNs
}

// countRules counts a policy with required sets or a sequence limit,
// setting log2VR/countVR/boundVR and log2F/countF (the count without the
// required sets).
func (c *counted) countRules(p PasswordPolicy) error {
	lay := c.lay
	L := lay.L
	if len(c.reqs) > L {
		if h := lay.minHitting(); h > L {
			return policyErr("length", "the required sets need at least %d characters, more than the length %d: use a length of at least %d", h, L, h)
		}
	}
	full := fullSet(len(lay.alphabet))
	terms := []ieTerm{{alpha: full, coef: 1}}
	if len(c.reqs) > 0 {
		terms = inclusionExclusion(full, c.reqs)
	}
	exactBudget, floatBudget := rulesBudgets(L)
	var ok bool
	if lay.maxRun > 0 || lay.maxSeq > 0 {
		ok = c.countRulesRuns(terms, exactBudget)
	} else {
		ok = c.countRulesClasses(terms, exactBudget)
	}
	if ok {
		return nil
	}
	c.boundRules(floatBudget)
	if math.IsInf(c.log2VR, -1) {
		return c.tooComplex()
	}
	return nil
}

// termSpec is the class counting problem over a smaller alphabet; false
// when a class with a minimum has no character left (no valid string).
func (c *counted) termSpec(alpha bitset) (countSpec, bool) {
	lay := c.lay
	s := countSpec{L: lay.L}
	for k := range lay.lo {
		n := 0
		for i := range lay.sizes[k] {
			if alpha.has(int(lay.offsets[k]) + i) {
				n++
			}
		}
		if n == 0 {
			if lay.lo[k] > 0 {
				return s, false
			}
			continue
		}
		s.cls = append(s.cls, countClass{n: int64(n), lo: lay.lo[k], hi: lay.hi[k]})
	}
	if pool := lay.poolLabel(); pool < len(lay.sizes) {
		for i := range lay.sizes[pool] {
			if alpha.has(int(lay.offsets[pool]) + i) {
				s.pool++
			}
		}
	}
	return s, true
}

// exactCost predicts countExact's running time.
func (s countSpec) exactCost() float64 {
	if len(s.cls) == 0 {
		return nsMulBig * words(float64(s.L)*log2Float(max(s.pool, 2))) * 8
	}
	_, cost := s.plan()
	if comps := s.compositions(1 << 20); comps >= 0 {
		cost = min(cost, s.enumCost(comps))
	}
	return cost
}

// countRulesClasses counts required sets over the class constraints alone;
// false when that would exceed the budget.
func (c *counted) countRulesClasses(terms []ieTerm, budget float64) bool {
	specs := map[string]*struct {
		s    countSpec
		coef int64
	}{}
	var order []string
	cost := 0.0
	for _, t := range terms {
		s, ok := c.termSpec(t.alpha)
		if !ok {
			continue
		}
		k := fmt.Sprint(s)
		if e, seen := specs[k]; seen {
			e.coef += t.coef
			continue
		}
		specs[k] = &struct {
			s    countSpec
			coef int64
		}{s, t.coef}
		order = append(order, k)
		cost += s.exactCost()
	}
	if cost > budget {
		return false
	}
	total := new(big.Int)
	for _, k := range order {
		e := specs[k]
		if e.coef == 0 {
			continue
		}
		n, _ := e.s.countExact(math.Inf(1))
		total.Add(total, n.Mul(n, big.NewInt(e.coef)))
	}
	if total.Sign() < 0 {
		panic("generator: negative count from inclusion–exclusion over required sets")
	}
	c.countVR, c.log2VR, c.boundVR = total, log2Big(total), Exact
	c.countF, c.log2F = c.countV, c.log2V
	return true
}

// runModelFor builds the counting model of one alphabet (nil when a class
// with a minimum has no character left, or the count states are too many).
func (c *counted) runModelFor(alpha bitset, withReq, mirror bool) *runModel {
	return c.runModelKeep(alpha, withReq, mirror, nil)
}

// runModelKeep is runModelFor counting only the class ranges keep allows
// (nil: all).
func (c *counted) runModelKeep(alpha bitset, withReq, mirror bool, keep []bool) *runModel {
	if _, ok := c.termSpec(alpha); !ok && keep == nil {
		return nil
	}
	ct := buildTypes(c.lay, alpha, withReq, mirror)
	bitsTracked := 0
	if withReq {
		bitsTracked = len(c.reqs)
	}
	cs := newCountStates(c.lay, ct.groups, bitsTracked, maxRunStates, keep)
	if cs == nil {
		return nil
	}
	return &runModel{L: c.lay.L, lim: runLimits{r: c.lay.maxRun, s: c.lay.maxSeq}, ct: ct, cs: cs}
}

// countRulesRuns counts with run limits by transfer; false when that would
// exceed the budget.
func (c *counted) countRulesRuns(terms []ieTerm, budget float64) bool {
	type entry struct {
		m    *runModel
		coef int64
		full bool
	}
	models := map[string]*entry{}
	var order []string
	cost := 0.0
	for i, t := range terms {
		if _, ok := c.termSpec(t.alpha); !ok {
			continue
		}
		ct := buildTypes(c.lay, t.alpha, false, true)
		sig := ct.signature()
		if e, seen := models[sig]; seen {
			e.coef += t.coef
			continue
		}
		cs := newCountStates(c.lay, ct.groups, 0, maxRunStates, nil)
		if cs == nil {
			return false
		}
		m := &runModel{L: c.lay.L, lim: runLimits{r: c.lay.maxRun, s: c.lay.maxSeq}, ct: ct, cs: cs}
		models[sig] = &entry{m: m, coef: t.coef, full: i == 0}
		order = append(order, sig)
		if cost += m.exactCost(); cost > budget {
			return false
		}
	}
	total := new(big.Int)
	for _, k := range order {
		e := models[k]
		if e.coef == 0 && !e.full {
			continue
		}
		n := e.m.countExact()
		if e.full {
			c.countF, c.log2F = new(big.Int).Set(n), log2Big(n)
		}
		total.Add(total, n.Mul(n, big.NewInt(e.coef)))
	}
	if c.countF == nil { // the whole alphabet broke a class minimum: nothing is valid
		c.countF, c.log2F = new(big.Int), math.Inf(-1)
	}
	if total.Sign() < 0 {
		panic("generator: negative count from inclusion–exclusion over required sets")
	}
	c.countVR, c.log2VR, c.boundVR = total, log2Big(total), Exact
	return true
}

// boundRules sets a proven lower bound (see the top of the file); the
// figure is -Inf when no useful bound was found.
func (c *counted) boundRules(floatBudget float64) {
	lay := c.lay
	full := fullSet(len(lay.alphabet))
	a := c.log2V // the class count, exact or a lower bound
	if lay.maxRun > 0 || lay.maxSeq > 0 {
		a = c.runsLowerBound(floatBudget)
	}
	c.log2F, c.countF = a, nil
	c.countVR, c.boundVR = nil, LowerBound
	if len(c.reqs) == 0 || math.IsInf(a, -1) {
		c.log2VR = a
		return
	}
	// Bonferroni: subtract an upper bound on the strings missing each set:
	// the class count ignoring the run limits, or the transfer ignoring
	// the class ranges (leaving out constraints only adds strings),
	// whichever is smaller.
	sum := 0.0
	none := make([]bool, lay.slots())
	for _, r := range c.reqs {
		alpha := full.minus(r)
		b := c.log2ClassUpper(alpha)
		if lay.maxRun > 0 || lay.maxSeq > 0 {
			if m := c.runModelKeep(alpha, false, true, none); m.floatCost() <= floatBudget {
				v, _ := m.floatTransfer(false)
				b = min(b, v+1e-9*math.Abs(v)+1e-6)
			}
		}
		sum += math.Exp2(b - a)
	}
	c.log2VR = math.Inf(-1)
	if sum <= 0.5 {
		c.log2VR = a + math.Log2(1-sum) - 1e-9
	}
}

// runsLowerBound returns a lower bound on log2 of the strings that meet
// the class ranges and run limits (required sets aside), by the
// floating-point transfer. When tracking every class range would cost too
// much, the ranges that almost every string meets anyway are left out of
// the transfer: with K the classes kept, the valid strings number at least
// |V_K| − Σ_{k∉K} X_k, where X_k counts all the strings whose class k is
// out of its range (a binomial tail). Beyond that, a union bound.
func (c *counted) runsLowerBound(floatBudget float64) float64 {
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
			if x[order[d-1]] > c.log2V-20 {
				break // its range is no formality: leaving it out loses the bound
			}
		}
		m := c.runModelKeep(full, false, true, keep)
		if m == nil || m.floatCost() > floatBudget {
			continue
		}
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
	return c.blockBound()
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
func (c *counted) blockBound() float64 {
	lay := c.lay
	L := lay.L
	if L < 2 {
		return c.log2V
	}
	nk := lay.slots()
	none := make([]bool, nk)
	bound := c.log2V
	for label := range lay.sizes {
		alpha := newBitset(len(lay.alphabet))
		for i := range lay.sizes[label] {
			alpha.set(int(lay.offsets[label]) + i)
		}
		m := c.runModelKeep(alpha, false, true, none)
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
			logMu = min(logMu, lo-hi-math.Log2(float64(lay.sizes[label])))
		}
		// E[P_c], bounded from above.
		spec := countSpec{L: L - 2, pool: c.spec.pool}
		pairs := true
		for k, cl := range c.spec.cls {
			if k == label {
				if cl.hi < 2 {
					pairs = false // no two characters of this label at all
				}
				cl = countClass{n: cl.n, lo: max(cl.lo-2, 0), hi: cl.hi - 2}
			}
			cl.hi = min(cl.hi, L-2)
			spec.cls = append(spec.cls, cl)
		}
		if !pairs || logMu == 0 {
			continue
		}
		vc := spec.log2UpperBound()
		if spec.exactCost() <= exactBudgetNs/16 {
			n, _ := spec.countExact(math.Inf(1))
			vc = log2Big(n)
		}
		logP := min(0, 2*math.Log2(float64(lay.sizes[label]))+vc-c.log2V)
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

// emptyErr explains a policy that no password satisfies, by finding which
// constraints leave some password when dropped.
func (c *counted) emptyErr(p PasswordPolicy) error {
	lay := c.lay
	L := lay.L
	if lay.reqOf != nil {
		if h := lay.minHitting(); h > L {
			return policyErr("length", "the required sets need at least %d characters, more than the length %d: use a length of at least %d", h, L, h)
		}
	}
	someLeft := func(q PasswordPolicy) bool {
		d, err := countPolicyRaw(q)
		return err == nil && !d.empty()
	}
	q := p
	q.MaxRepeating, q.MaxSequential = 0, 0
	if (lay.maxRun > 0 || lay.maxSeq > 0) && someLeft(q) { // the run limits are to blame
		q = p
		q.MaxSequential = 0
		if lay.maxSeq > 0 && someLeft(q) {
			return policyErr("max-sequential", "no password of length %d with these settings avoids sequences (abc, 321) longer than %d: raise %v or allow more characters", L, lay.maxSeq, Setting("max-sequential"))
		}
		return policyErr("max-repeating", "no password of length %d with these settings avoids repeating a character more than %s in a row: raise %v or add characters", L, times(lay.maxRun), Setting("max-repeating"))
	}
	return policyErr("rules", "no password of length %d satisfies %v together: relax one of them", L, c.describe())
}

// tooComplex refuses a policy whose count could not even be bounded.
func (c *counted) tooComplex() error {
	L := c.lay.L
	return policyErr("length", "%v at length %d is too complex to count: shorten the password, or drop a requirement, minimum or run limit", c.describe(), L)
}

// describe names the constraints in force, for messages.
func (c *counted) describe() message {
	L := c.lay.L
	what := describeConstraints(c.classes, L)
	if r := c.lay.maxRun; r > 0 {
		what = what.and("%v %d", Setting("max-repeating"), r)
	}
	if s := c.lay.maxSeq; s > 0 {
		what = what.and("%v %d", Setting("max-sequential"), s)
	}
	switch n := len(c.reqs); {
	case n == 1:
		what = what.and("a required set")
	case n > 1:
		what = what.and("%d required sets", n)
	}
	return what
}
