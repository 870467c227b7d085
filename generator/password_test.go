package generator

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// allowedChars computes the alphabet of a policy independently of the
// compiler: the default sets or the custom alphabet, minus exclusions.
func allowedChars(p PasswordPolicy) map[rune]Class {
	out := map[rune]Class{}
	add := func(s string, c Class) {
		for _, r := range s {
			out[r] = c
		}
	}
	if p.Alphabet != "" {
		for _, r := range p.Alphabet {
			out[r] = ClassOf(r)
		}
	} else {
		sets := map[Class]string{Lower: LowerChars, Upper: UpperChars, Digits: DigitChars, Symbols: SymbolChars, Space: " "}
		if p.SymbolSet != "" {
			sets[Symbols] = p.SymbolSet
		}
		for _, c := range Classes() {
			if p.Class(c).Use {
				add(sets[c], c)
			}
		}
	}
	drop := p.Exclude
	if p.NoAmbiguous {
		drop += Ambiguous
	}
	for _, r := range drop {
		delete(out, r)
	}
	return out
}

// checkPassword verifies a password against a policy without using the
// compiler's data structures.
func checkPassword(p PasswordPolicy, allowed map[rune]Class, s string) error {
	if n := utf8.RuneCountInString(s); n != p.Length {
		return fmt.Errorf("length %d, want %d", n, p.Length)
	}
	var counts [numClasses]int
	var prev rune
	run := 0
	for i, r := range []rune(s) {
		c, ok := allowed[r]
		if !ok {
			return fmt.Errorf("character %q not allowed", r)
		}
		counts[c]++
		if i > 0 && r == prev {
			run++
		} else {
			run = 1
		}
		if p.MaxRepeating > 0 && run > p.MaxRepeating {
			return fmt.Errorf("run of %d %q", run, r)
		}
		prev = r
	}
	if err := checkSequences(s, p.MaxSequential); err != nil {
		return err
	}
	for j, set := range p.Require {
		met := false
		for _, r := range s {
			if _, ok := allowed[r]; ok && strings.ContainsRune(set, r) {
				met = true
			}
		}
		if !met {
			return fmt.Errorf("required set %d %q not met", j+1, set)
		}
	}
	for _, c := range Classes() {
		cp := p.Class(c)
		if counts[c] < cp.Min {
			return fmt.Errorf("%d %s, want at least %d", counts[c], c, cp.Min)
		}
		if cp.HasMax && counts[c] > cp.Max {
			return fmt.Errorf("%d %s, want at most %d", counts[c], c, cp.Max)
		}
	}
	return nil
}

// checkSequences finds the longest stretch stepping by +1 or by −1 inside
// one of a–z, A–Z, 0–9, straight from the definition: from every start,
// in both directions.
func checkSequences(s string, maxSeq int) error {
	if maxSeq <= 0 {
		return nil
	}
	rangeOf := func(r rune) int {
		switch {
		case 'a' <= r && r <= 'z':
			return 1
		case 'A' <= r && r <= 'Z':
			return 2
		case '0' <= r && r <= '9':
			return 3
		}
		return 0
	}
	rs := []rune(s)
	for i := range rs {
		for _, d := range []rune{1, -1} {
			n := 1
			for j := i; j+1 < len(rs) && rangeOf(rs[j]) != 0 && rangeOf(rs[j+1]) == rangeOf(rs[j]) && rs[j+1] == rs[j]+d; j++ {
				n++
			}
			if n > maxSeq {
				return fmt.Errorf("sequence of %d from %q", n, string(rs[i:i+n]))
			}
		}
	}
	return nil
}

// bruteForcePasswords lists every string the policy allows.
func bruteForcePasswords(p PasswordPolicy) []string {
	allowed := allowedChars(p)
	var alpha []rune
	for r := range allowed {
		alpha = append(alpha, r)
	}
	var out []string
	buf := make([]rune, p.Length)
	var rec func(i int)
	rec = func(i int) {
		if i == p.Length {
			if s := string(buf); checkPassword(p, allowed, s) == nil {
				out = append(out, s)
			}
			return
		}
		for _, r := range alpha {
			buf[i] = r
			rec(i + 1)
		}
	}
	rec(0)
	return out
}

// samplersFor builds the given policy once per applicable sampler, so each
// exact method is tested on its own, not only the one NewPassword picks.
func samplersFor(t *testing.T, p PasswordPolicy) map[string]*Password {
	t.Helper()
	base, err := NewPassword(p)
	if err != nil {
		t.Fatalf("NewPassword(%+v): %v", p, err)
	}
	c, err := countPolicy(p)
	if err != nil {
		t.Fatal(err)
	}
	with := func(s sampler, m string) *Password {
		cp := *base
		cp.gen = s
		return &cp
	}
	out := map[string]*Password{"chosen:" + base.method.String(): base}
	// Samplers that know nothing of run limits, required sets and
	// sequences draw from a uniform superset; the filter makes them exact.
	wrap := func(s sampler) sampler {
		if c.setsOrSeq || c.hasRuns {
			return filter{s, extraCheck{c.lay}}
		}
		return s
	}
	out["rejection"] = with(newBatchRejection(c.lay), "rejection")
	if len(c.lay.lo) > 0 {
		if cs, _ := newCompositionSampler(c.lay, c.spec); cs != nil {
			out["composition"] = with(wrap(cs), "composition")
		}
		if ss := newSplitSampler(c.lay, c.spec, c.classCount.Count); ss != nil {
			out["split"] = with(wrap(ss), "split")
		}
		if ss := newSplitSamplerUpTo(c.lay, c.spec, c.classCount.Count, 0); ss != nil {
			out["split-restart"] = with(wrap(ss), "split-restart")
		}
		ts, _ := newTiltedSampler(c.lay, c.classCount.Bits)
		out["tilted"] = with(wrap(ts), "tilted")
		ss, _ := newSequentialSampler(c.lay, c.spec)
		out["sequential"] = with(wrap(ss), "sequential")
	}
	if c.lay.maxRun > 0 {
		rs := newRunsSampler(c.lay.L, len(c.lay.alphabet), c.lay.maxRun)
		if len(c.lay.lo) == 0 {
			out["runs"] = with(wrap(rs), "runs")
		} else {
			out["runs+classes"] = with(wrap(filter{rs, countsCheck{c.lay}}), "runs+classes")
		}
		if d, ok := planRunsDP(c.spec, c.lay.maxRun, maxRunStates); ok {
			out["runs-dp"] = with(wrap(newDPSampler(d.build(), c.lay.offsets)), "runs-dp")
		}
	}
	if c.setsOrSeq {
		for _, track := range []bool{true, false} {
			if track && len(c.reqs) == 0 {
				continue
			}
			// Without tracking, the required sets are left to a filter.
			keep := func(s sampler) sampler {
				if !track && len(c.reqs) > 0 {
					return filter{s, requiredCheck{c.lay}}
				}
				return s
			}
			suffix := ""
			if !track && len(c.reqs) > 0 {
				suffix = "+filter"
			}
			if m := c.runModel(track); m != nil && unrankAffordable(m) {
				out["unrank"+suffix] = with(keep(newUnrankSampler(m)), "unrank"+suffix)
			}
			if m := c.runModel(track); m != nil && weightedTablesFit(m) {
				if w := c.weighted(track); w != nil {
					name := "weighted" + suffix
					out[name] = with(keep(w), name)
					exact := *w
					exact.forceExact = true
					out[name+"/exact"] = with(keep(&exact), name+"/exact")
				}
			}
		}
	}
	return out
}

// randomTinyPolicy returns a policy over a 5–8 character custom alphabet
// with random class minimums, maximums and run limits.
func randomTinyPolicy(rng *rand.Rand) PasswordPolicy {
	pool := []rune("abcdXYZ0123!?#")
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	p := PasswordPolicy{Length: 1 + rng.IntN(5), Alphabet: string(pool[:5+rng.IntN(4)])}
	for _, c := range []Class{Lower, Upper, Digits, Symbols} {
		cp := p.Class(c)
		if rng.IntN(2) == 0 {
			cp.Min = rng.IntN(3)
		}
		if rng.IntN(3) == 0 {
			*cp = cp.AtMost(cp.Min + rng.IntN(3))
		}
	}
	if rng.IntN(3) == 0 {
		p.MaxRepeating = 1 + rng.IntN(2)
	}
	return p
}

func TestStatPasswordCountAndUniformityByBruteForce(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 8))
	tested, sampled := 0, 0
	seen := map[string]int{} // how many policies each sampler was tested on
	defer func() {
		for _, m := range []string{"rejection", "composition", "split", "split-restart", "tilted", "sequential"} {
			if seen[m] == 0 {
				t.Errorf("no policy tested the %s sampler against brute force", m)
			}
		}
	}()
	// 300 random policies reach every sampler (checked above), and 40 of
	// them are drawn on full support; make test-long tries 3,000 and
	// draws on 400.
	for tested < deep(300) {
		p := randomTinyPolicy(rng)
		want := bruteForcePasswords(p)
		pw, err := NewPassword(p)
		if len(want) <= 1 { // none, or one: not a secret (0 bits)
			if err == nil {
				t.Fatalf("%+v: %d valid passwords exist but NewPassword succeeded", p, len(want))
			}
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("%+v: error %v is not a PolicyError", p, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%+v: %v, but %d passwords exist", p, err, len(want))
		}
		tested++
		e := pw.Entropy()
		if e.Bound != Exact || e.Count.Cmp(big.NewInt(int64(len(want)))) != 0 {
			t.Fatalf("%+v: entropy count %v (%v), brute force %d", p, e.Count, e.Bound, len(want))
		}
		// Full-support χ²: every valid password equally likely, for every
		// sampler, on the small sets.
		if len(want) > 400 || sampled >= deep(40) {
			continue
		}
		sampled++
		index := map[string]int{}
		for i, s := range want {
			index[s] = i
		}
		for name, s := range samplersFor(t, p) {
			seen[name]++
			r := seededRand(uint64(tested))
			draws := 60 * len(want)
			obs := make([]int64, len(want))
			for range draws {
				pwd, err := s.Generate(r)
				if err != nil {
					t.Fatal(err)
				}
				i, ok := index[pwd]
				if !ok {
					t.Fatalf("%s on %+v produced invalid %q", name, p, pwd)
				}
				obs[i]++
			}
			exp := make([]float64, len(want))
			for i := range exp {
				exp[i] = float64(draws) / float64(len(want))
			}
			requireChi(t, fmt.Sprintf("%s full support |V|=%d", name, len(want)), obs, exp)
		}
	}
}

// classCountLaw returns the exact probability of each composition (as
// counts of the constrained classes) under the uniform law on V.
func classCountLaw(t *testing.T, p PasswordPolicy) (map[string]float64, *layout) {
	c, err := countPolicy(p)
	if err != nil {
		t.Fatal(err)
	}
	law := map[string]float64{}
	total := new(big.Float)
	weights := map[string]*big.Int{}
	c.spec.visitCompositions(func(k []int, w *big.Int) {
		weights[fmt.Sprint(k)] = w
		total.Add(total, new(big.Float).SetInt(w))
	})
	for k, w := range weights {
		f, _ := new(big.Float).Quo(new(big.Float).SetInt(w), total).Float64()
		law[k] = f
	}
	return law, c.lay
}

func compositionOf(lay *layout, index map[rune]int, s string) string {
	k := make([]int, len(lay.lo))
	for _, r := range s {
		if slot := lay.slotOf[index[r]]; slot >= 0 {
			k[slot]++
		}
	}
	return fmt.Sprint(k)
}

// checkClassLaw draws n passwords and compares the histogram of class
// counts with the exact law.
func checkClassLaw(t *testing.T, name string, gen func(*Rand) (string, error), law map[string]float64, lay *layout, n int, seed uint64) (p float64) {
	t.Helper()
	keys := make([]string, 0, len(law))
	for k := range law {
		keys = append(keys, k)
	}
	// Sort cells by probability so pooling merges neighbours sensibly.
	sortByProb(keys, law)
	pos := map[string]int{}
	for i, k := range keys {
		pos[k] = i
	}
	obs := make([]int64, len(keys))
	index := map[rune]int{}
	for i, r := range lay.alphabet {
		index[r] = i
	}
	r := seededRand(seed)
	for range n {
		s, err := gen(r)
		if err != nil {
			t.Fatal(err)
		}
		i, ok := pos[compositionOf(lay, index, s)]
		if !ok {
			t.Fatalf("%s: invalid composition %s in %q", name, compositionOf(lay, index, s), s)
		}
		obs[i]++
	}
	exp := make([]float64, len(keys))
	for i, k := range keys {
		exp[i] = law[k] * float64(n)
	}
	_, _, p = chiSquare(obs, exp)
	return p
}

func sortByProb(keys []string, law map[string]float64) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && law[keys[j]] < law[keys[j-1]]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

var constrainedPolicies = map[string]func() PasswordPolicy{
	"seed recipe L10 (≥1 lower, ≥1 upper, ≥3 digits, alphanumeric)": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Length, p.Symbols.Use = 10, false
		p.Lower.Min, p.Upper.Min, p.Digits.Min = 1, 1, 3
		return p
	},
	"L12 ≥5 digits ≥5 symbols": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Length, p.Digits.Min, p.Symbols.Min = 12, 5, 5
		return p
	},
	"L20 one of each": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min = 1, 1, 1, 1
		return p
	},
	"L12 ≥10 digits": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Length, p.Digits.Min = 12, 10
		return p
	},
	"L16 ≤2 symbols, 2..4 digits": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Length, p.Digits.Min = 16, 2
		p.Symbols, p.Digits = p.Symbols.AtMost(2), p.Digits.AtMost(4)
		return p
	},
	"L14 one each, run ≤ 2": func() PasswordPolicy {
		p := DefaultPasswordPolicy()
		p.Length, p.MaxRepeating = 14, 2
		p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min = 1, 1, 1, 1
		return p
	},
}

func TestStatClassCountsFollowExactLaw(t *testing.T) {
	t.Parallel()
	for name, mk := range constrainedPolicies {
		p := mk()
		law, lay := classCountLaw(t, p)
		if p.MaxRepeating > 0 {
			continue // the run limit changes the law; covered by brute force
		}
		for method, pw := range samplersFor(t, p) {
			if method == "rejection" && pw.Entropy().Bits-float64(pw.Length())*log2Float(int64(pw.AlphabetSize())) < -4 {
				continue // slow by design at this acceptance, and never chosen there
			}
			// 50,000 draws average a χ² at the p < alarmP threshold for a
			// shift of half the mass by 2.5% over a law of 6 cells, 5.7%
			// over the about 480 pooled cells of "one of each" (0.8% and
			// 1.8% in make test-long).
			pv := checkClassLaw(t, name+"/"+method, pw.Generate, law, lay, deep(50000), 42)
			if pv < alarmP {
				t.Errorf("%s / %s: class counts p=%.3g < %g: biased", name, method, pv, alarmP)
			}
		}
	}
}

// forcedFill is the forbidden method: place the required minimums, fill
// the rest uniformly, shuffle. The class-count test must catch it, or it
// could not catch a real regression.
func forcedFill(pw *Password) func(*Rand) (string, error) {
	lay := pw.lay
	return func(r *Rand) (string, error) {
		out := make([]int32, 0, lay.L)
		for slot, m := range lay.lo {
			for range m {
				out = append(out, lay.offsets[slot]+int32(r.intn(lay.sizes[slot])))
			}
		}
		for len(out) < lay.L {
			out = append(out, int32(r.intn(len(lay.alphabet))))
		}
		for i := len(out) - 1; i > 0; i-- {
			j := r.intn(i + 1)
			out[i], out[j] = out[j], out[i]
		}
		return pw.render(out), r.Err()
	}
}

func TestStatClassLawCatchesForcedFill(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"seed recipe L10 (≥1 lower, ≥1 upper, ≥3 digits, alphanumeric)", "L12 ≥5 digits ≥5 symbols", "L20 one of each"} {
		p := constrainedPolicies[name]()
		law, lay := classCountLaw(t, p)
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatal(err)
		}
		if pv := checkClassLaw(t, name, forcedFill(pw), law, lay, 100000, 43); pv >= alarmP {
			t.Errorf("%s: forced fill passed the class-count test (p=%.3g)", name, pv)
		}
	}
}

// Long passwords with large minimums use the tilted sampler; its class
// counts must follow the exact law too. The law is computed by enumeration.
func TestStatTiltedSamplerLongPolicy(t *testing.T) {
	t.Parallel()
	p := DefaultPasswordPolicy()
	p.Length, p.Digits.Min, p.Symbols.Min = 48, 12, 18
	pw, err := NewPassword(p)
	if err != nil {
		t.Fatal(err)
	}
	law, lay := classCountLaw(t, p)
	c, _ := countPolicy(p)
	ts, acc := newTiltedSampler(c.lay, c.classCount.Bits)
	if acc < -8 {
		t.Fatalf("tilted acceptance 2^%.1f is too low", acc)
	}
	cp := *pw
	cp.gen = ts
	// 20,000 draws over the law's 190 cells, about 30 once the rare ones
	// are pooled: a 5% shift of half the mass averages a χ² at the
	// threshold (1.6% in make test-long).
	if pv := checkClassLaw(t, "tilted L48", cp.Generate, law, lay, deep(20000), 44); pv < alarmP {
		t.Fatalf("tilted sampler biased: p=%.3g", pv)
	}
}

// fiveTightClasses4096 is the sequential sampler's case: five classes of
// at least 800 in 4096 characters (the tilted proposal would accept about
// 1 in 2^19).
func fiveTightClasses4096() PasswordPolicy {
	p := DefaultPasswordPolicy()
	p.Length, p.Space.Use = 4096, true
	p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min, p.Space.Min = 800, 800, 800, 800, 800
	return p
}

// Many tight minimums on a long password defeat the tilted proposal; the
// sequential sampler takes over, fast and with an exact count. Its class
// counts follow the exact law at a length where the law can be enumerated.
func TestSequentialSamplerTightPolicies(t *testing.T) {
	p := fiveTightClasses4096()
	pw, err := NewPassword(p)
	if err != nil || pw.method != methodSequential {
		t.Fatalf("5 classes of at least 800 in 4096: %v, method %s", err, pw.method)
	}
	if e := pw.Entropy(); e.Estimate() || e.Rounded() != 24146.05 {
		t.Fatalf("entropy %+v, want exactly 24146.05 bits", e)
	}
	allowed := allowedChars(p)
	r := NewRand(CryptoSource())
	for range 3 {
		s, err := pw.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkPassword(p, allowed, s); err != nil {
			t.Fatal(err)
		}
	}

	q := DefaultPasswordPolicy()
	q.Length, q.Space.Use = 40, true
	q.Lower.Min, q.Upper.Min, q.Digits.Min, q.Symbols.Min, q.Space.Min = 6, 6, 7, 7, 8
	law, lay := classCountLaw(t, q)
	c, _ := countPolicy(q)
	ss, total := newSequentialSampler(c.lay, c.spec)
	if c.classCount.Count == nil || total.Cmp(c.classCount.Count) != 0 {
		t.Fatalf("sequential count %v, exact %v", total, c.classCount.Count)
	}
	base, err := NewPassword(q)
	if err != nil {
		t.Fatal(err)
	}
	cp := *base
	cp.gen = ss
	if pv := checkClassLaw(t, "sequential L40", cp.Generate, law, lay, 20000, 45); pv < alarmP {
		t.Fatalf("sequential sampler biased: p=%.3g", pv)
	}
}

func TestDefaultPasswordCharacterAndPositionFrequencies(t *testing.T) {
	for name, p := range map[string]PasswordPolicy{
		"default":     DefaultPasswordPolicy(),
		"one of each": constrainedPolicies["L20 one of each"](),
	} {
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatal(err)
		}
		alpha := []rune(pw.Alphabet())
		idx := map[rune]int{}
		for i, r := range alpha {
			idx[r] = i
		}
		K, L := len(alpha), pw.Length()
		n := 50000
		freq := make([]int64, K)
		pos := make([][]int64, L)
		for i := range pos {
			pos[i] = make([]int64, K)
		}
		r := seededRand(99)
		for range n {
			s, err := pw.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range []rune(s) {
				freq[idx[c]]++
				pos[i][idx[c]]++
			}
		}
		// Under a uniform law on V every position has the same marginal,
		// and characters of one class are equally likely: test against the
		// pooled class frequencies.
		classTotal := map[Class]int64{}
		classSize := map[Class]int{}
		for i, c := range alpha {
			classTotal[ClassOf(c)] += freq[i]
			classSize[ClassOf(c)]++
		}
		exp := make([]float64, K)
		for i, c := range alpha {
			cl := ClassOf(c)
			exp[i] = float64(classTotal[cl]) / float64(classSize[cl])
		}
		if name == "default" {
			for i := range exp {
				exp[i] = float64(n*L) / float64(K)
			}
		}
		requireChi(t, name+" characters", freq, exp)
		var obsAll []int64
		var expAll []float64
		for i := range pos {
			obsAll = append(obsAll, pos[i]...)
			for j := range exp {
				expAll = append(expAll, exp[j]/float64(L))
			}
		}
		requireChi(t, name+" per position", obsAll, expAll)
	}
}

func TestEveryMethodFailsClosed(t *testing.T) {
	policies := []PasswordPolicy{DefaultPasswordPolicy()}
	for _, mk := range constrainedPolicies {
		policies = append(policies, mk())
	}
	policies = append(policies, PasswordPolicy{Length: 50, Alphabet: "ab", MaxRepeating: 2})
	seen := map[string]bool{}
	for _, p := range policies {
		for method, pw := range samplersFor(t, p) {
			seen[strings.TrimPrefix(method, "chosen:")] = true
			for _, good := range []int{0, 100} { // the first 4 KiB block fails
				s, err := pw.Generate(NewRand(&failingSource{good: good}))
				if err == nil || s != "" || !errors.Is(err, ErrRandomness) {
					t.Fatalf("%s with a failing source: %q, %v", method, s, err)
				}
			}
		}
	}
	for _, m := range []string{"direct", "rejection", "composition", "split", "tilted", "sequential", "runs", "runs+classes", "runs-dp"} {
		if !seen[m] {
			t.Errorf("method %s was not exercised", m)
		}
	}
}

// A source that dies in the middle of a password must not yield one.
func TestFailureMidPassword(t *testing.T) {
	p := DefaultPasswordPolicy()
	p.Length, p.Digits.Min = 4096, 2048 // the shuffle alone reads 16 KiB
	pw, err := NewPassword(p)
	if err != nil {
		t.Fatal(err)
	}
	s, err := pw.Generate(NewRand(&failingSource{good: blockSize}))
	if err == nil || s != "" {
		t.Fatalf("got %d characters, err %v", len(s), err)
	}
}

// A tilted sampler over a large Unicode alphabet keeps its slot count in
// range and stays exact in shape.
func TestTiltedSamplerLargeAlphabet(t *testing.T) {
	var alpha []rune
	for r := rune(0x4E00); len(alpha) < 3000; r++ { // CJK ideographs: "lower" (caseless letters)
		alpha = append(alpha, r)
	}
	alpha = append(alpha, []rune("0123456789")...)
	p := PasswordPolicy{Length: 40, Alphabet: string(alpha)}
	p.Digits.Min = 20
	c, err := countPolicy(p)
	if err != nil {
		t.Fatal(err)
	}
	ts, acc := newTiltedSampler(c.lay, c.classCount.Bits)
	if total := ts.cumW[len(ts.cumW)-1]; total >= 1<<31 || total <= 0 {
		t.Fatalf("slot total %d out of range", total)
	}
	if acc < -12 {
		t.Fatalf("acceptance 2^%.1f", acc)
	}
	pw, _ := NewPassword(p)
	cp := *pw
	cp.gen = ts
	allowed := allowedChars(p)
	r := seededRand(9)
	for range 50 {
		s, err := cp.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkPassword(p, allowed, s); err != nil {
			t.Fatal(err)
		}
	}
}
