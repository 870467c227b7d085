package generator

import (
	"errors"
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
	c, give := takeCounter()
	defer give()
	d, cs := foldForCount(spec, &c.fold)
	if d == nil {
		return nil, nil, true, errProductTooLarge
	}
	kept, all, err = c.countAvoiding(d, spec.blocks, spec.ac, cs, spec.countWidth(), spec.universe)
	return kept, all, true, err
}

// foldForCount folds spec's length range into its automaton, and its class
// limits and required sets as well unless counting them as counters
// beside the blocklist's count pays (automaton_counters.go): it returns
// the automaton and the counters, nil when they are folded in. The fold is
// not minimised: the pattern's automaton was (or refined, when it loops),
// and merging what the length leaves alike costs more than counting the
// states it would merge. nil when the fold is too large.
func foldForCount(spec *productSpec, mem *foldScratch) (*dfa, *counterSpace) {
	if spec.minLen > 0 || spec.maxLen > 0 {
		if cs := newCounterSpace(spec); cs != nil {
			if d := foldInto(withoutCounted(spec), false, mem); d != nil && cs.worthCounting(d, spec.blocks) {
				return d, cs
			}
		}
	}
	return foldInto(spec, false, mem), nil
}

// withoutCounted returns spec without the class limits and required sets,
// which counters count instead.
func withoutCounted(spec *productSpec) *productSpec {
	bare := *spec
	for c := range numClasses {
		bare.classMin[c], bare.classMax[c] = 0, -1
	}
	bare.reqAll = 0
	return &bare
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
func (c *avoidCounter) countAvoiding(d *dfa, blocks []patternBlock, ac *blocklistAC, cs *counterSpace, width, universe int) (kept, all []uint64, err error) {
	kept, all = make([]uint64, width), make([]uint64, width)
	if len(d.accept) == 0 {
		return kept, all, nil
	}
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
	fold   foldScratch // where the automaton counted was folded
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

	// What each state gathered from (sameSources): its predecessors'
	// sets and moves' symbols, sources[srcOff[f]:][:srcLen[f]]; the
	// states by their hash, the newest + 1, and from each the one before
	// with the same hash + 1.
	sources                 []uint64
	srcOff, srcLen, sameSrc []int32
	bySources               map[uint64]int32

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

	mem    arena
	base   []int // where each state's counts are in mem, -1 before they are needed
	allOff []int // where each state's counts without the blocklist are, in countAll
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
