package generator

import (
	"fmt"
	"slices"
	"unicode/utf8"
)

// Password is a compiled password policy. It is immutable, and Generate
// may be called from many goroutines at once, each with its own Rand.
type Password struct {
	policy  PasswordPolicy
	lay     *layout
	entropy Entropy
	gen     sampler
	method  method // the sampler in use (choose.go)
	ascii   bool
	bytes   []byte // the alphabet as bytes, when ascii
	warns   []Warning
}

// NewPassword validates and compiles a policy. Errors are *PolicyError
// values that say what is wrong and what would work; [Password.Warnings]
// notes settings that were adjusted (such as repeated characters).
func NewPassword(p PasswordPolicy) (*Password, error) {
	c, err := countPolicy(p)
	if err != nil {
		return nil, err
	}
	pw := &Password{policy: p, lay: c.lay, ascii: true, warns: c.warns}
	for _, r := range c.lay.alphabet {
		if r >= 0x80 {
			pw.ascii = false
		}
	}
	if pw.ascii {
		for _, r := range c.lay.alphabet {
			pw.bytes = append(pw.bytes, byte(r))
		}
	}
	cand, ok := c.pick()
	if !ok {
		return nil, noSamplerErr(p, c)
	}
	pw.gen, pw.method, pw.entropy = c.build(cand)
	return pw, nil
}

// Generate returns one password drawn uniformly from every password the
// policy allows.
func (pw *Password) Generate(r *Rand) (string, error) {
	idx := make([]int32, pw.lay.L)
	pw.gen.sample(r, idx)
	if err := r.Err(); err != nil {
		clear(idx)
		return "", err
	}
	s := pw.render(idx)
	clear(idx)
	return s, nil
}

// appendSecret appends one password to dst, drawing its alphabet indices
// into s, so that bulk output allocates nothing per password. On error
// dst comes back as it was.
func (pw *Password) appendSecret(dst []byte, r *Rand, s *scratch) ([]byte, error) {
	idx := s.idx[:pw.lay.L]
	pw.gen.sample(r, idx)
	if err := r.Err(); err != nil {
		clear(idx)
		return dst, err
	}
	if pw.ascii {
		start := len(dst)
		dst = slices.Grow(dst, len(idx))[:start+len(idx)]
		out, alphabet := dst[start:], pw.bytes
		for i, x := range idx {
			out[i] = alphabet[x]
		}
	} else {
		for _, x := range idx {
			dst = utf8.AppendRune(dst, pw.lay.alphabet[x])
		}
	}
	clear(idx)
	return dst, nil
}

// newScratch is the space appendSecret needs: the indices.
func (pw *Password) newScratch() *scratch { return &scratch{idx: make([]int32, pw.lay.L)} }

// render turns alphabet indices into the password text.
func (pw *Password) render(idx []int32) string {
	if pw.ascii {
		b := make([]byte, len(idx))
		for i, x := range idx {
			b[i] = byte(pw.lay.alphabet[x])
		}
		return string(b)
	}
	rs := make([]rune, len(idx))
	for i, x := range idx {
		rs[i] = pw.lay.alphabet[x]
	}
	return string(rs)
}

// Entropy implements Generator.
func (pw *Password) Entropy() Entropy { return pw.entropy }

// Policy returns the policy the password was compiled from.
func (pw *Password) Policy() PasswordPolicy { return pw.policy }

// Length returns the password length in characters.
func (pw *Password) Length() int { return pw.lay.L }

// AlphabetSize returns the number of distinct characters in use.
func (pw *Password) AlphabetSize() int { return len(pw.lay.alphabet) }

// Alphabet returns the characters in use, class by class.
func (pw *Password) Alphabet() string {
	out := make([]rune, 0, len(pw.lay.alphabet))
	for _, c := range Classes() {
		for _, r := range pw.lay.alphabet {
			if ClassOf(r) == c {
				out = append(out, r)
			}
		}
	}
	return string(out)
}

// Warnings notes settings that were accepted but adjusted or are unwise,
// such as characters repeated in a custom alphabet.
func (pw *Password) Warnings() []Warning { return pw.warns }

// times writes a repeat count in words: "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// ClassChars returns the characters of one class in the compiled alphabet
// (after exclusions), in order; "" when the class is not used.
func (pw *Password) ClassChars(c Class) string {
	var out []rune
	for _, r := range pw.Alphabet() {
		if ClassOf(r) == c {
			out = append(out, r)
		}
	}
	return string(out)
}
