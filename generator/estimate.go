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
func (s countSpec) log2LowerBound() float64 {
	e := newLog2Counter(s)
	v := e.level(len(s.cls), s.L)
	if math.IsInf(v, -1) {
		return v
	}
	return v - 1e-9*math.Abs(v) - 1e-6
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
		sum += math.Exp2(d)
	}
	for k := peak + 1; k <= hi; k++ {
		d := f(k) - top
		if d < -dropBits {
			break
		}
		sum += math.Exp2(d)
	}
	return top + math.Log2(sum)
}
