package generator

import (
	"math"
	"testing"
)

// The floating-point transfer rescales its rows (rescale); a term of the
// inclusion–exclusion whose alphabet leaves no state at all has an empty
// row, which counts no string rather than failing. Four required sets with
// both run limits at 512 characters take that path.
func TestFloatTransferEmptyRow(t *testing.T) {
	p := PasswordPolicy{Length: 512, Alphabet: LowerChars + UpperChars + DigitChars + "!#$%", MaxSequential: 3, MaxRepeating: 2,
		Require: []string{LowerChars, UpperChars, DigitChars, "!#$%"}}
	e, err := PasswordEntropy(p)
	if err != nil {
		t.Fatal(err)
	}
	if plain := 512 * math.Log2(66); e.Bits > plain || e.Bits < plain-10 {
		t.Fatalf("%v: out of (%.1f−10, %.1f]", e, plain, plain)
	}
}

// rescale brings the largest entry into [1/2, 1) by a power of two and
// drops what falls below the floor.
func TestRescale(t *testing.T) {
	row := []float64{3, 0, 0x1p-700, 12}
	e, dropped := rescale(row, 0x1p-600)
	if e != 4 || !dropped || row[0] != 3.0/16 || row[1] != 0 || row[2] != 0 || row[3] != 0.75 {
		t.Fatalf("rescale: e=%d dropped=%v row=%v", e, dropped, row)
	}
	if e, dropped := rescale(nil, 1); e != 0 || dropped {
		t.Fatalf("empty row: e=%d dropped=%v", e, dropped)
	}
}
