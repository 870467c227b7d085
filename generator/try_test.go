package generator

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

var trySyl = "([bcdfghjklmnprstvwyz]|[bcfgkp][lr]|[dt][r]|[cstw][h]|[s][cklmnptw]|[q][u]|[t][w])([aeiou]|[a][iu]|[e][ae]|[i][e]|[o][aou])([bdfgklmnprstxz]|[lnr][dt]|[lnrs][k]|[lrs][p]|[r][mn]|[n][g]|[m][p]|[c][kt]|[fs][t]|)"

func tryPolicy(n int, bl []string) PatternPolicy {
	pp := PatternPolicy{Pattern: "((d|)" + trySyl + fmt.Sprintf("){1,%d}(d|)", n/2), MinLength: n, MaxLength: n, Blocklist: bl}
	pp.Policy.Digits = ClassPolicy{Min: 1, Max: 1, HasMax: true}
	return pp
}
func tryWords() []string {
	data, _ := os.ReadFile("/work/wt/styles18/assets/blocklist/en.txt")
	return strings.Split(string(data), "\n")
}
func TestTryBig(t *testing.T) {
	words := tryWords()
	for _, n := range []int{8, 20, 32, 64} {
		for _, bl := range [][]string{nil, words} {
			pp := tryPolicy(n, bl)
			t0 := time.Now()
			p, err := NewPattern(pp)
			if err != nil {
				t.Fatal(err)
			}
			el := time.Since(t0)
			s, _ := p.Generate(seededRand(1))
			fmt.Println(n, len(bl), el, p.prod.width, len(p.prod.accept), p.Entropy().Bits, p.LeftOut(), s)
		}
	}
}
func BenchmarkTry20(b *testing.B) {
	pp := tryPolicy(20, nil)
	for b.Loop() {
		NewPattern(pp)
	}
}
func BenchmarkTry20BL(b *testing.B) {
	pp := tryPolicy(20, tryWords())
	for b.Loop() {
		NewPattern(pp)
	}
}
