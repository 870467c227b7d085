package generator

import (
	"math"
	"math/big"
	"testing"
)

func cumulative(ws []*big.Int) []*big.Int {
	cum := make([]*big.Int, len(ws))
	acc := new(big.Int)
	for i, w := range ws {
		acc = new(big.Int).Add(acc, w)
		cum[i] = acc
	}
	return cum
}

func checkChooser(t *testing.T, name string, ws []*big.Int, draws int, seed uint64) {
	t.Helper()
	c := newLazyChooser(cumulative(ws))
	r := seededRand(seed)
	obs := make([]int64, len(ws))
	for range draws {
		obs[c.pick(r)]++
	}
	total := new(big.Float).SetInt(cumulative(ws)[len(ws)-1])
	exp := make([]float64, len(ws))
	for i, w := range ws {
		f, _ := new(big.Float).Quo(new(big.Float).SetInt(w), total).Float64()
		exp[i] = f * float64(draws)
		if w.Sign() == 0 && obs[i] != 0 {
			t.Fatalf("%s: picked a zero-weight index %d", name, i)
		}
	}
	requireChi(t, name, obs, exp)
}

func TestLazyChooser(t *testing.T) {
	big1 := func(s string) *big.Int { v, _ := new(big.Int).SetString(s, 10); return v }
	huge := new(big.Int).Exp(big.NewInt(94), big.NewInt(300), nil)
	cases := map[string][]*big.Int{
		"small":      {big.NewInt(1), big.NewInt(2), big.NewInt(3), big.NewInt(0), big.NewInt(10)},
		"one":        {big.NewInt(7)},
		"huge-equal": {huge, huge, huge},
		"huge-mixed": {new(big.Int).Rsh(huge, 3), huge, big1("12345678901234567890123"), new(big.Int).Rsh(huge, 1)},
		// A total just above a power of two makes most top-bit draws land
		// beyond the total, exercising the redraw.
		"redraw": {new(big.Int).Lsh(big.NewInt(1), 200), big.NewInt(1)},
	}
	// Many boundaries to a bucket of the guide, and more boundaries than
	// the guide holds (the binary search).
	var many, skewed, tooMany []*big.Int
	for i := range 100 {
		many = append(many, big.NewInt(int64(i%7+1)))
	}
	for range 60 {
		skewed = append(skewed, big.NewInt(1))
	}
	skewed = append(skewed, new(big.Int).Lsh(big.NewInt(1), 70))
	for range 60 {
		skewed = append(skewed, big.NewInt(3))
	}
	for i := range 300 {
		tooMany = append(tooMany, big.NewInt(int64(i%5+1)))
	}
	cases["many"], cases["skewed"], cases["too-many"] = many, skewed, tooMany
	for name, ws := range cases {
		checkChooser(t, name, ws, 200000, 11)
	}
	// Force the exact tie-breaking path on nearly every draw.
	saved := lazyBits
	lazyBits = 2
	defer func() { lazyBits = saved }()
	for name, ws := range cases {
		checkChooser(t, name+"/2-bit", ws, 100000, 12)
	}
}

func TestBernoulliRatio(t *testing.T) {
	r := seededRand(5)
	cases := []struct{ x, y int64 }{{1, 3}, {2, 3}, {1, 1000}, {999, 1000}, {0, 5}, {5, 5}, {12345, 99991}}
	for _, c := range cases {
		x, y := big.NewInt(c.x), big.NewInt(c.y)
		approx := math.Log2(float64(c.x) / float64(c.y))
		for _, a := range []float64{approx, math.NaN()} { // NaN forces the exact path
			n := 200000
			hits := int64(0)
			for range n {
				if bernoulliRatio(r, a, func() (*big.Int, *big.Int) { return x, y }) {
					hits++
				}
			}
			p := float64(c.x) / float64(c.y)
			if c.x == 0 && hits != 0 || c.x == c.y && hits != int64(n) {
				t.Fatalf("%d/%d: %d hits of %d", c.x, c.y, hits, n)
			}
			if c.x > 0 && c.x < c.y {
				requireChi(t, "bernoulli", []int64{hits, int64(n) - hits}, []float64{p * float64(n), (1 - p) * float64(n)})
			}
		}
	}
	// Tiny probabilities far below 2^-64 must never come out true on the
	// fast path.
	x := big.NewInt(1)
	y := new(big.Int).Lsh(big.NewInt(1), 5000)
	for range 10000 {
		if bernoulliRatio(r, -5000, func() (*big.Int, *big.Int) { return x, y }) {
			t.Fatal("2^-5000 event happened")
		}
	}
}

func TestTopBits(t *testing.T) {
	x, _ := new(big.Int).SetString("123456789abcdef0fedcba9876543210aa", 16)
	for sh := uint(0); sh < 80; sh += 7 {
		want := new(big.Int).Rsh(x, sh)
		want.And(want, new(big.Int).SetUint64(^uint64(0)))
		if got := topBits(x, sh); got != want.Uint64() {
			t.Fatalf("topBits(x, %d) = %x, want %x", sh, got, want)
		}
	}
}
