package generator

import "math/big"

// base62Digits is sesame's base-62 alphabet: digits, then upper case, then
// lower case. That is ASCII order, so tokens of one length sort as the
// numbers they encode.
const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// fromBigDigit maps a digit as math/big writes it in base 62 (0-9, then
// a-z, then A-Z) to the same digit value in base62Digits. math/big's
// conversion is subquadratic, so reusing it keeps a 4096-byte token well
// under a millisecond where a digit-by-digit division loop is quadratic.
var fromBigDigit = func() (t [256]byte) {
	const bigOrder = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for v := range len(bigOrder) {
		t[bigOrder[v]] = base62Digits[v]
	}
	return t
}()

// base62Len is the number of base-62 digits that can hold every n-byte
// string: the smallest L with 62^L >= 256^n. A fixed length makes the
// encoding injective (distinct bytes give distinct text) and hides nothing
// about the value in the token's length.
//
// 62^L is never a power of two, so 62^L >= 2^(8n) exactly when 62^L has
// more than 8n bits; the check is exact integer arithmetic. The starting
// guess uses log2(62) < 5.955, so it is never above the answer and is at
// most two short of it.
func base62Len(n int) int {
	bits := 8 * n
	l := bits * 1000 / 5955
	pow := new(big.Int).Exp(big.NewInt(62), big.NewInt(int64(l)), nil)
	sixtyTwo := big.NewInt(62)
	for pow.BitLen() <= bits {
		pow.Mul(pow, sixtyTwo)
		l++
	}
	return l
}

// encodeBase62 writes src, read as one big-endian integer, into dst in base
// 62, left-padded with '0' to fill all of dst. dst must be base62Len(len(src))
// bytes long.
func encodeBase62(dst, src []byte) {
	if len(src) <= smallBase62 {
		encodeBase62Small(dst, src)
		return
	}
	x := new(big.Int).SetBytes(src)
	digits := x.Append(dst[:0], 62) // at most len(dst) digits, written in place
	clear(x.Bits())                 // best effort: do not leave the secret's value behind
	pad := len(dst) - len(digits)
	copy(dst[pad:], digits)
	for i := range pad {
		dst[i] = '0'
	}
	for i := pad; i < len(dst); i++ {
		dst[i] = fromBigDigit[dst[i]]
	}
}

// putBase62Uint writes v in base 62 into all of dst, left-padded with '0'.
// The caller makes dst long enough for v.
func putBase62Uint(dst []byte, v uint64) {
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i] = base62Digits[v%62]
		v /= 62
	}
}

// smallBase62 is the largest token, in bytes, encoded without math/big:
// schoolbook division on words held on the stack is quadratic, but for
// tokens up to this size it is quick and allocates nothing, which bulk
// output wants.
const smallBase62 = 64

// encodeBase62Small is encodeBase62 for at most smallBase62 bytes: the
// number as 32-bit words, divided by 62 once a digit, least significant
// digit first.
func encodeBase62Small(dst, src []byte) {
	var words [smallBase62 / 4]uint32
	n := (len(src) + 3) / 4
	w := words[len(words)-n:]
	pad := 4*n - len(src) // the first word is short
	for i, b := range src {
		j := (i + pad) / 4
		w[j] = w[j]<<8 | uint32(b)
	}
	for i := len(dst) - 1; i >= 0; i-- {
		var rem uint64
		for j := range w {
			cur := rem<<32 | uint64(w[j])
			w[j] = uint32(cur / 62)
			rem = cur % 62
		}
		dst[i] = base62Digits[rem]
	}
	clear(words[:])
}
