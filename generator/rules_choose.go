package generator

import (
	"fmt"
	"math/big"
)

// chooseRulesSampler picks the sampler for a policy with required sets or
// a sequence limit, from the exact (or lower-bound) acceptance figures.
// Every choice is exactly uniform: a uniform draw from a superset kept only
// when it satisfies everything, the unranking of a uniform index, or a
// proposal corrected by rejection to the uniform law.
//
//  1. Plain rejection while a quarter of uniform strings pass (typical
//     website rules from about 12 characters): whole strings from batched
//     digits, each checked in one pass.
//  2. Tight class ranges: the exact class sampler, filtered for the rest.
//  3. A tight repeat limit without classes: the runs sampler, filtered.
//  4. Otherwise the transfer tables, tracking the required sets when too
//     few strings would meet them by chance: exact ones (unrank.go) while
//     they are small, floating-point ones with an exact correction
//     (weighted.go) beyond.
func (pw *Password) chooseRulesSampler(c *counted) error {
	lay := c.lay
	L := lay.L
	n := len(lay.alphabet)
	if c.log2VR-float64(L)*c.logN >= minRejectLog2 {
		pw.gen, pw.method = newBatchRejection(lay), "rejection"
		return nil
	}
	if len(lay.lo) > 0 && c.log2VR-c.log2V >= minFilterLog2 {
		if base, method, err := pw.classSampler(c); err == nil {
			// The class samplers redraw until the rest holds (extraOK).
			pw.gen, pw.method = base, method+"+filter"
			return nil
		}
	}
	runsFit := float64(L)*(words(float64(L)*c.logN/2)*8+32) <= maxTableBytes
	if len(lay.lo) == 0 && lay.maxRun > 0 && runsFit && c.log2VR-log2RunsPure(L, int64(n), lay.maxRun) >= minFilterLog2 {
		pw.gen, pw.method = filter{newRunsSampler(L, n, lay.maxRun), lay}, "runs+filter"
		return nil
	}
	track := len(c.reqs) > 0 && c.log2VR-c.log2F < minRejectLog2
	if pw.tableSampler(c, track) {
		return nil
	}
	if track && c.log2VR-c.log2F >= minFilterLog2 && pw.tableSampler(c, false) {
		return nil
	}
	return tooConstrained(c)
}

// unrankSampler builds the transfer tables over the whole alphabet,
// tracking the required sets or leaving them to a check; nil when they
// would be too large or slow.
func (c *counted) unrankSampler(track bool) *unrankSampler {
	m := c.runModelFor(fullSet(len(c.lay.alphabet)), track, false)
	if m == nil || unrankTableBytes(m) > maxTableBytes || unrankCost(m) > unrankBudgetNs {
		return nil
	}
	u := newUnrankSampler(m)
	if !track && len(c.reqs) > 0 {
		u.check = c.lay
	}
	return u
}

// weightedSampler is unrankSampler with floating-point tables.
func (c *counted) weightedSampler(track bool) *weightedSampler {
	m := c.runModelFor(fullSet(len(c.lay.alphabet)), track, false)
	if m == nil || !weightedTablesFit(m) {
		return nil
	}
	w := newWeightedSampler(m)
	if w != nil && !track && len(c.reqs) > 0 {
		w.check = c.lay
	}
	return w
}

// Exact tables are preferred while they are this cheap (up to about a
// hundred characters); past that, the floating-point ones cost far less to
// build and per password.
const (
	unrankPreferNs    = 2e6
	unrankPreferBytes = 4 << 20
)

// tableSampler picks unranking or weighted tables.
func (pw *Password) tableSampler(c *counted, track bool) bool {
	if m := c.runModelFor(fullSet(len(c.lay.alphabet)), track, false); m != nil &&
		unrankCost(m) <= unrankPreferNs && unrankTableBytes(m) <= unrankPreferBytes {
		if u := c.unrankSampler(track); u != nil {
			pw.setUnrank(c, u)
			return true
		}
	}
	if w := c.weightedSampler(track); w != nil {
		pw.gen, pw.method = w, "weighted"
		if w.check != nil {
			pw.method += "+filter"
		}
		return true
	}
	if u := c.unrankSampler(track); u != nil {
		pw.setUnrank(c, u)
		return true
	}
	return false
}

// setUnrank installs the sampler and checks its total against the count:
// the tables count the same set by a different route (no
// inclusion–exclusion, no mirroring), so a mismatch is a bug. A count that
// was only bounded becomes exact.
func (pw *Password) setUnrank(c *counted, u *unrankSampler) {
	pw.gen, pw.method = u, "unrank"
	want := c.countVR
	if u.check != nil {
		pw.method += "+filter"
		want = c.countF
	}
	if want != nil && u.total.Cmp(want) != 0 {
		panic(fmt.Sprintf("generator: transfer tables count %v, expected %v", u.total, want))
	}
	if u.check == nil && c.countVR == nil {
		pw.entropy = exactEntropy(new(big.Int).Set(u.total))
	}
}
