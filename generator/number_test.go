package generator

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
)

func mustRange(t testing.TB, lo, hi int64) NumberRange {
	t.Helper()
	n, err := NewNumberRange(lo, hi)
	if err != nil {
		t.Fatalf("NewNumberRange(%d, %d): %v", lo, hi, err)
	}
	return n
}

func TestNewNumberRange(t *testing.T) {
	_, err := NewNumberRange(10, 1)
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Field != "range" || !strings.Contains(pe.Error(), "1 to 10") {
		t.Fatalf("NewNumberRange(10, 1): %v, want a PolicyError on range suggesting 1 to 10", err)
	}
	for _, c := range []struct {
		lo, hi int64
		size   string
	}{
		{1, 6, "6"}, {-5, 5, "11"}, {7, 7, "1"},
		{math.MinInt64, math.MaxInt64, "18446744073709551616"},
		{math.MinInt64, -1, "9223372036854775808"},
		{-1, math.MaxInt64, "9223372036854775809"},
	} {
		n := mustRange(t, c.lo, c.hi)
		if n.Size().String() != c.size {
			t.Errorf("size of [%d, %d] = %v, want %s", c.lo, c.hi, n.Size(), c.size)
		}
		e := n.Entropy()
		f, _ := new(big.Float).SetInt(n.Size()).Float64()
		if e.Count.String() != c.size || e.Bound != Exact || math.Abs(e.Bits-math.Log2(f)) > 1e-12 {
			t.Errorf("entropy of [%d, %d] = %+v", c.lo, c.hi, e)
		}
	}
	if bits := mustRange(t, math.MinInt64, math.MaxInt64).Entropy().Bits; bits != 64 {
		t.Errorf("full range has %v bits, want 64", bits)
	}
	if s := (NumberRange{Lo: 2, Hi: 1}).Size(); s.Sign() != 0 {
		t.Errorf("an empty range has size %v", s)
	}
}

// checkDrawUniform draws from n, whose size is small, and checks the values
// cover it uniformly.
func checkDrawUniform(t *testing.T, n NumberRange, seed uint64) {
	t.Helper()
	r := seededRand(seed)
	size := int(n.Size().Int64())
	draws := 2000 * size
	obs := make([]int64, size)
	for range draws {
		v, err := n.Draw(r)
		if err != nil {
			t.Fatal(err)
		}
		if v < n.Lo || v > n.Hi {
			t.Fatalf("Draw in [%d, %d] gave %d", n.Lo, n.Hi, v)
		}
		obs[uint64(v)-uint64(n.Lo)]++
	}
	requireChi(t, fmt.Sprintf("Draw [%d, %d]", n.Lo, n.Hi), obs, uniformExp(size, draws))
}

func TestDrawUniform(t *testing.T) {
	for i, c := range [][2]int64{
		{1, 6}, {0, 1}, {-5, 5}, {-3, -1}, {1, 49}, {-100, 155},
		{math.MaxInt64 - 9, math.MaxInt64}, {math.MinInt64, math.MinInt64 + 9},
		{-4, 3}, // a power of two, where a careless mask would also pass
	} {
		checkDrawUniform(t, mustRange(t, c[0], c[1]), uint64(20+i))
	}
	v, err := mustRange(t, 42, 42).Draw(seededRand(1))
	if v != 42 || err != nil {
		t.Fatalf("Draw of [42, 42] = %d, %v", v, err)
	}
}

// Huge ranges, split into a few cells by value: the full range (its top and
// bottom bits), and ranges of 3·2^62 and 2^63+1 values where an unbiased
// draw must reject often.
func TestDrawUniformHuge(t *testing.T) {
	const draws = 200000
	full := mustRange(t, math.MinInt64, math.MaxInt64)
	r := seededRand(30)
	top, bottom := make([]int64, 16), make([]int64, 16)
	for range draws {
		v, err := full.Draw(r)
		if err != nil {
			t.Fatal(err)
		}
		top[uint64(v)>>60]++
		bottom[v&15]++
	}
	requireChi(t, "full range top bits", top, uniformExp(16, draws))
	requireChi(t, "full range bottom bits", bottom, uniformExp(16, draws))

	for _, n := range []NumberRange{
		{Lo: math.MinInt64, Hi: math.MaxInt64 - 1<<62},              // 3·2^62 values
		{Lo: -1 << 62, Hi: 1 << 62},                                 // 2^63 + 1 values
		{Lo: math.MinInt64 + 12345, Hi: math.MaxInt64 - 1<<61 - 99}, // 3.5·2^62 − 12443 values
	} {
		const cells = 7
		size := n.Size()
		obs := make([]int64, cells)
		exp := make([]float64, cells)
		for c := range cells { // cell c holds offsets [ceil(c·size/7), ceil((c+1)·size/7))
			lo, hi := cellStart(size, c, cells), cellStart(size, c+1, cells)
			w, _ := new(big.Float).SetInt(new(big.Int).Sub(hi, lo)).Float64()
			s, _ := new(big.Float).SetInt(size).Float64()
			exp[c] = draws * w / s
		}
		for range draws {
			v, err := n.Draw(r)
			if err != nil {
				t.Fatal(err)
			}
			if v < n.Lo || v > n.Hi {
				t.Fatalf("Draw in [%d, %d] gave %d", n.Lo, n.Hi, v)
			}
			off := new(big.Int).Sub(big.NewInt(v), big.NewInt(n.Lo))
			c := int(new(big.Int).Div(new(big.Int).Mul(off, big.NewInt(cells)), size).Int64())
			obs[c]++
		}
		requireChi(t, fmt.Sprintf("Draw [%d, %d] in sevenths", n.Lo, n.Hi), obs, exp)
	}
}

func cellStart(size *big.Int, c, cells int) *big.Int {
	x := new(big.Int).Mul(size, big.NewInt(int64(c)))
	x.Add(x, big.NewInt(int64(cells-1)))
	return x.Div(x, big.NewInt(int64(cells)))
}

func checkUnique(t *testing.T, n NumberRange, k int, got []int64) {
	t.Helper()
	if len(got) != k {
		t.Fatalf("DrawUnique([%d, %d], %d) gave %d values", n.Lo, n.Hi, k, len(got))
	}
	seen := make(map[int64]bool, k)
	for _, v := range got {
		if v < n.Lo || v > n.Hi {
			t.Fatalf("DrawUnique([%d, %d], %d) gave %d, out of range", n.Lo, n.Hi, k, v)
		}
		if seen[v] {
			t.Fatalf("DrawUnique([%d, %d], %d) gave %d twice", n.Lo, n.Hi, k, v)
		}
		seen[v] = true
	}
}

func TestDrawUniqueDistinct(t *testing.T) {
	r := seededRand(40)
	for _, c := range []struct {
		lo, hi int64
		k      int
	}{
		{1, 49, 6}, {1, 49, 49}, {1, 100, 10}, {1, 100, 60}, {1, 100, 100}, // sparse and dense
		{-10, 10, 21}, {0, 0, 1}, {-3, -1, 2},
		{math.MaxInt64 - 4, math.MaxInt64, 5}, {math.MinInt64, math.MinInt64 + 4, 5},
		{math.MinInt64, math.MaxInt64, 5000}, {-1 << 40, 1 << 40, 100000},
		{0, 1 << 20, 1 << 19}, // just over twice k: the sparse path at its most crowded
	} {
		n := mustRange(t, c.lo, c.hi)
		got, err := n.DrawUnique(r, c.k)
		if err != nil {
			t.Fatal(err)
		}
		checkUnique(t, n, c.k, got)
	}
	got, err := mustRange(t, 1, 10).DrawUnique(r, 0)
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("DrawUnique of 0 numbers: %v, %v", got, err)
	}
}

// Every ordered selection is equally likely: all 20 ordered pairs from 5
// values (drawn sparsely: 5 > 2·2) and all 60 ordered triples (densely).
func TestDrawUniqueOrderedSelectionsUniform(t *testing.T) {
	for _, k := range []int{2, 3} {
		r := seededRand(uint64(41 + k))
		n := mustRange(t, -2, 2)
		cells := 1
		for i := range k {
			cells *= 5 - i
		}
		draws := 1000 * cells
		counts := map[string]int64{}
		for range draws {
			got, err := n.DrawUnique(r, k)
			if err != nil {
				t.Fatal(err)
			}
			checkUnique(t, n, k, got)
			counts[fmt.Sprint(got)]++
		}
		if len(counts) != cells {
			t.Fatalf("k=%d: %d distinct ordered selections drawn, want %d", k, len(counts), cells)
		}
		obs := make([]int64, 0, cells)
		for _, c := range counts {
			obs = append(obs, c)
		}
		requireChi(t, fmt.Sprintf("ordered %d-selections of 5", k), obs, uniformExp(cells, draws))
	}
}

// Each position of the draw is uniform over the range, on both paths and
// with a negative low end.
func TestDrawUniquePositionsUniform(t *testing.T) {
	for i, c := range []struct {
		lo, hi int64
		k      int
	}{{-50, 49, 4}, {-50, 49, 70}, {1, 20, 20}} {
		r := seededRand(uint64(50 + i))
		n := mustRange(t, c.lo, c.hi)
		size := int(n.Size().Int64())
		draws := 300 * size
		obs := make([]int64, c.k*size)
		for range draws {
			got, err := n.DrawUnique(r, c.k)
			if err != nil {
				t.Fatal(err)
			}
			for p, v := range got {
				obs[p*size+int(v-c.lo)]++
			}
		}
		requireChiRows(t, fmt.Sprintf("DrawUnique([%d, %d], %d) per position", c.lo, c.hi, c.k), obs, uniformExp(c.k*size, draws*c.k), c.k)
	}
}

func TestDrawUniqueRejects(t *testing.T) {
	r := seededRand(60)
	for _, c := range []struct {
		n    NumberRange
		k    int
		says string
	}{
		{NumberRange{Lo: 1, Hi: 6}, 7, "only holds 6 numbers"},
		{NumberRange{Lo: math.MaxInt64, Hi: math.MaxInt64}, 2, "only holds 1 number,"},
		{NumberRange{Lo: 1, Hi: 6}, -1, "0 or more"},
		{NumberRange{Lo: math.MinInt64, Hi: math.MaxInt64}, MaxUnique + 1, "at most 10000000"},
	} {
		got, err := c.n.DrawUnique(r, c.k)
		var pe *PolicyError
		if got != nil || !errors.As(err, &pe) || pe.Field != "unique" || !strings.Contains(pe.Error(), c.says) {
			t.Errorf("DrawUnique([%d, %d], %d) = %v, %v; want a PolicyError on unique saying %q", c.n.Lo, c.n.Hi, c.k, got, err, c.says)
		}
	}
	for _, bad := range []NumberRange{{Lo: 1, Hi: 0}, {Lo: math.MaxInt64, Hi: math.MinInt64}} {
		var pe *PolicyError
		if _, err := bad.Draw(r); !errors.As(err, &pe) || pe.Field != "range" {
			t.Errorf("Draw on [%d, %d]: %v", bad.Lo, bad.Hi, err)
		}
		if got, err := bad.DrawUnique(r, 1); got != nil || !errors.As(err, &pe) || pe.Field != "range" {
			t.Errorf("DrawUnique on [%d, %d]: %v", bad.Lo, bad.Hi, err)
		}
	}
}

// countSelections counts ordered selections of k distinct values out of
// size by listing them.
func countSelections(size, k int) int64 {
	used := make([]bool, size)
	var walk func(depth int) int64
	walk = func(depth int) int64 {
		if depth == k {
			return 1
		}
		var total int64
		for v := range size {
			if !used[v] {
				used[v] = true
				total += walk(depth + 1)
				used[v] = false
			}
		}
		return total
	}
	return walk(0)
}

func TestUniqueEntropyMatchesEnumeration(t *testing.T) {
	for size := 1; size <= 8; size++ {
		n := mustRange(t, -3, int64(size)-4)
		for k := 0; k <= size+1; k++ {
			e := n.UniqueEntropy(k)
			want := int64(0)
			if k <= size {
				want = countSelections(size, k)
			}
			if e.Bound != Exact || e.Count.Int64() != want || e.Bits != math.Log2(float64(want)) {
				t.Errorf("UniqueEntropy(size %d, k %d) = %v bits, count %v; enumerated %d", size, k, e.Bits, e.Count, want)
			}
		}
	}
	if e := mustRange(t, 1, 6).UniqueEntropy(1); e.Bits != mustRange(t, 1, 6).Entropy().Bits {
		t.Errorf("one unique draw should be as strong as one draw: %v", e.Bits)
	}
}

// exactFalling is size·(size−1)···(size−k+1), one factor at a time.
func exactFalling(size *big.Int, k int) *big.Int {
	p, f := big.NewInt(1), new(big.Int).Set(size)
	for range k {
		p.Mul(p, f)
		f.Sub(f, big.NewInt(1))
	}
	return p
}

func TestUniqueEntropyExactAndBounded(t *testing.T) {
	cases := []struct {
		n NumberRange
		k int
	}{
		{NumberRange{Lo: math.MinInt64, Hi: math.MaxInt64}, 4000},
		{NumberRange{Lo: 1, Hi: 2000}, 2000},
		{NumberRange{Lo: 0, Hi: 1 << 40}, 3000},
		{NumberRange{Lo: -5, Hi: 10000}, 777},
	}
	for _, c := range cases {
		want := exactFalling(c.n.Size(), c.k)
		e := c.n.UniqueEntropy(c.k)
		if e.Bound != Exact || e.Count.Cmp(want) != 0 {
			t.Errorf("UniqueEntropy([%d, %d], %d) is not the exact count (%v)", c.n.Lo, c.n.Hi, c.k, e.Bound)
		}
	}
	// With the exact path switched off, the same cases give lower bounds
	// within 1e-6 bits of the truth.
	saved := uniqueExactBits
	uniqueExactBits = 0
	defer func() { uniqueExactBits = saved }()
	for _, c := range cases {
		exact := exactFalling(c.n.Size(), c.k)
		truth := log2Big(exact)
		e := c.n.UniqueEntropy(c.k)
		if e.Bound != LowerBound || e.Count != nil || !pow2AtMost(e.Bits, exact) || truth-e.Bits > 1e-6 {
			t.Errorf("UniqueEntropy([%d, %d], %d) bound %v (%v), truth %v", c.n.Lo, c.n.Hi, c.k, e.Bits, e.Bound, truth)
		}
	}
}

// pow2AtMost reports whether 2^bits <= x, comparing in big.Float so that
// the only rounding is that of 2 to the fractional part of bits, a few parts
// in 1e16 of a bit.
func pow2AtMost(bits float64, x *big.Int) bool {
	whole := math.Floor(bits)
	p := new(big.Float).SetPrec(128).SetFloat64(math.Exp2(bits - whole))
	p.SetMantExp(p, int(whole))
	return p.Cmp(new(big.Float).SetPrec(uint(x.BitLen())+64).SetInt(x)) <= 0
}

func TestUniqueEntropyLarge(t *testing.T) {
	full := mustRange(t, math.MinInt64, math.MaxInt64)
	// log2(2^64 − i) = 64 − i/(2^64·ln 2) − …: ten million draws fall short
	// of 64 bits each by under 4e-6 bits in all.
	e := full.UniqueEntropy(MaxUnique)
	if e.Bound != LowerBound || e.Bits > 64*MaxUnique || e.Bits < 64*MaxUnique-1e-3 {
		t.Errorf("UniqueEntropy(full, %d) = %v (%v)", MaxUnique, e.Bits, e.Bound)
	}
	// Ten million of twenty million: log2 of 20e6!/10e6!, from the log-gamma
	// function to well within a bit.
	n := mustRange(t, 1, 2*MaxUnique)
	lg1, _ := math.Lgamma(2*MaxUnique + 1)
	lg2, _ := math.Lgamma(MaxUnique + 1)
	approx := (lg1 - lg2) / math.Ln2
	if e := n.UniqueEntropy(MaxUnique); e.Bound != LowerBound || math.Abs(e.Bits-approx) > 1 {
		t.Errorf("UniqueEntropy([1, 2e7], 1e7) = %v, log-gamma says %v", e.Bits, approx)
	}
	// Beyond what DrawUnique allows, still a lower bound.
	if e := full.UniqueEntropy(MaxUnique * 10); e.Bound != LowerBound || e.Bits > 640*MaxUnique || e.Bits < 640*MaxUnique-1 {
		t.Errorf("UniqueEntropy(full, 1e8) = %v", e.Bits)
	}
}

func TestNumberFailingSource(t *testing.T) {
	for _, n := range []NumberRange{{Lo: 1, Hi: 6}, {Lo: math.MinInt64, Hi: math.MaxInt64}, {Lo: -1 << 62, Hi: 1 << 62}} {
		if v, err := n.Draw(NewRand(&failingSource{})); v != 0 || !errors.Is(err, ErrRandomness) {
			t.Errorf("Draw([%d, %d]) on a failing source: %d, %v", n.Lo, n.Hi, v, err)
		}
		for _, k := range []int{1, 3, 6} { // both the sparse and the dense path
			if got, err := n.DrawUnique(NewRand(&failingSource{}), k); got != nil || !errors.Is(err, ErrRandomness) {
				t.Errorf("DrawUnique([%d, %d], %d) on a failing source: %v, %v", n.Lo, n.Hi, k, got, err)
			}
		}
	}
	// Failing part-way through: the first 512 values come from a good block.
	n := mustRange(t, 0, 1<<40)
	if got, err := n.DrawUnique(NewRand(&failingSource{good: blockSize}), 10000); got != nil || !errors.Is(err, ErrRandomness) {
		t.Errorf("DrawUnique failing part-way: %d values, %v", len(got), err)
	}
}

func BenchmarkDrawUnique1e6(b *testing.B) {
	n := NumberRange{Lo: math.MinInt64, Hi: math.MaxInt64}
	r := NewRand(CryptoSource())
	for b.Loop() {
		if _, err := n.DrawUnique(r, 1_000_000); err != nil {
			b.Fatal(err)
		}
	}
}
