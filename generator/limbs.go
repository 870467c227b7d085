package generator

import (
	"math/big"
	"math/bits"
)

// Unsigned multi-word arithmetic for the transfer tables.
//
// A table entry is a little-endian slice of 64-bit words. Every entry of a
// step is a count of strings of that length, so it is known in advance to
// fit a width (words) chosen from the alphabet size; the arithmetic is done
// modulo 2^(64·width), where intermediate borrows and carries out of the top
// word cancel because the true result is in range. This avoids big.Int's
// per-call overhead, which dominates at the few words per entry a password
// of a few hundred characters needs.

// lAdd sets z += x, where x may be shorter than z.
func lAdd(z, x []uint64) {
	var c uint64
	i := 0
	for ; i < len(x); i++ {
		z[i], c = bits.Add64(z[i], x[i], c)
	}
	for ; c != 0 && i < len(z); i++ {
		z[i], c = bits.Add64(z[i], 0, c)
	}
}

// lSub sets z -= x, where x may be shorter than z.
func lSub(z, x []uint64) {
	var b uint64
	i := 0
	for ; i < len(x); i++ {
		z[i], b = bits.Sub64(z[i], x[i], b)
	}
	for ; b != 0 && i < len(z); i++ {
		z[i], b = bits.Sub64(z[i], 0, b)
	}
}

// lAddMul sets z += k·x, where x may be shorter than z.
func lAddMul(z, x []uint64, k uint64) {
	var carry uint64
	i := 0
	for ; i < len(x); i++ {
		hi, lo := bits.Mul64(x[i], k)
		var c uint64
		lo, c = bits.Add64(lo, carry, 0)
		hi += c
		z[i], c = bits.Add64(z[i], lo, 0)
		carry = hi + c
	}
	for ; carry != 0 && i < len(z); i++ {
		z[i], carry = bits.Add64(z[i], carry, 0)
	}
}

// lSubMulDiff sets z −= k·(a − b), where a ≥ b and both may be shorter
// than z (b no longer than a).
func lSubMulDiff(z, a, b []uint64, k uint64) {
	var borrow, carry uint64 // carry: what is still to subtract at word i
	i := 0
	for ; i < len(a); i++ {
		var bi uint64
		if i < len(b) {
			bi = b[i]
		}
		var d uint64
		d, borrow = bits.Sub64(a[i], bi, borrow)
		hi, lo := bits.Mul64(d, k)
		var c uint64
		lo, c = bits.Add64(lo, carry, 0)
		hi += c
		z[i], c = bits.Sub64(z[i], lo, 0)
		carry = hi + c
	}
	for ; carry != 0 && i < len(z); i++ {
		z[i], carry = bits.Sub64(z[i], carry, 0)
	}
}

// lMul sets z = k·x; z must be at least as long as x.
func lMul(z, x []uint64, k uint64) {
	clear(z)
	lAddMul(z, x, k)
}

// lCmp compares x and y, either of which may be longer.
func lCmp(x, y []uint64) int {
	n := max(len(x), len(y))
	for i := n - 1; i >= 0; i-- {
		var a, b uint64
		if i < len(x) {
			a = x[i]
		}
		if i < len(y) {
			b = y[i]
		}
		if a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	return 0
}

// lIsZero reports whether every word of x is zero.
func lIsZero(x []uint64) bool {
	for _, v := range x {
		if v != 0 {
			return false
		}
	}
	return true
}

// lBig converts x to a big.Int.
func lBig(x []uint64) *big.Int {
	ws := make([]big.Word, 0, len(x)*64/bits.UintSize)
	for _, v := range x {
		if bits.UintSize == 64 {
			ws = append(ws, big.Word(v))
		} else {
			ws = append(ws, big.Word(uint32(v)), big.Word(v>>32))
		}
	}
	return new(big.Int).SetBits(ws)
}

// lFromBig writes n into z (which must be wide enough).
func lFromBig(z []uint64, n *big.Int) {
	clear(z)
	for i, w := range n.Bits() {
		if bits.UintSize == 64 {
			z[i] = uint64(w)
		} else {
			z[i/2] |= uint64(w) << (32 * (i % 2))
		}
	}
}

// limbWidth returns the words an entry needs when it counts strings of
// length t over n characters: n^t < 2^(64·width). The small allowance
// covers rounding in the logarithm, which is far below it.
func limbWidth(t int, log2n float64) int { return int(float64(t)*log2n/64+1e-6) + 1 }

// The fused forms below do several whole-entry operations in one pass:
// word i of each intermediate result depends only on words 0..i of the
// operands, so the operations can run word by word, each with its own
// carry.

// lDiff sets z = a − b, or z += a − b when acc is set (all of z's
// length).
func lDiff(z, a, b []uint64, acc bool) {
	a, b = a[:len(z)], b[:len(z)]
	if !acc {
		var c uint64
		for i := range z {
			z[i], c = bits.Sub64(a[i], b[i], c)
		}
		return
	}
	var c0, c1 uint64
	for i := range z {
		var v uint64
		v, c0 = bits.Add64(z[i], a[i], c0)
		z[i], c1 = bits.Sub64(v, b[i], c1)
	}
}

// lDiff3 sets z = t − a − b − c, or z += t − a − b − c when acc is set
// (all of z's length).
func lDiff3(z, t, a, b, c []uint64, acc bool) {
	t, a, b, c = t[:len(z)], a[:len(z)], b[:len(z)], c[:len(z)]
	var c0, c1, c2, c3 uint64
	if !acc {
		for i := range z {
			var v uint64
			v, c1 = bits.Sub64(t[i], a[i], c1)
			v, c2 = bits.Sub64(v, b[i], c2)
			z[i], c3 = bits.Sub64(v, c[i], c3)
		}
		return
	}
	for i := range z {
		var v uint64
		v, c0 = bits.Add64(z[i], t[i], c0)
		v, c1 = bits.Sub64(v, a[i], c1)
		v, c2 = bits.Sub64(v, b[i], c2)
		z[i], c3 = bits.Sub64(v, c[i], c3)
	}
}

// lSumStrided sets z to the sum of the n entries src[q·stride:], q < n,
// over z's length.
func lSumStrided(z, src []uint64, n, stride int) {
	var carry uint64
	for i := range z {
		lo, hi := carry, uint64(0)
		for q := range n {
			var c uint64
			lo, c = bits.Add64(lo, src[q*stride+i], 0)
			hi += c
		}
		z[i], carry = lo, hi
	}
}
