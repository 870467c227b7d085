// Package stattest holds the statistics sesame's tests share: Pearson's
// χ² test with an exact p-value, so a statistical test can fail at a fixed
// false-alarm rate. Only tests import it: it is internal to the module so
// that the generator's and the command line's tests share it without it
// being part of either package.
package stattest

import "math"

// ChiSquare returns the statistic and its upper-tail p-value for observed
// counts against expected counts. Cells with expected count below 5 are
// pooled with their neighbours so the χ² approximation holds.
func ChiSquare(obs []int64, exp []float64) (stat float64, df int, p float64) {
	var po []float64
	var pe []float64
	var accO, accE float64
	for i := range obs {
		accO += float64(obs[i])
		accE += exp[i]
		if accE >= 5 {
			po, pe = append(po, accO), append(pe, accE)
			accO, accE = 0, 0
		}
	}
	if accE > 0 || accO > 0 {
		if len(pe) == 0 {
			po, pe = append(po, accO), append(pe, accE)
		} else {
			po[len(po)-1] += accO
			pe[len(pe)-1] += accE
		}
	}
	for i := range po {
		if pe[i] == 0 {
			if po[i] != 0 {
				return math.Inf(1), len(po) - 1, 0
			}
			continue
		}
		d := po[i] - pe[i]
		stat += d * d / pe[i]
	}
	df = len(po) - 1
	if df <= 0 {
		return stat, 0, 1
	}
	return stat, df, GammaQ(float64(df)/2, stat/2)
}

// GammaQ is the regularised upper incomplete gamma function Q(a, x)
// (Numerical Recipes: series for x < a+1, continued fraction otherwise).
func GammaQ(a, x float64) float64 {
	if x <= 0 {
		return 1
	}
	lg, _ := math.Lgamma(a)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 100000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-16 {
				break
			}
		}
		return 1 - sum*math.Exp(-x+a*math.Log(x)-lg)
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 100000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return math.Exp(-x+a*math.Log(x)-lg) * h
}
