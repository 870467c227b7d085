package generator

import (
	"math"
	"math/big"
)

// Exact counting of the passwords a class policy allows.
//
// Let the constrained classes have n_i characters and allowed counts
// [lo_i, hi_i], and let the unconstrained classes form one pool of a
// characters. The number of valid strings of length L is
//
//	L! · [x^L] e^(a·x) · Π_i Σ_{k=lo_i}^{hi_i} (n_i·x)^k / k!
//
// Each class factor can be written as a window polynomial (its own range)
// or as e^(n_i·x) minus a "low" part (counts below lo_i) minus a "high" part
// (counts above hi_i). The second form merges the class into the pool and
// leaves short polynomials when the minimum is small or the maximum close to
// L. Expanding the products gives signed terms; each term is a sum over the
// counts of a few polynomial "pieces" with the rest of the string drawn from
// a pool, which is cheap when the pieces are narrow. The cheapest mix of
// forms is chosen from a cost model calibrated on big.Int costs; policies
// for which every exact method is too slow get a proven lower bound instead
// (estimate.go).

// countClass is a constrained class in counting form.
type countClass struct {
	n      int64 // characters in the class
	lo, hi int   // allowed count range, 0 <= lo <= hi <= L
}

// countSpec is a counting problem: strings of length L over the classes
// plus a pool of unconstrained characters.
type countSpec struct {
	L    int
	cls  []countClass
	pool int64
}

// alphabetSize returns the total number of characters.
func (s countSpec) alphabetSize() int64 {
	n := s.pool
	for _, c := range s.cls {
		n += c.n
	}
	return n
}

// piece is one polynomial factor of a term: a class whose count is summed
// over [lo, hi].
type piece struct {
	n      int64
	lo, hi int
}

func (p piece) width() int { return p.hi - p.lo + 1 }

// term is one signed product of the inclusion–exclusion expansion.
type term struct {
	neg    bool
	pieces []piece
	pool   int64
}

// Costs in nanoseconds per 64-bit word, measured on a 2-core VM (Go 1.26,
// big.Int; choose_calibrate_test.go measures them again): multiply and
// divide by one word, add, and multiply two big numbers (per product of
// their word counts).
const (
	nsMulSmall = 0.7
	nsQuoSmall = 6.0
	nsAdd      = 0.4
	nsMulBig   = 0.3
)

// exactBudgetNs is the predicted time above which exact counting gives way
// to the lower-bound estimate. The figure is recomputed on every keystroke,
// so it must take under 50 ms at length 4096 and 5 ms up to 128;
// predictions are rough, so keep headroom.
const exactBudgetNs = 15e6 // calibrated by TestCalibrateExactBudget and TestCalibrateSetsBudgets

// words returns the 64-bit words of a number of the given bit length.
func words(bits float64) float64 { return bits/64 + 1 }

// termCost predicts evalTerm's running time.
func (s countSpec) termCost(t term) float64 {
	logN := math.Log2(float64(max(s.alphabetSize(), 2)))
	S := words(float64(s.L) * logN)
	if len(t.pieces) == 0 {
		return nsMulBig * S * S
	}
	jlo, jhi := 0, 0
	cost := 0.0
	for i, p := range t.pieces {
		if i == 0 {
			jlo, jhi = p.lo, min(p.hi, s.L)
			continue
		}
		nlo, nhi := jlo+p.lo, min(jhi+p.hi, s.L)
		sg := words(float64(nhi) * logN)
		cost += float64(nhi-nlo+1) * float64(p.width()) * (nsMulBig*sg*sg + (nsMulSmall+nsQuoSmall)*sg)
		jlo, jhi = nlo, nhi
	}
	if jlo > s.L {
		return cost
	}
	span := float64(jhi - jlo + 1)
	perJ := (nsMulSmall+nsQuoSmall+nsAdd)*S + nsMulSmall*S
	if len(t.pieces) > 1 {
		perJ += nsMulBig * words(float64(s.L)) * words(float64(jhi)*logN)
	}
	return cost + span*perJ + nsMulBig*S*S
}

// classForm is one of the two ways of writing a class factor.
type classForm int

const (
	formWindow     classForm = iota // Σ_{k=lo}^{hi}: one piece
	formComplement                  // e^(n x) − low − high
)

// expand returns the signed terms of the expansion for the given forms.
func (s countSpec) expand(forms []classForm) []term {
	terms := []term{{pool: s.pool}}
	for i, c := range s.cls {
		var next []term
		for _, t := range terms {
			if forms[i] == formWindow {
				next = append(next, t.with(piece(c), false, 0))
				continue
			}
			next = append(next, t.with(piece{}, false, c.n))
			if c.lo > 0 {
				next = append(next, t.with(piece{c.n, 0, c.lo - 1}, true, 0))
			}
			if c.hi < s.L {
				next = append(next, t.with(piece{c.n, c.hi + 1, s.L}, true, 0))
			}
		}
		terms = next
	}
	return terms
}

// with returns t extended by a piece (if p.n > 0), a sign flip, and extra
// pool characters.
func (t term) with(p piece, flip bool, pool int64) term {
	u := term{neg: t.neg != flip, pool: t.pool + pool}
	u.pieces = append(append([]piece(nil), t.pieces...), p)
	if p.n == 0 {
		u.pieces = u.pieces[:len(t.pieces)]
	}
	return u
}

// plan picks the cheapest forms and returns the terms and their predicted
// cost.
func (s countSpec) plan() ([]term, float64) {
	c := len(s.cls)
	best, bestCost := []term(nil), math.Inf(1)
	forms := make([]classForm, c)
	for mask := 0; mask < 1<<c; mask++ {
		for i := range forms {
			forms[i] = classForm(mask >> i & 1)
		}
		terms := s.expand(forms)
		cost := 0.0
		for _, t := range terms {
			cost += s.termCost(t)
		}
		if cost < bestCost {
			best, bestCost = terms, cost
		}
	}
	return best, bestCost
}

// countExact returns the exact number of valid strings, or false when every
// exact method is predicted to exceed the budget.
func (s countSpec) countExact(budgetNs float64) (*big.Int, bool) {
	if len(s.cls) == 0 {
		return powInt(s.pool, s.L), true
	}
	terms, cost := s.plan()
	if comps := s.compositions(1 << 20); comps >= 0 {
		if enumCost := s.enumCost(comps); enumCost < cost {
			if enumCost > budgetNs {
				return nil, false
			}
			return s.countByEnumeration(), true
		}
	}
	if cost > budgetNs {
		return nil, false
	}
	total := new(big.Int)
	for _, t := range terms {
		v := evalTerm(s.L, t.pieces, t.pool)
		if t.neg {
			total.Sub(total, v)
		} else {
			total.Add(total, v)
		}
	}
	if total.Sign() < 0 {
		panic("generator: negative count from inclusion–exclusion")
	}
	return total, true
}

// powInt returns a^k with 0^0 = 1.
func powInt(a int64, k int) *big.Int {
	return new(big.Int).Exp(big.NewInt(a), big.NewInt(int64(k)), nil)
}

// evalTerm returns the sum over counts k_p in [lo_p, hi_p] with K = Σ k_p
// at most L of L!/(Π k_p! (L−K)!) · Π n_p^k_p · a^(L−K).
func evalTerm(L int, ps []piece, a int64) *big.Int {
	if len(ps) == 0 {
		return powInt(a, L)
	}
	if len(ps) == 1 {
		return evalOnePiece(L, ps[0], a)
	}
	jlo, G := piecesDP(L, ps)
	if jlo > L || len(G) == 0 {
		return new(big.Int)
	}
	jhi := jlo + len(G) - 1
	if a == 0 { // no pool: the pieces must fill the string exactly
		if L <= jhi {
			return new(big.Int).Set(G[L-jlo])
		}
		return new(big.Int)
	}
	// Horner in a: Σ_J C(L,J)·G(J)·a^(L−J) = a^(L−jhi) · Σ_J C(L,J)·G(J)·a^(jhi−J).
	acc := new(big.Int)
	binom := new(big.Int).Binomial(int64(L), int64(jlo))
	bigA := big.NewInt(a)
	tmp := new(big.Int)
	for J := jlo; J <= jhi; J++ {
		acc.Mul(acc, bigA)
		acc.Add(acc, tmp.Mul(binom, G[J-jlo]))
		if J < jhi {
			binom.Mul(binom, big.NewInt(int64(L-J)))
			binom.Quo(binom, big.NewInt(int64(J+1)))
		}
	}
	return acc.Mul(acc, powInt(a, L-jhi))
}

// evalOnePiece is evalTerm for one piece: Σ_{k=lo}^{hi} C(L,k)·n^k·a^(L−k),
// by Horner in a with the coefficient C(L,k)·n^k updated by one small
// multiplication and one exact small division per step.
func evalOnePiece(L int, p piece, a int64) *big.Int {
	lo, hi := p.lo, min(p.hi, L)
	if lo > hi {
		return new(big.Int)
	}
	if a == 0 {
		if hi == L {
			return powInt(p.n, L)
		}
		return new(big.Int)
	}
	coef := new(big.Int).Binomial(int64(L), int64(lo))
	coef.Mul(coef, powInt(p.n, lo))
	acc := new(big.Int)
	bigA := big.NewInt(a)
	for k := lo; k <= hi; k++ {
		acc.Mul(acc, bigA)
		acc.Add(acc, coef)
		if k < hi { // C(L,k+1)·n^(k+1) = C(L,k)·n^k · n(L−k)/(k+1), exactly
			coef.Mul(coef, big.NewInt(p.n*int64(L-k)))
			coef.Quo(coef, big.NewInt(int64(k+1)))
		}
	}
	return acc.Mul(acc, powInt(a, L-hi))
}

// piecesDP returns jlo and G, where G[J−jlo] is the number of strings of
// length J over the pieces' classes with every class count in its range.
func piecesDP(L int, ps []piece) (int, []*big.Int) {
	p0 := ps[0]
	jlo, jhi := p0.lo, min(p0.hi, L)
	if jlo > jhi {
		return jlo, nil
	}
	G := make([]*big.Int, jhi-jlo+1)
	for J := jlo; J <= jhi; J++ {
		G[J-jlo] = powInt(p0.n, J)
	}
	tmp := new(big.Int)
	for _, p := range ps[1:] {
		nlo, nhi := jlo+p.lo, min(jhi+p.hi, L)
		if nlo > nhi {
			return nlo, nil
		}
		next := make([]*big.Int, nhi-nlo+1)
		for J := nlo; J <= nhi; J++ {
			sum := new(big.Int)
			kmin, kmax := max(p.lo, J-jhi), min(p.hi, J-jlo)
			if kmin <= kmax {
				coef := new(big.Int).Binomial(int64(J), int64(kmin))
				coef.Mul(coef, powInt(p.n, kmin))
				for k := kmin; k <= kmax; k++ {
					sum.Add(sum, tmp.Mul(coef, G[J-k-jlo]))
					if k < kmax {
						coef.Mul(coef, big.NewInt(p.n*int64(J-k)))
						coef.Quo(coef, big.NewInt(int64(k+1)))
					}
				}
			}
			next[J-nlo] = sum
		}
		G, jlo, jhi = next, nlo, nhi
	}
	return jlo, G
}
