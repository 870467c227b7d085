package generator

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
)

// trivialSet builds the blocklist of one length by writing each PIN out,
// independently of IsTrivialPIN's step rule: for each first digit, the
// repeated, ascending and descending run.
func trivialSet(length int) map[string]bool {
	set := map[string]bool{}
	for first := range 10 {
		var same, up, down strings.Builder
		for i := range length {
			same.WriteByte(byte('0' + first))
			up.WriteByte(byte('0' + (first+i)%10))
			down.WriteByte(byte('0' + (first+10*length-i)%10))
		}
		set[same.String()], set[up.String()], set[down.String()] = true, true, true
	}
	return set
}

func mustPIN(t testing.TB, p PINPolicy) *PIN {
	t.Helper()
	pin, err := NewPIN(p)
	if err != nil {
		t.Fatalf("NewPIN(%+v): %v", p, err)
	}
	return pin
}

func TestPINCountMatchesEnumeration(t *testing.T) {
	for length := 1; length <= 6; length++ {
		blocked := trivialSet(length)
		all, allowed := 0, 0
		for s := range allDigitStrings(length) {
			all++
			if !blocked[s] {
				allowed++
			}
			if IsTrivialPIN(s) != blocked[s] {
				t.Fatalf("IsTrivialPIN(%q) = %v, the written-out blocklist says %v", s, !blocked[s], blocked[s])
			}
		}
		if e := mustPIN(t, PINPolicy{Length: length}).Entropy(); e.Count.Int64() != int64(all) || e.Bound != Exact ||
			math.Abs(e.Bits-math.Log2(float64(all))) > 1e-12 {
			t.Errorf("length %d: count %v (%v bits), enumerated %d", length, e.Count, e.Bits, all)
		}
		pin, err := NewPIN(PINPolicy{Length: length, NoTrivial: true})
		if allowed == 0 {
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.Field != "length" || !strings.Contains(pe.Error(), "2 or more") {
				t.Errorf("length %d with no allowed PINs: error %v, want one suggesting 2 or more digits", length, err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if e := pin.Entropy(); e.Count.Int64() != int64(allowed) || math.Abs(e.Bits-math.Log2(float64(allowed))) > 1e-12 {
			t.Errorf("length %d without trivial PINs: count %v, enumerated %d", length, e.Count, allowed)
		}
	}
}

// allDigitStrings yields every string of length digits, counting up like
// an odometer.
func allDigitStrings(length int) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		b := []byte(strings.Repeat("0", length))
		for {
			if !yield(string(b)) {
				return
			}
			i := length - 1
			for ; i >= 0 && b[i] == '9'; i-- {
				b[i] = '0'
			}
			if i < 0 {
				return
			}
			b[i]++
		}
	}
}

func TestPINCountLong(t *testing.T) {
	e := mustPIN(t, PINPolicy{Length: MaxLength, NoTrivial: true}).Entropy()
	want := new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxLength), nil)
	want.Sub(want, big.NewInt(int64(len(trivialSet(MaxLength)))))
	if e.Count.Cmp(want) != 0 {
		t.Fatalf("count at length %d is off by %v", MaxLength, new(big.Int).Sub(e.Count, want))
	}
}

func TestIsTrivialPIN(t *testing.T) {
	for s, want := range map[string]bool{
		"0000": true, "7777": true, "1234": true, "7890": true, "8901": true, "4321": true,
		"0987": true, "1098": true, "5": true, "90": true, "09": true, "0123456789012": true,
		"1235": false, "1243": false, "1212": false, "2468": false, "12a4": false, "": false,
		"１２３４": false, " 1234": false, "-123": false, "0001": false,
	} {
		if got := IsTrivialPIN(s); got != want {
			t.Errorf("IsTrivialPIN(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNewPINRejects(t *testing.T) {
	for _, l := range []int{0, -1, MaxLength + 1} {
		_, err := NewPIN(PINPolicy{Length: l})
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "length" || !strings.Contains(pe.Error(), "1 to 4096") {
			t.Errorf("NewPIN length %d: %v, want a PolicyError on length naming 1 to 4096", l, err)
		}
	}
	if p := DefaultPINPolicy(); p != (PINPolicy{Length: 6}) || mustPIN(t, p).Policy() != p {
		t.Errorf("DefaultPINPolicy() = %+v", p)
	}
}

func TestPINShape(t *testing.T) {
	r := seededRand(10)
	// 17 to 19 and 36 to 37 straddle the 18-digit draws.
	for _, l := range []int{1, 2, 6, 17, 18, 19, 36, 37, 100, MaxLength} {
		for _, nt := range []bool{false, true} {
			if l == 1 && nt {
				continue
			}
			s, err := mustPIN(t, PINPolicy{Length: l, NoTrivial: nt}).Generate(r)
			if err != nil || len(s) != l || strings.Trim(s, "0123456789") != "" {
				t.Fatalf("length %d: %q, %v", l, s, err)
			}
		}
	}
}

// Every digit position is uniform, with or without the blocklist: adding a
// constant to every digit maps the blocklist onto itself, so removing it
// leaves each position's digits equally likely.
func TestPINDigitsUniform(t *testing.T) {
	for _, nt := range []bool{false, true} {
		r := seededRand(11)
		const l, draws = 6, 40000
		pin := mustPIN(t, PINPolicy{Length: l, NoTrivial: nt})
		obs := make([]int64, l*10)
		for range draws {
			s, err := pin.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			for i := range l {
				obs[i*10+int(s[i]-'0')]++
			}
		}
		requireChiRows(t, fmt.Sprintf("PIN digit per position (no-trivial %v)", nt), obs, uniformExp(l*10, draws*l), l)
	}
}

// Over the whole output set: at length 2 the 70 allowed PINs are equally
// likely and the 30 trivial ones never appear.
func TestPINUniformOverAllowed(t *testing.T) {
	r := seededRand(12)
	pin := mustPIN(t, PINPolicy{Length: 2, NoTrivial: true})
	blocked := trivialSet(2)
	const draws = 70000
	obs := make([]int64, 100)
	exp := make([]float64, 100)
	for v := range 100 {
		if !blocked[fmt.Sprintf("%02d", v)] {
			exp[v] = draws / 70.0
		}
	}
	for range draws {
		s, err := pin.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		obs[int(s[0]-'0')*10+int(s[1]-'0')]++
	}
	for v := range 100 {
		if exp[v] == 0 && obs[v] != 0 {
			t.Fatalf("trivial PIN %02d drawn %d times", v, obs[v])
		}
	}
	requireChi(t, "2-digit PINs without trivial", obs, exp)
}

func TestPINNoTrivialNeverTrivial(t *testing.T) {
	r := seededRand(13)
	for l := 2; l <= 6; l++ {
		blocked := trivialSet(l)
		pin := mustPIN(t, PINPolicy{Length: l, NoTrivial: true})
		for range 20000 {
			s, err := pin.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if blocked[s] {
				t.Fatalf("length %d: trivial PIN %q drawn", l, s)
			}
		}
	}
}

func TestMinPINLength(t *testing.T) {
	for _, nt := range []bool{false, true} {
		entropy := func(l int) float64 {
			if nt && l == 1 {
				return math.Inf(-1)
			}
			// --min-bits compares with the exact figure.
			return mustPIN(t, PINPolicy{Length: l, NoTrivial: nt}).Entropy().Bits
		}
		for bits := 0.0; bits <= 200; bits += 0.125 {
			l, err := MinPINLength(nt, bits)
			if err != nil {
				t.Fatal(err)
			}
			if entropy(l) < bits || l > 1 && entropy(l-1) >= bits {
				t.Fatalf("MinPINLength(%v, %v) = %d, not the shortest reaching it", nt, bits, l)
			}
		}
		// 6 digits are 19.9315 bits (19.9315 without the trivial ones
		// too); the next hundredth needs 7.
		if l, _ := MinPINLength(nt, 19.93); l != 6 {
			t.Errorf("MinPINLength(%v, 19.93) = %d", nt, l)
		}
		if l, _ := MinPINLength(nt, 19.94); l != 7 {
			t.Errorf("MinPINLength(%v, 19.94) = %d", nt, l)
		}
		if l, _ := MinPINLength(nt, 0); l != 1+btoi(nt) {
			t.Errorf("MinPINLength(%v, 0) = %d", nt, l)
		}
		most := mustPIN(t, PINPolicy{Length: MaxLength, NoTrivial: nt}).Entropy().Rounded()
		if l, err := MinPINLength(nt, most); err != nil || l != MaxLength {
			t.Errorf("MinPINLength(%v, %v) = %d, %v; want %d", nt, most, l, err, MaxLength)
		}
		for _, bad := range []float64{most + 0.01, math.Inf(1), math.NaN(), -0.5} {
			_, err := MinPINLength(nt, bad)
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.Field != "min-bits" {
				t.Errorf("MinPINLength(%v, %v): %v, want a PolicyError on min-bits", nt, bad, err)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestPINFailingSource(t *testing.T) {
	for _, p := range []PINPolicy{{Length: 6}, {Length: 6, NoTrivial: true}, {Length: 40, NoTrivial: true}} {
		s, err := mustPIN(t, p).Generate(NewRand(&failingSource{}))
		if s != "" || !errors.Is(err, ErrRandomness) {
			t.Fatalf("%+v on a failing source: %q, %v", p, s, err)
		}
	}
}

func BenchmarkPIN(b *testing.B) {
	pin := mustPIN(b, PINPolicy{Length: 6, NoTrivial: true})
	r := NewRand(CryptoSource())
	for b.Loop() {
		if _, err := pin.Generate(r); err != nil {
			b.Fatal(err)
		}
	}
}
