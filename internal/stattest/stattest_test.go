package stattest

import "testing"

func TestGammaQKnownQuantiles(t *testing.T) {
	// Upper critical values of χ² at p = 1e-6 for these degrees of freedom.
	for _, c := range []struct {
		df   int
		crit float64
	}{{93, 172.7}, {14, 54.6}, {5, 35.9}, {1860, 2164.4}} {
		p := GammaQ(float64(c.df)/2, c.crit/2)
		if p < 0.8e-6 || p > 1.25e-6 {
			t.Errorf("Q(df=%d, χ²=%.1f) = %.3g, want about 1e-6", c.df, c.crit, p)
		}
	}
	if p := GammaQ(1, 0); p != 1 {
		t.Errorf("Q(1,0) = %v", p)
	}
}

func TestChiSquareCatchesBias(t *testing.T) {
	// 10% excess in one of 10 cells over 100k draws must be flagged.
	obs := make([]int64, 10)
	exp := make([]float64, 10)
	for i := range obs {
		obs[i], exp[i] = 10000, 10000
	}
	obs[0], obs[1] = 11000, 9000
	if _, _, p := ChiSquare(obs, exp); p >= 1e-6 {
		t.Fatalf("biased counts passed: p=%g", p)
	}
	obs[0], obs[1] = 10050, 9950
	if _, _, p := ChiSquare(obs, exp); p < 0.01 {
		t.Fatalf("fair counts failed: p=%g", p)
	}
}
