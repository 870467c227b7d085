package generator

import (
	"math"
	"math/big"
	"sort"
)

// sampler draws one password as alphabet indices. Errors surface through
// r.Err(); callers check it before using out. Samplers are immutable once
// built, so one can serve many goroutines, each with its own Rand.
type sampler interface {
	sample(r *Rand, out []int32)
}

// directSampler: no constraints at all, every character independent.
type directSampler struct {
	n     int
	batch digitBatch // when n >= 2
}

func newDirectSampler(n int) directSampler {
	s := directSampler{n: n}
	if n >= 2 {
		s.batch = newDigitBatch(n)
	}
	return s
}

func (s directSampler) sample(r *Rand, out []int32) {
	if s.n < 2 {
		clear(out) // one character: nothing to choose
		return
	}
	s.batch.fill(r, out)
}

// pruner follows a string as it is drawn, position by position, and says
// as soon as the string can no longer meet the class ranges or the run
// limit, so that samplers reject it early. It rejects exactly the strings
// the full checks would, only sooner.
type pruner struct {
	lay       *layout
	counts    [numClasses + 1]int
	deficit   int // characters still owed to the minimums
	run       int
	asc, desc int    // lengths of the ascending and descending runs so far
	met       uint32 // required sets met so far
}

// start begins a new string.
func (p *pruner) start(lay *layout) {
	*p = pruner{lay: lay, deficit: lay.sumMin}
}

// complete reports whether the finished string meets every required set
// (the other constraints were checked as it was drawn).
func (p *pruner) complete() bool { return p.met == p.lay.reqAll }

// next places character x of constrained slot k (or of the pool, when k is
// negative or the pool label) at position i of out, and reports whether
// the string can still be valid.
func (p *pruner) next(i, k int, x int32, out []int32) bool {
	lay := p.lay
	if k >= 0 && k < lay.slots() {
		p.counts[k]++
		if p.counts[k] <= lay.lo[k] {
			p.deficit--
		}
		if p.counts[k] > lay.hi[k] {
			return false
		}
	}
	if lay.L-1-i < p.deficit {
		return false
	}
	if lay.maxRun > 0 {
		if i > 0 && out[i-1] == x {
			p.run++
			if p.run > lay.maxRun {
				return false
			}
		} else {
			p.run = 1
		}
	}
	if lay.maxSeq > 0 {
		step := int32(0)
		if i > 0 {
			step = lay.seqKey[x] - lay.seqKey[out[i-1]]
		}
		switch step {
		case 1:
			p.asc, p.desc = p.asc+1, 1
			if p.asc > lay.maxSeq {
				return false
			}
		case -1:
			p.asc, p.desc = 1, p.desc+1
			if p.desc > lay.maxSeq {
				return false
			}
		default:
			p.asc, p.desc = 1, 1
		}
	}
	if lay.reqOf != nil {
		p.met |= lay.reqOf[x]
	}
	out[i] = x
	return true
}

// compositionSampler draws the class counts with probability proportional
// to the number of strings that have them, then a uniformly random
// arrangement of the labels, then uniform characters within each label.
// A string with counts k has probability W(k)/|V| · 1/multinomial(L; k) ·
// Π n_i^−k_i = 1/|V|: exactly uniform, however tight the policy.
type compositionSampler struct {
	lay     *layout
	comps   [][]int // constrained counts of each valid composition
	chooser *lazyChooser
}

// weighedCompositions lists the compositions of positive weight with the
// cumulative sums of their weights, for a lazyChooser.
func weighedCompositions(spec countSpec) (comps [][]int, cum []*big.Int) {
	acc := new(big.Int)
	spec.visitCompositions(func(counts []int, w *big.Int) {
		if w.Sign() == 0 {
			return
		}
		acc = new(big.Int).Add(acc, w)
		cum = append(cum, acc)
		comps = append(comps, append([]int(nil), counts...))
	})
	return comps, cum
}

// newCompositionSampler enumerates the valid compositions; total is |V|.
// Some composition has weight: the policy's count is positive (countPolicy
// refuses an empty policy before any sampler is chosen), and
// fitsComposition has checked there are few enough to list.
func newCompositionSampler(lay *layout, spec countSpec) (*compositionSampler, *big.Int) {
	s := &compositionSampler{lay: lay}
	var cum []*big.Int
	s.comps, cum = weighedCompositions(spec)
	if len(cum) == 0 {
		panic("generator: composition sampler for a policy with no valid composition")
	}
	s.chooser = newLazyChooser(cum)
	return s, cum[len(cum)-1]
}

func (s *compositionSampler) sample(r *Rand, out []int32) {
	lay := s.lay
	arrange(lay, s.comps[s.chooser.pick(r)], r, out)
}

// arrange fills out with a uniformly random string whose constrained
// class counts are k (the pool takes the rest): the labels at uniformly
// random positions (placeLabels), then the pool's characters.
func arrange(lay *layout, k []int, r *Rand, out []int32) {
	pos := r.identity(lay.L)
	swaps, K := placeLabels(r, lay, lay.slotIDs, k, pos, out)
	defer unplace(pos, swaps)
	if r.err != nil || K == lay.L {
		return
	}
	base := lay.offsets[lay.poolLabel()]
	if lay.sizes[lay.poolLabel()] == 1 { // one character: nothing to draw
		for _, i := range pos[K:] {
			out[i] = base
		}
		return
	}
	pool := r.scratch32(2, lay.L-K)
	defer clear(pool)
	lay.poolBatch.fill(r, pool)
	for i, x := range pool {
		out[pos[K+i]] = base + x
	}
}

// placeLabels puts k[i] characters of slot slots[i], for each i, at
// uniformly random distinct positions of out. The positions come from
// the first K steps of a Fisher–Yates shuffle of pos (K = Σk), which must
// be the identity: a uniform sequence of K distinct positions, of which
// the first k_0 get the first slot's characters, the next k_1 the next
// slot's, and so on. Every arrangement of the labels arises from the same
// number of sequences (Π k_i!), so it is uniform. The positions left,
// pos[K:], are for the caller to fill. The shuffle's and the characters'
// ranges are all known once k is, so their digits are taken from 64-bit
// words in batches (digits.go). It returns the swaps, which unplace
// undoes, and K.
func placeLabels(r *Rand, lay *layout, slots, k []int, pos, out []int32) (swaps []int32, K int) {
	for _, c := range k {
		K += c
	}
	ranges, digits := r.scratch64(2*K), r.scratch32(1, 2*K)
	copy(ranges, lay.shuffle.ranges[:K])
	d := K
	for i, c := range k {
		n := uint64(lay.sizes[slots[i]])
		for j := d; j < d+c; j++ {
			ranges[j] = n
		}
		d += c
	}
	drawMixed(r, ranges, digits)
	if r.err != nil {
		clear(digits)
		return nil, K
	}
	for t := range K {
		j := t + int(digits[t])
		pos[t], pos[j] = pos[j], pos[t]
	}
	d, t := K, 0
	for i, c := range k {
		base := lay.offsets[slots[i]]
		for range c {
			out[pos[t]] = base + digits[d]
			t++
			d++
		}
	}
	clear(digits[K:])
	return digits[:K], K
}

// unplace puts pos back to the identity, undoing placeLabels' swaps, and
// clears them.
func unplace(pos, swaps []int32) {
	for t := len(swaps) - 1; t >= 0; t-- {
		j := t + int(swaps[t])
		pos[t], pos[j] = pos[j], pos[t]
	}
	clear(swaps)
}

// tiltedSampler is rejection sampling from a tilted proposal, for policies
// with too many compositions to enumerate and too low an acceptance for
// plain rejection (long passwords with large minimums). Each character
// comes from label b with weight n_b·w_b; a string with counts k is then
// accepted with probability Π w_b^(k*_b − k_b), where k* is the valid
// composition that minimises Σ k_b·log w_b (so the probability is at most
// 1). A valid string is proposed with probability Π w_b^k_b / W^L and
// accepted with Π w_b^k*_b / W^L in all: the same for every valid string,
// so the output is uniform. The weights are chosen to maximise that
// acceptance.
type tiltedSampler struct {
	lay    *layout
	w      []int64   // per label
	cumW   []int64   // cumulative n_b·w_b
	startW []int64   // first slot of each label
	kStar  []int     // per label
	invW   []float64 // 1/w_b, to divide by w_b without a division
	logW   []float64
	batch  digitBatch // uniform slots in [0, Σ n_b·w_b)
}

// newTiltedSampler chooses the weights by a pattern search on the exact
// acceptance rate (log2 |V| + Σ k*_b·log2 w_b − L·log2 Σ n_b·w_b, which
// only depends on the weights' ratios), then scales them to integers with
// the smallest at tiltScale so the ratios keep about six bits of
// precision. It returns the sampler and log2 of its acceptance rate.
func newTiltedSampler(lay *layout, log2Count float64) (*tiltedSampler, float64) {
	nl := len(lay.sizes)
	lo := make([]int, nl)
	hi := make([]int, nl)
	copy(lo, lay.lo)
	copy(hi, lay.hi)
	if nl > lay.slots() { // the pool: any count
		lo[nl-1], hi[nl-1] = 0, lay.L
	}
	eval := func(w []int64) float64 {
		k := kStar(lay.L, w, lo, hi)
		total, s := 0.0, 0.0
		for b := range w {
			s += float64(k[b]) * math.Log2(float64(w[b]))
			total += float64(lay.sizes[b]) * float64(w[b])
		}
		return log2Count + s - float64(lay.L)*math.Log2(total)
	}
	// Search in log2 space, evaluating the integer weights actually used.
	logw := make([]float64, nl)
	// Weights are integers up to maxW, so that Σ n_b·w_b < 2^31 even for
	// large custom alphabets; the smallest is scale, leaving the others
	// room to be up to 2^maxTiltLog2 times larger where possible.
	maxW := int64(math.MaxInt32) / int64(len(lay.alphabet))
	scale := float64(max(1, min(tiltScale, maxW>>maxTiltLog2)))
	toInt := func(lw []float64) []int64 {
		m := lw[0]
		for _, v := range lw {
			m = math.Min(m, v)
		}
		w := make([]int64, nl)
		for b, v := range lw {
			w[b] = max(1, min(maxW, int64(math.Round(scale*math.Exp2(min(v-m, maxTiltLog2))))))
		}
		return w
	}
	best := eval(toInt(logw))
	for step := 2.0; step > 1.0/scale; step /= 2 {
		for improved := true; improved; {
			improved = false
			for b := range logw {
				for _, d := range []float64{step, -step} {
					logw[b] += d
					if a := eval(toInt(logw)); a > best+1e-9 {
						best, improved = a, true
						continue
					}
					logw[b] -= d
				}
			}
		}
	}
	w := toInt(logw)
	s := &tiltedSampler{lay: lay, w: w, kStar: kStar(lay.L, w, lo, hi)}
	var acc int64
	for b, wb := range w {
		s.startW = append(s.startW, acc)
		acc += int64(lay.sizes[b]) * wb
		s.cumW = append(s.cumW, acc)
		s.logW = append(s.logW, math.Log2(float64(wb)))
		s.invW = append(s.invW, 1/float64(wb))
	}
	s.batch = newDigitBatch(int(acc))
	return s, best
}

// tiltScale is the smallest tilt weight; the others are up to 2^maxTiltLog2
// times larger, which covers every policy (the steepest, nearly all digits,
// wants a ratio of a few hundred) while Σ n_b·w_b stays below 2^31, as the
// batched slot draws need. Six bits of precision in the ratios cost no
// measurable acceptance (any integer weights are exact), and smaller slot
// ranges fit three draws in a random word more often than two.
const (
	tiltScale   = 64 // calibrated by TestCalibrateTiltScale
	maxTiltLog2 = 12
)

// kStar returns the composition within [lo, hi] summing to L that
// minimises Σ k_b·log w_b: meet the minimums, then give the rest to the
// lightest labels first.
func kStar(L int, w []int64, lo, hi []int) []int {
	k := append([]int(nil), lo...)
	rest := L
	for _, v := range lo {
		rest -= v
	}
	order := make([]int, len(w))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return w[order[a]] < w[order[b]] })
	for _, b := range order {
		add := min(rest, hi[b]-k[b])
		k[b] += add
		rest -= add
	}
	return k
}

func (s *tiltedSampler) sample(r *Rand, out []int32) {
	lay := s.lay
	L := lay.L
	nl := len(s.w)
	slots := make([]int32, L) // one weighted slot per position, in batches
	defer clear(slots)
	var p pruner
try:
	for {
		s.batch.fill(r, slots)
		if r.err != nil {
			return
		}
		p.start(lay)
		var counts [numClasses + 1]int // every label's, the pool's too
		for i, x := range slots {
			// Label b owns n_b·w_b consecutive slots, w_b for each of its
			// characters: one draw picks the label and the character.
			b := 0
			for int64(x) >= s.cumW[b] {
				b++
			}
			counts[b]++
			// (x − start)/w_b by a float product, corrected to the exact
			// quotient: the operands are below 2^31, so the product is off
			// by at most one.
			off := int64(x) - s.startW[b]
			q := int64(float64(off) * s.invW[b])
			if q*s.w[b] > off {
				q--
			} else if (q+1)*s.w[b] <= off {
				q++
			}
			if !p.next(i, b, lay.offsets[b]+int32(q), out) {
				continue try
			}
		}
		if !p.complete() {
			continue try
		}
		approx := 0.0
		for b := 0; b < nl; b++ {
			approx += float64(s.kStar[b]-counts[b]) * s.logW[b]
		}
		if bernoulliRatio(r, approx, func() (*big.Int, *big.Int) {
			x, y := big.NewInt(1), big.NewInt(1)
			for b := 0; b < nl; b++ {
				x.Mul(x, powInt(s.w[b], s.kStar[b]))
				y.Mul(y, powInt(s.w[b], counts[b]))
			}
			return x, y
		}) || r.err != nil {
			return
		}
	}
}
