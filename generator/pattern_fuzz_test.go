package generator

import (
	"errors"
	"testing"
)

// FuzzPatternCompile checks that any pattern, with a length limit and a
// blocklist, is either refused with a *PolicyError or counted and drawn:
// a positive count (through failure links as the product counts), and draws, with and without the drawing tables, that the policy allows (judged by
// allows in pattern_test.go) and no longer than the limit.
func FuzzPatternCompile(f *testing.F) {
	for _, s := range []string{"cvcv-dd", "(a|ab)(b|)", "d{1,2}", "(c|C)(v|V){2,4}", "x{4096}", "[ab]{0,9}", "(s|d){3}"} {
		f.Add(s, 12, uint8(2))
	}
	f.Fuzz(func(t *testing.T, src string, maxLen int, runs uint8) {
		pp := PatternPolicy{Pattern: src, MaxLength: max(maxLen%16, 0), Blocklist: []string{"ab", "x1"}}
		pp.Policy.MaxRepeating = int(runs % 4)
		pp.Policy.MaxSequential = int(runs/4) % 4
		if runs&16 != 0 { // a class limit: counted beside the blocklist or folded in
			pp.Policy.Upper = ClassPolicy{Min: int(runs>>5) % 2, Max: 1 + int(runs>>6)%2, HasMax: true}
		}
		p, err := NewPattern(pp)
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("%q: error %T %v, want *PolicyError", src, err, err)
			}
			return
		}
		if p.Entropy().Count.Sign() <= 0 {
			t.Fatalf("%q: count %v", src, p.Entropy().Count)
		}
		if p.spec != nil { // counted through failure links: as the product counts
			if prod, err := buildProduct(p.spec); err == nil && lBig(prod.total()).Cmp(p.count) != 0 {
				t.Fatalf("%q: count %v through failure links, %v by the product", src, p.count, lBig(prod.total()))
			}
		}
		r := seededRand(1)
		for range tablesAfter + 8 { // past the point where drawing tables are built
			s, err := p.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if !allows(pp, s) {
				t.Fatalf("%q: drew %q, which the policy does not allow", src, s)
			}
		}
	})
}
