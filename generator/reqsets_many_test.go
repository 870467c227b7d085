package generator

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// manyPairs is a website's rules with n required sets of two letters each,
// disjoint ([ab], [cd], …, then [AB], …), and no other character allowed:
// a password must contain a letter of every pair.
func manyPairs(n, L int) PasswordPolicy {
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	p := PasswordPolicy{Length: L, Alphabet: letters[:2*n]}
	for i := range n {
		p.Require = append(p.Require, letters[2*i:2*i+2])
	}
	return p
}

// Fourteen two-letter required sets were refused at lengths 17 to 21 (the
// transfer tables track 2^14 states, too many, and too few strings passed
// a filter), though plain rejection keeps one uniform string in 100 to
// 1400 there: every length from 14 to 22 must be generated, and the
// passwords must meet every set.
func TestManyRequiredSetsEveryLength(t *testing.T) {
	for L := 14; L <= 22; L++ {
		p := manyPairs(14, L)
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatalf("14 pairs at length %d: %v", L, err)
		}
		allowed := allowedChars(p)
		r := seededRand(uint64(L))
		for range 20 {
			s, err := pw.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkPassword(p, allowed, s); err != nil {
				t.Fatalf("length %d (%v): %q: %v", L, pw.method, s, err)
			}
		}
	}
}

// The number of distinct letters in a uniform password over the pairs has
// an exact law: a set of d = 14 + j letters meets every pair when it holds
// j whole pairs and one letter of each other pair (C(14, j)·2^(14−j) sets),
// and the strings using exactly a given set of d letters number d!·S(L, d)
// (the surjections). The forbidden method (one letter of each pair, the
// rest uniform, shuffled) fails the same test.
func TestStatManyRequiredSetsDistinctLettersLaw(t *testing.T) {
	const pairs = 14
	for _, L := range []int{20, 21} {
		p := manyPairs(pairs, L)
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatal(err)
		}
		law := make([]*big.Int, 2*pairs+1)
		total := new(big.Int)
		for j := 0; j <= pairs; j++ {
			d := pairs + j
			if d > L {
				break
			}
			n := new(big.Int).Binomial(pairs, int64(j))
			n.Lsh(n, uint(pairs-j))
			n.Mul(n, surjections(L, d))
			law[d] = n
			total.Add(total, n)
		}
		if e := pw.Entropy(); e.Bound != Exact || e.Count.Cmp(total) != 0 {
			t.Fatalf("length %d: count %v, the law sums to %v", L, e.Count, total)
		}
		name := fmt.Sprintf("length %d, %v", L, pw.method)
		if pv := distinctLettersChi(t, name, pw.Generate, law, total, uint64(100+L)); pv < alarmP {
			t.Errorf("%s: distinct letters p=%.3g < %g: biased", name, pv, alarmP)
		}
		if pv := distinctLettersChi(t, "forced one of each", forceEachRequired(p), law, total, uint64(200+L)); pv >= alarmP {
			t.Errorf("length %d: the biased method passed the distinct-letters test (p=%.3g): the test has no power", L, pv)
		}
	}
}

// distinctLettersChi draws 20,000 passwords and returns the χ² p-value of
// their numbers of distinct letters against law (counts summing to total).
func distinctLettersChi(t *testing.T, name string, gen func(*Rand) (string, error), law []*big.Int, total *big.Int, seed uint64) float64 {
	t.Helper()
	const draws = 20000
	obs := make([]int64, len(law))
	r := seededRand(seed)
	for range draws {
		s, err := gen(r)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[rune]bool{}
		for _, c := range s {
			seen[c] = true
		}
		obs[len(seen)]++
	}
	// Bins expected fewer than 5 times go to their neighbour; a count the
	// law excludes gets its own bin, expected almost never.
	var o []int64
	var e []float64
	for d, n := range law {
		f := 0.0
		if n != nil {
			f, _ = new(big.Rat).SetFrac(n, total).Float64()
		} else if obs[d] == 0 {
			continue
		}
		if n != nil && len(e) > 0 && (e[len(e)-1] < 5 || f*draws < 5) {
			o[len(o)-1] += obs[d]
			e[len(e)-1] += f * draws
			continue
		}
		o, e = append(o, obs[d]), append(e, max(f*draws, 1e-9))
	}
	stat, df, pv := chiSquare(o, e)
	t.Logf("%s: distinct letters χ²=%.1f df=%d p=%.3g", name, stat, df, pv)
	return pv
}

// surjections counts the strings of length L that use every one of d
// letters: Σ_k (−1)^k·C(d, k)·(d−k)^L.
func surjections(L, d int) *big.Int {
	sum := new(big.Int)
	for k := 0; k <= d; k++ {
		t := new(big.Int).Binomial(int64(d), int64(k))
		t.Mul(t, new(big.Int).Exp(big.NewInt(int64(d-k)), big.NewInt(int64(L)), nil))
		if k%2 == 1 {
			t.Neg(t)
		}
		sum.Add(sum, t)
	}
	return sum
}

// --min-bits 80 with the fourteen pairs chose no length, as 19 (83 bits)
// was refused: the length MinLength chooses must be generated.
func TestManyRequiredSetsMinBits(t *testing.T) {
	p := manyPairs(14, 20)
	L, err := MinLength(p, 80)
	if err != nil {
		t.Fatalf("MinLength(80 bits): %v", err)
	}
	p.Length = L
	pw, err := NewPassword(p)
	if err != nil {
		t.Fatalf("length %d from MinLength: %v", L, err)
	}
	if e := pw.Entropy(); !e.Reaches(80) {
		t.Fatalf("length %d: %v, short of 80 bits", L, e)
	}
	p.Length = L - 1
	if e, err := PasswordEntropy(p); err != nil || e.Reaches(80) {
		t.Fatalf("length %d already gives %v (%v): MinLength did not choose the least", L-1, e, err)
	}
}

// Where no method fits, the refusal names a length that works, longer
// here (shortening makes the sets harder to meet), and never advises
// shortening.
func TestManyRequiredSetsRefusalNamesALength(t *testing.T) {
	_, err := NewPassword(manyPairs(16, 17))
	var pe *PolicyError
	if !errors.As(err, &pe) {
		t.Fatalf("16 pairs at length 17: %v, want a policy error", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "shorten") || !strings.Contains(msg, "longer password (19 characters work)") {
		t.Fatalf("16 pairs at length 17: %q should name 19 characters and not advise shortening", msg)
	}
	if _, err := NewPassword(manyPairs(16, 19)); err != nil {
		t.Fatalf("the length the message names: %v", err)
	}
}
