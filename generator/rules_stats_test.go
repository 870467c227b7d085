package generator

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
)

// The composition law of a website rule: how many characters of each atom
// (the characters that meet the same required sets) a password has.

// atomsOf splits an alphabet by membership in the required sets.
func atomsOf(alphabet string, require []string) (atomOf map[rune]int, sizes []int) {
	atomOf = map[rune]int{}
	index := map[string]int{}
	for _, r := range alphabet {
		var key strings.Builder
		for _, set := range require {
			if strings.ContainsRune(set, r) {
				key.WriteByte('1')
			} else {
				key.WriteByte('0')
			}
		}
		k := key.String()
		i, ok := index[k]
		if !ok {
			i = len(sizes)
			index[k] = i
			sizes = append(sizes, 0)
		}
		sizes[i]++
		atomOf[r] = i
	}
	return atomOf, sizes
}

// compositionLawClosedForm computes the exact law without runs: a
// composition k (characters per atom) is met by L!/Π k_a! · Π n_a^k_a
// strings, and is valid when every required set has an atom with k_a > 0.
// It shares nothing with the engine's counting.
func compositionLawClosedForm(p PasswordPolicy) map[string]float64 {
	atomOf, sizes := atomsOf(p.Alphabet, p.Require)
	meets := make([][]bool, len(sizes)) // meets[a][j]: atom a is in set j
	for r, a := range atomOf {
		meets[a] = make([]bool, len(p.Require))
		for j, set := range p.Require {
			meets[a][j] = strings.ContainsRune(set, r)
		}
	}
	weights := map[string]*big.Int{}
	total := new(big.Int)
	k := make([]int, len(sizes))
	var rec func(a, left int)
	rec = func(a, left int) {
		if a == len(sizes)-1 {
			k[a] = left
			for j := range p.Require {
				met := false
				for b := range sizes {
					met = met || k[b] > 0 && meets[b][j]
				}
				if !met {
					return
				}
			}
			w := new(big.Int).MulRange(1, int64(p.Length))
			for b, n := range sizes {
				w.Div(w, new(big.Int).MulRange(1, int64(max(k[b], 1))))
				w.Mul(w, new(big.Int).Exp(big.NewInt(int64(n)), big.NewInt(int64(k[b])), nil))
			}
			weights[fmt.Sprint(k)] = w
			total.Add(total, w)
			return
		}
		for c := 0; c <= left; c++ {
			k[a] = c
			rec(a+1, left-c)
		}
	}
	rec(0, p.Length)
	law := map[string]float64{}
	for key, w := range weights {
		law[key], _ = new(big.Rat).SetFrac(w, total).Float64()
	}
	return law
}

// compositionLawByEnumeration computes the exact law by listing every
// string, checked with the test's own checker.
func compositionLawByEnumeration(p PasswordPolicy) map[string]float64 {
	atomOf, sizes := atomsOf(p.Alphabet, p.Require)
	counts := map[string]float64{}
	total := 0.0
	for _, s := range bruteForcePasswords(p) {
		k := make([]int, len(sizes))
		for _, r := range s {
			k[atomOf[r]]++
		}
		counts[fmt.Sprint(k)]++
		total++
	}
	for key := range counts {
		counts[key] /= total
	}
	return counts
}

// compositionChi draws n passwords and returns the χ² p-value of their
// compositions against law.
func compositionChi(t *testing.T, p PasswordPolicy, law map[string]float64, gen func(*Rand) (string, error), n int, seed uint64) float64 {
	t.Helper()
	atomOf, sizes := atomsOf(p.Alphabet, p.Require)
	keys := make([]string, 0, len(law))
	for k := range law {
		keys = append(keys, k)
	}
	sortByProb(keys, law)
	pos := map[string]int{}
	for i, k := range keys {
		pos[k] = i
	}
	obs := make([]int64, len(keys))
	r := seededRand(seed)
	allowed := allowedChars(p)
	for range n {
		s, err := gen(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkPassword(p, allowed, s); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		k := make([]int, len(sizes))
		for _, c := range s {
			k[atomOf[c]]++
		}
		i, ok := pos[fmt.Sprint(k)]
		if !ok {
			t.Fatalf("%q has composition %v outside the law", s, k)
		}
		obs[i]++
	}
	exp := make([]float64, len(keys))
	for i, k := range keys {
		exp[i] = law[k] * float64(n)
	}
	stat, df, pv := chiSquare(obs, exp)
	t.Logf("χ²=%.1f df=%d p=%.3g", stat, df, pv)
	return pv
}

// forceEachRequired is the forbidden method: one character from each
// required set, the rest uniform, shuffled. Every output meets the sets,
// but passwords with several characters from one set are too rare.
func forceEachRequired(p PasswordPolicy) func(*Rand) (string, error) {
	alpha := []rune(p.Alphabet)
	return func(r *Rand) (string, error) {
		out := make([]rune, 0, p.Length)
		for _, set := range p.Require {
			rs := []rune(set)
			out = append(out, rs[r.intn(len(rs))])
		}
		for len(out) < p.Length {
			out = append(out, alpha[r.intn(len(alpha))])
		}
		for i := len(out) - 1; i > 0; i-- {
			j := r.intn(i + 1)
			out[i], out[j] = out[j], out[i]
		}
		return string(out), r.Err()
	}
}

// unionRule: length 8 over 10 characters, with three overlapping required
// sets, each a union across classes.
func unionRule() PasswordPolicy {
	return PasswordPolicy{Length: 8, Alphabet: "ABCDab1234", Require: []string{"AB1", "1ab", "BC34"}}
}

func TestStatRulesCompositionLaw(t *testing.T) {
	t.Parallel()
	p := unionRule()
	law := compositionLawClosedForm(p)
	var sum float64
	for _, v := range law {
		sum += v
	}
	if len(law) < 500 || math.Abs(sum-1) > 1e-9 {
		t.Fatalf("law has %d cells summing to %v", len(law), sum)
	}
	samplers := samplersFor(t, p)
	if _, ok := samplers["unrank"]; !ok {
		t.Fatal("the unranking sampler does not apply")
	}
	for name, pw := range samplers {
		if strings.HasSuffix(name, "/exact") {
			continue // the exact decision is tested on full support
		}
		t.Run(name, func(t *testing.T) {
			// 100,000 draws over the law's 801 cells average a χ² at the
			// p < alarmP threshold for a 4.5% shift of half the mass (1.4%
			// in make test-long); the forced method below gives about 48,000.
			if pv := compositionChi(t, p, law, pw.Generate, deep(100000), 61); pv < alarmP {
				t.Errorf("%s: composition p=%.3g < %g: biased", name, pv, alarmP)
			}
		})
	}
	t.Run("forced one of each", func(t *testing.T) {
		if pv := compositionChi(t, p, law, forceEachRequired(p), deep(100000), 62); pv >= alarmP {
			t.Errorf("the biased method passed the composition test (p=%.3g): the test has no power", pv)
		}
	})
}

// The same with both run limits, where the law comes from enumeration.
func TestStatRulesCompositionLawWithRuns(t *testing.T) {
	t.Parallel()
	p := unionRule()
	p.Length, p.MaxRepeating, p.MaxSequential = 5, 2, 2
	law := compositionLawByEnumeration(p)
	for name, pw := range samplersFor(t, p) {
		if strings.HasSuffix(name, "/exact") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			// 100,000 draws over 133 cells: a 3% shift of half the mass
			// (1% in make test-long); the forced method gives about 50,000.
			if pv := compositionChi(t, p, law, pw.Generate, deep(100000), 63); pv < alarmP {
				t.Errorf("%s: composition p=%.3g < %g: biased", name, pv, alarmP)
			}
		})
	}
	t.Run("forced one of each", func(t *testing.T) {
		forced := forceEachRequired(p)
		allowed := allowedChars(p)
		gen := func(r *Rand) (string, error) { // keep the forced draws that obey the runs
			for {
				s, err := forced(r)
				if err != nil || checkPassword(p, allowed, s) == nil {
					return s, err
				}
			}
		}
		if pv := compositionChi(t, p, law, gen, deep(100000), 64); pv >= alarmP {
			t.Errorf("the biased method passed the composition test (p=%.3g): the test has no power", pv)
		}
	})
}
