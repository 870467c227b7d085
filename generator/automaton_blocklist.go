package generator

import (
	"math"
	"slices"
	"strings"

	"github.com/sesame-sh/sesame/generator/pattern"
)

// The blocklist's automaton (Aho–Corasick): it reads a password one
// character at a time, case folded, and reaches a match state as soon as
// the characters read end with a blocked word. Crossed with the pattern's
// automaton, a path that never enters a match state is a password holding
// no blocked word, so the product counts and draws exactly the strings the
// blocklist leaves in.

type blocklistAC struct {
	sym   [128]int32 // a character's symbol: 0 for one in no word
	nsym  int
	delta []int32 // delta[state*nsym+symbol]; state 0 is the root
	match []bool
	words int // the words in use

	// The trie under the automaton, for counting through failure links
	// (automaton_avoid.go): each state's failure state (the longest
	// proper suffix of its string that is a state), its children in the
	// trie, and its depth (the length of its string).
	fail     []int32
	kids     [][]acKid
	depth    []int32
	maxDepth int32
	// toWord is how many more characters the shortest word through a
	// state needs (0 where one ends): a state further than the string
	// can go from a word moves as its failure state does, to the end.
	// maxToWord is the largest.
	toWord    []int32
	maxToWord int32
}

// acKid is a state's child in the trie: the state reached on sym, and
// the state its failure state reaches on sym.
type acKid struct{ sym, to, alt int32 }

// fold is the case folding of the comparison: ASCII letters to lower case.
func fold(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// usableWord returns the word folded, and false for a word no password
// can hold: empty, or with a character outside printable ASCII.
func usableWord(w string) (string, bool) {
	w = strings.TrimSpace(w)
	if w == "" {
		return "", false
	}
	b := []byte(w)
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			return "", false
		}
		b[i] = fold(c)
	}
	return string(b), true
}

// newBlocklistAC builds the automaton of the usable words that a string
// of at most longest characters from universe could hold; nil when there
// are none. Leaving the others out changes no count and keeps the
// product small.
func newBlocklistAC(words []string, universe pattern.CharSet, longest int) *blocklistAC {
	var folded pattern.CharSet
	for _, c := range universe.Chars() {
		folded.Add(fold(c))
	}
	var ws []string
	for _, w := range words {
		f, ok := usableWord(w)
		if !ok || len(f) > longest || strings.ContainsFunc(f, func(r rune) bool { return !folded.Has(byte(r)) }) {
			continue
		}
		ws = append(ws, f)
	}
	if len(ws) == 0 {
		return nil
	}
	slices.Sort(ws)
	ws = slices.Compact(ws)
	a := &blocklistAC{nsym: 1, words: len(ws)}
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			if a.sym[w[i]] == 0 {
				a.sym[w[i]] = int32(a.nsym)
				a.nsym++
			}
		}
	}
	// The trie, with -1 for a missing child; it has at most a state
	// for each character of the words, and one for the root.
	most := 1
	for _, w := range ws {
		most += len(w)
	}
	a.delta = make([]int32, 0, most*a.nsym)
	a.match = make([]bool, 0, most)
	newState := func() int32 {
		for range a.nsym {
			a.delta = append(a.delta, -1)
		}
		a.match = append(a.match, false)
		return int32(len(a.match) - 1)
	}
	newState()
	for _, w := range ws {
		s := int32(0)
		for i := 0; i < len(w); i++ {
			k := int(s)*a.nsym + int(a.sym[w[i]])
			if a.delta[k] < 0 {
				t := newState()
				a.delta[k] = t
			}
			s = a.delta[int(s)*a.nsym+int(a.sym[w[i]])]
		}
		a.match[s] = true
	}
	// A word ends where the trie marks a match before the failure
	// links add the words that end inside others.
	a.toWord = make([]int32, len(a.match))
	for s, m := range a.match {
		if !m {
			a.toWord[s] = math.MaxInt32
		}
	}
	// Breadth first, fill the missing moves from the failure links, as
	// the automaton's moves are then total.
	fail := make([]int32, len(a.match))
	a.kids = make([][]acKid, len(a.match))
	a.depth = make([]int32, len(a.match))
	var queue []int32
	for x := 0; x < a.nsym; x++ {
		t := a.delta[x]
		if t < 0 || x == 0 {
			a.delta[x] = 0
			if t > 0 { // symbol 0 is in no word, so the root has no such child
				panic("generator: blocklist symbol 0 in a word")
			}
			continue
		}
		fail[t] = 0
		a.depth[t], a.maxDepth = 1, 1
		a.kids[0] = append(a.kids[0], acKid{sym: int32(x), to: t})
		queue = append(queue, t)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.match[s] = a.match[s] || a.match[fail[s]]
		for x := 0; x < a.nsym; x++ {
			k := int(s)*a.nsym + x
			t := a.delta[k]
			if t < 0 {
				a.delta[k] = a.delta[int(fail[s])*a.nsym+x]
				continue
			}
			fail[t] = a.delta[int(fail[s])*a.nsym+x]
			a.depth[t] = a.depth[s] + 1
			a.maxDepth = max(a.maxDepth, a.depth[t])
			a.kids[s] = append(a.kids[s], acKid{sym: int32(x), to: t})
			queue = append(queue, t)
		}
	}
	a.fail = fail
	// Children have higher numbers than their parents in the trie.
	for s := len(a.match) - 1; s >= 0; s-- {
		for _, k := range a.kids[s] {
			if t := a.toWord[k.to]; t < math.MaxInt32 {
				a.toWord[s] = min(a.toWord[s], t+1)
			}
		}
		if t := a.toWord[s]; t < math.MaxInt32 {
			a.maxToWord = max(a.maxToWord, t)
		}
	}
	for s, ks := range a.kids {
		for i, k := range ks {
			ks[i].alt = a.next(fail[s], k.sym)
		}
	}
	return a
}

// symbolOf returns the symbol of a character of a password.
func (a *blocklistAC) symbolOf(c byte) int32 { return a.sym[fold(c)] }

// next is the state after reading a character of symbol x in state s.
func (a *blocklistAC) next(s, x int32) int32 { return a.delta[int(s)*a.nsym+int(x)] }

// holdsWord reports whether s holds a word of the blocklist.
func (a *blocklistAC) holdsWord(s []byte) bool {
	st := int32(0)
	for _, c := range s {
		st = a.next(st, a.symbolOf(c))
		if a.match[st] {
			return true
		}
	}
	return false
}
