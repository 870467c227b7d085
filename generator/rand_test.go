package generator

import (
	"bytes"
	"crypto/rand"
	"errors"
	"math/big"
	"testing"
)

func TestIntnUniform(t *testing.T) {
	// Byte rejection (n <= 256), Lemire-32, and Lemire-64 all need checking;
	// 3 and 255 are the worst cases for naive modulo bias on bytes.
	for _, n := range []int{2, 3, 10, 94, 255, 256, 257, 1000, 7776, 1<<31 + 11, 1<<40 + 3} {
		r := seededRand(uint64(n))
		const cells = 64 // bucket large ranges into 64 equal-probability-ish cells
		k := n
		if k > cells {
			k = cells
		}
		obs := make([]int64, k)
		exp := make([]float64, k)
		draws := 200000
		for range draws {
			v := r.intn(n)
			if v < 0 || v >= n {
				t.Fatalf("Intn(%d) = %d out of range", n, v)
			}
			obs[int(uint64(v)*uint64(k)/uint64(n))]++
		}
		for c := range k { // exact expected mass of each bucket
			lo := (uint64(c)*uint64(n) + uint64(k) - 1) / uint64(k)
			hi := (uint64(c+1)*uint64(n) + uint64(k) - 1) / uint64(k)
			exp[c] = float64(draws) * float64(hi-lo) / float64(n)
		}
		requireChi(t, "Intn", obs, exp)
		if r.Err() != nil {
			t.Fatal(r.Err())
		}
	}
}

// A modulo-biased sampler must fail the same check, or the check is blind.
func TestIntnCheckCatchesModuloBias(t *testing.T) {
	r := seededRand(1)
	n := 94
	obs := make([]int64, n)
	exp := make([]float64, n)
	draws := 1000000
	for range draws {
		obs[int(r.u8())%n]++
	}
	for i := range exp {
		exp[i] = float64(draws) / float64(n)
	}
	if _, _, p := chiSquare(obs, exp); p >= alarmP {
		t.Fatalf("byte %% 94 passed the uniformity check (p=%g)", p)
	}
}

func TestUint64nUniformAndBigIntn(t *testing.T) {
	r := seededRand(7)
	n := new(big.Int).Lsh(big.NewInt(3), 100) // 3·2^100: rejection rate 1/4
	obs := make([]int64, 3)
	exp := []float64{}
	draws := 150000
	for range draws {
		v := r.bigIntn(n)
		if v.Sign() < 0 || v.Cmp(n) >= 0 {
			t.Fatalf("BigIntn out of range: %v", v)
		}
		obs[new(big.Int).Rsh(v, 100).Int64()]++
	}
	for range 3 {
		exp = append(exp, float64(draws)/3)
	}
	requireChi(t, "BigIntn top third", obs, exp)
	if got := r.uint64n(1); got != 0 {
		t.Fatalf("Uint64n(1) = %d", got)
	}
}

func TestFailingSourceIsSticky(t *testing.T) {
	r := NewRand(&failingSource{good: 0})
	if v := r.intn(94); v != 0 || r.Err() == nil {
		t.Fatalf("Intn on a failed source = %d, err %v", v, r.Err())
	}
	if !errors.Is(r.Err(), ErrRandomness) || !errors.Is(r.Err(), errBrokenSource) {
		t.Fatalf("error %v should wrap ErrRandomness and the source's error", r.Err())
	}
	// Every draw must return promptly (no endless rejection loop on zeros).
	_ = r.intn(1 << 20)
	_ = r.uint64n(3)
	_ = r.bigIntn(big.NewInt(1000))
	buf := []byte{1, 2, 3}
	if _, err := r.Read(buf); err == nil || !bytes.Equal(buf, []byte{0, 0, 0}) {
		t.Fatalf("Read after failure: %v %v", buf, err)
	}
}

func TestFailureAfterSomeBlocks(t *testing.T) {
	r := NewRand(&failingSource{good: blockSize})
	for range blockSize {
		r.u8()
	}
	if r.Err() != nil {
		t.Fatal("failed early")
	}
	r.u8()
	if r.Err() == nil {
		t.Fatal("second block should have failed")
	}
}

func TestCryptoSourceRefusesSwappedReader(t *testing.T) {
	src := CryptoSource()
	buf := make([]byte, 32)
	if err := src.Fill(buf); err != nil {
		t.Fatal(err)
	}
	saved := rand.Reader
	rand.Reader = bytes.NewReader(make([]byte, 1024))
	defer func() { rand.Reader = saved }()
	if err := src.Fill(buf); err == nil {
		t.Fatal("CryptoSource used a replaced crypto/rand.Reader")
	}
}

// One statistical check of the real source's own bytes: the samplers'
// uniformity tests check what is built from them.
func TestCryptoSourceBytesUniform(t *testing.T) {
	r := NewRand(CryptoSource())
	obs := make([]int64, 256)
	exp := make([]float64, 256)
	draws := 1 << 20
	for range draws {
		obs[r.u8()]++
	}
	for i := range exp {
		exp[i] = float64(draws) / 256
	}
	requireChi(t, "crypto bytes", obs, exp)
}

func TestReaderSourceShortRead(t *testing.T) {
	r := NewRand(readerSource{bytes.NewReader(make([]byte, 10))})
	r.u8()
	if r.Err() == nil {
		t.Fatal("short reader should fail a 4 KiB block")
	}
}

func BenchmarkIntn94(b *testing.B) {
	r := NewRand(CryptoSource())
	for b.Loop() {
		r.intn(94)
	}
}
