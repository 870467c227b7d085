package generator

import (
	"cmp"
	"math/big"
	"slices"
	"sync"

	"github.com/sesame-sh/sesame/generator/rules"
)

// Counting the passphrases website rules accept, exactly.
//
// A passphrase is a row of segments, each one choice from a set of
// strings: a word (its cased forms: every form the case setting allows),
// then, with a number, the digit or nothing after each word (exactly one
// word gets it), then a separator before each further word:
//
//	W [D] S W [D] S … W [D]
//
// Which strings the rules accept depends on the whole row only through a
// few numbers, so a dynamic programme over the segments counts them: its
// state after a prefix is the prefix's length, which requirements it
// already meets (a bitmask), whether it holds the number yet, and the run
// it ends in (runState: the runs max-repeating and max-sequential limit,
// which go on across the boundary into the next segment). Each state
// holds the exact number of prefixes reaching it. Within one segment, the
// choices that lead from one state to the same next state are grouped, so
// a step costs states × groups, not states × words; the rules' requirement
// is met by any choice of any segment, never by a character put in a
// fixed place. phrase_rules_sample.go draws from the result backward.

// active reports whether a run limit is in force (runLimits, transfer.go).
func (l runLimits) active() bool { return l.r > 0 || l.s > 0 }

// runState is what the next character's runs depend on: the last
// character, how many times it repeats at the end, and the sequential run
// ending at it (its direction and length in characters), as the website
// rules define runs (generator/rules, package documentation). The zero
// state is the start, or an end no following character can continue.
type runState struct {
	last byte
	dir  int8
	rep  uint16
	seq  uint16
}

// stepOf is rules.StepDirection as the run state keeps it.
func stepOf(a, b byte) int8 { return int8(rules.StepDirection(a, b)) }

// push appends c to a prefix ending in s: the state after it, and false
// when c makes a run longer than a limit. Parts of the state a limit that
// is off does not need are kept at zero, so that equal futures share one
// state.
func (s runState) push(c byte, lim runLimits) (runState, bool) {
	if !lim.active() {
		return runState{}, true
	}
	n := runState{last: c, rep: 1, seq: 1}
	if s.last != 0 && c == s.last {
		n.rep = s.rep + 1
	}
	if s.last != 0 {
		switch d := stepOf(s.last, c); {
		case d == 0:
		case d == s.dir:
			n.dir, n.seq = d, s.seq+1
		default: // a turn, or the first step: the run holds both characters
			n.dir, n.seq = d, 2
		}
	}
	if lim.r > 0 && int(n.rep) > lim.r || lim.s > 0 && int(n.seq) > lim.s {
		return n, false
	}
	if lim.r == 0 {
		n.rep = 0
	}
	if lim.s == 0 {
		n.dir, n.seq = 0, 0
	}
	return n, true
}

// settle forgets the run when no character that can come next continues
// it: then every such ending leads to the same futures.
func (s runState) settle(next *byteSet, lim runLimits) runState {
	if s.last == 0 {
		return s
	}
	if lim.r > 0 && next.has(s.last) {
		return s
	}
	if lim.s > 0 && (s.last < 255 && next.has(s.last+1) && stepOf(s.last, s.last+1) != 0 ||
		s.last > 0 && next.has(s.last-1) && stepOf(s.last, s.last-1) != 0) {
		return s
	}
	return runState{}
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }
func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }
func (b *byteSet) union(o byteSet) {
	b[0], b[1], b[2], b[3] = b[0]|o[0], b[1]|o[1], b[2]|o[2], b[3]|o[3]
}
func (b *byteSet) addFirsts(ss []string) {
	for _, s := range ss {
		if s != "" {
			b.add(s[0])
		}
	}
}

// segKind is one kind of segment: the words, the optional number digit,
// the separators.
type segKind struct {
	id      int
	choices []string // "" is the digit segment's "no digit here"
	number  bool     // a non-empty choice is the number
	follow  byteSet  // first characters of what can come next
}

// phraseState is a state of the programme.
type phraseState struct {
	length int
	met    uint32 // bit i: the prefix meets requirement i
	num    bool   // the prefix holds the number
	run    runState
}

// choiceGroup is the choices of one segment that lead from one run state
// to the same next state.
type choiceGroup struct {
	length  int
	met     uint32
	number  bool
	run     runState
	choices []string
}

// stateCount is one state of a layer and how many prefixes reach it.
type stateCount struct {
	state phraseState
	n     *big.Int
}

// phraseCounter holds the programme for one set of choices and rules.
type phraseCounter struct {
	required []string    // the rules' requirements: at least one character of each
	meetsBy  [256]uint32 // the requirements each byte meets
	lim      runLimits
	hi       int // the longest passphrase the rules allow
	segs     []*segKind
	groups   map[groupKey][]choiceGroup
	shared   *sharedGroups // groups shared with other counters, or nil

	layers [][]stateCount // layers[i]: the states before segment i of the row
	index  []map[phraseState]int
	row    []*segKind // the segments, in order
	ends   []int      // ends[k]: the layer after k words (and their number)

	// preds[i] lists the ways into each state after segment i, for
	// drawing (phrase_rules_sample.go); built once, when first needed.
	preds    [][][]pred
	predOnce []sync.Once
}

type groupKey struct {
	seg int
	run runState
}

// newPhraseCounter prepares the programme: words, separators and, when
// digits is not nil, the number's digits. Every choice holds only
// characters the rules allow.
func newPhraseCounter(words, seps, digits []string, required []string, lim runLimits, hi int) *phraseCounter {
	c := &phraseCounter{required: required, lim: lim, hi: hi, groups: map[groupKey][]choiceGroup{}}
	for i, q := range required {
		for j := 0; j < len(q); j++ {
			c.meetsBy[q[j]] |= 1 << i
		}
	}
	w := &segKind{id: 0, choices: words}
	s := &segKind{id: 1, choices: seps}
	c.segs = []*segKind{w, s}
	var wordFirst, sepFirst byteSet
	wordFirst.addFirsts(words)
	sepFirst.addFirsts(seps)
	if slices.Contains(seps, "") {
		sepFirst.union(wordFirst) // an empty separator lets words touch
	}
	s.follow = wordFirst
	w.follow = sepFirst
	if digits != nil {
		d := &segKind{id: 2, choices: append([]string{""}, digits...), number: true, follow: sepFirst}
		c.segs = append(c.segs, d)
		var df byteSet
		df.addFirsts(digits)
		w.follow.union(df)
	}
	c.layers = [][]stateCount{{{n: big.NewInt(1)}}}
	c.index = []map[phraseState]int{{{}: 0}}
	c.ends = []int{0}
	return c
}

// grow extends the row to k words.
func (c *phraseCounter) grow(k int) {
	for len(c.ends) <= k {
		if len(c.ends) > 1 {
			c.advance(c.segs[1])
		}
		c.advance(c.segs[0])
		if len(c.segs) > 2 {
			c.advance(c.segs[2])
		}
		c.ends = append(c.ends, len(c.layers)-1)
	}
}

// advance adds a segment to the row and its layer of states.
func (c *phraseCounter) advance(seg *segKind) {
	last := c.layers[len(c.layers)-1]
	next := map[phraseState]*big.Int{}
	prod := new(big.Int)
	for _, sc := range last {
		for _, g := range c.groupsFrom(seg, sc.state.run) {
			st, ok := c.join(sc.state, g)
			if !ok {
				continue
			}
			prod.Mul(sc.n, big.NewInt(int64(len(g.choices))))
			if n := next[st]; n != nil {
				n.Add(n, prod)
			} else {
				next[st] = new(big.Int).Set(prod)
			}
		}
	}
	layer := make([]stateCount, 0, len(next))
	for st, n := range next {
		layer = append(layer, stateCount{st, n})
	}
	slices.SortFunc(layer, func(a, b stateCount) int { return compareStates(a.state, b.state) })
	idx := make(map[phraseState]int, len(layer))
	for i, sc := range layer {
		idx[sc.state] = i
	}
	c.layers = append(c.layers, layer)
	c.index = append(c.index, idx)
	c.row = append(c.row, seg)
	c.preds = append(c.preds, nil)
	c.predOnce = append(c.predOnce, sync.Once{})
}

// join is the state after a prefix in state st takes a choice of group
// g, and false when that passes the rules' length or takes a second
// number.
func (c *phraseCounter) join(st phraseState, g choiceGroup) (phraseState, bool) {
	if g.number && st.num || st.length+g.length > c.hi {
		return phraseState{}, false
	}
	return phraseState{length: st.length + g.length, met: st.met | g.met, num: st.num || g.number, run: g.run}, true
}

func compareStates(a, b phraseState) int {
	return cmp.Or(cmp.Compare(a.length, b.length), cmp.Compare(a.met, b.met), cmp.Compare(boolInt(a.num), boolInt(b.num)),
		cmp.Compare(a.run.last, b.run.last), cmp.Compare(a.run.dir, b.run.dir), cmp.Compare(a.run.rep, b.run.rep), cmp.Compare(a.run.seq, b.run.seq))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// groupsFrom groups the choices of a segment that follows a prefix
// ending in run, once per segment kind and run.
func (c *phraseCounter) groupsFrom(seg *segKind, run runState) []choiceGroup {
	key := groupKey{seg.id, run}
	if gs, ok := c.groups[key]; ok {
		return gs
	}
	var shared sharedGroupKey
	if c.shared != nil && len(seg.choices) > 0 {
		shared = sharedGroupKey{first: &seg.choices[0], n: len(seg.choices), number: seg.number, run: run}
		if c.lim.active() {
			shared.follow = seg.follow // without run limits, nothing follows a run
		}
		if gs, ok := c.shared.m[shared]; ok {
			c.groups[key] = gs
			return gs
		}
	}
	// Two passes: the group of each choice, then each group's choices in
	// one allocation.
	at := map[[2]uint64]int32{} // groups by packed key
	var gs []choiceGroup
	of := make([]int32, len(seg.choices))
	sizes := []int{}
	for j, ch := range seg.choices {
		s, ok := run, true
		for i := 0; i < len(ch) && ok; i++ {
			s, ok = s.push(ch[i], c.lim)
		}
		if !ok {
			of[j] = -1
			continue
		}
		g := choiceGroup{length: len(ch), met: c.meets(ch), number: seg.number && ch != "", run: s.settle(&seg.follow, c.lim)}
		k := g.packed()
		i, seen := at[k]
		if !seen {
			i = int32(len(gs))
			at[k] = i
			gs = append(gs, g)
			sizes = append(sizes, 0)
		}
		of[j] = i
		sizes[i]++
	}
	for i := range gs {
		gs[i].choices = make([]string, 0, sizes[i])
	}
	for j, ch := range seg.choices {
		if i := of[j]; i >= 0 {
			gs[i].choices = append(gs[i].choices, ch)
		}
	}
	c.groups[key] = gs
	if c.shared != nil && len(seg.choices) > 0 {
		c.shared.m[shared] = gs
	}
	return gs
}

// sharedGroups keeps the groups of choices across the counters of one
// set of rules: the ways of setting the free settings share their word
// forms, and grouping thousands of words is most of a count's work. The
// counters sharing it must have the same requirements and run limits.
type sharedGroups struct {
	m map[sharedGroupKey][]choiceGroup
}

// sharedGroupKey identifies a segment's choices by their slice (the
// allowed forms of one case are one slice), with what else decides the
// groups: whether they are the number, what may follow, and the run
// before them.
type sharedGroupKey struct {
	first  *string
	n      int
	number bool
	follow byteSet
	run    runState
}

// packed is the group's key (all but its choices) in two words, one to
// one: lengths, run lengths and requirement masks all stay far below the
// bits they get.
func (g choiceGroup) packed() [2]uint64 {
	a := uint64(g.length)<<40 | uint64(g.met)<<1
	if g.number {
		a |= 1
	}
	return [2]uint64{a, uint64(g.run.last)<<48 | uint64(uint8(g.run.dir))<<40 | uint64(g.run.rep)<<20 | uint64(g.run.seq)}
}

// meets is the requirements a string meets, as a bitmask.
func (c *phraseCounter) meets(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		m |= c.meetsBy[s[i]]
	}
	return m
}

// canMeetAll reports whether every requirement is met by some choice of
// some segment: when one is not, no passphrase is, and counting can be
// skipped.
func (c *phraseCounter) canMeetAll() bool {
	var m uint32
	for _, seg := range c.segs {
		for _, ch := range seg.choices {
			m |= c.meets(ch)
		}
	}
	return m == uint32(1)<<len(c.required)-1
}

// accepts reports whether a passphrase ending in state st is one the
// rules and settings take: long enough, meeting every requirement, and
// holding the number when there is one.
func (c *phraseCounter) accepts(st phraseState, lo int) bool {
	full := uint32(1)<<len(c.required) - 1
	return st.length >= lo && st.met == full && st.num == (len(c.segs) > 2)
}

// count returns the number of passphrases of k words the rules accept,
// at least lo characters long.
func (c *phraseCounter) count(k, lo int) *big.Int {
	c.grow(k)
	total := new(big.Int)
	for _, sc := range c.layers[c.ends[k]] {
		if c.accepts(sc.state, lo) {
			total.Add(total, sc.n)
		}
	}
	return total
}
