package generator

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"math/bits"
)

// blockSize is how much randomness a Rand reads from its source at a time.
// Reading 4 KiB at once makes one index draw cost about as much as the
// arithmetic around it, instead of a system call per character.
const blockSize = 4096

// Rand draws unbiased random values from a Source, reading it in blocks.
//
// A Rand is not safe for concurrent use; give each goroutine its own.
//
// Errors are sticky: once the source fails, every draw returns zero and
// [Rand.Err] reports the failure. Generators check Err before returning a
// result, so a failure can never leak out as a weak secret.
type Rand struct {
	src Source
	buf []byte
	pos int // next unread byte of buf
	err error
	// carry holds, for the two ranges drawn last, the digits of their
	// last batched word not yet used (digits.go).
	carry [2]digitCarry
	// work is scratch space that samplers borrow for one draw (see
	// scratch32), kept here because a Rand belongs to one goroutine:
	// large stack arrays would cost their zeroing on every password.
	work   [3][]int32
	work64 []uint64
	ident  []int32 // 0, 1, 2, … (see identity)
}

// scratch32 returns the i-th scratch slice of n elements, not zeroed.
// Borrowers clear what they used before returning, as it holds digits of
// a secret.
func (r *Rand) scratch32(i, n int) []int32 {
	if cap(r.work[i]) < n {
		r.work[i] = make([]int32, n)
	}
	return r.work[i][:n]
}

// identity returns n positions 0, 1, …, n−1 for a partial shuffle. The
// borrower must put them back in order (undoing its swaps) before it
// returns, which costs its swaps rather than n stores.
func (r *Rand) identity(n int) []int32 {
	if len(r.ident) < n {
		r.ident = make([]int32, n)
		for i := range r.ident {
			r.ident[i] = int32(i)
		}
	}
	return r.ident[:n]
}

// scratch64 is scratch32 for 64-bit values.
func (r *Rand) scratch64(n int) []uint64 {
	if cap(r.work64) < n {
		r.work64 = make([]uint64, n)
	}
	return r.work64[:n]
}

// NewRand returns a Rand that reads src in blocks of 4 KiB.
func NewRand(src Source) *Rand { return newRandSize(src, blockSize) }

func newRandSize(src Source, size int) *Rand {
	return &Rand{src: src, buf: make([]byte, size), pos: size}
}

// Err reports the first error of the underlying source, wrapped in
// [ErrRandomness], or nil.
func (r *Rand) Err() error { return r.err }

// Wipe zeroes the unused randomness held in the buffer, so that it does not
// linger in memory after the Rand is done.
func (r *Rand) Wipe() {
	clear(r.buf)
	r.pos = len(r.buf)
	r.carry = [2]digitCarry{}
	for i := range r.work {
		clear(r.work[i][:cap(r.work[i])])
	}
	clear(r.work64[:cap(r.work64)])
}

// refill reads a fresh block; it reports false (and leaves the Rand failed)
// when the source errors.
func (r *Rand) refill() bool {
	if r.err != nil {
		return false
	}
	if err := r.src.Fill(r.buf); err != nil {
		clear(r.buf)
		r.err = fmt.Errorf("%w: %w", ErrRandomness, err)
		return false
	}
	r.pos = 0
	return true
}

// u8 returns a uniform random byte.
func (r *Rand) u8() byte {
	if r.pos >= len(r.buf) && !r.refill() {
		return 0
	}
	b := r.buf[r.pos]
	r.pos++
	return b
}

// ready makes sure n bytes are left in the block, refilling it when
// fewer are; false when the source failed. It and the reads below are
// small enough to be inlined.
func (r *Rand) ready(n int) bool { return r.pos+n <= len(r.buf) || r.refill() }

// u32 returns a uniform random 32-bit value.
func (r *Rand) u32() uint32 {
	if !r.ready(4) {
		return 0
	}
	r.pos += 4
	return binary.LittleEndian.Uint32(r.buf[r.pos-4:])
}

// u64 returns a uniform random 64-bit value.
func (r *Rand) u64() uint64 {
	if !r.ready(8) {
		return 0
	}
	r.pos += 8
	return binary.LittleEndian.Uint64(r.buf[r.pos-8:])
}

// Read fills p with random bytes. It always returns len(p) and the Rand's
// error, so that a Rand can stand in for an io.Reader.
func (r *Rand) Read(p []byte) (int, error) {
	for n := 0; n < len(p); {
		if r.pos >= len(r.buf) && !r.refill() {
			clear(p)
			return len(p), r.err
		}
		c := copy(p[n:], r.buf[r.pos:])
		clear(r.buf[r.pos : r.pos+c]) // used randomness must not be reused or linger
		r.pos += c
		n += c
	}
	return len(p), r.err
}

// intn returns a uniform integer in [0, n). It panics if n <= 0, which is a
// programming error, never a user error.
//
// Small ranges use byte rejection (accept b < 256 - 256 mod n, then b mod n,
// which is exact because the accepted range is a multiple of n); larger
// ranges use Lemire's nearly divisionless method.
func (r *Rand) intn(n int) int {
	switch {
	case n <= 0:
		panic("generator: Intn called with n <= 0")
	case n == 1:
		return 0
	case n <= 256:
		limit := 256 - 256%n
		for {
			b := int(r.u8())
			if r.err != nil {
				return 0
			}
			if b < limit {
				return b % n
			}
		}
	case uint64(n) <= 1<<32:
		return int(r.uint32n(uint32(n)))
	default:
		return int(r.uint64n(uint64(n)))
	}
}

// uint32n is Lemire's method for n in [1, 2^32].
func (r *Rand) uint32n(n uint32) uint32 {
	if n == 0 { // n == 2^32 wrapped: every value is in range
		return r.u32()
	}
	m := uint64(r.u32()) * uint64(n)
	if uint32(m) < n {
		threshold := -n % n // 2^32 mod n
		for uint32(m) < threshold {
			if r.err != nil {
				return 0
			}
			m = uint64(r.u32()) * uint64(n)
		}
	}
	return uint32(m >> 32)
}

// uint64n returns a uniform integer in [0, n) for n >= 1 (Lemire's method on
// 64-bit words). It panics if n == 0.
func (r *Rand) uint64n(n uint64) uint64 {
	if n == 0 {
		panic("generator: Uint64n called with n == 0")
	}
	hi, lo := bits.Mul64(r.u64(), n)
	if lo < n {
		threshold := -n % n // 2^64 mod n
		for lo < threshold {
			if r.err != nil {
				return 0
			}
			hi, lo = bits.Mul64(r.u64(), n)
		}
	}
	return hi
}

// bigIntn returns a uniform integer in [0, n) for n > 0, by masked
// rejection: draw BitLen(n) random bits and retry while the value is >= n,
// which accepts more than half of the draws.
func (r *Rand) bigIntn(n *big.Int) *big.Int {
	if n.Sign() <= 0 {
		panic("generator: BigIntn called with n <= 0")
	}
	k := n.BitLen()
	buf := make([]byte, (k+7)/8)
	mask := byte(0xff >> (8*len(buf) - k))
	x := new(big.Int)
	for {
		r.Read(buf)
		if r.err != nil {
			return x
		}
		buf[0] &= mask
		x.SetBytes(buf)
		if x.Cmp(n) < 0 {
			clear(buf)
			return x
		}
	}
}
