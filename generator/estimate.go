package generator

import "math"

// When exact counting would be too slow (several classes with wide count
// ranges at lengths in the thousands), sesame reports a lower bound: the
// same class-by-class sum as the exact count, but in base-2 logarithms and
// keeping only the terms within 2^-dropBits of the largest one. Every term
// is positive, so dropping terms can only lower the result; the summands
// are log-concave in the class count (a product of log-concave sequences),
// so the kept terms are found by climbing to the peak and walking out from
// it. A small margin covers floating-point rounding, which keeps the figure
// a proven bound.

// log2Float returns log2 of a positive integer.
func log2Float(n int64) float64 { return math.Log2(float64(n)) }

// log2Factorials returns log2(i!) for i = 0..n.
func log2Factorials(n int) []float64 {
	lf := make([]float64, n+1)
	for i := 2; i <= n; i++ {
		lf[i] = lf[i-1] + math.Log2(float64(i))
	}
	return lf
}

// dropBits is how far below the peak a term may be and still be skipped:
// with at most 4097 terms per sum, what is skipped is below 2^-48 of the
// total, far below the 0.01-bit reporting precision.
const dropBits = 60

// log2LowerBound returns a lower bound on log2 of the number of valid
// strings; -Inf when there are none.
//
// Classes whose range almost every string meets (a minimum of 5 in 4096
// characters) cost as much to sum over as any other, yet change nothing
// the figure shows. Such a loose class is merged into the pool, and the
// strings that break its range are subtracted: if V' is the set of
// strings meeting every other range, |V| ≥ |V'| − Σ_b |strings breaking
// b's range|, and the second term, bounded above by its own short sum, is
// below 2^−40 of the first, so the bound loses nothing visible.
func (s countSpec) log2LowerBound() float64 {
	reduced, broken := s.withoutLooseClasses()
	v := reduced.log2LowerBoundAll()
	if broken == math.Inf(-1) || math.IsInf(v, -1) {
		return v
	}
	if broken > v-40 {
		return s.log2LowerBoundAll() // not negligible after all
	}
	// log2(2^v − 2^broken) = v + log2(1 − 2^(broken−v)), rounded down.
	return v + math.Log2(1-math.Exp2(broken-v)) - 1e-9
}

// log2LowerBoundAll is log2LowerBound summing over every class.
func (s countSpec) log2LowerBoundAll() float64 {
	e := newLog2Counter(s)
	v := e.level(len(s.cls), s.L)
	if math.IsInf(v, -1) {
		return v
	}
	return v - 1e-9*math.Abs(v) - 1e-6
}

// looseShare is how far below all N^L strings, in bits, the strings that
// break a class's range must be for the class to count as loose.
const looseShare = 100

// withoutLooseClasses returns the spec with its loose classes merged into
// the pool, and an upper bound on log2 of the number of strings that break
// one of their ranges (−Inf when no class is loose).
func (s countSpec) withoutLooseClasses() (countSpec, float64) {
	N := s.alphabetSize()
	all := float64(s.L) * log2Float(max(N, 1))
	out := countSpec{L: s.L, pool: s.pool}
	broken := math.Inf(-1)
	for _, c := range s.cls {
		if b := log2Breaking(s.L, c, N); b < all-looseShare {
			out.pool += c.n
			broken = log2Add(broken, b)
			continue
		}
		out.cls = append(out.cls, c)
	}
	if broken == math.Inf(-1) {
		return s, broken
	}
	return out, broken + 1e-6 // a margin for rounding: an upper bound
}

// log2Breaking bounds above log2 of the number of strings of length L over
// N characters whose count of class c lies outside [c.lo, c.hi]:
// Σ_{k outside} C(L,k)·n^k·(N−n)^(L−k), summed in logarithms.
func log2Breaking(L int, c countClass, N int64) float64 {
	lgL, _ := math.Lgamma(float64(L + 1))
	ln, lrest := math.Log2(float64(c.n)), math.Inf(-1)
	if N > c.n {
		lrest = math.Log2(float64(N - c.n))
	}
	term := func(k int) float64 {
		a, _ := math.Lgamma(float64(k + 1))
		b, _ := math.Lgamma(float64(L - k + 1))
		t := (lgL-a-b)/math.Ln2 + float64(k)*ln
		if L > k {
			t += float64(L-k) * lrest
		}
		return t
	}
	sum := math.Inf(-1)
	// The terms below the range, then above it. Each sum is of a
	// log-concave sequence; summing every term keeps this simple, and a
	// loose class has few terms on the side where its bound lies.
	if c.lo > 0 {
		if c.lo > 64 {
			return math.Inf(1) // too many terms to bother: not loose
		}
		for k := range c.lo {
			sum = log2Add(sum, term(k))
		}
	}
	if c.hi < L {
		if L-c.hi > 64 {
			return math.Inf(1)
		}
		for k := c.hi + 1; k <= L; k++ {
			sum = log2Add(sum, term(k))
		}
	}
	return sum + 1e-9*math.Abs(sum)
}

// log2Add returns log2(2^a + 2^b).
func log2Add(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(b, -1) {
		return a
	}
	return a + math.Log2(1+math.Exp2(b-a))
}

// log2UpperBound returns an upper bound on log2 of the number of valid
// strings: the terms the estimate skips are below 2^-48 of each sum it
// keeps (see dropBits), and rounding is far smaller than the margin added.
func (s countSpec) log2UpperBound() float64 {
	v := newLog2Counter(s).level(len(s.cls), s.L)
	if math.IsInf(v, -1) {
		return v
	}
	return v + 1e-9*math.Abs(v) + 1e-6
}

// log2Counter evaluates D(j, t): log2 of the number of strings of length t
// over the pool and the first j constrained classes, memoised, computing
// only the (j, t) the final sum actually reaches.
type log2Counter struct {
	s     countSpec
	lf    []float64
	logN  []float64   // log2 n of each class
	logA  float64     // log2 of the pool size
	memo  [][]float64 // memo[j][t]; NaN = not computed yet
	guess []int       // last peak found at each level, to start the climb
	// D(j, t) is finite exactly for t in [flo[j], fhi[j]]: level 0 is the
	// pool alone, and each class adds its count range.
	flo, fhi []int
}

func newLog2Counter(s countSpec) *log2Counter {
	e := &log2Counter{s: s, lf: log2Factorials(s.L), logA: math.Inf(-1)}
	if s.pool > 0 {
		e.logA = log2Float(s.pool)
	}
	e.memo = make([][]float64, len(s.cls)+1)
	e.guess = make([]int, len(s.cls)+1)
	e.flo = make([]int, len(s.cls)+1)
	e.fhi = make([]int, len(s.cls)+1)
	if s.pool > 0 {
		e.fhi[0] = s.L
	}
	for j, c := range s.cls {
		e.flo[j+1] = min(e.flo[j]+c.lo, s.L+1)
		e.fhi[j+1] = min(e.fhi[j]+c.hi, s.L)
	}
	for j := range e.memo {
		e.memo[j] = make([]float64, s.L+1)
		for t := range e.memo[j] {
			e.memo[j][t] = math.NaN()
		}
	}
	for j, c := range s.cls {
		e.logN = append(e.logN, log2Float(c.n))
		e.guess[j+1] = -1
	}
	return e
}

func (e *log2Counter) level(j, t int) float64 {
	if j == 0 {
		if t == 0 {
			return 0
		}
		return float64(t) * e.logA // -Inf when there is no pool
	}
	if v := e.memo[j][t]; !math.IsNaN(v) {
		return v
	}
	c := e.s.cls[j-1]
	// k must be in the class's range and leave t−k in the previous level's
	// support, so that every summand is finite.
	kmin, kmax := max(c.lo, t-e.fhi[j-1]), min(c.hi, t-e.flo[j-1])
	v := math.Inf(-1)
	if kmin <= kmax {
		f := func(k int) float64 {
			return e.lf[t] - e.lf[k] - e.lf[t-k] + float64(k)*e.logN[j-1] + e.level(j-1, t-k)
		}
		start := e.guess[j]
		if start < kmin || start > kmax {
			start = kmin + int(float64(kmax-kmin)*float64(c.n)/float64(e.s.alphabetSize()))
		}
		peak := climb(f, start, kmin, kmax)
		e.guess[j] = peak
		v = sumFromPeak(f, peak, kmin, kmax)
	}
	e.memo[j][t] = v
	return v
}

// climb returns the position of the maximum of a unimodal f on [lo, hi],
// walking uphill from start.
func climb(f func(int) float64, start, lo, hi int) int {
	k, v := start, f(start)
	for k < hi {
		if w := f(k + 1); w > v {
			k, v = k+1, w
			continue
		}
		break
	}
	for k > lo {
		if w := f(k - 1); w > v {
			k, v = k-1, w
			continue
		}
		break
	}
	return k
}

// sumFromPeak returns log2 Σ 2^f(k) over [lo, hi] for unimodal f peaking at
// peak, skipping the terms more than dropBits below the peak.
func sumFromPeak(f func(int) float64, peak, lo, hi int) float64 {
	top := f(peak)
	if math.IsInf(top, -1) {
		return top
	}
	sum := 1.0 // in units of 2^top
	for k := peak - 1; k >= lo; k-- {
		d := f(k) - top
		if d < -dropBits {
			break
		}
		sum += exp2Neg(d)
	}
	for k := peak + 1; k <= hi; k++ {
		d := f(k) - top
		if d < -dropBits {
			break
		}
		sum += exp2Neg(d)
	}
	return top + math.Log2(sum)
}

// exp2Table holds 2^(i/256) for i = 0..255, each within an ulp.
var exp2Table = func() (t [256]float64) {
	for i := range t {
		t[i] = math.Exp2(float64(i) / 256)
	}
	return t
}()

// exp2Neg returns 2^x for −dropBits−1 ≤ x ≤ 0 with a relative error
// below 10^−14, about four times faster than math.Exp2, which dominated
// the estimate at length 4096 (several hundred thousand terms a
// keystroke). With x = n + i/256 + r (n an integer, 0 ≤ r < 1/256), 2^x
// is 2^n · 2^(i/256) from the table · e^(r·ln 2) from its Taylor series
// to the fourth power (the fifth term is below 10^−15). The estimate's
// margin (log2LowerBound) covers far more than this error.
func exp2Neg(x float64) float64 {
	n := math.Floor(x)
	f := x - n                // in [0, 1)
	i := min(int(f*256), 255) // f may round up to 1
	y := (f - float64(i)/256) * math.Ln2
	p := 1 + y*(1+y*(1.0/2+y*(1.0/6+y*(1.0/24))))
	// 2^n for n in [−62, 0], built from its exponent bits.
	return exp2Table[i] * p * math.Float64frombits(uint64(1023+int64(n))<<52)
}
