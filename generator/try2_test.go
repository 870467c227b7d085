package generator

import (
	"fmt"
	"testing"
)

func TestTrySizes(t *testing.T) {
	for _, n := range []int{8, 20, 64} {
		pp := tryPolicy(n, nil)
		pc := &patternCompiler{pp: pp}
		pc.parse()
		pc.symbols, _, _ = symbolsFor("")
		resolve := pc.resolver([2]uint64{})
		u := pc.universe(resolve)
		blocks := pc.blocks(u, resolve, nil)
		a := buildNFA(pc.tree, resolve, pp.MaxLength)
		d := determinise(a, blocks)
		spec := pc.spec(d, blocks, nil, u, levelAll)
		f := foldConstraints(spec)
		fmt.Println(n, "nfa", len(a.sets), "dfa", len(d.accept), "fold", foldRaw, len(f.accept), "blocks", len(blocks))
	}
}
