package generator

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// boundsOf computes a policy's figure by each lower-bound route, as if
// exact counting had been over budget: with the float transfer affordable
// (every class tracked), with nothing affordable (the block bound), and
// with only some classes tracked.
func boundsOf(t *testing.T, p PasswordPolicy) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for name, budget := range map[string]float64{"float": math.Inf(1), "blocks": 0, "some classes": 2e4 * float64(p.Length)} {
		c, err := countPolicyRaw(p)
		if err != nil {
			t.Fatalf("%+v: %v", p, err)
		}
		full := fullSet(len(c.lay.alphabet))
		var entries []*ieEntry
		if name != "float" { // the float route is the Bonferroni one alone
			entries, _, _ = c.ieEntries(inclusionExclusion(full, c.reqs))
		}
		c.boundSets(budget, entries)
		if c.count.Bound != LowerBound || c.count.Count != nil {
			t.Fatalf("%+v: bound %v", p, c.count.Bound)
		}
		out[name] = c.count.Bits
	}
	return out
}

// Every bound is at most the truth, on the random small policies.
func TestStatRulesBoundsBelowBruteForce(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(31, 32))
	checked := 0
	for checked < 300 {
		p := randomRulesPolicy(rng)
		n := len(bruteForcePasswords(p))
		if n <= 1 {
			continue
		}
		checked++
		exact := math.Log2(float64(n))
		for name, b := range boundsOf(t, p) {
			if b > exact+1e-12 {
				t.Fatalf("%+v: %s bound %.9f above the exact %.9f", p, name, b, exact)
			}
		}
	}
}

// On longer policies the float bound is within 1e-5 bits of the exact
// count, and the cheaper bounds stay below it.
func TestRulesBoundsNearExact(t *testing.T) {
	site := func(L int) PasswordPolicy {
		return PasswordPolicy{Length: L, Alphabet: " " + SymbolChars + DigitChars + UpperChars + LowerChars, MaxRepeating: 2, MaxSequential: 2,
			Require: []string{UpperChars, LowerChars, DigitChars + "!#$%&*@"}}
	}
	withMin := site(60)
	withMin.Symbols.Min, withMin.Digits = 3, withMin.Digits.AtMost(4)
	tight := PasswordPolicy{Length: 40, Alphabet: "abcdefghij0123456789", MaxRepeating: 1, MaxSequential: 1, Require: []string{"aeiou", "13579"}}
	tight.Digits.Min = 12
	for name, p := range map[string]PasswordPolicy{"site 40": site(40), "site 150": site(150), "site 60 with class ranges": withMin, "tight": tight} {
		c, err := countPolicyRaw(p)
		if err != nil {
			t.Fatal(err)
		}
		full := fullSet(len(c.lay.alphabet))
		entries, _, _ := c.ieEntries(inclusionExclusion(full, c.reqs))
		c.exactIE(entries)
		exact := log2Big(c.count.Count)
		ie := *c
		if !ie.intervalIE(entries) || ie.count.Bits > exact || exact-ie.count.Bits > 1e-5 {
			t.Errorf("%s: interval inclusion–exclusion %v, exact %v", name, ie.count.Bits, exact)
		}
		for route, b := range boundsOf(t, p) {
			if b > exact {
				t.Fatalf("%s: %s bound %.9f above the exact %.9f", name, route, b, exact)
			}
			if route == "float" && exact-b > 1e-5 {
				t.Errorf("%s: float bound %.9f is %.3g bits below the exact %.9f", name, b, exact-b, exact)
			}
			t.Logf("%s: exact %.6f, %s bound %.6f bits below", name, exact, route, exact-b)
		}
	}
}

// The transfer counts the same with and without the mirror symmetry, and
// its floating-point run agrees with its exact one.
func TestTransferMirrorAndFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for range 60 {
		p := PasswordPolicy{Length: 5 + rng.IntN(60), Alphabet: " " + SymbolChars + DigitChars + UpperChars + LowerChars,
			MaxRepeating: rng.IntN(4), MaxSequential: 1 + rng.IntN(4)}
		if rng.IntN(2) == 0 {
			p.Exclude = "cgkXY49"
		}
		if rng.IntN(2) == 0 {
			p.Digits.Min = rng.IntN(4)
		}
		if rng.IntN(2) == 0 {
			p.Symbols = p.Symbols.AtMost(rng.IntN(6))
		}
		c, err := countPolicyRaw(p)
		if err != nil {
			t.Fatal(err)
		}
		full := fullSet(len(c.lay.alphabet))
		a := c.runModelFor(full, false, true).countExact()
		b := c.runModelFor(full, false, false).countExact()
		if a.Cmp(b) != 0 {
			t.Fatalf("%+v: mirrored %v, plain %v", p, a, b)
		}
		u := newUnrankSampler(c.runModelFor(full, false, false))
		if u.total.Cmp(a) != 0 {
			t.Fatalf("%+v: backward tables %v, forward %v", p, u.total, a)
		}
		lb := c.runModelFor(full, false, true).log2LowerBound()
		if ex := log2Big(a); lb > ex || ex-lb > 1e-5 {
			t.Fatalf("%+v: float %v, exact %v", p, lb, ex)
		}
	}
}

// Inclusion–exclusion over the required sets agrees with the transfer that
// tracks which sets are met (no mirror, no signs), on longer policies than
// brute force reaches.
func TestRulesInclusionExclusionAgreesWithTracking(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	sets := []string{UpperChars, LowerChars, DigitChars, SymbolChars, "aeiouAEIOU", "13579!?", "xyzXYZ", UpperChars + DigitChars, "#"}
	for range 40 {
		p := PasswordPolicy{Length: 3 + rng.IntN(30), Alphabet: " " + SymbolChars + DigitChars + UpperChars + LowerChars}
		if rng.IntN(3) > 0 {
			p.MaxRepeating, p.MaxSequential = rng.IntN(3), rng.IntN(3)
		}
		for range 1 + rng.IntN(4) {
			p.Require = append(p.Require, sets[rng.IntN(len(sets))])
		}
		if rng.IntN(3) == 0 {
			p.Digits.Min = 1 + rng.IntN(2)
		}
		c, err := countPolicyRaw(p)
		if err != nil {
			t.Fatal(err)
		}
		if c.count.Count == nil {
			t.Fatalf("%+v: not counted exactly", p)
		}
		m := c.runModelFor(fullSet(len(c.lay.alphabet)), true, false)
		if m == nil {
			t.Fatalf("%+v: no tracking model", p)
		}
		if got := newUnrankSampler(m).total; got.Cmp(c.count.Count) != 0 {
			t.Fatalf("%+v: tracking %v, inclusion–exclusion %v", p, got, c.count.Count)
		}
	}
	_ = big.NewInt
}
