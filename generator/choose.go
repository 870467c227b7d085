package generator

import (
	"fmt"
	"math"
	"math/big"
)

// Which sampler runs for a policy, and why.
//
// Every sampler is exactly uniform on the strings the policy allows; they
// differ in what they cost. The policy's exact count (or a proven lower
// bound) comes first (countPolicy); from it, the share of uniform strings
// that are valid — the acceptance of plain rejection — and the shares of
// the supersets other samplers draw from. candidates lists the samplers
// cheapest first; pick takes the first that fits the policy and its
// budgets, and build builds it and settles the entropy once: a sampler
// whose tables count the valid set exactly turns a lower bound into an
// exact figure, and one that disagrees with the count is a bug. When none
// fits, the policy is refused (noSamplerErr), naming a length that works.
//
// A sampler that draws from a superset (a class sampler on a policy with
// run limits, transfer tables that leave the required sets out) is made
// exact by a filter (filter.go), while enough of its draws pass.
//
// The thresholds and costs below were measured on a 2-core machine. The
// calibration tests of choose_calibrate_test.go (thresholds and costs)
// and choose_calibrate_caps_test.go (caps and budgets) measure them again
// and print the measurements beside the constants:
//
//	go test ./generator -run Calibrate -v -args -calibrate

// Acceptance thresholds, as log2 of the share of draws kept.
const (
	// Plain rejection while at least a quarter of uniform strings are
	// valid: below that, the samplers that build tables draw faster.
	minRejectLog2 = -2
	// With class ranges alone, the class samplers take about twice a
	// uniform string's randomness (the composition, the positions and the
	// characters, in batches), so rejection only pays while half the tries
	// succeed.
	minRejectClassLog2 = -1
	// A filter on top of an exact sampler while 1 in 64 of its draws pass.
	minFilterLog2 = -6
	// Tilted rejection is refused below this acceptance. Several tight
	// minimums on a long password push it far down (five classes of at
	// least 800 in 4096 characters: about 2^-19, seconds per password).
	minTiltLog2 = -20
	// Below this acceptance the sequential sampler is preferred when its
	// tables are affordable: it costs a few hundred microseconds a
	// password whatever the acceptance would have been.
	minFastTiltLog2 = -8
)

// Costs and budgets.
const (
	// The predicted time to build the sequential sampler's tables, above
	// which it is not used.
	sequentialBudgetNs = 150e6 // calibrated by TestCalibrateSequentialBudget
	// Its cost per big-number product, per 64-bit word of the count
	// (measured as for the costs in count.go).
	nsSequentialPerWord = 4.0
	// Composition tables and run tables stay below this much memory.
	maxTableBytes = 64 << 20 // calibrated by TestCalibrateTableBytes
	// The run state machine is abandoned above this many states.
	maxRunStates = 1 << 16 // calibrated by TestCalibrateRunStates
	// Floating-point run counting is refused above this many steps. At
	// about 3 ns a step that is 0.3-0.4 s, far over the 50 ms a count may
	// take on a keystroke (exactBudgetNs), and it stays so: past the cap
	// countRuns falls back to a union bound that fails for small classes,
	// and refuses the policy. A cap within the keystroke budget (15e6)
	// would refuse policies such as minimums of 15 upper, digits and
	// symbols with max-repeating 2 at length 128, or of 11 at length 256,
	// which count in 50-350 ms now; a cheaper bound must come first.
	maxFloatRunWork = 120e6 // calibrated by TestCalibrateFloatRunWork
	// The exact sampler's transfer tables are built at most this slowly.
	unrankBudgetNs = 60e6 // calibrated by TestCalibrateUnrankCost
	// Exact transfer tables are preferred while they are this cheap (up to
	// about a hundred characters); past that, the floating-point ones cost
	// far less to build and per password.
	unrankPreferNs    = 2e6
	unrankPreferBytes = 4 << 20
	// Plain rejection as the last resort: one try costs about
	// nsRejectPerChar a character (batched digits and a one-pass check),
	// and a password may take rejectBudgetNs in expectation. A policy that
	// no table-building sampler fits (many required sets at a middle
	// length, whose tables track 2^sets states) is still sampled while
	// about one uniform string in a few thousand is valid.
	nsRejectPerChar = 6.0
	rejectBudgetNs  = 1e6 // calibrated by TestCalibrateRejectBudget
	// How far a refusal looks for a length that works, to name it
	// (nearestSampledLength): counting a long policy takes up to
	// setsHardCapNs, so a few tries at most. A count of tries, not a
	// time, so that the message is the same on every machine.
	maxProbeDistance = 4
)

// method names a sampler: the kind in the low bits, and methodFiltered
// when a filter keeps only its draws that meet the constraints it does not
// know.
type method uint8

const (
	methodDirect      method = iota // no constraint: independent characters
	methodRejection                 // uniform strings, the valid kept
	methodRuns                      // strings obeying the run limit (runs.go)
	methodSplit                     // tight classes placed, the rest by rejection (split.go)
	methodComposition               // class counts, then an arrangement (sampler.go)
	methodSequential                // class counts one class at a time (sequential.go)
	methodTilted                    // rejection from a tilted proposal (sampler.go)
	methodRunsDP                    // class ranges and runs by one table (runsdp.go)
	methodUnrank                    // exact transfer tables (unrank.go)
	methodWeighted                  // floating-point transfer tables, corrected (weighted.go)

	methodFiltered method = 1 << 7
)

var methodNames = [...]string{"direct", "rejection", "runs", "split", "composition", "sequential", "tilted", "runs-dp", "unrank", "weighted"}

// String is the name the tests and benchmarks print: the kind, with
// "+filter" when filtered.
func (m method) String() string {
	s := methodNames[m&^methodFiltered]
	if m&methodFiltered != 0 {
		s += "+filter"
	}
	return s
}

// kind is the method without the filter.
func (m method) kind() method { return m &^ methodFiltered }

// candidate is one way to sample: whether it fits the policy and its
// budgets, and how to build it. build returns the sampler and, when its
// tables count the set it draws from, that count (else nil). leaves says
// what a filter must check for the sampler's draws to be the policy's:
// nil when they are (or when leaves is nil).
type candidate struct {
	m      method
	fits   func(c *counted) bool
	build  func(c *counted) (sampler, *big.Int)
	leaves func(c *counted) check
}

// candidates, cheapest first.
var candidates = []candidate{
	// No constraint: independent characters.
	{m: methodDirect, fits: fitsDirect, build: buildDirect},
	// Most uniform strings valid: draw and check them.
	{m: methodRejection, fits: fitsRejection, build: buildRejection},
	// A tight repeat limit: strings that obey it, filtered for the rest.
	{m: methodRuns, fits: fitsRuns, build: buildRuns, leaves: leavesRuns},
	// Tight class ranges: exact class samplers, filtered for the rest;
	// split while few classes are tight, then all the compositions while
	// few, then one class at a time or tilted rejection.
	{m: methodSplit, fits: fitsSplit, build: buildSplit, leaves: leavesExtra},
	{m: methodComposition, fits: fitsComposition, build: buildComposition, leaves: leavesExtra},
	{m: methodSequential, fits: fitsSequential, build: buildSequential, leaves: leavesExtra},
	{m: methodTilted, fits: fitsTilted, build: buildTilted, leaves: leavesExtra},
	// Tight class ranges and a tight repeat limit: one table for both.
	{m: methodRunsDP, fits: fitsRunsDP, build: buildRunsDP},
	// Transfer tables tracking the required sets, when too few strings
	// meet them by chance: exact ones while cheap, then floating-point
	// ones, then exact ones up to their budget.
	{m: methodUnrank, fits: tableFits(true, unrankCheap), build: buildUnrank(true)},
	{m: methodWeighted, fits: weightedFits(true), build: buildWeighted(true)},
	{m: methodUnrank, fits: tableFits(true, unrankAffordable), build: buildUnrank(true)},
	// The same tables leaving the required sets to a filter.
	{m: methodUnrank, fits: tableFits(false, unrankCheap), build: buildUnrank(false), leaves: leavesRequired},
	{m: methodWeighted, fits: weightedFits(false), build: buildWeighted(false), leaves: leavesRequired},
	{m: methodUnrank, fits: tableFits(false, unrankAffordable), build: buildUnrank(false), leaves: leavesRequired},
	// Plain rejection whatever its acceptance, while a password takes
	// under rejectBudgetNs.
	{m: methodRejection, fits: fitsSlowRejection, build: buildRejection},
}

// pick returns the first candidate that fits; false when none does.
func (c *counted) pick() (candidate, bool) {
	for _, cand := range candidates {
		if cand.fits(c) {
			return cand, true
		}
	}
	return candidate{}, false
}

// build builds the candidate, filtered when it leaves constraints out,
// and settles the entropy: a count from the sampler's own tables must
// agree with the policy's, and makes a lower bound exact.
func (c *counted) build(cand candidate) (sampler, method, Entropy) {
	e := c.entropy()
	s, total := cand.build(c)
	m := cand.m
	if cand.leaves != nil {
		if keep := cand.leaves(c); keep != nil {
			m |= methodFiltered
			s = filter{s, keep}
		}
	}
	if total != nil {
		want := c.supersetCount(m)
		if want != nil && total.Cmp(want) != 0 {
			panic(fmt.Sprintf("generator: %v counts %v, expected %v", m, total, want))
		}
		if m&methodFiltered == 0 && e.Bound != Exact {
			e = exactEntropy(new(big.Int).Set(total))
		}
	}
	return s, m, e
}

// leavesRuns: the runs sampler knows only the repeat limit; without
// required sets or a sequence limit, only the class counts are left.
func leavesRuns(c *counted) check {
	switch {
	case c.setsOrSeq:
		return c.lay
	case len(c.lay.lo) > 0:
		return countsCheck{c.lay}
	}
	return nil
}

// leavesExtra: the class samplers know only the class ranges.
func leavesExtra(c *counted) check {
	if c.hasRuns || c.setsOrSeq {
		return extraCheck{c.lay}
	}
	return nil
}

// leavesRequired: tables that do not track the required sets.
func leavesRequired(c *counted) check {
	if len(c.reqs) > 0 {
		return requiredCheck{c.lay}
	}
	return nil
}

// supersetCount is the count of the set method m draws from, when the
// policy's counting knows it: the class count for the class samplers, the
// count without required sets for filtered tables, the policy's own count
// otherwise.
func (c *counted) supersetCount(m method) *big.Int {
	switch m.kind() {
	case methodSplit, methodComposition, methodSequential:
		return c.classCount.Count
	case methodUnrank, methodWeighted:
		if m&methodFiltered != 0 {
			return c.noSets.Count
		}
	case methodRunsDP:
		return nil // counted by the same table
	}
	return c.count.Count
}

// acceptance is log2 of the share of uniform strings that are valid.
func (c *counted) acceptance() float64 { return c.count.Bits - float64(c.lay.L)*c.logN }

// fitsDirect: no constraint at all.
func fitsDirect(c *counted) bool {
	return len(c.lay.lo) == 0 && c.lay.maxRun == 0 && !c.setsOrSeq
}

// fitsRejection: enough uniform strings are valid (more with class ranges
// alone, whose samplers are cheap).
func fitsRejection(c *counted) bool {
	from := float64(minRejectLog2)
	if c.lay.maxRun == 0 && !c.setsOrSeq {
		from = minRejectClassLog2
	}
	return c.acceptance() >= from
}

func buildDirect(c *counted) (sampler, *big.Int) { return newDirectSampler(len(c.lay.alphabet)), nil }

func buildRejection(c *counted) (sampler, *big.Int) { return newBatchRejection(c.lay), nil }

func buildRuns(c *counted) (sampler, *big.Int) {
	return newRunsSampler(c.lay.L, len(c.lay.alphabet), c.lay.maxRun), nil
}

func buildSplit(c *counted) (sampler, *big.Int) { return c.split(), nil }

func buildComposition(c *counted) (sampler, *big.Int) { return newCompositionSampler(c.lay, c.spec) }

func buildSequential(c *counted) (sampler, *big.Int) { return newSequentialSampler(c.lay, c.spec) }

func buildTilted(c *counted) (sampler, *big.Int) {
	s, _ := c.tilted()
	return s, nil
}

func buildRunsDP(c *counted) (sampler, *big.Int) {
	s := newDPSampler(c.runsDP, c.lay.offsets)
	return s, s.count()
}

// fitsSlowRejection: plain rejection at any acceptance while the
// expected tries cost under rejectBudgetNs a password.
func fitsSlowRejection(c *counted) bool {
	tries := math.Exp2(-c.acceptance())
	return tries*float64(c.lay.L)*nsRejectPerChar <= rejectBudgetNs
}

// fitsRuns: the runs sampler's tables fit, and enough of its strings are
// valid (all of them when the run limit is the only constraint).
func fitsRuns(c *counted) bool {
	lay := c.lay
	L := lay.L
	if lay.maxRun == 0 || runsTableBytes(L, lay.maxRun, c.logN) > maxTableBytes {
		return false
	}
	return c.count.Bits-log2RunsPure(L, int64(len(lay.alphabet)), lay.maxRun) >= minFilterLog2
}

// fitsClasses: a class sampler applies (there are class ranges), and
// enough of its strings meet the rest.
func fitsClasses(c *counted) bool {
	if len(c.lay.lo) == 0 {
		return false
	}
	return !c.hasRuns && !c.setsOrSeq || c.count.Bits-c.classCount.Bits >= minFilterLog2
}

// fitsSplit: some classes are tight and the rest loose, within the split
// sampler's limits (planSplit), and its weights within budget (weigh).
func fitsSplit(c *counted) bool { return fitsClasses(c) && c.split() != nil }

// fitsComposition: few enough compositions to list them.
func fitsComposition(c *counted) bool {
	if !fitsClasses(c) {
		return false
	}
	limit := int(min(1<<16, maxTableBytes/compositionBytes(c.lay.L, c.logN)))
	return c.spec.compositions(limit) >= 0
}

// bigBytes is what math/big allocates for a number of S words: the
// words, rounded up by the allocator's size classes (about a tenth), and
// the Int with the spare words math/big adds to every new slice.
func bigBytes(S float64) float64 { return S*8*1.1 + 64 }

// runsTableBytes predicts the bytes newRunsSampler allocates at length L
// over an alphabet of log2 logN: for each position, the count of strings
// that long (S words on average) and the maxRun cumulative sums its
// chooser's top bits come from (made once, then garbage, but allocated
// all the same), and the chooser itself. Measured by
// TestCalibrateTableBytes.
func runsTableBytes(L, maxRun int, logN float64) float64 {
	S := words(float64(L) * logN / 2)
	return float64(L) * (float64(1+min(maxRun, L))*bigBytes(S) + 150)
}

// compositionBytes predicts the bytes newCompositionSampler allocates per
// composition at length L: its weight and the cumulative sum (S words
// each), the copy of its counts and the slices' growth. Measured by
// TestCalibrateTableBytes.
func compositionBytes(L int, logN float64) float64 {
	S := words(float64(L) * logN)
	return 2*bigBytes(S) + 192
}

// fitsSequential: tilted rejection would be slow and the sequential
// tables are affordable.
func fitsSequential(c *counted) bool {
	if !fitsClasses(c) || tiltAcc(c) >= minFastTiltLog2 {
		return false
	}
	S := words(float64(c.lay.L) * c.logN)
	return sequentialOps(c.lay)*S*nsSequentialPerWord <= sequentialBudgetNs
}

// fitsTilted: tilted rejection keeps enough of its proposals.
func fitsTilted(c *counted) bool { return fitsClasses(c) && tiltAcc(c) >= minTiltLog2 }

// fitsRunsDP: class ranges and a tight run limit, without required sets
// or a sequence limit, in affordable tables.
func fitsRunsDP(c *counted) bool {
	d := c.runsDP
	if d == nil || c.setsOrSeq {
		return false
	}
	S := words(float64(c.lay.L) * c.logN / 2)
	return d.tableBytes(c.logN) <= maxTableBytes && d.work()*(nsAdd+nsMulSmall)*S <= 20*exactBudgetNs
}

// unrankCheap: exact tables cheap enough to prefer to floating-point ones.
func unrankCheap(m *runModel) bool {
	return unrankCost(m) <= unrankPreferNs && unrankTableBytes(m) <= unrankPreferBytes
}

// unrankAffordable: exact tables within their memory and time budgets.
func unrankAffordable(m *runModel) bool {
	return unrankTableBytes(m) <= maxTableBytes && unrankCost(m) <= unrankBudgetNs
}

// tableFits: transfer tables apply (a policy with required sets or a
// sequence limit), tracking the required sets or not as track says, and
// their model passes ok. Tracking is for policies whose required sets few
// strings meet by chance; without it, a filter must keep enough.
func tableFits(track bool, ok func(*runModel) bool) func(c *counted) bool {
	return func(c *counted) bool {
		if !c.setsOrSeq {
			return false
		}
		extra := c.count.Bits - c.noSets.Bits // the share meeting the required sets
		if track && (len(c.reqs) == 0 || extra >= minRejectLog2) || !track && len(c.reqs) > 0 && extra < minFilterLog2 {
			return false
		}
		m := c.runModel(track)
		return m != nil && ok(m)
	}
}

func buildUnrank(track bool) func(c *counted) (sampler, *big.Int) {
	return func(c *counted) (sampler, *big.Int) {
		u := newUnrankSampler(c.runModel(track))
		return u, u.total
	}
}

// weightedFits: the floating-point tables fit, and their precision holds
// (precise, known only once they are built: weightedTables builds them
// once for both this and buildWeighted).
func weightedFits(track bool) func(c *counted) bool {
	fits := tableFits(track, weightedTablesFit)
	return func(c *counted) bool { return fits(c) && c.weightedTables(track).precise() }
}

func buildWeighted(track bool) func(c *counted) (sampler, *big.Int) {
	return func(c *counted) (sampler, *big.Int) { return c.weightedTables(track), nil }
}

// built holds what the candidates' fits build to decide, once each, for
// their build to reuse.
type built struct {
	models    [2]*runModel // transfer models, without and with the required sets
	modelDone [2]bool
	weighted  [2]*weightedSampler
	split     *splitSampler
	splitDone bool
	tilted    *tiltedSampler
	tiltAcc   float64 // log2 of tilted's acceptance
}

func trackIndex(track bool) int {
	if track {
		return 1
	}
	return 0
}

// runModel is the transfer model over the whole alphabet, tracking the
// required sets or not; nil when too large.
func (c *counted) runModel(track bool) *runModel {
	b, i := &c.built, trackIndex(track)
	if !b.modelDone[i] {
		b.models[i], b.modelDone[i] = c.runModelFor(fullSet(len(c.lay.alphabet)), track, false), true
	}
	return b.models[i]
}

// weightedTables are the floating-point transfer sampler's tables, built
// once; called only where runModel is not nil (tableFits).
func (c *counted) weightedTables(track bool) *weightedSampler {
	b, i := &c.built, trackIndex(track)
	if b.weighted[i] == nil {
		b.weighted[i] = newWeightedSampler(c.runModel(track))
	}
	return b.weighted[i]
}

// split is the split sampler; nil when the policy does not split into
// tight and loose classes within its limits (split.go).
func (c *counted) split() *splitSampler {
	b := &c.built
	if !b.splitDone {
		b.split, b.splitDone = newSplitSampler(c.lay, c.spec, c.classCount.Count), true
	}
	return b.split
}

// tilted is the tilted sampler and log2 of its acceptance, which decides
// between it and the sequential sampler.
func (c *counted) tilted() (*tiltedSampler, float64) {
	b := &c.built
	if b.tilted == nil {
		b.tilted, b.tiltAcc = newTiltedSampler(c.lay, c.classCount.Bits)
	}
	return b.tilted, b.tiltAcc
}

// noSamplerErr refuses a policy no candidate fits, naming what would
// help: a length that fits, when one nearby does, and the constraints.
func noSamplerErr(p PasswordPolicy, c *counted) error {
	L := c.lay.L
	what := c.describe()
	if n, ok := nearestSampledLength(p); ok {
		dir := "longer"
		if n < L {
			dir = "shorter"
		}
		return policyErr("length", "%v at length %d is too constrained to generate uniformly in reasonable time: relax a setting, or use a %s password (%d characters work)", what, L, dir, n)
	}
	return policyErr("length", "%v at length %d is too constrained to generate uniformly in reasonable time: relax a setting", what, L)
}

// nearestSampledLength looks for the nearest length at which the policy
// can be sampled, trying a few lengths on each side (longer first: more
// characters meet required sets and minimums more often). It runs only
// for an error, and looks at most maxProbeDistance away.
func nearestSampledLength(p PasswordPolicy) (int, bool) {
	L := p.Length
	for d := 1; d <= maxProbeDistance; d++ {
		for _, n := range []int{L + d, L - d} {
			if n < 1 || n > MaxLength {
				continue
			}
			q := p
			q.Length = n
			c, err := countPolicy(q)
			if err != nil {
				continue
			}
			if _, ok := c.pick(); ok {
				return n, true
			}
		}
	}
	return 0, false
}

func tiltAcc(c *counted) float64 { _, acc := c.tilted(); return acc }
