package generator

import (
	"flag"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
)

// The thresholds and costs of choose.go were measured on a 2-core
// machine. These tests measure them again on this one and print each
// measurement beside the constant, as math/big's calibrate_test.go does
// for its multiplication thresholds:
//
//	go test ./generator -run Calibrate -v -args -calibrate
//
// They take a minute or two and are skipped without the flag. A
// measurement far from its constant (a crossover more than a bit or two
// away, a cost off by more than half) is a reason to change the constant.
var calibrate = flag.Bool("calibrate", false, "measure the sampler choice's thresholds and costs again")

func needCalibrate(t *testing.T) {
	t.Helper()
	if !*calibrate {
		t.Skip("calibration runs with -calibrate")
	}
}

// nsPerPassword times one password of pw's sampler.
func nsPerPassword(pw *Password) float64 {
	res := testing.Benchmark(func(b *testing.B) {
		r := NewRand(CryptoSource())
		idx := make([]int32, pw.lay.L)
		for b.Loop() {
			pw.gen.sample(r, idx)
		}
	})
	return float64(res.NsPerOp())
}

// withSampler is pw with another sampler.
func withSampler(pw *Password, s sampler) *Password {
	cp := *pw
	cp.gen = s
	return &cp
}

// crossover sweeps a family of policies from loose to tight and returns
// the acceptance (log2) at which the alternative sampler first beats plain
// rejection, printing each step; NaN when it never does.
func crossover(t *testing.T, name string, family []PasswordPolicy, alternative func(c *counted) sampler) float64 {
	t.Helper()
	var rows []string
	found := math.NaN()
	for _, p := range family {
		c, err := countPolicy(p)
		if err != nil {
			t.Fatal(err)
		}
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatal(err)
		}
		alt := alternative(c)
		if alt == nil {
			continue
		}
		rej := nsPerPassword(withSampler(pw, newBatchRejection(c.lay)))
		other := nsPerPassword(withSampler(pw, alt))
		acc := c.acceptance()
		rows = append(rows, fmt.Sprintf("acceptance 2^%.2f: rejection %.0f ns, other %.0f ns", acc, rej, other))
		if other < rej && math.IsNaN(found) {
			found = acc
		}
	}
	t.Logf("%s:\n\t%s", name, strings.Join(rows, "\n\t"))
	return found
}

// minRejectClassLog2: rejection against the class samplers, class ranges
// alone (more and more digits required at length 20).
func TestCalibrateRejectClasses(t *testing.T) {
	needCalibrate(t)
	var family []PasswordPolicy
	for k := 1; k <= 8; k++ {
		p := DefaultPasswordPolicy()
		p.Digits.Min = k
		family = append(family, p)
	}
	got := crossover(t, "rejection vs split/composition", family, func(c *counted) sampler {
		if s := c.split(); s != nil {
			return s
		}
		s, _ := newCompositionSampler(c.lay, c.spec)
		return s
	})
	t.Logf("minRejectClassLog2 = %d; measured crossover 2^%.2f", minRejectClassLog2, got)
}

// minRejectLog2: rejection against the transfer tables, for required
// sets with a sequence limit (sets of fewer and fewer letters).
func TestCalibrateRejectTables(t *testing.T) {
	needCalibrate(t)
	var family []PasswordPolicy
	for _, n := range []int{10, 8, 6, 4, 3, 2, 1} {
		p := PasswordPolicy{Length: 16, Alphabet: LowerChars + UpperChars + DigitChars, MaxSequential: 3}
		p.Require = []string{LowerChars[:n], UpperChars[:n], DigitChars[:n]}
		family = append(family, p)
	}
	got := crossover(t, "rejection vs transfer tables", family, func(c *counted) sampler {
		if m := c.runModel(true); m != nil && unrankAffordable(m) {
			return newUnrankSampler(m)
		}
		return nil
	})
	t.Logf("minRejectLog2 = %d; measured crossover 2^%.2f", minRejectLog2, got)
}

// nsRejectPerChar: one try of plain rejection, per character.
func TestCalibrateRejectPerChar(t *testing.T) {
	needCalibrate(t)
	for _, L := range []int{16, 32, 128} {
		p := manyPairs(14, L)
		c, err := countPolicy(p)
		if err != nil {
			t.Fatal(err)
		}
		s := newBatchRejection(c.lay)
		res := testing.Benchmark(func(b *testing.B) {
			r := NewRand(CryptoSource())
			out := make([]int32, L)
			for b.Loop() {
				s.batch.fill(r, out)
				c.lay.accepts(out)
			}
		})
		t.Logf("length %d: nsRejectPerChar = %g; measured %.2f ns", L, nsRejectPerChar, float64(res.NsPerOp())/float64(L))
	}
}

// minFastTiltLog2: tilted rejection against the sequential sampler, long
// passwords with tighter and tighter minimums of five classes (where the
// sequential tables are within their budget, and tilted rejection above
// minTiltLog2).
func TestCalibrateTiltedSequential(t *testing.T) {
	needCalibrate(t)
	var rows []string
	found := math.NaN()
	for _, k := range []int{770, 780, 790, 800, 810} {
		p := fiveTightClasses4096()
		p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min, p.Space.Min = k, k, k, k, k
		c, err := countPolicy(p)
		if err != nil {
			t.Fatal(err)
		}
		if sequentialOps(c.lay)*words(float64(p.Length)*c.logN)*nsSequentialPerWord > sequentialBudgetNs {
			rows = append(rows, fmt.Sprintf("minimums %d: sequential tables over budget", k))
			continue
		}
		ts, acc := c.tilted()
		pw := &Password{lay: c.lay}
		ss, _ := newSequentialSampler(c.lay, c.spec)
		seq := nsPerPassword(withSampler(pw, ss))
		if acc < minTiltLog2 {
			rows = append(rows, fmt.Sprintf("minimums %d, tilted acceptance 2^%.2f: sequential %.0f ns", k, acc, seq))
			continue
		}
		tilted := nsPerPassword(withSampler(pw, ts))
		rows = append(rows, fmt.Sprintf("minimums %d, tilted acceptance 2^%.2f: tilted %.0f ns, sequential %.0f ns", k, acc, tilted, seq))
		if seq < tilted && math.IsNaN(found) {
			found = acc
		}
	}
	t.Logf("tilted vs sequential:\n\t%s", strings.Join(rows, "\n\t"))
	t.Logf("minFastTiltLog2 = %d; measured crossover 2^%.2f", minFastTiltLog2, found)
}

// nsSequentialPerWord: the sequential tables' build time against
// sequentialOps × the words of the count.
func TestCalibrateSequentialCost(t *testing.T) {
	needCalibrate(t)
	for _, L := range []int{1024, 2048, 4096} {
		p := fiveTightClasses4096()
		p.Length = L
		k := L/5 - L/200
		p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min, p.Space.Min = k, k, k, k, k
		c, err := countPolicy(p)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		newSequentialSampler(c.lay, c.spec)
		ns := float64(time.Since(start).Nanoseconds())
		S := words(float64(L) * c.logN)
		t.Logf("length %d: nsSequentialPerWord = %g; measured %.2f (build %.1f ms)", L, nsSequentialPerWord, ns/(sequentialOps(c.lay)*S), ns/1e6)
	}
}

// unrankCost: the exact transfer tables' build time against the
// prediction, which unrankPreferNs and unrankBudgetNs are compared with.
func TestCalibrateUnrankCost(t *testing.T) {
	needCalibrate(t)
	for _, L := range []int{32, 128, 512} {
		p := PasswordPolicy{Length: L, Alphabet: LowerChars + UpperChars + DigitChars + "!#$%", MaxSequential: 3, MaxRepeating: 2,
			Require: []string{LowerChars, UpperChars, DigitChars, "!#$%"}}
		c, err := countPolicy(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, track := range []bool{false, true} {
			m := c.runModel(track)
			if m == nil || unrankCost(m) > 4*unrankBudgetNs {
				continue
			}
			start := time.Now()
			newUnrankSampler(m)
			ns := float64(time.Since(start).Nanoseconds())
			t.Logf("length %d, tracking %v: predicted %.2f ms, measured %.2f ms (ratio %.2f; unrankPreferNs %g, unrankBudgetNs %g)",
				L, track, unrankCost(m)/1e6, ns/1e6, ns/unrankCost(m), unrankPreferNs, unrankBudgetNs)
		}
	}
}

// unrankPreferNs: exact against floating-point tables per password, as
// the length grows.
func TestCalibrateUnrankWeighted(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, L := range []int{16, 32, 64, 128, 256} {
		p := PasswordPolicy{Length: L, Alphabet: LowerChars + UpperChars + DigitChars, MaxSequential: 2,
			Require: []string{"abc", "XYZ", "789"}}
		c, err := countPolicy(p)
		if err != nil {
			t.Fatal(err)
		}
		m := c.runModel(true)
		w := c.weighted(true)
		if m == nil || w == nil || !unrankAffordable(m) {
			continue
		}
		pw := &Password{lay: c.lay}
		start := time.Now()
		u := newUnrankSampler(m)
		build := time.Since(start)
		rows = append(rows, fmt.Sprintf("length %d: unrank %.0f ns (build %.2f ms, predicted %.2f ms), weighted %.0f ns",
			L, nsPerPassword(withSampler(pw, u)), float64(build.Nanoseconds())/1e6, unrankCost(m)/1e6, nsPerPassword(withSampler(pw, w))))
	}
	t.Logf("unrank vs weighted (unrankPreferNs %g, unrankPreferBytes %d):\n\t%s", unrankPreferNs, unrankPreferBytes, strings.Join(rows, "\n\t"))
}

// The big-number costs of count.go (nsMulSmall, nsQuoSmall, nsAdd,
// nsMulBig), per 64-bit word, at the sizes of a count of 128 to 4096
// characters: every exact-or-bound decision divides a budget by them.
func TestCalibrateBigCosts(t *testing.T) {
	needCalibrate(t)
	per := func(f func(b *testing.B)) float64 { return float64(testing.Benchmark(f).NsPerOp()) }
	for _, S := range []int{16, 64, 400} {
		x := new(big.Int).Lsh(big.NewInt(3), uint(64*S-3))
		x.Sub(x, big.NewInt(12345))
		y := new(big.Int).Sub(x, big.NewInt(999))
		z := new(big.Int)
		small := big.NewInt(1_000_003)
		mulSmall := per(func(b *testing.B) {
			for b.Loop() {
				z.Mul(x, small)
			}
		}) / float64(S)
		quoSmall := per(func(b *testing.B) {
			for b.Loop() {
				z.Quo(x, small)
			}
		}) / float64(S)
		add := per(func(b *testing.B) {
			for b.Loop() {
				z.Add(x, y)
			}
		}) / float64(S)
		mulBig := per(func(b *testing.B) {
			for b.Loop() {
				z.Mul(x, y)
			}
		}) / float64(S*S)
		t.Logf("%d words: nsMulSmall %g measured %.2f; nsQuoSmall %g measured %.2f; nsAdd %g measured %.2f; nsMulBig %g measured %.3f",
			S, nsMulSmall, mulSmall, nsQuoSmall, quoSmall, nsAdd, add, nsMulBig, mulBig)
	}
}

// minTiltLog2: tilted rejection's cost per proposal, and so the time a
// password takes at the threshold's acceptance (it was meant to stay
// around a second).
func TestCalibrateTiltLimit(t *testing.T) {
	needCalibrate(t)
	p := DefaultPasswordPolicy()
	p.Length, p.Digits.Min, p.Symbols.Min = 4096, 1024, 1024
	c, err := countPolicy(p)
	if err != nil {
		t.Fatal(err)
	}
	ts, acc := c.tilted()
	ns := nsPerPassword(withSampler(&Password{lay: c.lay}, ts))
	perTry := ns * math.Exp2(acc)
	t.Logf("acceptance 2^%.2f: %.0f ns a password, %.0f ns a proposal; at minTiltLog2 = %d a password takes %.2f s",
		acc, ns, perTry, minTiltLog2, perTry*math.Exp2(-minTiltLog2)/1e9)
}

// minFilterLog2: a class sampler filtered for required sets against the
// transfer tables tracking them, as the sets get smaller.
func TestCalibrateFilter(t *testing.T) {
	needCalibrate(t)
	var rows []string
	for _, n := range []int{20, 8, 4, 2, 1} {
		p := PasswordPolicy{Length: 16, Alphabet: LowerChars + UpperChars + DigitChars, Digits: ClassPolicy{Min: 3},
			Require: []string{LowerChars[:n], UpperChars[:n]}}
		c, err := countPolicy(p)
		if err != nil {
			t.Fatal(err)
		}
		m := c.runModel(true)
		s := c.split()
		if m == nil || s == nil || !unrankAffordable(m) {
			continue
		}
		pw := &Password{lay: c.lay}
		filtered := nsPerPassword(withSampler(pw, filter{s, extraCheck{c.lay}}))
		tables := nsPerPassword(withSampler(pw, newUnrankSampler(m)))
		rows = append(rows, fmt.Sprintf("sets of %d letters, filter keeps 2^%.2f: split+filter %.0f ns, unrank %.0f ns",
			n, c.count.Bits-c.classCount.Bits, filtered, tables))
	}
	t.Logf("filter vs tracking tables (minFilterLog2 = %d):\n\t%s", minFilterLog2, strings.Join(rows, "\n\t"))
}
