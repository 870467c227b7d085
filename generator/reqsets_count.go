package generator

import (
	"fmt"
	"math"
	"math/big"
)

// Counting policies with required sets or a sequence limit.
//
// The count is inclusion–exclusion over the required sets (see
// require.go): one term per smaller alphabet, counted
//   - without run limits, by the class count of count.go;
//   - with run limits, by the transfer of transfer.go.
//
// Exact when the terms' predicted cost fits the budget. That covers
// typical website rules (a few overlapping sets, both run limits, a class
// minimum) up to a few hundred characters, class ranges and sets without
// run limits at every length but the one count.go bounds (several wide
// class ranges in thousands of characters), and shorter policies with
// every constraint at once.
//
// Otherwise a proven lower bound, labelled as such:
//   - the same inclusion–exclusion with each term estimated in floating
//     point and widened by its error margin (up for the terms subtracted,
//     down for those added), while affordable;
//   - else f(A) − Σ_j f(A ∖ R_j) (the Bonferroni inequality) with cheaper
//     bounds on each term (reqsets_bound.go).
// When neither gives a useful bound within the budget, the budget is
// exceeded rather than the policy refused, up to a hard cap.

// Budgets in nanoseconds of predicted work. The figure is recomputed on
// every keystroke: it must take under 5 ms up to 128 characters and under
// 50 ms at 4096, and predictions are rough, so keep headroom.
const (
	setsShortLength   = 128
	setsShortBudgetNs = 3.5e6 // calibrated by TestCalibrateSetsBudgets
	// The floating-point estimates of one lower bound, all together.
	floatShortBudgetNs = 2.5e6 // calibrated by TestCalibrateSetsBudgets
	floatLongBudgetNs  = 20e6  // calibrated by TestCalibrateSetsBudgets
	// Past the budgets, rather than refuse a policy.
	setsHardCapNs = 150e6 // calibrated by TestCalibrateSetsBudgets
)

func setsBudgets(L int) (exact, float float64) {
	if L <= setsShortLength {
		return setsShortBudgetNs, floatShortBudgetNs
	}
	return exactBudgetNs, floatLongBudgetNs
}

// ieEntry is one distinct counting problem of the inclusion–exclusion sum,
// with the summed sign of the alphabets that pose it.
type ieEntry struct {
	alpha bitset    // one alphabet that poses it
	m     *runModel // with run limits
	spec  countSpec // without
	coef  int64
	full  bool // the whole alphabet: the count without required sets
}

// countSetsOrSeq counts a policy with required sets or a sequence limit,
// setting count and noSets (the count without the
// required sets).
func (c *counted) countSetsOrSeq(p PasswordPolicy) error {
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
	exactBudget, floatBudget := setsBudgets(L)
	entries, exactCost, floatCost := c.ieEntries(terms)
	switch {
	case entries != nil && exactCost <= exactBudget:
		c.exactIE(entries)
		return nil
	case entries != nil && floatCost <= floatBudget && c.intervalIE(entries):
		return nil
	}
	c.boundSets(floatBudget, entries)
	switch {
	case !math.IsInf(c.count.Bits, -1):
	case entries != nil && floatCost <= setsHardCapNs && c.intervalIE(entries):
	case entries != nil && exactCost <= setsHardCapNs:
		c.exactIE(entries)
	default:
		return c.tooComplex()
	}
	return nil
}

// ieEntries types the alphabets of the terms and merges those that pose
// the same problem, with the predicted costs of counting them all exactly
// and in floating point; nil when a transfer would have too many states.
func (c *counted) ieEntries(terms []ieTerm) (entries []*ieEntry, exact, float float64) {
	runs := c.lay.maxRun > 0 || c.lay.maxSeq > 0
	bySig := map[string]*ieEntry{}
	for i, t := range terms {
		s, ok := c.termSpec(t.alpha)
		if !ok {
			continue // a class with a minimum is left empty: no string
		}
		var e *ieEntry
		var sig string
		if runs {
			ct := buildTypes(c.lay, t.alpha, false, true)
			sig = ct.signature()
			if bySig[sig] == nil {
				cs := newCountStates(c.lay, ct.groups, 0, maxRunStates, nil)
				if cs == nil {
					return nil, 0, 0
				}
				e = &ieEntry{alpha: t.alpha, m: &runModel{L: c.lay.L, lim: runLimits{r: c.lay.maxRun, s: c.lay.maxSeq}, ct: ct, cs: cs}}
				exact += e.m.exactCost()
				float += e.m.floatCost()
			}
		} else {
			sig = fmt.Sprint(s)
			if bySig[sig] == nil {
				e = &ieEntry{alpha: t.alpha, spec: s}
				exact += s.exactCost()
				float += float64(s.L) * float64(len(s.cls)+1) * 100
			}
		}
		if e != nil {
			bySig[sig] = e
			entries = append(entries, e)
		}
		bySig[sig].coef += t.coef
		bySig[sig].full = bySig[sig].full || i == 0
	}
	return entries, exact, float
}

// exactIE sums the exact counts of the entries.
func (c *counted) exactIE(entries []*ieEntry) {
	total := new(big.Int)
	c.noSets = exactEntropy(new(big.Int)) // unless the whole alphabet has valid strings
	for _, e := range entries {
		if e.coef == 0 && !e.full {
			continue
		}
		var n *big.Int
		if e.m != nil {
			n = e.m.countExact()
		} else {
			n, _ = e.spec.countExact(math.Inf(1))
		}
		if e.full {
			c.noSets = exactEntropy(n)
		}
		total.Add(total, n.Mul(n, big.NewInt(e.coef)))
	}
	if total.Sign() < 0 {
		panic("generator: negative count from inclusion–exclusion over required sets")
	}
	c.count = exactEntropy(total)
}

// intervalIE bounds the sum from below with each term estimated in
// floating point: the added terms taken at their lower bounds, the
// subtracted ones at their upper bounds. The estimates are within a
// relative 1e-11 or so; the margin taken is far wider. False when the
// cancellation leaves nothing certain.
func (c *counted) intervalIE(entries []*ieEntry) bool {
	vals := make([]float64, len(entries))
	top := math.Inf(-1)
	for i, e := range entries {
		if e.m != nil {
			vals[i], _ = e.m.floatTransfer(false)
		} else {
			vals[i] = newLog2Counter(e.spec).level(len(e.spec.cls), e.spec.L)
		}
		top = max(top, vals[i])
	}
	margin := func(v float64) float64 { return 1e-9*math.Abs(v) + 1e-6 }
	var pos, neg float64
	c.noSets = lowerBound(math.Inf(-1))
	for i, e := range entries {
		v := vals[i]
		if math.IsInf(v, -1) {
			continue
		}
		if e.full {
			c.noSets = lowerBound(v - margin(v))
		}
		switch {
		case e.coef > 0:
			pos += float64(e.coef) * math.Exp2(v-margin(v)-top)
		case e.coef < 0:
			neg += float64(-e.coef) * math.Exp2(v+margin(v)-top)
		}
	}
	// Rounding in these sums is a relative 2^-50 at most.
	pos, neg = pos*(1-1e-12), neg*(1+1e-12)
	if pos <= neg || math.IsInf(top, -1) {
		c.count = lowerBound(math.Inf(-1))
		return false
	}
	c.count = lowerBound(top + math.Log2(pos-neg))
	return true
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
			return sequentialErr(p, L, lay.maxSeq)
		}
		return repeatingErr(p, L, lay.maxRun)
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
	r, s := c.lay.maxRun, c.lay.maxSeq
	switch {
	case r > 0 && s > 0 && c.repRule != "" && c.repRule == c.seqRule:
		what = what.and("%s of the rules", c.repRule) // max-consecutive: both at once
	default:
		if r > 0 {
			what = what.and("%v", runLimitText("max-repeating", r, c.repRule))
		}
		if s > 0 {
			what = what.and("%v", runLimitText("max-sequential", s, c.seqRule))
		}
	}
	switch n := len(c.reqs); {
	case n == 1:
		what = what.and("a required set")
	case n > 1:
		what = what.and("%d required sets", n)
	}
	return what
}

// runLimitText names a run limit in a list of constraints: the setting
// and its value (--max-repeating 2), or the website's rule that set it.
func runLimitText(s SettingName, n int, rule string) message {
	if rule != "" {
		return message{"%s of the rules", []any{rule}}
	}
	return message{"%v %d", []any{s, n}}
}

// repeatingErr explains that no password obeys the limit on repeated
// characters, naming the limit as the user gave it: a setting to raise,
// or a website's rule (an error of the rules setting), which only a
// shorter password or more characters can meet.
func repeatingErr(p PasswordPolicy, L, limit int) error {
	if p.RepeatingRule != "" {
		return policyErr("rules", "no password of length %d with these settings avoids repeating a character more than %s in a row, as %s of the rules asks: shorten the password or allow more characters", L, times(limit), p.RepeatingRule)
	}
	return policyErr("max-repeating", "no password of length %d with these settings avoids repeating a character more than %s in a row: raise %v or add characters", L, times(limit), SettingName("max-repeating"))
}

// sequentialErr is repeatingErr for the limit on sequences.
func sequentialErr(p PasswordPolicy, L, limit int) error {
	if p.SequentialRule != "" {
		return policyErr("rules", "no password of length %d with these settings avoids sequences (abc, 321) longer than %d, as %s of the rules asks: shorten the password or allow more characters", L, limit, p.SequentialRule)
	}
	return policyErr("max-sequential", "no password of length %d with these settings avoids sequences (abc, 321) longer than %d: raise %v or allow more characters", L, limit, SettingName("max-sequential"))
}
