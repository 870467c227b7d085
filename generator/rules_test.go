package generator

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomRulesPolicy returns a small policy with required sets and run
// limits on top of randomTinyPolicy's classes: an alphabet of 4–9
// characters with stretches of consecutive letters and digits (so that
// sequences occur), up to four required sets (overlapping, repeated, or
// naming characters outside the alphabet), and either run limit or both.
func randomRulesPolicy(rng *rand.Rand) PasswordPolicy {
	for {
		p := randomTinyPolicy(rng)
		stretch := func(s string) string {
			i := rng.IntN(len(s) + 1)
			j := i + rng.IntN(len(s)-i+1)
			return s[i:j]
		}
		alpha := stretch("abcd") + stretch("XYZ") + stretch("0123") + stretch("!?#")
		if rng.IntN(4) == 0 && len(alpha) > 2 { // a gap inside a stretch
			k := 1 + rng.IntN(len(alpha)-2)
			alpha = alpha[:k] + alpha[k+1:]
		}
		p.Alphabet = alpha
		if len(alpha) < 4 || len(alpha) > 9 {
			continue
		}
		n := 1
		for range p.Length {
			n *= len(alpha)
		}
		if n > 60000 {
			p.Length = max(1, p.Length-2)
		}
		p.MaxRepeating, p.MaxSequential = 0, 0
		switch rng.IntN(4) {
		case 0:
			p.MaxRepeating = 1 + rng.IntN(3)
		case 1:
			p.MaxSequential = 1 + rng.IntN(3)
		case 2:
			p.MaxRepeating, p.MaxSequential = 1+rng.IntN(3), 1+rng.IntN(3)
		}
		universe := "abcdXYZ0123!?#"
		for range rng.IntN(5) {
			var set string
			switch k := rng.IntN(4); {
			case k == 0: // a union of whole classes
				set = []string{"abcd", "XYZ", "0123", "!?#"}[rng.IntN(4)] + []string{"", "abcd", "0123"}[rng.IntN(3)]
			case k == 1 && len(p.Require) > 0: // the same set again
				set = p.Require[rng.IntN(len(p.Require))]
			default:
				for range 1 + rng.IntN(4) {
					set += string(universe[rng.IntN(len(universe))])
				}
			}
			p.Require = append(p.Require, set)
		}
		return p
	}
}

// rulesOf says which of the new settings a policy uses, for coverage.
func rulesOf(p PasswordPolicy) (req, seq, both bool) {
	return len(p.Require) > 0, p.MaxSequential > 0, p.MaxSequential > 0 && p.MaxRepeating > 0
}

func TestStatRulesCountAndUniformityByBruteForce(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(21, 22))
	tested, sampled := 0, 0
	var withReq, withSeq, withBoth, withClasses int
	methods := map[string]int{}
	// 400 random policies meet every sampler path and rule combination
	// (the coverage checked below); make test-long tries 4,000, and draws
	// full support on 600 of them instead of 60.
	for tested < deep(400) {
		p := randomRulesPolicy(rng)
		want := bruteForcePasswords(p)
		pw, err := NewPassword(p)
		if len(want) <= 1 {
			var pe *PolicyError
			if err == nil || !errors.As(err, &pe) {
				t.Fatalf("%+v: %d valid passwords, NewPassword gave %v", p, len(want), err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%+v: %v, but %d passwords exist", p, err, len(want))
		}
		tested++
		req, seq, both := rulesOf(p)
		if req {
			withReq++
		}
		if seq {
			withSeq++
		}
		if both {
			withBoth++
		}
		if req && (p.Lower.Min+p.Upper.Min+p.Digits.Min+p.Symbols.Min > 0 || p.Digits.HasMax || p.Lower.HasMax) {
			withClasses++
		}
		e := pw.Entropy()
		if e.Bound != Exact || e.Count.Cmp(big.NewInt(int64(len(want)))) != 0 {
			t.Fatalf("%+v: entropy count %v (%v), brute force %d", p, e.Count, e.Bound, len(want))
		}
		if fig, err := PasswordEntropy(p); err != nil || fig.Count.Cmp(e.Count) != 0 {
			t.Fatalf("%+v: PasswordEntropy %v, %v; NewPassword %v", p, fig.Count, err, e.Count)
		}
		methods[pw.method.String()]++
		if len(want) > 300 || sampled >= deep(60) {
			continue
		}
		sampled++
		checkFullSupport(t, p, want, uint64(tested))
	}
	t.Logf("policies: %d (%d sampled); with required sets %d, sequences %d, both limits %d, sets and classes %d; chosen methods %v",
		tested, sampled, withReq, withSeq, withBoth, withClasses, methods)
	if withReq < 150 || withSeq < 100 || withBoth < 40 || withClasses < 30 {
		t.Errorf("coverage too thin: %d %d %d %d", withReq, withSeq, withBoth, withClasses)
	}
}

// checkFullSupport draws 60 passwords per valid password from every
// sampler that applies and runs χ² over all of them: each valid password
// equally likely, and nothing else drawn. With 300 passwords (18,000
// draws, df 299) a sampler that gives half of them 8.5% too much weight
// and the rest 8.5% too little averages a χ² at the p < alarmP threshold;
// with 50 passwords 15%. A password outside them fails at once.
func checkFullSupport(t *testing.T, p PasswordPolicy, want []string, seed uint64) {
	t.Helper()
	index := map[string]int{}
	for i, s := range want {
		index[s] = i
	}
	for name, s := range samplersFor(t, p) {
		r := seededRand(seed)
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
		requireChi(t, fmt.Sprintf("%s full support %+v |V|=%d", name, p, len(want)), obs, exp)
	}
}

// Named cases, each against brute force: the combinations the website
// rules produce.
func TestStatRulesNamedCountsByBruteForce(t *testing.T) {
	t.Parallel()
	maxOf := func(c ClassPolicy, n int) ClassPolicy { return c.AtMost(n) }
	cases := []struct {
		name string
		p    PasswordPolicy
	}{
		{"overlapping sets", PasswordPolicy{Length: 5, Alphabet: "abcXY01!", Require: []string{"aX0", "XY!", "b0"}}},
		{"two identical sets", PasswordPolicy{Length: 4, Alphabet: "abcd01!", Require: []string{"01", "10", "a!"}}},
		{"nested sets", PasswordPolicy{Length: 5, Alphabet: "abcd01!", Require: []string{"0", "01!", "ab0"}}},
		{"set naming missing characters", PasswordPolicy{Length: 4, Alphabet: "abc01", Require: []string{"0Z", "c~"}}},
		{"sequence 1", PasswordPolicy{Length: 5, Alphabet: "abcd0!", MaxSequential: 1}},
		{"sequence 2", PasswordPolicy{Length: 6, Alphabet: "abcd012", MaxSequential: 2}},
		{"sequence 3", PasswordPolicy{Length: 6, Alphabet: "abcd0123", MaxSequential: 3}},
		{"sequence 2, chains of 2 and 3", PasswordPolicy{Length: 6, Alphabet: "abXYZ!", MaxSequential: 2}},
		{"repeat 1", PasswordPolicy{Length: 6, Alphabet: "abcd!", MaxRepeating: 1}},
		{"repeat 2", PasswordPolicy{Length: 6, Alphabet: "ab0!", MaxRepeating: 2}},
		{"both 1", PasswordPolicy{Length: 6, Alphabet: "abcd01!", MaxRepeating: 1, MaxSequential: 1}},
		{"both 2", PasswordPolicy{Length: 6, Alphabet: "abcd012", MaxRepeating: 2, MaxSequential: 2}},
		{"repeat 3, sequence 2", PasswordPolicy{Length: 6, Alphabet: "abc01!", MaxRepeating: 3, MaxSequential: 2}},
		{"sets and sequences", PasswordPolicy{Length: 5, Alphabet: "abcdXY01!", MaxSequential: 2, Require: []string{"XY", "01!", "a"}}},
		{"sets and both limits", PasswordPolicy{Length: 6, Alphabet: "abcd012", MaxRepeating: 2, MaxSequential: 2, Require: []string{"abcd", "012", "d2"}}},
		{"sets and a class minimum", PasswordPolicy{Length: 5, Alphabet: "abcXY01!", Digits: ClassPolicy{Min: 2}, Require: []string{"XY", "a!"}}},
		{"sets and a class maximum", PasswordPolicy{Length: 5, Alphabet: "abcXY01!", Lower: maxOf(ClassPolicy{}, 1), Require: []string{"ab0", "Y!"}}},
		{"sets and max 0", PasswordPolicy{Length: 5, Alphabet: "abcXY01!", Symbols: maxOf(ClassPolicy{}, 0), Require: []string{"!0", "aX"}}},
		{"sets, classes and both limits", PasswordPolicy{Length: 6, Alphabet: "abcXY012", Upper: ClassPolicy{Min: 1}, Digits: maxOf(ClassPolicy{}, 2), MaxRepeating: 1, MaxSequential: 2, Require: []string{"a0", "cY2"}}},
		{"sets with a sequence and exclusions", PasswordPolicy{Length: 5, Alphabet: "abcdO01!", NoAmbiguous: true, Exclude: "c", MaxSequential: 1, Require: []string{"ab", "O1!d"}}},
	}
	for _, c := range cases {
		want := bruteForcePasswords(c.p)
		pw, err := NewPassword(c.p)
		if err != nil {
			t.Fatalf("%s: %v (brute force %d)", c.name, err, len(want))
		}
		e := pw.Entropy()
		if e.Bound != Exact || e.Count.Cmp(big.NewInt(int64(len(want)))) != 0 {
			t.Fatalf("%s: count %v (%v), brute force %d", c.name, e.Count, e.Bound, len(want))
		}
		t.Logf("%s: %d passwords, method %s", c.name, len(want), pw.method)
	}
}

// The website rules' new errors: each a PolicyError naming its setting.
func TestRulesPolicyErrors(t *testing.T) {
	cases := []struct {
		name  string
		p     PasswordPolicy
		field string
		says  string
	}{
		{"negative max-sequential", PasswordPolicy{Length: 8, Alphabet: "abc", MaxSequential: -1}, "max-sequential", "negative"},
		{"empty set", PasswordPolicy{Length: 8, Alphabet: "abc", Require: []string{"a", ""}}, "rules", "required set 2 is empty"},
		{"set outside the alphabet", PasswordPolicy{Length: 8, Alphabet: "abc", Require: []string{"xyz"}}, "rules", "'x', 'y' and 'z'"},
		{"set excluded", PasswordPolicy{Length: 8, Alphabet: "abc0", Exclude: "0", Require: []string{"0"}}, "rules", "required set 1"},
		{"set removed by max 0", PasswordPolicy{Length: 8, Alphabet: "abc0", Digits: ClassPolicy{}.AtMost(0), Require: []string{"a", "0"}}, "rules", "required set 2"},
		{"too short for the sets", PasswordPolicy{Length: 2, Alphabet: "abcd", Require: []string{"a", "b", "c"}}, "length", "at least 3"},
		{"sequences impossible", PasswordPolicy{Length: 3, Alphabet: "ab", MaxRepeating: 1, MaxSequential: 1}, "max-sequential", "sequences"},
		{"repeats impossible", PasswordPolicy{Length: 3, Alphabet: "a", MaxRepeating: 2, MaxSequential: 1}, "max-repeating", "in a row"},
		{"sequences impossible with sets", PasswordPolicy{Length: 4, Alphabet: "abc", MaxRepeating: 1, MaxSequential: 1, Require: []string{"b"}}, "max-sequential", "sequences"},
		{"sets against classes", PasswordPolicy{Length: 3, Alphabet: "ab01", Digits: ClassPolicy{Min: 3}, Require: []string{"a"}}, "rules", "required set"},
	}
	for _, c := range cases {
		_, err := NewPassword(c.p)
		var pe *PolicyError
		if !errors.As(err, &pe) {
			t.Errorf("%s: got %v, want a PolicyError", c.name, err)
			continue
		}
		if pe.Field != SettingName(c.field) || !strings.Contains(pe.Error(), c.says) {
			t.Errorf("%s: field %q message %q; want field %q saying %q", c.name, pe.Field, pe.Error(), c.field, c.says)
		}
		if msg := pe.Error(); msg != strings.ToLower(msg[:1])+msg[1:] || strings.HasSuffix(msg, ".") {
			t.Errorf("%s: message %q should be lower-case with no final period", c.name, msg)
		}
	}
}

// Each sampler path a rules policy can take, forced by a policy that picks
// it: the method is the one named, the count and the full-support χ²
// agree with brute force, and a failing source yields an error, never a
// password.
func TestStatRulesSamplerPaths(t *testing.T) {
	t.Parallel()
	cases := []struct {
		method string
		p      PasswordPolicy
	}{
		{"rejection", PasswordPolicy{Length: 5, Alphabet: "abcXY01!", MaxSequential: 2, Require: []string{"aX0", "XY!", "b0"}}},
		{"split+filter", PasswordPolicy{Length: 5, Alphabet: "abcXY01!", Digits: ClassPolicy{Min: 2}, Require: []string{"XY", "a!"}}},
		{"composition+filter", PasswordPolicy{Length: 5, Alphabet: "abXY01", Lower: ClassPolicy{Min: 2}, Digits: ClassPolicy{Min: 2}, Upper: ClassPolicy{}.AtMost(1), Require: []string{"aX"}}},
		{"runs+filter", PasswordPolicy{Length: 6, Alphabet: "aceg", MaxRepeating: 1, Require: []string{"a", "eg"}}},
		{"unrank", PasswordPolicy{Length: 4, Alphabet: "abcdXY01!", MaxSequential: 1, Require: []string{"a", "X", "0", "!"}}},
		{"unrank+filter", PasswordPolicy{Length: 6, Alphabet: "abcdef", MaxSequential: 1, Require: []string{"ace"}}},
	}
	for i, c := range cases {
		pw, err := NewPassword(c.p)
		if err != nil {
			t.Fatalf("%s: %v", c.method, err)
		}
		if pw.method.String() != c.method {
			t.Fatalf("%+v: method %s, want %s", c.p, pw.method, c.method)
		}
		want := bruteForcePasswords(c.p)
		if e := pw.Entropy(); e.Bound != Exact || e.Count.Cmp(big.NewInt(int64(len(want)))) != 0 {
			t.Fatalf("%s: count %v, brute force %d", c.method, e.Count, len(want))
		}
		checkChosenFullSupport(t, pw, want, uint64(70+i))
		checkFailsClosed(t, c.method, pw)
	}
}

// checkChosenFullSupport is checkFullSupport for the chosen sampler only.
func checkChosenFullSupport(t *testing.T, pw *Password, want []string, seed uint64) {
	t.Helper()
	index := map[string]int{}
	for i, s := range want {
		index[s] = i
	}
	r := seededRand(seed)
	draws := 60 * len(want)
	obs := make([]int64, len(want))
	for range draws {
		s, err := pw.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		i, ok := index[s]
		if !ok {
			t.Fatalf("%s produced invalid %q", pw.method, s)
		}
		obs[i]++
	}
	exp := make([]float64, len(want))
	for i := range exp {
		exp[i] = float64(draws) / float64(len(want))
	}
	requireChi(t, pw.method.String()+" full support", obs, exp)
}

func checkFailsClosed(t *testing.T, method string, pw *Password) {
	t.Helper()
	for _, good := range []int{0, 100} { // the first block read fails
		s, err := pw.Generate(NewRand(&failingSource{good: good}))
		if err == nil || s != "" || !errors.Is(err, ErrRandomness) {
			t.Fatalf("%s with a source failing after %d bytes: %q, %v", method, good, s, err)
		}
	}
}

// The samplers for long policies, where they are chosen: the class
// samplers filtered for the rules, and the weighted tables (their agreement
// with brute force on small policies is part of
// TestStatRulesCountAndUniformityByBruteForce, which runs every sampler, and of
// TestStatWeightedCorrection).
func TestRulesLongSamplers(t *testing.T) {
	tilted := DefaultPasswordPolicy()
	tilted.Length, tilted.Digits.Min, tilted.Symbols.Min = 4096, 1024, 1500
	tilted.Require = []string{"abcdefghijklm", "XYZ"}
	tilted.MaxSequential = 3
	seq := fiveTightClasses4096()
	seq.Require = []string{"abcdefghijklmnopqrst"}
	weighted := PasswordPolicy{Length: 3000, Alphabet: " " + SymbolChars + DigitChars + UpperChars + LowerChars, MaxSequential: 1}
	weightedFilter := weighted
	weightedFilter.MaxRepeating, weightedFilter.Require = 1, []string{UpperChars, LowerChars, DigitChars, SymbolChars}
	for _, c := range []struct {
		method string
		p      PasswordPolicy
	}{{"tilted+filter", tilted}, {"sequential+filter", seq}, {"weighted", weighted}, {"weighted+filter", weightedFilter}} {
		pw, err := NewPassword(c.p)
		if err != nil {
			t.Fatalf("%s: %v", c.method, err)
		}
		if pw.method.String() != c.method {
			t.Fatalf("method %s, want %s", pw.method, c.method)
		}
		if pw.Entropy().Bound != LowerBound {
			t.Errorf("%s: the figure %v should be a lower bound at 4096", c.method, pw.Entropy())
		}
		allowed := allowedChars(c.p)
		r := seededRand(80)
		for range 3 {
			s, err := pw.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkPassword(c.p, allowed, s); err != nil {
				t.Fatalf("%s: %v", c.method, err)
			}
		}
		checkFailsClosed(t, c.method, pw)
	}
}

// MinLength works with required sets and run limits: lengths too short for
// the sets are skipped, and the answer is the first length whose figure
// reaches the target.
func TestRulesMinLength(t *testing.T) {
	p := PasswordPolicy{Alphabet: " " + SymbolChars + DigitChars + UpperChars + LowerChars, MaxRepeating: 2, MaxSequential: 2,
		Require: []string{UpperChars, LowerChars, DigitChars, SymbolChars}}
	if got, err := MinLength(p, 1); err != nil || got != 4 {
		t.Fatalf("MinLength(1 bit) = %d, %v; want 4, the fewest characters that meet the four sets", got, err)
	}
	for _, bits := range []float64{20, 64, 80, 128, 256, 1000} {
		got, err := MinLength(p, bits)
		if err != nil {
			t.Fatalf("MinLength(%v): %v", bits, err)
		}
		q := p
		q.Length = got
		if e, err := PasswordEntropy(q); err != nil || !e.Reaches(bits) {
			t.Fatalf("length %d: %v, %v does not reach %v", got, e, err, bits)
		}
		q.Length = got - 1
		if e, err := PasswordEntropy(q); err == nil && e.Reaches(bits) {
			t.Fatalf("length %d already reaches %v bits (%v)", got-1, bits, e)
		}
	}
	var pe *PolicyError
	q := p
	q.Require = append(q.Require, "") // invalid whatever the length
	if _, err := MinLength(q, 20); !errors.As(err, &pe) || pe.Field != "rules" {
		t.Fatalf("an empty required set: %v", err)
	}
}

// Any rules policy either compiles to a figure that is finite and not
// above the plain alphabet's, and to passwords that obey every rule, or is
// refused with a PolicyError that names its setting.
func FuzzRulesPolicy(f *testing.F) {
	f.Add(20, asciiPrintable, 2, 2, UpperChars+"|"+LowerChars+"|"+DigitChars+"|"+SymbolChars, 0, -1)
	f.Add(4, "abcd0123!", 1, 1, "a|0|!|b", 1, 2)
	f.Add(9, "aAbB01", 0, 1, "ab|AB", 0, 0)
	f.Add(30, "xyz789", 3, 0, "x9|", 2, -1)
	f.Add(1, "ab", 0, 0, "b", 0, -1)
	f.Add(64, LowerChars+DigitChars, 1, 1, "aeiou|13579", 3, 5)
	f.Fuzz(func(t *testing.T, length int, alphabet string, maxRep, maxSeq int, require string, minDigits, maxLower int) {
		if length > 200 || len(alphabet) > 200 || len(require) > 200 || minDigits > 50 || maxLower > 50 {
			return // keep each run fast; the limits are tested elsewhere
		}
		p := PasswordPolicy{Length: length, Alphabet: alphabet, MaxRepeating: maxRep, MaxSequential: maxSeq, Require: strings.Split(require, "|")}
		p.Digits.Min = minDigits
		if maxLower >= 0 {
			p.Lower = p.Lower.AtMost(maxLower)
		}
		pw, err := NewPassword(p)
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.Error() == "" || pe.Field == "" {
				t.Fatalf("%+v: error %v is not a descriptive PolicyError", p, err)
			}
			return
		}
		e := pw.Entropy()
		plain := float64(length) * log2Float(int64(pw.AlphabetSize()))
		if e.Bits != e.Bits || e.Bits <= 0 || e.Bits > plain+1e-9 {
			t.Fatalf("%+v: entropy %v (plain %v)", p, e, plain)
		}
		allowed := allowedChars(p)
		r := seededRand(3)
		for range 3 {
			s, err := pw.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkPassword(p, allowed, s); err != nil {
				t.Fatalf("%+v (%s): %q: %v", p, pw.method, s, err)
			}
		}
	})
}

// The weighted sampler's correction is what makes it exact whatever the
// tables' error within its bound δ. With the tables perturbed by up to 20%
// (and δ set to match), the raw proposal is plainly biased: the
// full-support test must reject the uncorrected draws and pass the
// corrected ones, decided fast or exactly.
func TestStatWeightedCorrection(t *testing.T) {
	t.Parallel()
	p := PasswordPolicy{Length: 4, Alphabet: "abcX0!", MaxSequential: 1, MaxRepeating: 1, Require: []string{"aX", "0!"}}
	c, err := countPolicyRaw(p)
	if err != nil {
		t.Fatal(err)
	}
	w := c.weighted(true)
	if w == nil {
		t.Fatal("no weighted sampler")
	}
	rng := rand.New(rand.NewPCG(93, 94))
	for _, row := range w.rows {
		for i := range row {
			row[i] *= 0.8 + 0.4*rng.Float64() // zeros stay zero
		}
	}
	w.delta = 0.2
	if !w.setTotal() || !w.setPrecision(weightBits, roundBits) {
		t.Fatal("no constant K for δ = 0.2")
	}
	base, err := NewPassword(p)
	if err != nil {
		t.Fatal(err)
	}
	want := bruteForcePasswords(p)
	index := map[string]int{}
	for i, s := range want {
		index[s] = i
	}
	run := func(s *weightedSampler, seed uint64) float64 {
		pw := *base
		pw.gen = s
		r := seededRand(seed)
		// |V| = 408: 61,200 draws (df 407) reach the p < alarmP threshold
		// on average for a 5% shift of half the mass (1.6% in make
		// test-long); the uncorrected tables' bias gives χ² over 2,000.
		draws := deep(150) * len(want)
		obs := make([]int64, len(want))
		for range draws {
			s, err := pw.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			i, ok := index[s]
			if !ok {
				t.Fatalf("invalid %q", s)
			}
			obs[i]++
		}
		exp := make([]float64, len(want))
		for i := range exp {
			exp[i] = float64(draws) / float64(len(want))
		}
		stat, df, pv := chiSquare(obs, exp)
		t.Logf("|V|=%d χ²=%.1f df=%d p=%.3g", len(want), stat, df, pv)
		return pv
	}
	if pv := run(w, 90); pv < alarmP {
		t.Errorf("corrected draws biased: p=%.3g", pv)
	}
	exact := *w
	exact.forceExact = true
	if pv := run(&exact, 92); pv < alarmP {
		t.Errorf("exactly decided draws biased: p=%.3g", pv)
	}
	raw := *w
	raw.noCorrection = true
	if pv := run(&raw, 91); pv >= alarmP {
		t.Errorf("uncorrected draws passed (p=%.3g): the test cannot see the correction", pv)
	}
}

func TestPasswordPolicyEqual(t *testing.T) {
	a := siteRuleForTest()
	b := siteRuleForTest()
	if !a.Equal(b) {
		t.Fatal("copies differ")
	}
	b.Require = append([]string(nil), b.Require...)
	b.Require[1] += "x"
	if a.Equal(b) {
		t.Fatal("different required sets are equal")
	}
	c, d := DefaultPasswordPolicy(), DefaultPasswordPolicy()
	d.Require = []string{}
	if !c.Equal(d) {
		t.Fatal("an empty Require differs from a nil one")
	}
	d.MaxSequential = 2
	if c.Equal(d) {
		t.Fatal("different sequence limits are equal")
	}
}

func siteRuleForTest() PasswordPolicy {
	return PasswordPolicy{Length: 16, Alphabet: "abcABC012!", MaxSequential: 2, Require: []string{"abc", "ABC", "012!"}}
}

// Bulk output of rules policies: several workers share one compiled
// password, and every line obeys every rule.
func TestRulesStream(t *testing.T) {
	policies := []PasswordPolicy{
		{Length: 20, Alphabet: asciiPrintable, MaxRepeating: 2, MaxSequential: 2, Require: []string{UpperChars, LowerChars, DigitChars, SymbolChars}},
		{Length: 6, Alphabet: asciiPrintable, MaxSequential: 1, Require: []string{"AB", "xy", "7", "#"}},
		{Length: 300, Alphabet: asciiPrintable, MaxSequential: 1, MaxRepeating: 1},
	}
	for _, p := range policies {
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		if err := Stream(&out, pw, StreamOptions{Count: 300, Workers: 3}); err != nil {
			t.Fatal(err)
		}
		allowed := allowedChars(p)
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 300 {
			t.Fatalf("%s: %d lines", pw.method, len(lines))
		}
		for _, s := range lines {
			if err := checkPassword(p, allowed, s); err != nil {
				t.Fatalf("%s: %q: %v", pw.method, s, err)
			}
		}
	}
}

// A required character is looked up as prepared, like the alphabet: the
// Kelvin sign is K once prepared, so requiring it requires K, and every
// password holds a K.
func TestRequireIsPreparedLikeTheAlphabet(t *testing.T) {
	g, err := NewPassword(PasswordPolicy{Length: 6, Alphabet: "abcK", Require: []string{"\u212a"}})
	if err != nil {
		t.Fatalf("requiring the Kelvin sign of an alphabet holding K: %v", err)
	}
	r := seededRand(7)
	for range 200 {
		pw, err := g.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(pw, "K") {
			t.Fatalf("%q has no K, though the rules require it", pw)
		}
	}
}
