package generator

import (
	"errors"
	"math"
	"math/bits"
	"slices"
	"sync"
)

// Counting the strings of an automaton that hold no blocked word, the
// figure of a pattern with a blocklist, without building the product with
// the blocklist's automaton one move at a time.
//
// Let N(f, a) be the number of strings that lead the pattern's automaton
// from state f to acceptance and the blocklist's automaton (Aho–Corasick,
// automaton_blocklist.go) from state a through no match. The blocklist's
// automaton moves from a on a symbol x as it does from a's failure state,
// except on the symbols of a's children in its trie. So N(f, a) is
// N(f, fail(a)) corrected on those few symbols only:
//
//	N(f, a) = N(f, fail(a)) − Σ over children (x, c) of a, moves m on x from f:
//	          weight(m) · (N(to(m), fail(c)) − N(to(m), c))
//
// as fail(c) is where fail(a) goes on x, and N is 0 at a match. The root
// is counted over every move, and each other state costs as many terms as
// it has children: one on average, against the twenty-six letters a move
// by move product takes.
//
// The states a counted at each f are those the password's prefixes can
// reach, closed under failure: a forward pass gathers them (a child is
// reached only from its parent, so it is enough to follow the children of
// the states gathered and the root's moves), and a backward pass counts,
// each state giving its counts to its predecessors' sums, so that a
// state's counts are kept only until its predecessors have them.

// errAvoidTooLarge is returned when the pairs would exceed the product's
// bound on memory.
var errAvoidTooLarge = errors.New("the blocklist's product is too large")

// countWithBlocklist counts the strings spec allows, its blocklist
// subtracted, through failure links, and the strings it allows without
// the blocklist; false when spec limits runs, which this count does not
// track (the product does).
func countWithBlocklist(spec *productSpec) (kept, all []uint64, ok bool, err error) {
	spec = withoutIdleRuns(spec)
	if spec.ac == nil || spec.maxRep > 0 || spec.maxSeq > 0 {
		return nil, nil, false, nil
	}
	// With the length folded in, the class limits and required sets are
	// counted as counters (automaton_counters.go) when there are few
	// combinations, else folded too.
	// Not minimised: the pattern's automaton was (or refined, when it
	// loops), and merging what the length leaves alike costs more than
	// counting the states it would merge.
	var d *dfa
	var cs *counterSpace
	if spec.minLen > 0 || spec.maxLen > 0 {
		if cs = newCounterSpace(spec); cs != nil {
			bare := *spec
			for c := range numClasses {
				bare.classMin[c], bare.classMax[c] = 0, -1
			}
			bare.reqAll = 0
			if d = foldConstraints(&bare, false); d != nil && !cs.worthCounting(d, spec.blocks) {
				d, cs = nil, nil
			}
		}
	}
	if d == nil {
		if d = foldConstraints(spec, false); d == nil {
			return nil, nil, true, errProductTooLarge
		}
	}
	kept, all, err = countAvoiding(d, spec.blocks, spec.ac, cs, spec.countWidth(), spec.universe)
	return kept, all, true, err
}

// spare holds one counter's working memory between counts: a form counts
// again on every keystroke, and allocating it afresh costs more than the
// count. (A sync.Pool would lose it at each collection, which the count's
// own garbage brings about.) A count running beside another uses a
// counter of its own.
var spare struct {
	sync.Mutex
	c *avoidCounter
}

// spareWords bounds the memory kept between counts, in words.
const spareWords = 1 << 21

func takeCounter() (c *avoidCounter, give func()) {
	if !spare.TryLock() {
		return new(avoidCounter), func() {}
	}
	if spare.c == nil {
		spare.c = new(avoidCounter)
	}
	return spare.c, func() {
		c := spare.c
		c.d, c.blocks, c.ac, c.cs = nil, nil, nil, nil
		if cap(c.mem.words)+cap(c.kidPool)+cap(c.setPool)+cap(c.moves)*2 > spareWords {
			spare.c = nil
		}
		spare.Unlock()
	}
}

// countAvoiding returns the number of strings of d (which has no cycles)
// that hold no word of ac, and the number of all its strings, in width
// words; universe is the number of characters the blocks hold, which
// bounds each state's count.
func countAvoiding(d *dfa, blocks []patternBlock, ac *blocklistAC, cs *counterSpace, width, universe int) (kept, all []uint64, err error) {
	kept, all = make([]uint64, width), make([]uint64, width)
	if len(d.accept) == 0 {
		return kept, all, nil
	}
	c, give := takeCounter()
	defer give()
	c.d, c.blocks, c.ac, c.cs, c.k = d, blocks, ac, cs, 1
	if cs != nil {
		c.k = cs.size
	}
	c.order()
	c.groupMoves()
	c.widths(universe)
	if err := c.gather(); err != nil {
		return nil, nil, err
	}
	copy(all, c.countAll())
	c.tighten()
	copy(kept, c.count())
	return kept, all, nil
}

type avoidCounter struct {
	d      *dfa
	blocks []patternBlock
	ac     *blocklistAC
	cs     *counterSpace // nil: no counters
	k      int           // the counters' combinations: each pair's counts are a vector of k

	topo  []int32 // the states, each before those its moves lead to
	indeg []int32

	// The moves of f, those on one symbol to one state made one, are
	// moves[moveOff[f]:moveOff[f+1]]; the moves into f are
	// preds[predOff[f]:predOff[f+1]].
	moveOff, predOff []int32
	moves            []avoidMove
	preds            []avoidPred

	// Per state f of d: the blocklist states counted there (its set,
	// setLen[f] of them from setOff[f] in setPool), the root first and
	// then shallowest first, so each comes after its failure state;
	// the place of each one's failure state in the set (failPool, at
	// the same offsets); and the children of the set's states but the
	// root's, by symbol: kidPool[kidOff[f]+start[x]:kidOff[f]+start[x+1]]
	// where start is startPool[startOff[f]:]. The root's children are
	// reached on its own moves.
	setOff, setLen, kidOff, startOff []int32
	setPool, failPool, startPool     []int32
	kidPool                          []avoidKid

	longest, width []int32 // per state: the longest string from it, and the words its counts take
	tight          []int32 // per state: the words its largest count needs

	// The states whose sets were laid out, by the sets' hash: the newest
	// + 1, and from each the one before with the same hash + 1.
	laidOut  map[uint64]int32
	sameHash []int32

	// Scratch, by blocklist state.
	mark, pos, gathered, byDepth []int32
	at                           []int64
	symLast                      []int32

	// The shifts of the counters moves make, as (k, shift[k]) pairs
	// (automaton_counters.go), and each block's.
	pairs      [][]int32
	blockShift []int32

	mem  arena
	base []int // where each state's counts are in mem, -1 before they are needed
}

// avoidMove is a move of d on every block of one symbol, class and set of
// required sets that leads to one state: weight characters in all, which
// shift the counters so (nil: no counters).
type avoidMove struct {
	sym, to int32
	weight  uint64
	shift   int32 // the move's shift of the counters: c.pairs[shift] (0 without counters)
}

// avoidPred is a move into a state: the from state's move number i.
type avoidPred struct{ from, i int32 }

// avoidKid is a child in the blocklist's trie of a state of a set: the
// parent's place in the set, and the child. The child's failure state is
// where the parent's failure state goes on the child's symbol.
type avoidKid struct{ pos, kid int32 }

// sized returns s with length n, reusing its room, every element zero.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// order numbers d's states so that every move leads to a later one.
func (c *avoidCounter) order() {
	d := c.d
	n := len(d.accept)
	c.indeg = sized(c.indeg, n)
	for _, es := range d.trans {
		for _, e := range es {
			c.indeg[e.to]++
		}
	}
	c.topo = c.topo[:0]
	for s := range n {
		if c.indeg[s] == 0 {
			c.topo = append(c.topo, int32(s))
		}
	}
	for i := 0; i < len(c.topo); i++ {
		for _, e := range d.trans[c.topo[i]] {
			if c.indeg[e.to]--; c.indeg[e.to] == 0 {
				c.topo = append(c.topo, e.to)
			}
		}
	}
	if len(c.topo) != n {
		panic("generator: a pattern's automaton has a cycle")
	}
}

// groupMoves merges each state's moves on blocks of one symbol to one
// state, and lists the moves into each state.
func (c *avoidCounter) groupMoves() {
	d := c.d
	n := len(d.accept)
	c.moveOff = sized(c.moveOff, n+1)
	edges := 0
	for _, es := range d.trans {
		edges += len(es)
	}
	c.moves = slices.Grow(c.moves[:0], edges)
	// The newest move on each symbol, + 1, for the state at hand: moves
	// on one symbol are few, and the newest is almost always the one
	// to merge with.
	c.symLast = sized(c.symLast, c.ac.nsym)
	// Each block's shift of the counters, numbered: blocks of one class
	// and one set of required sets shift alike.
	c.pairs = append(c.pairs[:0], identity)
	c.blockShift = sized(c.blockShift, len(c.blocks))
	if c.cs != nil {
		c.pairs = c.pairs[:0]
		index := map[uint64]int32{}
		for b, blk := range c.blocks {
			key := uint64(blk.class)<<32 | uint64(blk.req&c.cs.reqAll)
			i, ok := index[key]
			if !ok {
				i = int32(len(c.pairs))
				index[key] = i
				c.pairs = append(c.pairs, c.cs.pairs(blk.class, blk.req))
			}
			c.blockShift[b] = i
		}
	}
	for f, es := range d.trans {
		start := int32(len(c.moves))
	next:
		for _, e := range es {
			blk := &c.blocks[e.block]
			shift := c.blockShift[e.block]
			same := func(m *avoidMove) bool {
				return m.sym == blk.sym && m.to == e.to && m.shift == shift
			}
			if i := c.symLast[blk.sym] - 1; i >= start {
				// A move on this symbol already: the same, or another
				// among those since.
				for ; i < int32(len(c.moves)); i++ {
					if m := &c.moves[i]; same(m) {
						m.weight += uint64(len(blk.chars))
						continue next
					}
				}
				for i := start; i < c.symLast[blk.sym]-1; i++ {
					if m := &c.moves[i]; same(m) {
						m.weight += uint64(len(blk.chars))
						continue next
					}
				}
			}
			c.moves = append(c.moves, avoidMove{sym: blk.sym, to: e.to, weight: uint64(len(blk.chars)), shift: shift})
			c.symLast[blk.sym] = int32(len(c.moves))
		}
		c.moveOff[f+1] = int32(len(c.moves))
	}
	c.predOff = sized(c.predOff, n+2)
	for _, m := range c.moves {
		c.predOff[m.to+2]++
	}
	for s := 2; s < len(c.predOff); s++ {
		c.predOff[s] += c.predOff[s-1]
	}
	c.preds = sized(c.preds, len(c.moves))
	for f := range n {
		for i := c.moveOff[f]; i < c.moveOff[f+1]; i++ {
			to := c.moves[i].to
			c.preds[c.predOff[to+1]] = avoidPred{int32(f), i}
			c.predOff[to+1]++
		}
	}
	c.predOff = c.predOff[:n+1]
}

// within returns the state that stands for a at f: a itself, or when no
// word through a can end within the longest string from f, its nearest
// failure state through which one can. A word through a that cannot end
// matches nothing, and until the string leaves a's words the failure
// state's match just as a's would: the counts are the same.
func (c *avoidCounter) within(f, a int32) int32 {
	for a != 0 && c.ac.toWord[a] > c.longest[f] {
		a = c.ac.fail[a]
	}
	return a
}

func (c *avoidCounter) set(f int32) []int32 {
	o := c.setOff[f]
	return c.setPool[o : o+c.setLen[f]]
}

// kidsOn returns the children on symbol x of f's set's states.
func (c *avoidCounter) kidsOn(f, x int32) []avoidKid {
	start := c.startPool[c.startOff[f]:]
	o := c.kidOff[f]
	return c.kidPool[o+start[x] : o+start[x+1]]
}

// mixState spreads a blocklist state's number over 64 bits, for a hash
// of a set that does not depend on its order: the sum of its members'.
func mixState(a int32) uint64 {
	x := uint64(a) + 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// sameSet returns a state laid out before with the set f has gathered
// (marked with f+1), of hash h.
func (c *avoidCounter) sameSet(h uint64, f int32) (int32, bool) {
next:
	for g := c.laidOut[h] - 1; g >= 0; g = c.sameHash[g] - 1 {
		if int(c.setLen[g]) != len(c.gathered) {
			continue
		}
		for _, a := range c.set(g) {
			if c.mark[a] != f+1 {
				continue next
			}
		}
		return g, true
	}
	return 0, false
}

// gather finds the blocklist states to count at each state of d, in
// topological order: the root's moves into it and the children of its
// predecessors' states on their moves' symbols, closed under failure.
func (c *avoidCounter) gather() error {
	d, ac := c.d, c.ac
	n := len(d.accept)
	nsym := int32(ac.nsym)
	c.setOff, c.setLen = sized(c.setOff, n), sized(c.setLen, n)
	c.kidOff, c.startOff = sized(c.kidOff, n), sized(c.startOff, n)
	// Room for about as many as the styles need, so that a first count
	// does not grow them step by step.
	guess := max(1<<12, 16*n)
	c.setPool, c.failPool = slices.Grow(c.setPool[:0], guess), slices.Grow(c.failPool[:0], guess)
	c.startPool, c.kidPool = slices.Grow(c.startPool[:0], guess), slices.Grow(c.kidPool[:0], guess)
	c.mark = sized(c.mark, len(ac.match)) // f+1 when the state is in f's set
	c.pos = sized(c.pos, len(ac.match))   // its place there
	c.byDepth = sized(c.byDepth, int(ac.maxDepth)+2)
	mark, pos, byDepth := c.mark, c.pos, c.byDepth
	add := func(f, a int32) {
		a = c.within(f, a)
		for mark[a] != f+1 {
			mark[a] = f + 1
			c.gathered = append(c.gathered, a)
			byDepth[ac.depth[a]+1]++
			if a == 0 {
				return
			}
			a = ac.fail[a]
		}
	}
	total := 0
	if c.laidOut == nil {
		c.laidOut = make(map[uint64]int32, 1024)
	}
	clear(c.laidOut)
	c.sameHash = sized(c.sameHash, n)
	for _, f := range c.topo {
		c.gathered = c.gathered[:0]
		clear(byDepth)
		if f == 0 {
			add(f, 0)
		}
		for _, p := range c.preds[c.predOff[f]:c.predOff[f+1]] {
			if c.setLen[p.from] == 0 {
				continue // unreachable
			}
			m := &c.moves[p.i]
			if t := ac.next(0, m.sym); !ac.match[t] {
				add(f, t)
			}
			for _, k := range c.kidsOn(p.from, m.sym) {
				if !ac.match[k.kid] {
					add(f, k.kid)
				}
			}
		}
		if len(c.gathered) == 0 {
			continue // no prefix leads here
		}
		add(f, 0)
		if total += len(c.gathered); total > maxProductWords {
			return errAvoidTooLarge
		}
		// States far from the ends of the password gather the same
		// set as others: it is laid out once and shared.
		h := uint64(len(c.gathered))
		for _, a := range c.gathered {
			h += mixState(a)
		}
		if g, ok := c.sameSet(h, f); ok {
			c.setOff[f], c.setLen[f], c.kidOff[f], c.startOff[f] = c.setOff[g], c.setLen[g], c.kidOff[g], c.startOff[g]
			continue
		}
		c.sameHash[f] = c.laidOut[h]
		c.laidOut[h] = f + 1
		// The root first, then shallowest first, by counting.
		for i := 1; i < len(byDepth); i++ {
			byDepth[i] += byDepth[i-1]
		}
		so, l := len(c.setPool), len(c.gathered)
		c.setPool = slices.Grow(c.setPool, l)[:so+l]
		c.failPool = slices.Grow(c.failPool, l)[:so+l]
		set, fp := c.setPool[so:], c.failPool[so:]
		nk := 0
		for _, a := range c.gathered {
			i := byDepth[ac.depth[a]]
			byDepth[ac.depth[a]]++
			set[i], pos[a] = a, i
			nk += len(ac.kids[a])
		}
		nk -= len(ac.kids[0])
		fp[0] = 0
		for i, a := range set[1:] {
			fp[i+1] = pos[ac.fail[a]]
		}
		c.setOff[f], c.setLen[f] = int32(so), int32(l)
		// The children, by symbol.
		sto := len(c.startPool)
		c.startPool = slices.Grow(c.startPool, int(nsym)+1)[:sto+int(nsym)+1]
		start := c.startPool[sto:]
		clear(start)
		for _, a := range set[1:] {
			for _, k := range ac.kids[a] {
				start[k.sym+1]++
			}
		}
		for x := 1; x < len(start); x++ {
			start[x] += start[x-1]
		}
		ko := len(c.kidPool)
		c.kidPool = slices.Grow(c.kidPool, nk)[:ko+nk]
		kids := c.kidPool[ko:]
		for i, a := range set[1:] {
			for _, k := range ac.kids[a] {
				kids[start[k.sym]] = avoidKid{pos: int32(i + 1), kid: k.to}
				start[k.sym]++
			}
		}
		copy(start[1:], start[:nsym])
		start[0] = 0
		c.kidOff[f], c.startOff[f] = int32(ko), int32(sto)
	}
	return nil
}

// widths sets the words each state's counts take: a state from which
// strings have at most l more characters, over an alphabet of u, counts
// fewer than 2·u^l of them.
func (c *avoidCounter) widths(universe int) {
	d := c.d
	c.longest = sized(c.longest, len(d.accept))
	c.width = sized(c.width, len(d.accept))
	bits := math.Log2(float64(max(universe, 2)))
	for i := len(c.topo) - 1; i >= 0; i-- {
		f := c.topo[i]
		for _, e := range d.trans[f] {
			c.longest[f] = max(c.longest[f], c.longest[e.to]+1)
		}
		c.width[f] = int32((float64(c.longest[f])*bits+2)/64) + 1
	}
}

// arena holds the counts of the states still needed, their room used
// again once a state has given its counts to its predecessors.
type arena struct {
	words []uint64
	free  [32][]int // free stretches of 2^k words, by offset
}

func (a *arena) reset() {
	clear(a.words)
	a.words = a.words[:0]
	for k := range a.free {
		a.free[k] = a.free[k][:0]
	}
}

func (a *arena) alloc(n int) int {
	k := bits.Len(uint(n - 1))
	if l := len(a.free[k]); l > 0 {
		off := a.free[k][l-1]
		a.free[k] = a.free[k][:l-1]
		clear(a.words[off : off+n])
		return off
	}
	off := len(a.words)
	a.words = slices.Grow(a.words, 1<<k)[:off+1<<k]
	clear(a.words[off:])
	return off
}

func (a *arena) release(off, n int) {
	k := bits.Len(uint(n - 1))
	a.free[k] = append(a.free[k], off)
}

// counts returns where f's counts are, making room when first asked.
func (c *avoidCounter) counts(f int32) []uint64 {
	n := int(c.setLen[f]) * c.k * int(c.width[f])
	if c.base[f] < 0 {
		c.base[f] = c.mem.alloc(n)
	}
	return c.mem.words[c.base[f] : c.base[f]+n]
}

// countAll returns the number of d's strings, blocked or not.
func (c *avoidCounter) countAll() []uint64 {
	d, K := c.d, c.k
	off := sized(c.base, len(d.accept)+1)
	for f := range d.accept {
		off[f+1] = off[f] + K*int(c.width[f])
	}
	c.mem.reset()
	c.mem.words = sized(c.mem.words, off[len(d.accept)])
	// at is the count of combination k at f.
	at := func(f int32, k int) []uint64 {
		w := int(c.width[f])
		return c.mem.words[off[f]+k*w : off[f]+(k+1)*w]
	}
	c.tight = sized(c.tight, len(d.accept))
	for i := len(c.topo) - 1; i >= 0; i-- {
		f := c.topo[i]
		c.accepting(f, func(k int) { at(f, k)[0] = 1 })
		w := int(c.width[f])
		z := c.mem.words[off[f]:off[f+1]]
		for _, m := range c.moves[c.moveOff[f]:c.moveOff[f+1]] {
			tw := int(c.width[m.to])
			t := c.mem.words[off[m.to]:off[m.to+1]]
			pairs := c.pairs[m.shift]
			for q := 0; q < len(pairs); q += 2 {
				k, sk := int(pairs[q]), int(pairs[q+1])
				lAddMul(z[k*w:(k+1)*w], t[sk*tw:(sk+1)*tw], m.weight)
			}
		}
		for k := range K {
			c.tight[f] = max(c.tight[f], int32(limbsOf(at(f, k))))
		}
	}
	out := slices.Clone(at(0, 0))
	c.mem.reset()
	return out
}

// limbsOf is the words x needs (at least one).
func limbsOf(x []uint64) int {
	n := len(x)
	for n > 1 && x[n-1] == 0 {
		n--
	}
	return n
}

// tighten makes each state's width the words its largest count without
// the blocklist needs (countAll's, which bound those with it), and no
// fewer than its successors', as a sum takes its terms whole.
func (c *avoidCounter) tighten() {
	for i := len(c.topo) - 1; i >= 0; i-- {
		f := c.topo[i]
		w := c.tight[f]
		for _, m := range c.moves[c.moveOff[f]:c.moveOff[f+1]] {
			w = max(w, c.width[m.to])
		}
		c.width[f] = w
	}
}

// identity is a move's pairs without counters.
var identity = []int32{0, 0}

// accepting calls f on each combination f accepts with: none at the start
// (the empty password is none) or where d does not accept.
func (c *avoidCounter) accepting(f int32, fn func(k int)) {
	if f == 0 || !c.d.accept[f] {
		return
	}
	if c.cs == nil {
		fn(0)
		return
	}
	for k, ok := range c.cs.accept {
		if ok {
			fn(k)
		}
	}
}

// count returns N(start, root). Going backward, each state's counts are
// first the sums its successors gave (the root's over every move, the
// others' corrections on their children's symbols), then made whole in
// the set's order, N(f, a) adding N(f, fail(a)), and then given to the
// predecessors. With counters each N(f, a) is k counts, one per
// combination, stored together.
func (c *avoidCounter) count() []uint64 {
	d, ac, topo, K := c.d, c.ac, c.topo, c.k
	c.mem.reset()
	c.base = sized(c.base, len(d.accept))
	for i := range c.base {
		c.base[i] = -1
	}
	// The place of each blocklist state in the set at hand, when the
	// high half holds that state of d + 1.
	c.at = sized(c.at, len(ac.match))
	at := c.at
	for i := len(topo) - 1; i >= 0; i-- {
		f := topo[i]
		if c.setLen[f] == 0 {
			continue
		}
		set, fp := c.set(f), c.failPool[c.setOff[f]:]
		w := int(c.width[f])
		z := c.counts(f)
		c.accepting(f, func(k int) { lAdd(z[k*w:(k+1)*w], one) })
		// Entry (j, k) of z is N(f, set[j]) for combination k.
		if vw := K * w; vw == 1 {
			for j := 1; j < len(set); j++ {
				z[j] += z[fp[j]]
			}
		} else {
			for j := 1; j < len(set); j++ {
				dst, src := z[j*vw:(j+1)*vw], z[int(fp[j])*vw:int(fp[j]+1)*vw]
				for o := 0; o < vw; o += w {
					lAdd(dst[o:o+w], src[o:o+w])
				}
			}
		}
		if f == 0 {
			return slices.Clone(z[:w])
		}
		stamp := int64(f+1) << 32
		for j, a := range set {
			at[a] = stamp | int64(j)
		}
		longest := c.longest[f]
		// place is the place of N(f, a) in the set; -1 when it is 0.
		place := func(a int32) int {
			if ac.match[a] {
				return -1
			}
			for a != 0 && ac.toWord[a] > longest {
				a = ac.fail[a]
			}
			if at[a]&^(1<<32-1) != stamp {
				panic("generator: a blocklist state the count needs was not gathered")
			}
			return int(int32(at[a]))
		}
		for _, p := range c.preds[c.predOff[f]:c.predOff[f+1]] {
			if c.setLen[p.from] == 0 {
				continue // unreachable
			}
			m := &c.moves[p.i]
			pw := int(c.width[p.from])
			zp := c.counts(p.from)
			z = c.mem.words[c.base[f] : c.base[f]+len(z)] // the arena may have moved
			kids := c.kidsOn(p.from, m.sym)
			pairs := c.pairs[m.shift]
			if pw == 1 && K == 1 { // then w is 1 too
				if j := place(ac.next(0, m.sym)); j >= 0 {
					zp[0] += z[j] * m.weight
				}
				for _, kd := range kids {
					alt := place(ac.fail[kd.kid])
					if alt < 0 {
						continue // the kid is then a match too, or counts nothing
					}
					diff := z[alt]
					if j := place(kd.kid); j >= 0 {
						diff -= z[j]
					}
					zp[kd.pos] -= diff * m.weight
				}
				continue
			}
			// N(f, set[j]) for combination k is z[(j*K+k)*w:][:w];
			// the move takes each (k, sk) of its pairs: from
			// combination k at p.from to sk here.
			if j := place(ac.next(0, m.sym)); j >= 0 {
				src := z[j*K*w:]
				for q := 0; q < len(pairs); q += 2 {
					k, sk := int(pairs[q]), int(pairs[q+1])
					lAddMul(zp[k*pw:(k+1)*pw], src[sk*w:(sk+1)*w], m.weight)
				}
			}
			for _, kd := range kids {
				alt := place(ac.fail[kd.kid])
				if alt < 0 {
					continue // the kid is then a match too, or counts nothing
				}
				altN, dst := z[alt*K*w:], zp[int(kd.pos)*K*pw:]
				if kid := place(kd.kid); kid >= 0 {
					kidN := z[kid*K*w:]
					if w == 1 && pw == 1 {
						for q := 0; q < len(pairs); q += 2 {
							k, sk := pairs[q], pairs[q+1]
							dst[k] -= (altN[sk] - kidN[sk]) * m.weight
						}
						continue
					}
					for q := 0; q < len(pairs); q += 2 {
						k, sk := int(pairs[q]), int(pairs[q+1])
						lSubMulDiff(dst[k*pw:(k+1)*pw], altN[sk*w:(sk+1)*w], kidN[sk*w:(sk+1)*w], m.weight)
					}
					continue
				}
				for q := 0; q < len(pairs); q += 2 {
					k, sk := int(pairs[q]), int(pairs[q+1])
					lSubMul(dst[k*pw:(k+1)*pw], altN[sk*w:(sk+1)*w], m.weight)
				}
			}
		}
		c.mem.release(c.base[f], len(z))
	}
	panic("generator: the start state was not counted")
}
