package generator

import (
	"math"
	"math/big"
)

// Counting a password policy, the stage between its layout (layout.go)
// and the choice of a sampler (choose.go): how many passwords it allows,
// exactly or as a proven lower bound, with the counts the choice compares
// (the class count alone, and the count without required sets). Class
// ranges are counted by count.go, required sets and sequence limits by
// reqsets_count.go (bounded by reqsets_bound.go), run limits here.

// counted is a policy's layout and exact or bounded size, before any
// sampler is built.
type counted struct {
	lay     *layout
	spec    countSpec
	classes []pwClass
	warns   []Warning
	// classCount counts V, the strings that meet the class ranges; count,
	// the policy's strings (V without a run limit, required sets or a
	// sequence limit). Each is exact or a lower bound.
	classCount Entropy
	count      Entropy
	runsDP     *runsDP // built when runs and class constraints meet
	hasRuns    bool
	logN       float64
	// setsOrSeq: required sets or a sequence limit, counted by
	// reqsets_count.go; noSets then counts the policy without its
	// required sets (classes and run limits only).
	setsOrSeq bool
	reqs      []bitset
	noSets    Entropy
	// repRule and seqRule are the website rules the run limits came
	// from, if they did (PasswordPolicy.RepeatingRule), for messages.
	repRule, seqRule string
	// built holds the samplers choose.go builds while deciding.
	built built
}

// entropy is the policy's figure as counted.
func (c *counted) entropy() Entropy {
	return c.count
}

// countPolicy validates a policy and counts its outputs, refusing a
// policy that allows fewer than two passwords.
func countPolicy(p PasswordPolicy) (*counted, error) {
	c, err := countPolicyRaw(p)
	if err != nil {
		return nil, err
	}
	L := p.Length
	if c.count.Count != nil && c.count.Count.Cmp(big.NewInt(1)) == 0 {
		if len(c.lay.alphabet) == 1 {
			return nil, policyErr("alphabet", "the alphabet has one character, so every password would be the same (0 bits): use at least 2 characters")
		}
		return nil, policyErr("length", "these settings allow exactly one password (0 bits): relax them")
	}
	if c.empty() {
		if c.setsOrSeq {
			return nil, c.emptyErr(p)
		}
		return nil, repeatingErr(p, L, p.MaxRepeating)
	}
	return c, nil
}

// empty reports whether the count shows no valid password at all.
func (c *counted) empty() bool {
	return math.IsInf(c.count.Bits, -1) || (c.count.Count != nil && c.count.Count.Sign() == 0)
}

// countPolicyRaw validates a policy and counts its outputs, which may be
// none.
func countPolicyRaw(p PasswordPolicy) (*counted, error) {
	classes, warns, err := resolveClasses(p)
	if err != nil {
		return nil, err
	}
	c := &counted{classes: classes, warns: warns, repRule: p.RepeatingRule, seqRule: p.SequentialRule}
	c.lay, c.spec = buildLayout(classes, p)
	L := p.Length
	if c.reqs, err = compileRequire(p, c.lay); err != nil {
		return nil, err
	}
	c.lay.setRequire(c.reqs)
	if p.MaxSequential > 0 && p.MaxSequential < L {
		c.lay.setSequential(p.MaxSequential)
	}
	c.lay.setFollow()
	c.setsOrSeq = len(c.reqs) > 0 || c.lay.maxSeq > 0
	c.logN = math.Log2(float64(len(c.lay.alphabet)))
	if n, ok := c.spec.countExact(exactBudgetNs); ok {
		c.classCount = exactEntropy(n)
	} else {
		c.classCount = lowerBound(c.spec.log2LowerBound())
	}
	c.count = c.classCount
	c.hasRuns = p.MaxRepeating > 0 && p.MaxRepeating < L
	switch {
	case c.setsOrSeq:
		if err := c.countSetsOrSeq(p); err != nil {
			return nil, err
		}
	case c.hasRuns:
		if err := c.countRuns(p); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// countRuns counts the strings that also obey the run limit.
func (c *counted) countRuns(p PasswordPolicy) error {
	L, r := p.Length, p.MaxRepeating
	n := int64(len(c.lay.alphabet))
	if len(c.spec.cls) == 0 {
		c.count = exactEntropy(countRunsPure(L, n, r))
		return nil
	}
	c.count = lowerBound(c.count.Bits)
	if d, ok := planRunsDP(c.spec, r, maxRunStates); ok {
		c.runsDP = d.build()
		S := words(float64(L) * c.logN / 2)
		if d.work()*(nsAdd+nsMulSmall)*S <= exactBudgetNs {
			c.count = exactEntropy(d.countExact())
			return nil
		}
		if d.work() <= maxFloatRunWork {
			c.count = lowerBound(d.log2LowerBound())
			return nil
		}
	}
	// Long runs allowed: a run longer than r starting at a given position
	// has probability at most max n_i^-r in V, so by the union bound at
	// least a fraction 1 − (L−r)·max n_i^-r of V obeys the limit.
	minClass := n
	for _, s := range c.lay.sizes {
		minClass = min(minClass, int64(s))
	}
	eps := float64(L-r) * math.Pow(float64(minClass), -float64(r))
	if minClass < 2 || eps > 1e-3 {
		if p.RepeatingRule != "" {
			return policyErr("rules", "%s of the rules with %v at length %d is too complex to count: drop a minimum or maximum, or shorten the password", p.RepeatingRule, describeConstraints(c.classes, L), L)
		}
		return policyErr("max-repeating", "%v %d with %v at length %d is too complex to count: raise %v, drop a minimum or maximum, or shorten the password", SettingName("max-repeating"), r, describeConstraints(c.classes, L), L, SettingName("max-repeating"))
	}
	c.count = lowerBound(c.classCount.Bits + math.Log2(1-eps))
	return nil
}

// PasswordEntropy returns the entropy of a policy without preparing to
// generate: cheaper than NewPassword when only the figure is wanted.
//
// The figure is log2 of the exact number of passwords the policy allows
// wherever counting them fits a time budget (it is recomputed on every
// keystroke): class ranges alone at every length but with several wide
// ranges in thousands of characters; required sets and run limits for
// typical website rules up to a few hundred characters, and for shorter
// passwords with every constraint at once. Otherwise it is a proven lower
// bound, labelled LowerBound, typically within a thousandth of a bit.
func PasswordEntropy(p PasswordPolicy) (Entropy, error) {
	c, err := countPolicy(p)
	if err != nil {
		return Entropy{}, err
	}
	return c.entropy(), nil
}
