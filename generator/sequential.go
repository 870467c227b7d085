package generator

import (
	"fmt"
	"math/big"
)

// sequentialSampler draws the class counts one class at a time, each with
// probability proportional to the number of strings that can complete it,
// then arranges the labels and draws the characters as compositionSampler
// does. It serves policies with too many class-count combinations to
// enumerate whose acceptance under the tilted proposal is poor: several
// tight minimums on a long password (five classes of at least 800 each in
// 4096 characters, say), which would otherwise take seconds per password.
//
// Let T_j[m] be the number of strings of length m over classes j, j+1, …
// and the pool that meet those classes' limits. Then
//
//	T_j[m] = Σ_k C(m, k) · n_j^k · T_{j+1}[m−k]
//
// and drawing k for class j with probability C(m, k)·n_j^k·T_{j+1}[m−k] /
// T_j[m], for j = 0, 1, … starting from m = L, gives each valid
// combination of counts probability (multinomial · Π n^k) / T_0[L]: the
// exact law, so the output is uniform. T_0[L] is |V| itself, so the
// entropy comes out exact as well.
//
// Only the counts the other classes' minimums leave room for matter, so
// each table has slack+1 entries (slack = L − Σ minimums). To keep the
// products cheap the weights are scaled: with d = m − k,
//
//	C(m, k)·n^k·T'[d] = m!·n^kmin / (dhi!·kmax!) · R[d]·c[k]
//	R[d] = T'[d]·dhi!/d!,  c[k] = n^(k−kmin)·kmax!/k!
//
// where dhi is the largest d and kmax the largest k, so R[d] and c[k] are
// integers and c[k] is small; the factor in front is the same for every k
// of one m, so the draw only needs Σ R·c.
type sequentialSampler struct {
	lay  *layout
	need []int        // need[j]: the sum of the minimums of classes j, j+1, …
	kmin []int        // per class: the fewest characters it can take
	kmax []int        // per class: the most characters it can take
	R    [][]*big.Int // R[j][d-need[j+1]]
	c    [][]*big.Int // c[j][k-kmin[j]]
	sum  [][]*big.Int // sum[j][m-need[j]] = Σ_k R[j][m-k-need[j+1]]·c[j][k-kmin[j]]
}

// sequentialOps is the number of big-number products building the tables
// takes (the inner sums; the rest is smaller).
func sequentialOps(lay *layout) float64 {
	w := float64(lay.L - lay.sumMin + 1)
	return float64(lay.slots()) * w * w
}

// newSequentialSampler builds the tables and returns the sampler and |V|.
func newSequentialSampler(lay *layout, spec countSpec) (*sequentialSampler, *big.Int) {
	s := len(spec.cls)
	ss := &sequentialSampler{
		lay:  lay,
		need: make([]int, s+1),
		kmin: make([]int, s),
		kmax: make([]int, s),
		R:    make([][]*big.Int, s),
		c:    make([][]*big.Int, s),
		sum:  make([][]*big.Int, s),
	}
	for j := s - 1; j >= 0; j-- {
		ss.need[j] = ss.need[j+1] + spec.cls[j].lo
	}
	slack := spec.L - ss.need[0]
	if slack < 0 {
		return nil, new(big.Int)
	}
	// T_s: the pool alone, for lengths 0…slack.
	next := make([]*big.Int, slack+1)
	for d := range next {
		switch {
		case spec.pool > 0:
			next[d] = powInt(spec.pool, d)
		case d == 0:
			next[d] = big.NewInt(1)
		default:
			next[d] = new(big.Int)
		}
	}
	for j := s - 1; j >= 0; j-- {
		cl := spec.cls[j]
		kmin, kmax := cl.lo, min(cl.hi, cl.lo+slack)
		ss.kmin[j], ss.kmax[j] = kmin, kmax
		dlo := ss.need[j+1]
		dhi := dlo + slack
		R := make([]*big.Int, slack+1)
		for i := range R {
			R[i] = new(big.Int).Mul(next[i], mulRange(dlo+i+1, dhi))
		}
		c := make([]*big.Int, kmax-kmin+1)
		n := big.NewInt(cl.n)
		pow := big.NewInt(1)
		for i := range c {
			c[i] = new(big.Int).Mul(pow, mulRange(kmin+i+1, kmax))
			pow.Mul(pow, n)
		}
		ss.R[j], ss.c[j] = R, c
		// T_j[m] for m = need[j] … need[j]+slack.
		sums := make([]*big.Int, slack+1)
		cur := make([]*big.Int, slack+1)
		nKmin := powInt(cl.n, kmin)
		kmaxFact := mulRange(1, kmax)
		prod := new(big.Int)
		for i := range sums {
			m := ss.need[j] + i
			acc := new(big.Int)
			for k := kmin; k <= min(kmax, m-dlo); k++ {
				acc.Add(acc, prod.Mul(R[m-k-dlo], c[k-kmin]))
			}
			sums[i] = acc
			// T_j[m] = acc · n^kmin · m! / (dhi! · kmax!)
			num := new(big.Int).Mul(acc, nKmin)
			den := new(big.Int).Set(kmaxFact)
			if m >= dhi {
				num.Mul(num, mulRange(dhi+1, m))
			} else {
				den.Mul(den, mulRange(m+1, dhi))
			}
			t, rem := new(big.Int).QuoRem(num, den, new(big.Int))
			if rem.Sign() != 0 {
				panic(fmt.Sprintf("generator: sequential count for class %d at %d is not an integer", j, m))
			}
			cur[i] = t
		}
		ss.sum[j] = sums
		next = cur
	}
	return ss, next[slack] // T_0[need[0]+slack] = T_0[L]
}

// mulRange returns a·(a+1)·…·b, or 1 when a > b.
func mulRange(a, b int) *big.Int {
	if a > b {
		return big.NewInt(1)
	}
	return new(big.Int).MulRange(int64(a), int64(b))
}

func (ss *sequentialSampler) sample(r *Rand, out []int32) {
	lay := ss.lay
	counts := make([]int, lay.slots())
	prod, acc := new(big.Int), new(big.Int)
	m := lay.L
	for j := range counts {
		dlo := ss.need[j+1]
		u := r.bigIntn(ss.sum[j][m-ss.need[j]])
		if r.err != nil {
			return
		}
		acc.SetInt64(0)
		k := ss.kmin[j]
		for ; k < min(ss.kmax[j], m-dlo); k++ {
			acc.Add(acc, prod.Mul(ss.R[j][m-k-dlo], ss.c[j][k-ss.kmin[j]]))
			if u.Cmp(acc) < 0 {
				break
			}
		}
		counts[j] = k // the last candidate when every earlier one fell short
		m -= k
	}
	arrange(lay, counts, r, out)
}
