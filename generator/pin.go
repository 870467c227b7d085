package generator

import (
	"math"
	"math/big"
)

// PINPolicy is what a user asks of a PIN.
type PINPolicy struct {
	// Length is the number of digits, 1 to MaxLength.
	Length int `json:"length"`
	// NoTrivial excludes the trivial PINs of IsTrivialPIN.
	NoTrivial bool `json:"no_trivial"`
}

// DefaultPINPolicy is 6 digits, trivial PINs allowed.
func DefaultPINPolicy() PINPolicy { return PINPolicy{Length: 6} }

// PIN makes PINs under a validated policy: Length uniform digits, redrawn
// while the result is trivial if NoTrivial is set, so that the output is
// uniform over the allowed PINs. It is immutable and safe for concurrent
// use; each goroutine needs its own Rand.
type PIN struct {
	p     PINPolicy
	count *big.Int // number of allowed PINs
}

// trivialPINs is how many PINs of each length of 2 or more are trivial:
// 10 of one digit, 10 ascending runs, 10 descending runs. The three sets are
// disjoint because the first two digits already tell them apart.
const trivialPINs = 30

var _ Engine = (*PIN)(nil)

// NewPIN validates p and returns a generator for it.
func NewPIN(p PINPolicy) (*PIN, error) {
	if p.Length < 1 || p.Length > MaxLength {
		return nil, policyErr("length", "PIN length %d is out of range: use 1 to %d digits", p.Length, MaxLength)
	}
	if p.NoTrivial && p.Length == 1 {
		return nil, policyErr("length", "every 1-digit PIN counts as trivial: use 2 or more digits, or allow trivial PINs")
	}
	return &PIN{p: p, count: pinCount(p.Length, p.NoTrivial)}, nil
}

// pinCount is 10^length, less the trivial PINs when they are excluded.
func pinCount(length int, noTrivial bool) *big.Int {
	n := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(length)), nil)
	switch {
	case !noTrivial:
	case length == 1:
		n.SetInt64(0)
	default:
		n.Sub(n, big.NewInt(trivialPINs))
	}
	return n
}

// IsTrivialPIN reports whether s is a trivial PIN: a string of ASCII digits
// in which every digit is the previous one plus 0, plus 1, or minus 1,
// modulo 10, the same step throughout. That is:
//
//   - one digit repeated: 0000, 7777 (every 1-digit PIN is trivial);
//   - an ascending run, wrapping from 9 to 0: 1234, 7890, 8901;
//   - a descending run, wrapping from 0 to 9: 4321, 0987, 1098.
//
// For each length of 2 or more exactly 30 PINs are trivial, 10 of each kind.
// A string that is not all digits is not a PIN and not trivial.
func IsTrivialPIN(s string) bool { return trivialDigits(s) }

// trivialDigits is IsTrivialPIN for both strings and the byte buffers that
// Generate fills, so checking a draw does not copy it.
func trivialDigits[T string | []byte](s T) bool {
	if len(s) == 0 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) == 1 {
		return true
	}
	step := (s[1] + 10 - s[0]) % 10
	if step != 0 && step != 1 && step != 9 {
		return false
	}
	for i := 2; i < len(s); i++ {
		if (s[i]+10-s[i-1])%10 != step {
			return false
		}
	}
	return true
}

// pinChunk is how many digits one 64-bit draw supplies. 10^18 leaves a
// rejection rate of 2.4% in Uint64n, against 46% for 10^19.
const pinChunk = 18

// Generate returns a PIN of Length digits.
func (p *PIN) Generate(r *Rand) (string, error) {
	buf := make([]byte, p.p.Length)
	defer clear(buf)
	for {
		for i := 0; i < len(buf); i += pinChunk {
			chunk := buf[i:min(i+pinChunk, len(buf))]
			v := r.uint64n(pow10(len(chunk)))
			for j := len(chunk) - 1; j >= 0; j-- {
				chunk[j] = byte('0' + v%10)
				v /= 10
			}
		}
		if err := r.Err(); err != nil {
			return "", err
		}
		// At most 30 of 100 two-digit PINs are redrawn, far fewer when longer.
		if !p.p.NoTrivial || !trivialDigits(buf) {
			return string(buf), nil
		}
	}
}

func pow10(n int) uint64 {
	v := uint64(1)
	for range n {
		v *= 10
	}
	return v
}

// Entropy is log2 of the number of allowed PINs, exactly.
func (p *PIN) Entropy() Entropy { return exactEntropy(p.count) }

// Policy returns the policy the PIN generator was built from.
func (p *PIN) Policy() PINPolicy { return p.p }

// MinPINLength returns the shortest PIN length whose entropy reaches bits.
func MinPINLength(noTrivial bool, bits float64) (int, error) {
	if err := checkBitsGoal(bits); err != nil {
		return 0, err
	}
	if most := exactEntropy(pinCount(MaxLength, noTrivial)); !most.Reaches(bits) {
		return 0, policyErr("min-bits", "no PIN reaches %g bits: the longest, %d digits, has %.2f bits", bits, MaxLength, most.Rounded())
	}
	// Start a length or two below the answer; the exact counts decide.
	l := max(1, int(bits/math.Log2(10))-1)
	for !exactEntropy(pinCount(l, noTrivial)).Reaches(bits) {
		l++
	}
	return l, nil
}

// Warnings implements Generator: every valid PIN policy is used as given.
func (p *PIN) Warnings() []Warning { return nil }
