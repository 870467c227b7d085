package generator

import (
	"github.com/sesame-sh/sesame/generator/pattern"
)

// A pattern's nondeterministic automaton, built from its syntax tree the
// textbook way: each element becomes a fragment from an entry state to an
// exit state, choices and optional repeats join fragments with empty
// moves. Patterns have no unbounded repeat, so the automaton has no cycle
// and spells a finite set of strings.

// nfa is the automaton; state 0 is the start.
type nfa struct {
	edges  [][]nfaEdge // moves on a character
	eps    [][]int32   // empty moves
	accept int32
}

type nfaEdge struct {
	set pattern.CharSet
	to  int32
	pos int // the pattern's character the set came from, for messages
}

func (a *nfa) newState() int32 {
	a.edges = append(a.edges, nil)
	a.eps = append(a.eps, nil)
	return int32(len(a.edges) - 1)
}

// buildNFA compiles a syntax tree whose sets are already resolved by
// resolve (the class letters made sets, the policy's exclusions taken
// out).
func buildNFA(n pattern.Node, resolve func(pattern.Node) (pattern.CharSet, int)) *nfa {
	a := &nfa{}
	start := a.newState()
	a.accept = a.build(n, start, resolve)
	return a
}

// build adds the fragment of n starting at in and returns its exit.
func (a *nfa) build(n pattern.Node, in int32, resolve func(pattern.Node) (pattern.CharSet, int)) int32 {
	switch n := n.(type) {
	case *pattern.Set, *pattern.Class:
		set, pos := resolve(n)
		out := a.newState()
		a.edges[in] = append(a.edges[in], nfaEdge{set: set, to: out, pos: pos})
		return out
	case pattern.Concat:
		cur := in
		for _, m := range n {
			cur = a.build(m, cur, resolve)
		}
		return cur
	case pattern.Alt:
		out := a.newState()
		for _, m := range n {
			// Each choice starts from a state of its own, so that a
			// choice's later empty moves cannot reach its siblings.
			s := a.newState()
			a.eps[in] = append(a.eps[in], s)
			e := a.build(m, s, resolve)
			a.eps[e] = append(a.eps[e], out)
		}
		return out
	case *pattern.Repeat:
		cur := in
		for range n.Min {
			s := a.newState()
			a.eps[cur] = append(a.eps[cur], s)
			cur = a.build(n.Sub, s, resolve)
		}
		if n.Max == n.Min {
			return cur
		}
		out := a.newState()
		for range n.Max - n.Min {
			a.eps[cur] = append(a.eps[cur], out)
			s := a.newState()
			a.eps[cur] = append(a.eps[cur], s)
			cur = a.build(n.Sub, s, resolve)
		}
		a.eps[cur] = append(a.eps[cur], out)
		return out
	}
	panic("generator: unknown pattern node")
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
