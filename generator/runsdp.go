package generator

import (
	"math"
	"math/big"
)

// Max-consecutive together with class constraints.
//
// A string is built left to right as a walk through states (class counts
// so far, class of the last character, length of its current run). Each
// step either repeats the last character (weight 1, if the run may grow)
// or places a different character of some class b (weight n_b, or n_b − 1
// when b is the last character's class). Class counts are tracked only as
// far as they matter: up to the minimum for a class with no maximum, up to
// the maximum otherwise. The number of walks of length L ending in a state
// that meets every minimum is the exact count; keeping the table of
// completions per state lets a sampler choose each step with probability
// proportional to its weight times the completions it leaves, which is
// exactly uniform.

// runsDP is the state machine for one policy.
type runsDP struct {
	L, maxRun int
	labels    []int64 // characters per label: the constrained classes, then the pool
	caps      []int   // largest tracked count per constrained class
	lo        []int   // minimum per constrained class
	bounded   []bool  // the class has a maximum (caps is the maximum)
	radix     []int   // mixed-radix place values of the count state
	nCS       int
	nStates   int
	start     []dpStep   // the first character
	steps     [][]dpStep // from each state
	accept    []bool
}

// dpStep is one possible next character from a state.
type dpStep struct {
	to     int32
	w      int64
	label  int8
	repeat bool
}

// planRunsDP sizes the state machine and reports whether it fits: at most
// maxStates states. build then builds it.
func planRunsDP(s countSpec, maxRun, maxStates int) (*runsDP, bool) {
	d := &runsDP{L: s.L, maxRun: min(maxRun, s.L)}
	for _, c := range s.cls {
		d.labels = append(d.labels, c.n)
		cap := c.lo
		if c.hi < s.L {
			cap = c.hi
		}
		d.caps = append(d.caps, cap)
		d.lo = append(d.lo, c.lo)
		d.bounded = append(d.bounded, c.hi < s.L)
	}
	if s.pool > 0 {
		d.labels = append(d.labels, s.pool)
	}
	d.nCS = 1
	for _, c := range d.caps {
		d.radix = append(d.radix, d.nCS)
		d.nCS *= c + 1
		if d.nCS > maxStates {
			return nil, false
		}
	}
	d.nStates = d.nCS * len(d.labels) * d.maxRun
	return d, d.nStates <= maxStates
}

// build builds the planned state machine's steps.
func (d *runsDP) build() *runsDP {
	nl := len(d.labels)
	d.steps = make([][]dpStep, d.nStates)
	d.accept = make([]bool, d.nStates)
	for cs := 0; cs < d.nCS; cs++ {
		ok := true
		for i := range d.caps {
			if d.digit(cs, i) < d.lo[i] {
				ok = false
			}
		}
		for a := 0; a < nl; a++ {
			for run := 1; run <= d.maxRun; run++ {
				st := d.state(cs, a, run)
				d.accept[st] = ok
				if run < d.maxRun {
					if next, live := d.inc(cs, a); live {
						d.steps[st] = append(d.steps[st], dpStep{to: int32(d.state(next, a, run+1)), w: 1, label: int8(a), repeat: true})
					}
				}
				for b := 0; b < nl; b++ {
					w := d.labels[b]
					if b == a {
						w--
					}
					if w == 0 {
						continue
					}
					if next, live := d.inc(cs, b); live {
						d.steps[st] = append(d.steps[st], dpStep{to: int32(d.state(next, b, 1)), w: w, label: int8(b)})
					}
				}
			}
		}
	}
	for b := 0; b < nl; b++ {
		if next, live := d.inc(0, b); live {
			d.start = append(d.start, dpStep{to: int32(d.state(next, b, 1)), w: d.labels[b], label: int8(b)})
		}
	}
	return d
}

func (d *runsDP) state(cs, label, run int) int {
	return (cs*len(d.labels)+label)*d.maxRun + run - 1
}

func (d *runsDP) digit(cs, i int) int { return cs / d.radix[i] % (d.caps[i] + 1) }

// inc adds one character of label b to count state cs; live is false when
// that exceeds a maximum.
func (d *runsDP) inc(cs, b int) (next int, live bool) {
	if b >= len(d.caps) { // the pool is not counted
		return cs, true
	}
	v := d.digit(cs, b)
	if v == d.caps[b] {
		if d.bounded[b] { // one more would exceed the maximum
			return cs, false
		}
		return cs, true // the minimum is met; further counts don't matter
	}
	return cs + d.radix[b], true
}

// work returns the number of step evaluations of one pass over all lengths.
func (d *runsDP) work() float64 {
	n := 0
	for _, st := range d.steps {
		n += len(st)
	}
	return float64(n) * float64(d.L)
}

// countExact returns the exact number of valid strings.
func (d *runsDP) countExact() *big.Int {
	cur := make([]*big.Int, d.nStates)
	next := make([]*big.Int, d.nStates)
	for i := range cur {
		cur[i], next[i] = new(big.Int), new(big.Int)
	}
	for _, st := range d.start {
		cur[st.to].Add(cur[st.to], big.NewInt(st.w))
	}
	tmp := new(big.Int)
	for pos := 1; pos < d.L; pos++ {
		for i := range next {
			next[i].SetInt64(0)
		}
		for s, v := range cur {
			if v.Sign() == 0 {
				continue
			}
			for _, st := range d.steps[s] {
				if st.w == 1 {
					next[st.to].Add(next[st.to], v)
				} else {
					next[st.to].Add(next[st.to], tmp.Mul(v, big.NewInt(st.w)))
				}
			}
		}
		cur, next = next, cur
	}
	total := new(big.Int)
	for s, v := range cur {
		if d.accept[s] {
			total.Add(total, v)
		}
	}
	return total
}

// log2LowerBound runs the same recursion in floating point, rescaling each
// step; rounding and underflow can only lose mass, and a margin covers the
// rest, so the result is a lower bound.
func (d *runsDP) log2LowerBound() float64 {
	cur := make([]float64, d.nStates)
	next := make([]float64, d.nStates)
	for _, st := range d.start {
		cur[st.to] += float64(st.w)
	}
	scale := 0.0 // log2 of the factor taken out of cur
	for pos := 1; pos < d.L; pos++ {
		clear(next)
		for s, v := range cur {
			if v == 0 {
				continue
			}
			for _, st := range d.steps[s] {
				next[st.to] += v * float64(st.w)
			}
		}
		m := 0.0
		for _, v := range next {
			m = math.Max(m, v)
		}
		if m == 0 {
			return math.Inf(-1)
		}
		e := math.Floor(math.Log2(m))
		f := math.Exp2(-e)
		for i := range next {
			next[i] *= f
		}
		scale += e
		cur, next = next, cur
	}
	total := 0.0
	for s, v := range cur {
		if d.accept[s] {
			total += v
		}
	}
	if total == 0 {
		return math.Inf(-1)
	}
	v := scale + math.Log2(total)
	return v - 1e-9*math.Abs(v) - 1e-6
}

// dpSampler draws uniformly from the valid strings using the table of
// completions: table[t][s] is the number of ways to place t more characters
// from state s and end in an accepting state.
type dpSampler struct {
	d       *runsDP
	table   [][]*big.Int
	offsets []int32 // first alphabet index of each label
}

func newDPSampler(d *runsDP, offsets []int32) *dpSampler {
	table := make([][]*big.Int, d.L)
	table[0] = make([]*big.Int, d.nStates)
	one, zero := big.NewInt(1), new(big.Int)
	for s := range table[0] {
		table[0][s] = zero
		if d.accept[s] {
			table[0][s] = one
		}
	}
	tmp := new(big.Int)
	for t := 1; t < d.L; t++ {
		row := make([]*big.Int, d.nStates)
		prev := table[t-1]
		for s := range row {
			v := new(big.Int)
			for _, st := range d.steps[s] {
				if st.w == 1 {
					v.Add(v, prev[st.to])
				} else {
					v.Add(v, tmp.Mul(prev[st.to], big.NewInt(st.w)))
				}
			}
			row[s] = v
		}
		table[t] = row
	}
	return &dpSampler{d: d, table: table, offsets: offsets}
}

// count is the number of valid strings, from the table.
func (p *dpSampler) count() *big.Int {
	total := new(big.Int)
	for _, st := range p.d.start {
		total.Add(total, new(big.Int).Mul(big.NewInt(st.w), p.table[p.d.L-1][st.to]))
	}
	return total
}

func (p *dpSampler) sample(r *Rand, out []int32) {
	d := p.d
	choose := func(steps []dpStep, row []*big.Int) dpStep {
		cum := make([]*big.Int, len(steps))
		acc := new(big.Int)
		for i, st := range steps {
			acc = new(big.Int).Add(acc, new(big.Int).Mul(big.NewInt(st.w), row[st.to]))
			cum[i] = acc
		}
		return steps[newLazyChooser(cum).pick(r)]
	}
	st := choose(d.start, p.table[d.L-1])
	prevIdx := r.intn(int(d.labels[st.label]))
	out[0] = p.offsets[st.label] + int32(prevIdx)
	state, label := int(st.to), int(st.label)
	for pos := 1; pos < d.L; pos++ {
		st = choose(d.steps[state], p.table[d.L-1-pos])
		if r.err != nil {
			return
		}
		switch {
		case st.repeat:
			// same character again
		case int(st.label) == label: // another character of the same class
			idx := r.intn(int(d.labels[label]) - 1)
			if idx >= prevIdx {
				idx++
			}
			prevIdx = idx
		default:
			prevIdx = r.intn(int(d.labels[st.label]))
		}
		label, state = int(st.label), int(st.to)
		out[pos] = p.offsets[label] + int32(prevIdx)
	}
}

// tableBytes estimates the sampler table's memory.
func (d *runsDP) tableBytes(logN float64) float64 {
	return float64(d.nStates) * float64(d.L) * (words(float64(d.L)*logN/2)*8 + 32)
}
