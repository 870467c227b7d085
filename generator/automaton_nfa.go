package generator

import (
	"github.com/sesame-sh/sesame/generator/pattern"
)

// A pattern's nondeterministic automaton, as a position automaton: one
// state per set of the pattern with its repeats written out, plus the
// start, and a move from p to q on q's characters when q can follow p.
// It has no empty moves, so determinising it needs no closures. Patterns
// have no unbounded repeat, so it has no cycle and spells a finite set of
// strings.

// nfa is the automaton; position 0 is the start.
type nfa struct {
	sets   []pattern.CharSet // the characters each position spells
	follow [][]int32         // the positions that can come next; follow[0] the first ones
	final  []bool            // a string can end at the position; final[0]: the empty string
	// maxLen, when positive, is the longest string that matters; cyclic
	// reports that it let some repeats loop (see build).
	maxLen int
	cyclic bool
}

// fragment is what concatenation needs of a piece of the pattern.
type fragment struct {
	nullable    bool
	first, last []int32
}

// buildNFA compiles a syntax tree, its sets resolved by resolve (the class
// letters made sets, the policy's exclusions taken out). maxLen, when
// positive, is the longest password wanted: the automaton may then spell
// longer strings than the pattern does, but agrees with it on every
// string up to maxLen.
func buildNFA(n pattern.Node, resolve func(pattern.Node) (pattern.CharSet, int), maxLen int) *nfa {
	a := &nfa{sets: []pattern.CharSet{{}}, follow: [][]int32{nil}, final: []bool{false}, maxLen: maxLen}
	f := a.build(n, resolve)
	a.follow[0] = f.first
	a.final[0] = f.nullable
	for _, p := range f.last {
		a.final[p] = true
	}
	return a
}

func (a *nfa) build(n pattern.Node, resolve func(pattern.Node) (pattern.CharSet, int)) fragment {
	switch n := n.(type) {
	case *pattern.Set, *pattern.Class:
		set, _ := resolve(n)
		p := int32(len(a.sets))
		a.sets = append(a.sets, set)
		a.follow = append(a.follow, nil)
		a.final = append(a.final, false)
		return fragment{first: []int32{p}, last: []int32{p}}
	case pattern.Concat:
		f := fragment{nullable: true}
		for _, m := range n {
			f = a.concat(f, a.build(m, resolve))
		}
		return f
	case pattern.Alt:
		var f fragment
		for _, m := range n {
			g := a.build(m, resolve)
			f.nullable = f.nullable || g.nullable
			f.first = append(f.first, g.first...)
			f.last = append(f.last, g.last...)
		}
		return f
	case *pattern.Repeat:
		if a.loops(n) {
			return a.loop(n, resolve)
		}
		f := fragment{nullable: true}
		for range n.Min {
			f = a.concat(f, a.build(n.Sub, resolve))
		}
		// The optional copies nest, S?(S?(S?)), so that each copy's
		// last positions are followed only by the next copy's first.
		var opt []fragment
		for range n.Max - n.Min {
			opt = append(opt, a.build(n.Sub, resolve))
		}
		tail := fragment{nullable: true}
		for i := len(opt) - 1; i >= 0; i-- {
			tail = a.concat(opt[i], tail)
			tail.nullable = true
		}
		return a.concat(f, tail)
	}
	panic("generator: unknown pattern node")
}

// loops reports whether a repeat's maximum cannot bind on strings up to
// maxLen: more copies than the maximum are longer than maxLen, so a loop
// spells the same strings up to that length. Writing out the copies
// would make the automaton remember how many it has seen, which with the
// length also remembered multiplies its size for nothing: the syllables
// of a pronounceable password repeated up to half its length, say.
func (a *nfa) loops(n *pattern.Repeat) bool {
	if a.maxLen <= 0 || n.Max == n.Min {
		return false
	}
	_, shortest, _ := patternSize(n.Sub, MaxLength)
	return shortest > 0 && (n.Max+1)*shortest > a.maxLen
}

// loop builds S{m,} as S{m-1} then S+ (S+ nullable when m is 0).
func (a *nfa) loop(n *pattern.Repeat, resolve func(pattern.Node) (pattern.CharSet, int)) fragment {
	a.cyclic = true
	f := fragment{nullable: true}
	for range max(n.Min-1, 0) {
		f = a.concat(f, a.build(n.Sub, resolve))
	}
	g := a.build(n.Sub, resolve)
	for _, p := range g.last {
		a.follow[p] = append(a.follow[p], g.first...)
	}
	g.nullable = g.nullable || n.Min == 0
	return a.concat(f, g)
}

// concat joins f then g, adding the moves from f's ends to g's starts.
func (a *nfa) concat(f, g fragment) fragment {
	for _, p := range f.last {
		a.follow[p] = append(a.follow[p], g.first...)
	}
	out := fragment{nullable: f.nullable && g.nullable}
	out.first = f.first
	if f.nullable {
		out.first = append(f.first[:len(f.first):len(f.first)], g.first...)
	}
	out.last = g.last
	if g.nullable {
		out.last = append(g.last[:len(g.last):len(g.last)], f.last...)
	}
	return out
}

// patternSize is the number of sets the automaton of n holds once its
// repeats are written out, saturating at limit+1, and the shortest and
// longest string n spells (the longest saturating likewise).
func patternSize(n pattern.Node, limit int) (size, minLen, maxLen int) {
	sat := func(x int) int { return min(x, limit+1) }
	switch n := n.(type) {
	case *pattern.Set, *pattern.Class:
		return 1, 1, 1
	case pattern.Concat:
		for _, m := range n {
			s, lo, hi := patternSize(m, limit)
			size, minLen, maxLen = sat(size+s), sat(minLen+lo), sat(maxLen+hi)
		}
		return size, minLen, maxLen
	case pattern.Alt:
		minLen = limit + 1
		for _, m := range n {
			s, lo, hi := patternSize(m, limit)
			size, minLen, maxLen = sat(size+s+1), min(minLen, lo), max(maxLen, hi)
		}
		return size, minLen, maxLen
	case *pattern.Repeat:
		s, lo, hi := patternSize(n.Sub, limit)
		return sat(s*n.Max + 1), sat(lo * n.Min), sat(hi * n.Max)
	}
	panic("generator: unknown pattern node")
}
