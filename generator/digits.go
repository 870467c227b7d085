package generator

import (
	"math/bits"
	"slices"
)

// Batched digits: one uniform 64-bit word gives several independent uniform
// digits in [0, n) without any division.
//
// With p = n^k <= 2^64, multiply the word x by n k times, keeping the high
// word as a digit and carrying the low word on: x·p = R·2^64 + l, where R
// is exactly the k-digit base-n number spelt by those digits. Lemire's
// argument makes R uniform on [0, p) once x is redrawn whenever
// l < 2^64 mod p, and the digits of a uniform R are independent and
// uniform. For the 94-character alphabet that is 9 characters per 8 random
// bytes (0.89 bytes per character, against 1.36 for byte rejection), which
// is what makes bulk output run at the speed of the random source.
// (Brackett-Rozinsky and Lemire, "Batched ranged random integer
// generation", 2024.)

type digitBatch struct {
	n uint64 // digit range
	k int    // digits per word
	p uint64 // n^k
	t uint64 // 2^64 mod p: reject when the low word is below this
}

// newDigitBatch prepares batches for digits in [0, n), 2 <= n <= 2^32.
func newDigitBatch(n int) digitBatch {
	b := digitBatch{n: uint64(n), p: 1}
	for {
		hi, lo := bits.Mul64(b.p, b.n)
		if hi != 0 {
			break
		}
		b.p = lo
		b.k++
	}
	b.t = -b.p % b.p
	return b
}

// digitCarry holds the digits of a batched word that fill did not use.
// They are uniform and independent of every digit taken before them, so
// the next fill of the same range starts with them rather than wasting
// them: rejection sampling then draws about 0.9 bytes a character, as the
// default does, instead of a whole word for each try's last few.
type digitCarry struct {
	n    uint64 // the range of the digits; 0 for none
	x    uint64 // the word, multiplied on as digits are taken
	left int
}

// fill writes uniform digits into out, consuming one 64-bit word per k
// digits (plus rare redraws). It starts with the digits left over from
// the last word of the same range, and leaves the rest of its own last
// word for the next fill.
func (b digitBatch) fill(r *Rand, out []int32) {
	// The slot of this range, or else the other one's (the older).
	c := &r.carry[0]
	if c.n != b.n {
		r.carry[0], r.carry[1] = r.carry[1], r.carry[0]
	}
	i := 0
	if c.n == b.n {
		for ; i < len(out) && c.left > 0; i++ {
			hi, lo := bits.Mul64(c.x, b.n)
			out[i] = int32(hi)
			c.x = lo
			c.left--
		}
	}
	for i < len(out) {
		x := r.u64()
		if r.err != nil {
			return
		}
		if _, l := bits.Mul64(x, b.p); l < b.t {
			continue
		}
		m := min(b.k, len(out)-i)
		for j := range m {
			hi, lo := bits.Mul64(x, b.n)
			out[i+j] = int32(hi)
			x = lo
		}
		i += m
		*c = digitCarry{n: b.n, x: x, left: b.k - m}
	}
}

// appendLines appends count lines of L characters of alphabet, each
// followed by a newline, drawing digits in batches across line boundaries.
// alphabet is ASCII. The output is written into a presized slice to keep
// the per-character cost to one multiplication and one store.
func (b digitBatch) appendLines(dst []byte, r *Rand, alphabet []byte, L, count int) []byte {
	start := len(dst)
	dst = slices.Grow(dst, count*(L+1))[:start+count*(L+1)]
	out := dst[start:]
	pos, col := 0, 0
	for pos < len(out) {
		x := r.u64()
		if r.err != nil {
			return dst[:start+pos]
		}
		if _, l := bits.Mul64(x, b.p); l < b.t {
			continue
		}
		for range b.k {
			hi, lo := bits.Mul64(x, b.n)
			x = lo
			out[pos] = alphabet[hi]
			pos++
			if col++; col == L {
				out[pos] = '\n'
				pos++
				col = 0
				if pos == len(out) {
					break
				}
			}
		}
	}
	return dst
}

// Mixed ranges: the same method draws digits of different ranges from one
// word, n_1, n_2, … as long as their product p fits in 64 bits: multiply
// by each n_i in turn, keeping the high word as the digit, and redraw the
// word when the low word of x·p is below 2^64 mod p. The digits then spell
// a uniform number in mixed radix, so each is uniform in its own range and
// independent of the others (Brackett-Rozinsky and Lemire, ibid., whose
// batched shuffle this is).

// mixedWord draws a 64-bit word from which digits of ranges of product p
// can be taken without bias (see above). The threshold 2^64 mod p costs a
// division, so it is only worked out when the low word is below p, the
// only case in which it can matter.
func mixedWord(r *Rand, p uint64) uint64 {
	if p <= 1<<32 {
		// A 32-bit word u serves as x = u·2^32: the same method on 32
		// bits, half the randomness when the digits need no more.
		for {
			x := uint64(r.u32()) << 32
			if r.err != nil {
				return 0
			}
			if _, l := bits.Mul64(x, p); l>>32 >= p || l>>32 >= (1<<32)%p {
				return x
			}
		}
	}
	for {
		x := r.u64()
		if r.err != nil {
			return 0
		}
		if _, l := bits.Mul64(x, p); l >= p || l >= -p%p {
			return x
		}
	}
}

// drawMixed sets out[d] to a uniform digit in [0, ranges[d]) for every
// d, independently, taking as many digits from each 64-bit word as the
// product of their ranges allows.
func drawMixed(r *Rand, ranges []uint64, out []int32) {
	n := len(ranges)
	for d := 0; d < n; {
		p, e := uint64(1), d
		for ; e < n; e++ {
			hi, lo := bits.Mul64(p, ranges[e])
			if hi != 0 {
				break
			}
			p = lo
		}
		x := mixedWord(r, p)
		if r.err != nil {
			return
		}
		for ; d < e; d++ {
			hi, lo := bits.Mul64(x, ranges[d])
			x = lo
			out[d] = int32(hi)
		}
	}
}

// shuffler holds the ranges of a Fisher–Yates shuffle of L elements,
// L, L−1, …, 1, in the order its swaps use them.
type shuffler struct {
	ranges []uint64
}

func newShuffler(L int) shuffler {
	ranges := make([]uint64, L)
	for i := range ranges {
		ranges[i] = uint64(L - i)
	}
	return shuffler{ranges: ranges}
}
