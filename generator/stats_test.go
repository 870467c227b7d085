package generator

import (
	"errors"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/sesame-sh/sesame/internal/stattest"
)

// Statistical tests fail at p < alarmP: with a dozen such tests a run on a
// live source false-alarms about once in 100,000 runs, and the seeded
// sources used by default never change between runs.
const alarmP = 1e-6

// deep returns a TestStat test's sample size n, or ten times n under
// make test-long (SESAME_TEST_LONG=1). A bias that shifts a share ε of the
// probability mass between cells raises χ² by about Nε² for N draws, so
// ten times the draws catches a bias about √10 ≈ 3.2 times smaller; each
// test says what its N catches at the alarmP threshold.
func deep(n int) int {
	if os.Getenv("SESAME_TEST_LONG") != "" {
		return 10 * n
	}
	return n
}

// seededSource is a deterministic Source for tests only (ChaCha8), so the
// statistical tests are reproducible and cannot flake.
type seededSource struct{ c *rand.ChaCha8 }

func newSeeded(seed uint64) *seededSource {
	var s [32]byte
	for i := range 8 {
		s[i] = byte(seed >> (8 * i))
	}
	return &seededSource{rand.NewChaCha8(s)}
}

func (s *seededSource) Fill(p []byte) error {
	_, err := s.c.Read(p)
	return err
}

func seededRand(seed uint64) *Rand { return NewRand(newSeeded(seed)) }

// failingSource serves `good` bytes and then fails every call.
type failingSource struct{ good int }

var errBrokenSource = errors.New("broken test source")

func (f *failingSource) Fill(p []byte) error {
	if f.good >= len(p) {
		f.good -= len(p)
		for i := range p {
			p[i] = byte(i * 7)
		}
		return nil
	}
	return errBrokenSource
}

func chiSquare(obs []int64, exp []float64) (stat float64, df int, p float64) {
	return stattest.ChiSquare(obs, exp)
}

// requireUniformish fails the test when the χ² p-value is below alarmP.
func requireChi(t *testing.T, what string, obs []int64, exp []float64) {
	t.Helper()
	stat, df, p := chiSquare(obs, exp)
	if p < alarmP {
		t.Fatalf("%s: χ²=%.1f df=%d p=%.3g < %g: output is biased", what, stat, df, p, alarmP)
	}
	t.Logf("%s: χ²=%.1f df=%d p=%.3g", what, stat, df, p)
}
