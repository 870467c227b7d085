package generator

import (
	"math"
	"math/rand/v2"
	"testing"
)

// exp2Neg agrees with math.Exp2 to 10^−14 relative over its whole range,
// including the table's steps and the ends.
func TestExp2Neg(t *testing.T) {
	check := func(x float64) {
		got, want := exp2Neg(x), math.Exp2(x)
		if rel := math.Abs(got-want) / want; rel > 1e-14 {
			t.Fatalf("exp2Neg(%v) = %v, want %v (relative error %.3g)", x, got, want, rel)
		}
	}
	for i := 0; i <= 61*256; i++ {
		x := -float64(i) / 256
		check(x)
		check(math.Nextafter(x, -100))
		if x < 0 {
			check(math.Nextafter(x, 0))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		check(-rng.Float64() * (dropBits + 1))
	}
}
