package generator

import (
	"fmt"
	"math"
	"math/big"
)

// splitSampler serves class ranges of which some are tight and the rest
// loose, the common case of a few minimums (--min-digits 3 --min-symbols
// 3 at length 20: three digits are rare, three symbols are not). The tight
// classes T are drawn as the composition sampler draws them; the rest of
// the string, by rejection, which the loose classes rarely refuse.
//
// Let m = L − Σ_{b∈T} k_b and A(m) count the strings of length m over the
// other characters that meet the loose ranges. A valid string whose tight
// counts are k is one of
//
//	W(k) = L!/(Π_{b∈T} k_b! · m!) · Π_{b∈T} n_b^k_b · A(m)
//
// so the sampler picks k with probability W(k)/|V|, places the tight
// labels at uniformly random positions (1 over the multinomial), draws
// their characters (Π n_b^−k_b), and fills the other m positions with a
// uniform string of the rest that meets the loose ranges (1/A(m), by
// rejection from uniform strings of the rest). The product is 1/|V| for
// every valid string: exactly uniform. Σ W(k) = |V| is checked when the
// sampler is built.
//
// Its randomness is about the password's entropy plus the positions of
// the tight characters, against twice that for the full composition
// sampler and the tries of plain rejection.
type splitSampler struct {
	lay      *layout
	tight    []int   // tight slots, in layout order
	comps    [][]int // tight counts of each composition, per tight slot
	chooser  *lazyChooser
	rest     []int32    // the other characters' alphabet indices
	restInc  []uint64   // per rest digit: 1 in the byte of its loose slot (looseOK)
	batch    digitBatch // digits over rest
	loose    []int      // loose slots
	posBatch digitBatch // positions in [0, L), for L <= 64
}

// Split sampler limits: the rest's acceptance must stay high (each try
// redraws the rest), and A(m) is counted for every m, which is only cheap
// for short passwords, the bulk case it serves.
const (
	splitLooseAcceptance = 0.85 // a class is loose when this share of uniform strings meet it
	splitMaxLength       = 128
	splitMaxComps        = 4096
)

// newSplitSampler builds the sampler, or returns nil when the policy has
// no tight class, neither a loose class nor a pool, or is out of its
// range.
func newSplitSampler(lay *layout, spec countSpec, total *big.Int) *splitSampler {
	L := lay.L
	if L > splitMaxLength || total == nil || len(lay.lo) == 0 {
		return nil
	}
	N := float64(len(lay.alphabet))
	s := &splitSampler{lay: lay}
	for k := range lay.lo {
		if classAcceptance(L, float64(lay.sizes[k])/N, lay.lo[k], lay.hi[k]) >= splitLooseAcceptance {
			s.loose = append(s.loose, k)
		} else {
			s.tight = append(s.tight, k)
		}
	}
	// With no loose class the rest is the pool alone, which needs no
	// check: the sampler is then the composition sampler with the pool
	// drawn in batches.
	if len(s.tight) == 0 || len(s.loose) == 0 && spec.pool < 2 {
		return nil
	}
	// The rest: the loose slots' characters and the pool.
	restSpec := countSpec{pool: spec.pool}
	tightSpec := countSpec{L: L}
	for _, k := range s.loose {
		restSpec.cls = append(restSpec.cls, spec.cls[k])
		for i := range lay.sizes[k] {
			s.rest = append(s.rest, lay.offsets[k]+int32(i))
		}
	}
	for _, k := range s.tight {
		tightSpec.cls = append(tightSpec.cls, spec.cls[k])
	}
	if spec.pool > 0 {
		for i := range lay.sizes[lay.poolLabel()] {
			s.rest = append(s.rest, lay.offsets[lay.poolLabel()]+int32(i))
		}
	}
	tightSpec.pool = int64(len(s.rest))
	if len(s.rest) < 2 || tightSpec.compositions(splitMaxComps) < 0 {
		return nil
	}
	// A(m) for every m the tight counts leave.
	A := make(map[int]*big.Int)
	var cum []*big.Int
	acc := new(big.Int)
	failed := false
	tightSpec.visitCompositions(func(counts []int, _ *big.Int) {
		if failed {
			return
		}
		m := L
		for _, c := range counts {
			m -= c
		}
		a, ok := A[m]
		if !ok {
			a, ok = restCount(restSpec, m)
			if !ok {
				failed = true
				return
			}
			A[m] = a
		}
		if a.Sign() == 0 {
			return
		}
		// W(k) = L!/(Π k_b! · m!) · Π n_b^k_b · A(m)
		w := new(big.Int).Set(a)
		rem := L
		for i, c := range counts {
			w.Mul(w, new(big.Int).Binomial(int64(rem), int64(c)))
			w.Mul(w, powInt(tightSpec.cls[i].n, c))
			rem -= c
		}
		acc = new(big.Int).Add(acc, w)
		cum = append(cum, acc)
		s.comps = append(s.comps, append([]int(nil), counts...))
	})
	if failed || len(cum) == 0 {
		return nil
	}
	if acc.Cmp(total) != 0 {
		panic(fmt.Sprintf("generator: split sampler total %v != count %v", acc, total))
	}
	s.chooser = newLazyChooser(cum)
	s.batch = newDigitBatch(len(s.rest))
	for _, x := range s.rest {
		var inc uint64
		if k := lay.slotOf[x]; k >= 0 {
			inc = 1 << (8 * uint(k))
		}
		s.restInc = append(s.restInc, inc)
	}
	if L >= 2 && L <= 64 {
		s.posBatch = newDigitBatch(L)
	}
	return s
}

// restCount counts the strings of length m over the rest that meet the
// loose ranges; ok is false when that is too slow to count exactly.
func restCount(rest countSpec, m int) (*big.Int, bool) {
	rs := countSpec{L: m, pool: rest.pool, cls: make([]countClass, len(rest.cls))}
	for i, c := range rest.cls {
		if c.lo > m {
			return new(big.Int), true
		}
		rs.cls[i] = countClass{n: c.n, lo: c.lo, hi: min(c.hi, m)}
	}
	return rs.countExact(exactBudgetNs / 8)
}

// classAcceptance is the share of uniform strings of length L whose count
// of a class met with probability p per character lies in [lo, hi].
func classAcceptance(L int, p float64, lo, hi int) float64 {
	sum := 0.0
	for k := lo; k <= min(hi, L); k++ {
		lg, _ := math.Lgamma(float64(L + 1))
		a, _ := math.Lgamma(float64(k + 1))
		b, _ := math.Lgamma(float64(L - k + 1))
		sum += math.Exp(lg - a - b + float64(k)*math.Log(p) + float64(L-k)*math.Log1p(-p))
	}
	return sum
}

func (s *splitSampler) sample(r *Rand, out []int32) {
	lay := s.lay
	L := lay.L
	pos := r.identity(L)
	for {
		k := s.comps[s.chooser.pick(r)]
		K := 0
		for _, c := range k {
			K += c
		}
		// The tight labels' positions (the first K steps of a shuffle of
		// the positions, as arrange places labels) and their characters,
		// from batched words.
		ranges, digits := r.scratch64(2*K), r.scratch32(1, 2*K)
		copy(ranges, lay.shuffle.ranges[:K])
		d := K
		for i, c := range k {
			n := uint64(lay.sizes[s.tight[i]])
			for j := d; j < d+c; j++ {
				ranges[j] = n
			}
			d += c
		}
		drawMixed(r, ranges, digits)
		if r.err != nil {
			clear(digits)
			return
		}
		for t := range K {
			j := t + int(digits[t])
			pos[t], pos[j] = pos[j], pos[t]
		}
		// Undone below, in reverse, so that pos is the identity again.
		undo := func() {
			for t := K - 1; t >= 0; t-- {
				j := t + int(digits[t])
				pos[t], pos[j] = pos[j], pos[t]
			}
			clear(digits)
		}
		d, t := K, 0
		for i, c := range k {
			base := lay.offsets[s.tight[i]]
			for range c {
				out[pos[t]] = base + digits[d]
				t++
				d++
			}
		}
		// The rest, uniform until the loose ranges hold.
		if m := L - K; m > 0 {
			restOut := r.scratch32(2, m)
			free := pos[K:]
			for {
				s.batch.fillCarry(r, restOut)
				if r.err != nil {
					clear(restOut)
					undo()
					return
				}
				// Place the try while counting its loose classes: a
				// refused try is simply overwritten by the next.
				var counts uint64
				for i, x := range restOut {
					counts += s.restInc[x]
					out[free[i]] = s.rest[x]
				}
				if s.looseOK(counts) {
					break
				}
			}
			clear(restOut)
		}
		undo()
		if lay.maxRun == 0 && lay.maxSeq == 0 && lay.reqOf == nil || lay.extraOK(out) {
			return
		}
	}
}

// looseOK reports whether the loose classes' counts, packed a byte per
// slot (the rest is at most splitMaxLength < 256 characters), are in
// range.
func (s *splitSampler) looseOK(counts uint64) bool {
	lay := s.lay
	for _, k := range s.loose {
		if c := int(counts >> (8 * uint(k)) & 0xff); c < lay.lo[k] || c > lay.hi[k] {
			return false
		}
	}
	return true
}
