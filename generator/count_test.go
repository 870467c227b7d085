package generator

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// bruteCount enumerates every string of length L over the spec's alphabet
// (classes first, then the pool) and counts those whose class counts are in
// range. It shares no code with the counting under test.
func bruteCount(s countSpec) int64 {
	var label []int // symbol -> class index, -1 for the pool
	for i, c := range s.cls {
		for range c.n {
			label = append(label, i)
		}
	}
	for range s.pool {
		label = append(label, -1)
	}
	N := len(label)
	total := int64(0)
	idx := make([]int, s.L)
	counts := make([]int, len(s.cls))
	for {
		clear(counts)
		for _, x := range idx {
			if l := label[x]; l >= 0 {
				counts[l]++
			}
		}
		ok := true
		for i, c := range s.cls {
			if counts[i] < c.lo || counts[i] > c.hi {
				ok = false
			}
		}
		if ok {
			total++
		}
		p := 0
		for p < s.L {
			idx[p]++
			if idx[p] < N {
				break
			}
			idx[p] = 0
			p++
		}
		if p == s.L {
			return total
		}
	}
}

// randomSmallSpec returns a counting problem small enough to enumerate.
func randomSmallSpec(rng *rand.Rand) countSpec {
	L := 1 + rng.IntN(5)
	s := countSpec{L: L}
	budget := 8
	nc := 1 + rng.IntN(3)
	for range nc {
		n := int64(1 + rng.IntN(3))
		if int(n) > budget-1 {
			break
		}
		budget -= int(n)
		lo := rng.IntN(L + 1)
		hi := lo + rng.IntN(L-lo+1)
		if rng.IntN(3) == 0 {
			lo = 0
		}
		s.cls = append(s.cls, countClass{n: n, lo: lo, hi: hi})
	}
	s.pool = int64(rng.IntN(budget))
	return s
}

func TestCountMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 400 {
		s := randomSmallSpec(rng)
		want := bruteCount(s)
		got, ok := s.countExact(math.Inf(1))
		if !ok || got.Int64() != want || !got.IsInt64() {
			t.Fatalf("case %d %+v: countExact = %v, brute force %d", i, s, got, want)
		}
		if e := s.countByEnumeration(); e.Int64() != want {
			t.Fatalf("case %d %+v: enumeration = %v, brute force %d", i, s, e, want)
		}
		// Every mix of forms must agree, not just the cheapest one.
		c := len(s.cls)
		forms := make([]classForm, c)
		for mask := 0; mask < 1<<c; mask++ {
			for j := range forms {
				forms[j] = classForm(mask >> j & 1)
			}
			sum := new(big.Int)
			for _, tm := range s.expand(forms) {
				v := evalTerm(s.L, tm.pieces, tm.pool)
				if tm.neg {
					v.Neg(v)
				}
				sum.Add(sum, v)
			}
			if sum.Int64() != want {
				t.Fatalf("case %d %+v forms %v: %v, brute force %d", i, s, forms, sum, want)
			}
		}
		if want > 0 {
			lb := s.log2LowerBound()
			exact := math.Log2(float64(want))
			if lb > exact || lb < exact-1e-5 {
				t.Fatalf("case %d %+v: lower bound %v vs exact %v", i, s, lb, exact)
			}
		} else if lb := s.log2LowerBound(); !math.IsInf(lb, -1) {
			t.Fatalf("case %d %+v: lower bound %v for an empty set", i, s, lb)
		}
	}
}

// Exact counts of policies over the default classes (lower 26, upper 26,
// digits 10, symbols 32), each checkable by hand: L=4 with one of each is
// 4!·26·26·10·32.
func TestCountKnownPolicies(t *testing.T) {
	oneEach := func(L int) countSpec {
		return countSpec{L: L, cls: []countClass{{26, 1, L}, {26, 1, L}, {10, 1, L}, {32, 1, L}}}
	}
	cases := []struct {
		name string
		s    countSpec
		want string
	}{
		{"L=4 min 1 each", oneEach(4), "5191680"},
		{"L=8 min 1 each", oneEach(8), "2807657387458560"},
		{"L=20 min 1 each", oneEach(20), "2585908648140078948280078326668093030400"},
		{"seed recipe", countSpec{L: 10, cls: []countClass{{26, 1, 10}, {26, 1, 10}, {10, 3, 10}}}, "172120264792320000"},
		{"L=12 ≥5 digits ≥5 symbols", countSpec{L: 12, cls: []countClass{{10, 5, 12}, {32, 5, 12}}, pool: 52}, "195511313655398400000"},
		{"L=12 ≥10 digits", countSpec{L: 12, cls: []countClass{{10, 10, 12}}, pool: 84}, "4758760000000000"},
	}
	for _, c := range cases {
		want, _ := new(big.Int).SetString(c.want, 10)
		got, ok := c.s.countExact(math.Inf(1))
		if !ok || got.Cmp(want) != 0 {
			t.Errorf("%s: got %v, want %v", c.name, got, want)
		}
		if e := c.s.countByEnumeration(); e.Cmp(want) != 0 {
			t.Errorf("%s: enumeration %v, want %v", c.name, e, want)
		}
	}
}

// Larger policies: the inclusion–exclusion count, the enumeration and the
// lower bound must agree where all three are affordable.
func TestStatCountMethodsAgreeMidSize(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 60 {
		L := 10 + rng.IntN(60)
		s := countSpec{L: L}
		for _, n := range []int64{26, 26, 10, 32} {
			if rng.IntN(3) == 0 {
				s.pool += n
				continue
			}
			lo := rng.IntN(L/4 + 1)
			hi := L
			if rng.IntN(2) == 0 {
				hi = lo + rng.IntN(L/2+1)
			}
			s.cls = append(s.cls, countClass{n: n, lo: lo, hi: min(hi, L)})
		}
		if s.compositions(200000) < 0 {
			continue
		}
		ie, ok := s.countExact(math.Inf(1))
		if !ok {
			t.Fatal("countExact refused with an infinite budget")
		}
		en := s.countByEnumeration()
		if ie.Cmp(en) != 0 {
			t.Fatalf("case %d %+v: IE %v != enumeration %v", i, s, ie, en)
		}
		if ie.Sign() == 0 {
			continue
		}
		lb, exact := s.log2LowerBound(), log2Big(ie)
		if lb > exact || lb < exact-1e-4 {
			t.Fatalf("case %d %+v: lower bound %v vs exact %v", i, s, lb, exact)
		}
	}
}

func TestCompositionsCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		s := randomSmallSpec(rng)
		n := 0
		s.visitCompositions(func([]int, *big.Int) { n++ })
		if got := s.compositions(1 << 30); got != n {
			t.Fatalf("%+v: compositions = %d, visited %d", s, got, n)
		}
	}
}

// The sequential sampler's tables count |V| on their own: they must agree
// with inclusion–exclusion (and so with brute force, which it is checked
// against) on every kind of spec, pool or none, maximums or none.
func TestSequentialCountAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 300 {
		s := randomSmallSpec(rng)
		if i%2 == 0 {
			s = countSpec{L: 5 + rng.IntN(80)}
			for _, n := range []int64{26, 26, 10, 32, 1} {
				if rng.IntN(4) == 0 {
					s.pool += n
					continue
				}
				lo := rng.IntN(s.L/3 + 1)
				hi := s.L
				if rng.IntN(2) == 0 {
					hi = lo + rng.IntN(s.L/3+1)
				}
				s.cls = append(s.cls, countClass{n: n, lo: lo, hi: min(hi, s.L)})
			}
		}
		want, ok := s.countExact(math.Inf(1))
		if !ok {
			t.Fatal("countExact refused with an infinite budget")
		}
		_, got := newSequentialSampler(&layout{}, s)
		if got.Cmp(want) != 0 {
			t.Fatalf("case %d %+v: sequential count %v, want %v", i, s, got, want)
		}
	}
}

// Loose classes (ranges almost every string meets) are merged into the
// pool for the lower bound, less the strings that break them: the bound
// stays below the exact count and within 10^−5 bit of it.
func TestLowerBoundMergesLooseClasses(t *testing.T) {
	cases := []countSpec{
		{L: 400, cls: []countClass{{26, 5, 400}, {26, 5, 400}, {10, 3, 400}, {32, 0, 150}}},
		{L: 600, cls: []countClass{{26, 2, 600}, {10, 1, 600}, {32, 150, 220}, {1, 0, 10}}, pool: 26},
		{L: 300, cls: []countClass{{26, 1, 300}, {26, 1, 300}, {10, 1, 300}, {32, 1, 300}}},
	}
	for i, s := range cases {
		reduced, broken := s.withoutLooseClasses()
		if len(reduced.cls) >= len(s.cls) || math.IsInf(broken, -1) {
			t.Fatalf("case %d: no class merged (%d of %d kept)", i, len(reduced.cls), len(s.cls))
		}
		exact, ok := s.countExact(math.Inf(1))
		if !ok {
			t.Fatal("countExact refused with an infinite budget")
		}
		lb, want := s.log2LowerBound(), log2Big(exact)
		if lb > want || lb < want-1e-5 {
			t.Errorf("case %d: lower bound %.9f vs exact %.9f", i, lb, want)
		}
	}
}
