package generator

import (
	"iter"
	"slices"
	"strings"
)

// Unique decodability.
//
// A passphrase is a sequence of atoms: word tokens T, separators S (a fixed
// string, a digit or a symbol; none when the separator is empty) and, with
// Number, one digit D after one word. Its pattern is
//
//	T [D] S T [D] S … T [D]    with exactly one D when Number is set.
//
// The entropy T^k·S^(k−1)·10k counts draws; it counts passphrases only if
// no two draws spell the same string, i.e. if every string of the pattern
// splits into atoms, with their roles, in at most one way. That holds for
// the EFF lists under every setting, but not in general: with no separator
// {a, b, ab} spells "abab" as a·b·ab and as ab·a·b, a word may contain the
// separator ("a-b" next to "a" and "b" with "-"), and a word ending in a
// digit looks like another word with the number appended.
//
// The rule: one word is always exact (tokens are distinct and the number
// is a single trailing digit). For more, decodable runs Sardinas–Patterson
// over the pattern: it follows two parses of one string that differ, as a
// finite automaton over atom classes, recording how far one parse is ahead
// of the other (always a suffix of an atom, so the search is finite). It
// reports ambiguity if the two can end together or fall back in step in the
// same state. The check ignores the word count, so it is conservative: an
// ambiguity between phrases of different lengths also counts. It gives up,
// reporting "not decodable", when its budget runs out, which only huge
// lists that are not prefix-free can reach. In short: Exact only when
// proven, UpperBound otherwise.

// udKey is the settings that decide decodability for one list.
type udKey struct {
	c      CaseMode
	kind   SeparatorKind
	sep    string
	number bool
}

// Budgets of one decodability check: configurations recorded, and
// candidate configurations looked at (most die at once and cost little).
// Together they keep a check to a fraction of a second (the verdict is
// cached per list and setting). They are variables only so that a test can shrink them.
var (
	maxDecodeWork  = 1 << 18
	maxDecodeSteps = 1 << 23
)

// decodable reports whether passphrases from w under these settings are
// proven uniquely decodable, caching the verdict.
func (w *Wordlist) decodable(key udKey) bool {
	w.udMu.Lock()
	v, ok := w.ud[key]
	w.udMu.Unlock()
	if ok {
		return v
	}
	v = uniquelyDecodable(w.tokenSet(key.c), separatorAtoms(key.kind, key.sep), key.number)
	w.udMu.Lock()
	if w.ud == nil || len(w.ud) >= 64 { // a user typing separators must not grow it forever
		w.ud = make(map[udKey]bool)
	}
	w.ud[key] = v
	w.udMu.Unlock()
	return v
}

var digitAtoms = smallAtoms{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

// separatorAtoms returns the possible separators, or nil when there is none.
func separatorAtoms(kind SeparatorKind, sep string) smallAtoms {
	switch kind {
	case SepDigit:
		return digitAtoms
	case SepSymbol:
		a := make(smallAtoms, len(symbolSeparators))
		for i := range a {
			a[i] = symbolSeparators[i : i+1]
		}
		return a
	}
	if sep == "" {
		return nil
	}
	return smallAtoms{sep}
}

// atomSet is one class of atoms, with the prefix queries the search needs.
type atomSet interface {
	small() bool
	all() iter.Seq[string]
	prefixesOf(w string) iter.Seq[string] // atoms that w starts with (w itself included)
	extending(w string) iter.Seq[string]  // atoms longer than w that start with w
	prefixPairs() iter.Seq2[string, string]
}

func (t *tokenSet) small() bool            { return false }
func (t *tokenSet) all() iter.Seq[string]  { return slices.Values(t.tokens) }
func (a smallAtoms) small() bool           { return true }
func (a smallAtoms) all() iter.Seq[string] { return slices.Values(a) }
func (t *tokenSet) prefixesOf(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for n := 1; n <= min(len(w), t.maxLen); n++ {
			if _, ok := slices.BinarySearch(t.sorted, w[:n]); ok && !yield(w[:n]) {
				return
			}
		}
	}
}

func (t *tokenSet) extending(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		i, _ := slices.BinarySearch(t.sorted, w)
		for ; i < len(t.sorted) && strings.HasPrefix(t.sorted[i], w); i++ {
			if len(t.sorted[i]) > len(w) && !yield(t.sorted[i]) {
				return
			}
		}
	}
}

// prefixPairs yields (short, long) for every token that is a proper prefix
// of another; in byte order a token's extensions follow it directly.
func (t *tokenSet) prefixPairs() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if t.prefixFree {
			return
		}
		for i, s := range t.sorted {
			for j := i + 1; j < len(t.sorted) && strings.HasPrefix(t.sorted[j], s); j++ {
				if !yield(s, t.sorted[j]) {
					return
				}
			}
		}
	}
}

// smallAtoms is a class of at most a few dozen atoms (separators, digits).
type smallAtoms []string

func (a smallAtoms) prefixesOf(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, x := range a {
			if strings.HasPrefix(w, x) && !yield(x) {
				return
			}
		}
	}
}

func (a smallAtoms) extending(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, x := range a {
			if len(x) > len(w) && strings.HasPrefix(x, w) && !yield(x) {
				return
			}
		}
	}
}

func (a smallAtoms) prefixPairs() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, s := range a {
			for _, l := range a {
				if len(l) > len(s) && strings.HasPrefix(l, s) && !yield(s, l) {
					return
				}
			}
		}
	}
}

// States of the pattern automaton: expecting a word, just after a word, just
// after the number's digit; the "used" states come after the digit.
const (
	stWord = iota
	stAfter
	stDigit
	stWordUsed
	stAfterUsed
	numPhraseStates
)

// Atom classes.
const (
	classWord = iota
	classSep
	classDigit
)

type phraseEdge struct{ class, to int }

// udConfig is a point where two different parses of one string meet: the
// behind parse is at an atom boundary in state behind; the ahead parse is
// in state ahead and has read rest more. rest == "" means both are at the
// same point (and then behind <= ahead, as the pair is unordered).
type udConfig struct {
	behind, ahead int8
	rest          string
}

type udSearch struct {
	classes   [3]atomSet
	edges     [numPhraseStates][]phraseEdge
	accept    [numPhraseStates]bool
	seen      map[udConfig]struct{}
	todo      []udConfig
	work      int // configurations recorded
	steps     int // configurations considered
	ambiguous bool
}

func uniquelyDecodable(words *tokenSet, seps smallAtoms, number bool) bool {
	s := &udSearch{seen: make(map[udConfig]struct{})}
	s.classes[classWord] = words
	if seps != nil {
		s.classes[classSep] = seps
	}
	s.classes[classDigit] = digitAtoms
	link := func(from, class, to int) { s.edges[from] = append(s.edges[from], phraseEdge{class, to}) }
	gap := func(from, word, after int) { // what may follow a word (or its digit)
		if seps == nil {
			link(from, classWord, after)
		} else {
			link(from, classSep, word)
		}
	}
	link(stWord, classWord, stAfter)
	gap(stAfter, stWord, stAfter)
	s.accept[stAfter] = !number
	if number {
		link(stAfter, classDigit, stDigit)
		gap(stDigit, stWordUsed, stAfterUsed)
		link(stWordUsed, classWord, stAfterUsed)
		gap(stAfterUsed, stWordUsed, stAfterUsed)
		s.accept[stDigit], s.accept[stAfterUsed] = true, true
	}

	// Two parses that differ agree up to some first differing choice, made
	// from the same state at the same point of the string.
	var reached [numPhraseStates]bool
	queue := []int{stWord}
	reached[stWord] = true
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		if !s.diverge(q, q, true) {
			return false
		}
		for _, e := range s.edges[q] {
			if !reached[e.to] {
				reached[e.to] = true
				queue = append(queue, e.to)
			}
		}
	}
	for len(s.todo) > 0 {
		c := s.todo[len(s.todo)-1]
		s.todo = s.todo[:len(s.todo)-1]
		var ok bool
		if c.rest == "" {
			ok = s.diverge(int(c.behind), int(c.ahead), false)
		} else {
			ok = s.advance(c)
		}
		if !ok {
			return false
		}
	}
	return true
}

// push records a new meeting point; false stops the search (ambiguity found
// or budget spent).
func (s *udSearch) push(behind, ahead int, rest string) bool {
	if rest == "" {
		// In step again: ambiguous if both can stop here, or if they are
		// in the same state (then they can go on identically to the end:
		// every state can reach an accepting one).
		if behind == ahead || s.accept[behind] && s.accept[ahead] {
			s.ambiguous = true
			return false
		}
		if behind > ahead {
			behind, ahead = ahead, behind
		}
	} else if s.dead(behind, rest) {
		s.steps++
		return s.steps <= maxDecodeSteps
	}
	c := udConfig{int8(behind), int8(ahead), rest}
	if _, ok := s.seen[c]; ok {
		return true
	}
	if s.work++; s.work > maxDecodeWork {
		return false
	}
	s.seen[c] = struct{}{}
	s.todo = append(s.todo, c)
	return true
}

// dead reports, cheaply, that the behind parse cannot read on from state q
// against rest: no atom it may read next agrees with rest. It answers only
// when every next atom is a separator or digit, which is what lets a large
// list that is not prefix-free be checked quickly when it has a separator:
// its many word-prefix pairs all die here, unrecorded.
func (s *udSearch) dead(q int, rest string) bool {
	for _, e := range s.edges[q] {
		a, ok := s.classes[e.class].(smallAtoms)
		if !ok {
			return false
		}
		for _, x := range a {
			if strings.HasPrefix(rest, x) || strings.HasPrefix(x, rest) {
				return false
			}
		}
	}
	return true
}

// meet records two atoms read by two parses from the same point, one a
// prefix of the other: x taking its parse to state toX, y to toY.
func (s *udSearch) meet(x string, toX int, y string, toY int) bool {
	switch {
	case len(x) == len(y):
		return s.push(toX, toY, "")
	case len(x) < len(y):
		return s.push(toX, toY, y[len(x):])
	default:
		return s.push(toY, toX, x[len(y):])
	}
}

// diverge explores both parses reading their next atoms from states qa and
// qb at the same point. first marks the initial divergence, where the two
// must not make the same choice.
func (s *udSearch) diverge(qa, qb int, first bool) bool {
	for _, ea := range s.edges[qa] {
		for _, eb := range s.edges[qb] {
			if !s.pairUp(ea, eb, first && ea == eb) {
				return false
			}
		}
	}
	return true
}

func (s *udSearch) pairUp(ea, eb phraseEdge, same bool) bool {
	a, b := s.classes[ea.class], s.classes[eb.class]
	if ea.class == eb.class {
		if !same && !s.push(ea.to, eb.to, "") { // both read the same atom
			return false
		}
		for short, long := range a.prefixPairs() {
			if !s.meet(short, ea.to, long, eb.to) || !same && !s.meet(long, ea.to, short, eb.to) {
				return false
			}
		}
		return true
	}
	if !a.small() { // only the word class is large, so b is small
		a, b = b, a
		ea, eb = eb, ea
	}
	for x := range a.all() {
		for y := range b.prefixesOf(x) {
			if !s.meet(x, ea.to, y, eb.to) {
				return false
			}
		}
		for y := range b.extending(x) {
			if !s.meet(x, ea.to, y, eb.to) {
				return false
			}
		}
	}
	return true
}

// advance lets the behind parse read its next atom.
func (s *udSearch) advance(c udConfig) bool {
	for _, e := range s.edges[c.behind] {
		x := s.classes[e.class]
		for a := range x.prefixesOf(c.rest) {
			if !s.meet(a, e.to, c.rest, int(c.ahead)) {
				return false
			}
		}
		for a := range x.extending(c.rest) {
			if !s.meet(a, e.to, c.rest, int(c.ahead)) {
				return false
			}
		}
	}
	return true
}
