package generator

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// Calibration of the caps, the budgets, the split sampler's constants and
// tiltScale (choose.go, count.go, reqsets_count.go, split.go, sampler.go):
// each test measures what its constant stands for — the bytes of tables
// against their prediction, the time of an operation against its predicted
// cost — and prints the measurement beside the constant. Skipped without
// -calibrate (choose_calibrate_test.go).

// medianNs times f three times and returns the median, in nanoseconds:
// the machine is shared, and one run is noise.
func medianNs(f func()) float64 {
	var ns []float64
	for range 3 {
		start := time.Now()
		f()
		ns = append(ns, float64(time.Since(start).Nanoseconds()))
	}
	slices.Sort(ns)
	return ns[1]
}

// allocated returns the bytes f allocates.
func allocated(f func()) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc - before.TotalAlloc)
}

func mustCount(t *testing.T, p PasswordPolicy) *counted {
	t.Helper()
	c, err := countPolicy(p)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// maxTableBytes: the tables each sampler builds, measured against the
// prediction its fits compares with the cap.
func TestCalibrateTableBytes(t *testing.T) {
	needCalibrate(t)
	var rows []string
	row := func(what string, predicted, measured float64) {
		rows = append(rows, fmt.Sprintf("%s: predicted %.2f MiB, measured %.2f MiB (ratio %.2f; at the cap the tables would take %.0f MiB)",
			what, predicted/(1<<20), measured/(1<<20), measured/predicted, measured/predicted*maxTableBytes/(1<<20)))
	}
	for _, L := range []int{256, 1024, 4096} {
		c := mustCount(t, PasswordPolicy{Length: L, Alphabet: LowerChars + UpperChars + DigitChars + SymbolChars, MaxRepeating: 2})
		row(fmt.Sprintf("runs, length %d", L), runsTableBytes(L, 2, c.logN), allocated(func() { newRunsSampler(L, len(c.lay.alphabet), 2) }))
	}
	for _, r := range []int{5, 8} {
		c := mustCount(t, PasswordPolicy{Length: 1024, Alphabet: LowerChars + UpperChars + DigitChars + SymbolChars, MaxRepeating: r})
		row(fmt.Sprintf("runs, length 1024, at most %d repeating", r), runsTableBytes(1024, r, c.logN),
			allocated(func() { newRunsSampler(1024, len(c.lay.alphabet), r) }))
	}
	for _, L := range []int{256, 1024, 2048} {
		p := DefaultPasswordPolicy()
		p.Length, p.MaxRepeating, p.Digits.Min, p.Symbols.Min = L, 2, 10, 10
		c := mustCount(t, p)
		if c.runsDP == nil {
			continue
		}
		row(fmt.Sprintf("runs-dp, length %d", L), c.runsDP.tableBytes(c.logN), allocated(func() { newDPSampler(c.runsDP, c.lay.offsets) }))
	}
	for _, L := range []int{32, 128, 256} {
		p := PasswordPolicy{Length: L, Alphabet: LowerChars + UpperChars + DigitChars, MaxSequential: 2, Require: []string{"abc", "XYZ", "789"}}
		c := mustCount(t, p)
		m := c.runModel(true)
		if m == nil {
			continue
		}
		row(fmt.Sprintf("unrank, length %d", L), unrankTableBytes(m), allocated(func() { newUnrankSampler(m) }))
		row(fmt.Sprintf("weighted, length %d", L), weightedBytes(m), allocated(func() { newWeightedSampler(m) }))
	}
	for _, L := range []int{64, 128} {
		p := DefaultPasswordPolicy()
		p.Length, p.Digits.Min, p.Symbols.Min, p.Upper.Min = L, L/8, L/8, L/8
		p.Digits.Max, p.Symbols.Max, p.Upper.Max = L/8+L/6, L/8+L/6, L/8+L/6
		c := mustCount(t, p)
		comps := c.spec.compositions(1 << 20)
		if comps < 0 {
			continue
		}
		row(fmt.Sprintf("composition, length %d, %d compositions", L, comps), float64(comps)*compositionBytes(L, c.logN),
			allocated(func() { newCompositionSampler(c.lay, c.spec) }))
	}
	t.Logf("maxTableBytes = %d MiB:\n\t%s", maxTableBytes>>20, strings.Join(rows, "\n\t"))
}

// runsDPFamily is a run limit with more and more tracked class counts:
// minimums of k for three classes, so (k+1)^3 count states.
func runsDPFamily(t *testing.T, ks []int) []*runsDP {
	var out []*runsDP
	for _, k := range ks {
		p := DefaultPasswordPolicy()
		p.Length, p.MaxRepeating = 256, 2
		p.Digits.Min, p.Symbols.Min, p.Upper.Min = k, k, k
		c := mustCount(t, p)
		d, _ := planRunsDP(c.spec, 2, math.MaxInt32)
		out = append(out, d.build())
	}
	return out
}

// maxRunStates: the run state machine's build time and memory per state,
// and so what it costs at the cap.
func TestCalibrateRunStates(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, k := range []int{5, 8, 11, 15} {
		p := DefaultPasswordPolicy()
		p.Length, p.MaxRepeating = 256, 2
		p.Digits.Min, p.Symbols.Min, p.Upper.Min = k, k, k
		c := mustCount(t, p)
		d, _ := planRunsDP(c.spec, 2, math.MaxInt32)
		ns := medianNs(func() { d2, _ := planRunsDP(c.spec, 2, math.MaxInt32); d2.build() })
		bytes := allocated(func() { d2, _ := planRunsDP(c.spec, 2, math.MaxInt32); d2.build() })
		rows = append(rows, fmt.Sprintf("%d states: build %.2f ms, %.0f ns and %.0f bytes a state (at maxRunStates: %.1f ms, %.1f MiB)",
			d.nStates, ns/1e6, ns/float64(d.nStates), bytes/float64(d.nStates),
			ns/float64(d.nStates)*maxRunStates/1e6, bytes/float64(d.nStates)*maxRunStates/(1<<20)))
	}
	t.Logf("maxRunStates = %d:\n\t%s", maxRunStates, strings.Join(rows, "\n\t"))
}

// maxFloatRunWork: floating-point run counting's time per step, and so
// its time at the cap.
func TestCalibrateFloatRunWork(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, d := range runsDPFamily(t, []int{5, 8, 11, 15}) {
		ns := medianNs(func() { d.log2LowerBound() })
		rows = append(rows, fmt.Sprintf("work %.3g steps: %.2f ms, %.2f ns a step (at maxFloatRunWork: %.0f ms)",
			d.work(), ns/1e6, ns/d.work(), ns/d.work()*maxFloatRunWork/1e6))
	}
	t.Logf("maxFloatRunWork = %g:\n\t%s", maxFloatRunWork, strings.Join(rows, "\n\t"))
}

// exactBudgetNs: exact counting's predicted cost against its time, for
// class ranges (count.go) and for runs with class ranges (runsdp.go).
func TestCalibrateExactBudget(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, L := range []int{128, 512, 2048, 4096} {
		p := DefaultPasswordPolicy()
		p.Length, p.Digits.Min, p.Symbols.Min, p.Upper.Max = L, L/10, L/10, L/3
		c := mustCount(t, p)
		predicted := c.spec.exactCost()
		if predicted > 20*exactBudgetNs {
			rows = append(rows, fmt.Sprintf("classes, length %d: predicted %.0f ms, not run", L, predicted/1e6))
			continue
		}
		ns := medianNs(func() { c.spec.countExact(math.Inf(1)) })
		rows = append(rows, fmt.Sprintf("classes, length %d: predicted %.2f ms, measured %.2f ms (ratio %.2f)", L, predicted/1e6, ns/1e6, ns/predicted))
	}
	logN := mustCount(t, DefaultPasswordPolicy()).logN
	for _, d := range runsDPFamily(t, []int{5, 10, 15}) {
		predicted := d.work() * (nsAdd + nsMulSmall) * words(float64(d.L)*logN/2)
		ns := medianNs(func() { d.countExact() })
		rows = append(rows, fmt.Sprintf("runs-dp, %d states: predicted %.2f ms, measured %.2f ms (ratio %.2f)", d.nStates, predicted/1e6, ns/1e6, ns/predicted))
	}
	t.Logf("exactBudgetNs = %g ms:\n\t%s", exactBudgetNs/1e6, strings.Join(rows, "\n\t"))
}

// sequentialBudgetNs: the sequential tables' predicted build time against
// the measured one.
func TestCalibrateSequentialBudget(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, L := range []int{512, 1024, 2048, 4096} {
		p := fiveTightClasses4096()
		p.Length = L
		k := L/5 - L/200
		p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min, p.Space.Min = k, k, k, k, k
		c := mustCount(t, p)
		predicted := sequentialOps(c.lay) * words(float64(L)*c.logN) * nsSequentialPerWord
		ns := medianNs(func() { newSequentialSampler(c.lay, c.spec) })
		rows = append(rows, fmt.Sprintf("length %d: predicted %.1f ms, measured %.1f ms (ratio %.2f)", L, predicted/1e6, ns/1e6, ns/predicted))
	}
	t.Logf("sequentialBudgetNs = %g ms:\n\t%s", sequentialBudgetNs/1e6, strings.Join(rows, "\n\t"))
}

// rejectBudgetNs: plain rejection's predicted time a password (tries ×
// length × nsRejectPerChar) against the measured one, at low acceptance.
func TestCalibrateRejectBudget(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, L := range []int{14, 17, 19, 21, 26} {
		p := manyPairs(14, L)
		c := mustCount(t, p)
		predicted := math.Exp2(-c.acceptance()) * float64(L) * nsRejectPerChar
		measured := nsPerPassword(withSampler(&Password{lay: c.lay}, newBatchRejection(c.lay)))
		rows = append(rows, fmt.Sprintf("14 pairs, length %d, acceptance 2^%.2f: predicted %.0f µs, measured %.0f µs (ratio %.2f)",
			L, c.acceptance(), predicted/1e3, measured/1e3, measured/predicted))
	}
	t.Logf("rejectBudgetNs = %g ms:\n\t%s", rejectBudgetNs/1e6, strings.Join(rows, "\n\t"))
}

// setsShortBudgetNs, floatShortBudgetNs, floatLongBudgetNs, setsHardCapNs:
// the inclusion–exclusion over required sets, its predicted exact and
// floating-point costs against their times, and the whole count's time.
func TestCalibrateSetsBudgets(t *testing.T) {
	needCalibrate(t)
	var rows []string
	family := []PasswordPolicy{manyPairs(8, 16), manyPairs(10, 24)}
	for _, L := range []int{16, 64, 128, 512, 2048} {
		family = append(family, PasswordPolicy{Length: L, Alphabet: LowerChars + UpperChars + DigitChars + "!#$%", MaxSequential: 3, MaxRepeating: 2,
			Require: []string{LowerChars[:6], UpperChars[:6], DigitChars[:4], "!#$%"}})
	}
	for _, p := range family {
		c := mustCount(t, p)
		whole := medianNs(func() { countPolicy(p) })
		terms := inclusionExclusion(fullSet(len(c.lay.alphabet)), c.reqs)
		entries, exactCost, floatCost := c.ieEntries(terms)
		line := fmt.Sprintf("length %d, %d sets: whole count %.2f ms", p.Length, len(p.Require), whole/1e6)
		if entries == nil {
			rows = append(rows, line+", too many states")
			continue
		}
		if exactCost <= setsHardCapNs {
			ns := medianNs(func() { c.exactIE(entries) })
			line += fmt.Sprintf("; exact predicted %.2f ms, measured %.2f ms (ratio %.2f)", exactCost/1e6, ns/1e6, ns/exactCost)
		}
		if floatCost <= setsHardCapNs {
			ns := medianNs(func() { c.intervalIE(entries) })
			line += fmt.Sprintf("; float predicted %.2f ms, measured %.2f ms (ratio %.2f)", floatCost/1e6, ns/1e6, ns/floatCost)
		}
		rows = append(rows, line)
	}
	t.Logf("setsShortBudgetNs %g ms (to length %d), exactBudgetNs %g ms past it; floatShortBudgetNs %g ms, floatLongBudgetNs %g ms; setsHardCapNs %g ms:\n\t%s",
		setsShortBudgetNs/1e6, setsShortLength, exactBudgetNs/1e6, floatShortBudgetNs/1e6, floatLongBudgetNs/1e6, setsHardCapNs/1e6, strings.Join(rows, "\n\t"))
}

// weightedBudgetNs, nsWeightedEntry: the floating-point tables' build
// time against weightedCost, which weightedTablesFit compares with the
// budget, and log2LowerBound's time against floatCost, for two families:
// few required sets with long runs of sequence states, and fourteen
// required pairs (2^14 count states). The exact tables' cost is
// TestCalibrateUnrankCost.
func TestCalibrateWeightedCost(t *testing.T) {
	needCalibrate(t)
	var rows []string
	var family []PasswordPolicy
	for _, L := range []int{128, 512, 2048} {
		family = append(family, PasswordPolicy{Length: L, Alphabet: LowerChars + UpperChars + DigitChars, MaxSequential: 2, MaxRepeating: 2,
			Require: []string{"abc", "XYZ", "789"}})
	}
	family = append(family, manyPairs(14, 14), manyPairs(14, 16))
	for _, p := range family {
		c := mustCount(t, p)
		m := c.runModel(true)
		if m == nil {
			continue
		}
		ns := medianNs(func() { newWeightedSampler(m) })
		count := medianNs(func() { m.log2LowerBound() })
		rows = append(rows, fmt.Sprintf("length %d, %d sets: floatCost %.2f ms, log2LowerBound %.2f ms (ratio %.2f); weightedCost %.2f ms, build %.2f ms (ratio %.2f)",
			p.Length, len(p.Require), m.floatCost()/1e6, count/1e6, count/m.floatCost(), m.weightedCost()/1e6, ns/1e6, ns/m.weightedCost()))
	}
	t.Logf("weightedBudgetNs = %g ms, nsWeightedEntry = %g:\n\t%s", weightedBudgetNs/1e6, nsWeightedEntry, strings.Join(rows, "\n\t"))
}

// splitLooseAcceptance, splitMinRestAccept: the split sampler against the
// composition sampler as one class's range goes from tight to loose (at
// the loose end, the rest's acceptance is that class's share).
func TestCalibrateSplitLoose(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, k := range []int{1, 2, 3, 4, 5, 6} {
		p := DefaultPasswordPolicy()
		p.Length, p.Symbols.Min, p.Digits.Min = 20, 6, k
		c := mustCount(t, p)
		s := newSplitSamplerUpTo(c.lay, c.spec, c.classCount.Count, splitExactLength)
		pw := &Password{lay: c.lay}
		cs, _ := newCompositionSampler(c.lay, c.spec)
		share := classAcceptance(20, float64(c.lay.sizes[c.digitsSlot()])/float64(len(c.lay.alphabet)), k, 20)
		line := fmt.Sprintf("digits ≥ %d (share %.3f): composition %.0f ns", k, share, nsPerPassword(withSampler(pw, cs)))
		if s != nil {
			line += fmt.Sprintf(", split %.0f ns (%d tight, rest acceptance %.2f)", nsPerPassword(withSampler(pw, s)), len(s.tight), s.restAcceptance())
		}
		rows = append(rows, line)
	}
	t.Logf("splitLooseAcceptance = %g, splitMinRestAccept = %g:\n\t%s", splitLooseAcceptance, splitMinRestAccept, strings.Join(rows, "\n\t"))
}

// digitsSlot is the layout slot of the digits (the class of '0').
func (c *counted) digitsSlot() int {
	i := slices.Index(c.lay.alphabet, '0')
	for k := len(c.lay.offsets) - 1; k >= 0; k-- {
		if int(c.lay.offsets[k]) <= i {
			return k
		}
	}
	return 0
}

// splitExactLength, splitMaxComps, splitMaxApproxComps: the exact and the
// restarting forms' build time and time a password around the length
// where the exact form stops, and their build time per composition.
func TestCalibrateSplitForms(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, L := range []int{64, 128, 256, 512} {
		p := DefaultPasswordPolicy()
		p.Length, p.Symbols.Min, p.Digits.Min = L, L/4, L/4
		c := mustCount(t, p)
		pw := &Password{lay: c.lay}
		line := fmt.Sprintf("length %d", L)
		for _, form := range []struct {
			name string
			upTo int
			cap  int
		}{{"exact", L, splitMaxComps}, {"restarting", 0, splitMaxApproxComps}} {
			if form.upTo > 0 && c.classCount.Count == nil {
				continue
			}
			s, tight, rest, ok := planSplit(c.lay, c.spec, c.classCount.Count, form.upTo)
			if !ok {
				line += ", " + form.name + " does not fit"
				continue
			}
			comps := tight.compositions(1 << 20)
			ns := medianNs(func() {
				s2, _, _, _ := planSplit(c.lay, c.spec, c.classCount.Count, form.upTo)
				s2.weigh(tight, rest, c.classCount.Count)
			})
			if !s.weigh(tight, rest, c.classCount.Count) {
				line += ", " + form.name + " over budget"
				continue
			}
			line += fmt.Sprintf("; %s: %d compositions, build %.2f ms (%.1f µs each, %.0f ms at its cap), %.0f ns a password",
				form.name, comps, ns/1e6, ns/float64(comps)/1e3, ns/float64(comps)*float64(form.cap)/1e6, nsPerPassword(withSampler(pw, s)))
		}
		rows = append(rows, line)
	}
	t.Logf("splitExactLength = %d, splitMaxComps = %d, splitMaxApproxComps = %d:\n\t%s",
		splitExactLength, splitMaxComps, splitMaxApproxComps, strings.Join(rows, "\n\t"))
}

// tiltScale: the tilted sampler's weights rescaled to other smallest
// weights, their acceptance and time a password (the search itself runs
// at tiltScale; a coarser scale rounds its ratios).
func TestCalibrateTiltScale(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, p := range []PasswordPolicy{
		func() PasswordPolicy {
			p := DefaultPasswordPolicy()
			p.Length, p.Digits.Min, p.Symbols.Min = 4096, 1024, 1024
			return p
		}(),
		func() PasswordPolicy {
			p := DefaultPasswordPolicy()
			p.Length, p.Digits.Min, p.Symbols.Min, p.Upper.Min = 256, 60, 60, 60
			return p
		}(),
	} {
		c := mustCount(t, p)
		ts, _ := c.tilted()
		pw := &Password{lay: c.lay}
		for _, scale := range []int64{4, 16, tiltScale, 256} {
			s, acc := rescaledTilt(c, ts, scale)
			rows = append(rows, fmt.Sprintf("length %d, smallest weight %d: acceptance 2^%.3f, %.0f ns a password",
				p.Length, scale, acc, nsPerPassword(withSampler(pw, s))))
		}
	}
	t.Logf("tiltScale = %d:\n\t%s", tiltScale, strings.Join(rows, "\n\t"))
}

// rescaledTilt is ts with its weights scaled so the smallest is scale
// (ratios rounded), and log2 of its acceptance.
func rescaledTilt(c *counted, ts *tiltedSampler, scale int64) (*tiltedSampler, float64) {
	lay := c.lay
	nl := len(lay.sizes)
	lo, hi := slices.Clone(lay.lo), slices.Clone(lay.hi)
	for len(lo) < nl { // the pool: any count
		lo, hi = append(lo, 0), append(hi, lay.L)
	}
	least := slices.Min(ts.w)
	w := make([]int64, nl)
	for b, v := range ts.w {
		w[b] = max(1, int64(math.Round(float64(v)*float64(scale)/float64(least))))
	}
	s := &tiltedSampler{lay: lay, w: w, kStar: kStar(lay.L, w, lo, hi)}
	var acc int64
	sum := 0.0
	for b, wb := range w {
		s.startW = append(s.startW, acc)
		acc += int64(lay.sizes[b]) * wb
		s.cumW = append(s.cumW, acc)
		s.logW = append(s.logW, math.Log2(float64(wb)))
		s.invW = append(s.invW, 1/float64(wb))
		sum += float64(s.kStar[b]) * math.Log2(float64(wb))
	}
	s.batch = newDigitBatch(int(acc))
	return s, c.classCount.Bits + sum - float64(lay.L)*math.Log2(float64(acc))
}
