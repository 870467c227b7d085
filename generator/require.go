package generator

import (
	"math/bits"
	"strconv"
	"strings"
)

// Required sets: each password must contain at least one character of
// every set (a website's "required: upper, digit" is one set, the union).
//
// Counting uses inclusion–exclusion over the sets: the strings that meet
// every set are
//
//	Σ_{T ⊆ sets} (−1)^|T| · f(alphabet minus the union of T)
//
// where f counts the strings over a smaller alphabet that meet everything
// else (class ranges, run limits). Subsets with the same union give the same
// alphabet, so their signs are added first and many terms cancel.

// maxRequire is the most required sets left after reduction: the exact
// sampler tracks which sets are met in a bit mask, and inclusion–exclusion
// has 2^m terms.
const maxRequire = 16

// bitset is a set of alphabet indices.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) has(i int) bool { return b[i/64]>>(i%64)&1 != 0 }

func (b bitset) empty() bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}

// subsetOf reports whether every member of b is in c.
func (b bitset) subsetOf(c bitset) bool {
	for i, w := range b {
		if w&^c[i] != 0 {
			return false
		}
	}
	return true
}

func (b bitset) equal(c bitset) bool { return b.subsetOf(c) && c.subsetOf(b) }

func (b bitset) union(c bitset) bitset {
	out := make(bitset, len(b))
	for i := range b {
		out[i] = b[i] | c[i]
	}
	return out
}

func (b bitset) minus(c bitset) bitset {
	out := make(bitset, len(b))
	for i := range b {
		out[i] = b[i] &^ c[i]
	}
	return out
}

// key returns a string identifying the set, for use as a map key.
func (b bitset) key() string {
	var sb strings.Builder
	for _, w := range b {
		sb.WriteString(strconv.FormatUint(w, 36))
		sb.WriteByte('.')
	}
	return sb.String()
}

// fullSet returns the set of every index below n.
func fullSet(n int) bitset {
	b := newBitset(n)
	for i := range n {
		b.set(i)
	}
	return b
}

// compileRequire turns the policy's required sets into sets of alphabet
// indices, and drops those that every password meets anyway: a set
// containing another required set (meeting the smaller one meets it too),
// a set containing every character of a class with a minimum, and a set
// containing the whole alphabet. Repeats of one set count once.
func compileRequire(p PasswordPolicy, lay *layout) ([]bitset, error) {
	if len(p.Require) == 0 {
		return nil, nil
	}
	n := len(lay.alphabet)
	index := make(map[rune]int, n)
	for i, r := range lay.alphabet {
		index[r] = i
	}
	sets := make([]bitset, len(p.Require))
	for j, s := range p.Require {
		b := newBitset(n)
		for _, r := range s {
			// The alphabet holds prepared characters (prepare.go), so a
			// required character is looked up as prepared too.
			if q, err := prepareRune("rules", r); err == nil {
				r = q
			}
			if x, ok := index[r]; ok {
				b.set(x)
			}
		}
		if b.empty() {
			return nil, emptyRequireErr(j, s)
		}
		sets[j] = b
	}
	var implied []bitset // sets every password meets
	implied = append(implied, fullSet(n))
	for k, lo := range lay.lo {
		if lo > 0 {
			b := newBitset(n)
			for i := range lay.sizes[k] {
				b.set(int(lay.offsets[k]) + i)
			}
			implied = append(implied, b)
		}
	}
	var out []bitset
next:
	for j, b := range sets {
		for _, c := range implied {
			if c.subsetOf(b) {
				continue next
			}
		}
		for i, c := range sets {
			if i != j && c.subsetOf(b) && (!b.subsetOf(c) || i < j) {
				continue next // a smaller set, or an earlier copy of this one
			}
		}
		out = append(out, b)
	}
	if len(out) > maxRequire {
		return nil, policyErr("rules", "%d different required sets are more than sesame counts exactly (at most %d, as each one doubles the work of the count): merge some of them", len(out), maxRequire)
	}
	return out, nil
}

// emptyRequireErr explains a required set with no usable character.
func emptyRequireErr(j int, s string) error {
	if s == "" {
		return policyErr("rules", "required set %d is empty: list at least one character or drop it", j+1)
	}
	var rs []rune
	for _, r := range s {
		if !containsRune(rs, r) {
			rs = append(rs, r)
		}
	}
	return policyErr("rules", "required set %d (%s) has no character the password may use: allow one of them or drop the set", j+1, quoteRunes(rs))
}

// ieTerm is one alphabet of the inclusion–exclusion sum with its summed
// sign.
type ieTerm struct {
	alpha bitset
	coef  int64
}

// inclusionExclusion returns the alphabets full minus ∪T over every subset
// T of sets, each once, with the signs of the subsets that give it added;
// alphabets whose signs cancel are left out.
func inclusionExclusion(full bitset, sets []bitset) []ieTerm {
	m := len(sets)
	unions := make([]bitset, 1<<m)
	unions[0] = make(bitset, len(full))
	pos := map[string]int{}
	var terms []ieTerm
	for mask := range 1 << m {
		if mask > 0 {
			unions[mask] = unions[mask&(mask-1)].union(sets[bits.TrailingZeros(uint(mask))])
		}
		sign := int64(1)
		if bits.OnesCount(uint(mask))%2 == 1 {
			sign = -1
		}
		b := full.minus(unions[mask])
		k := b.key()
		if i, ok := pos[k]; ok {
			terms[i].coef += sign
			continue
		}
		pos[k] = len(terms)
		terms = append(terms, ieTerm{alpha: b, coef: sign})
	}
	out := terms[:0]
	for _, t := range terms {
		if t.coef != 0 {
			out = append(out, t)
		}
	}
	return out
}
