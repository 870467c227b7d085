package generator

import (
	"math/bits"
	"sync"
)

// Walk tables: the drawing tables laid out for speed (pattern_draw.go
// explains the unranking). Drawing many passwords is bound by what one
// step of the walk costs, and the plain tables cost a search over the
// state's moves and a 64-bit division by the chosen move's count. Here
// each state has one entry per character rather than per move: entry i
// holds t_i, the first x it stands for, so x − t_i is already below the
// target's count and no division is needed; and a guide table finds the
// entry in one look-up. A one-word state's guide splits [0, count) into
// buckets of 2^sh values, bucket(x) = x>>sh, two to four for each entry;
// a two-word state's splits the top bits of x with a multiplier r,
// bucket(x) = ⌊(x>>sh)·r/2^64⌋. A guide cell holds the entry of its
// bucket's first x: the entry of any x in the bucket is that one or the
// next, told apart without a branch, except in the few buckets that hold
// more than one boundary between entries, whose cell is marked (^i) and
// from which the walk scans. Each entry holds what the next step needs of
// its target, so a step fetches a guide cell and an entry. Any order of a
// state's entries tiles [0, count) and so unranks exactly; they follow
// the moves, each move's characters in order.
//
// States whose count needs two words have entries of their own, with t in
// two words; larger counts keep the plain tables. Moves under a limit on
// repeats (moveSame, moveOthers) spell a character that depends on the
// last one written: a product with such moves keeps the plain tables, and
// so does one whose entries would take too much memory.

// maxWalkEntries bounds the walk tables: entries of 16 bytes (32 for
// two-word states) and at most four 4-byte guide cells each, 24 MiB at
// most. The pronounceable style at 64 characters needs a few percent.
const maxWalkEntries = 1 << 19

// guideFactor sets the size of the guides: a one-word state has between
// guideFactor and twice as many buckets as entries (its guide is indexed
// by a shift), a two-word state about guideFactor times. With two, few
// buckets hold more than one boundary between entries, and past one the
// walk steps without a branch.
const guideFactor = 2

// walkEntry is one character of a state whose count fits a word: it stands
// for x in [t, next entry's t) and leads to the state whose guide starts
// at g and is indexed by x>>sh. The entry with ch = 0 is "stop here", for
// x = 0 at an accepting state; the last entry of a state (its sentinel)
// holds the count in t and nothing else. Sixteen bytes, four to a cache
// line.
type walkEntry struct {
	t  uint64
	g  uint32
	sh uint8
	ch byte
}

// walkStart is where a one-word state's walk data are: its guide and
// shift; ok is false for a state with a larger count.
type walkStart struct {
	g  uint32
	sh uint8
	ok bool
}

// bigEntry is a walkEntry of a two-word state: t in two words, and the
// target's guide, multiplier and shift; small when the target's count
// fits one word, when g and sh are its walkStart (and r is 0).
type bigEntry struct {
	tlo, thi uint64
	r        uint64
	g        int32
	sh       uint8
	ch       byte
	small    bool
}

type walkTables struct {
	entries []walkEntry
	// guide holds indices into entries: i when the bucket's x are in
	// entry i or i+1, ^i when they may be in later ones too.
	guide []int32
	start []walkStart // by product state
	// The two-word states: bigStart by product state, their entries
	// and their guides (indices into bigEnt). bucket(x) for such a state
	// is ⌊(x>>sh)·r/2^64⌋.
	bigStart []bigEntry
	bigEnt   []bigEntry
	bigGde   []int32 // as guide

	// The blocklist as the batch path reads it (acWalk), built on first
	// use: the product is drawn against one blocklist, its Pattern's.
	acOnce sync.Once
	ac     *acWalk
}

// guideMul returns G buckets and the multiplier R that spread y in
// [0, top] over them in order: ⌊y·R/2^64⌋ < G for every y ≤ top.
func guideMul(top uint64, want int) (g int, r uint64) {
	if top == 0 {
		return 1, 0
	}
	g = max(1, want)
	if uint64(g) > top {
		g = int(top) // R = ⌊2^64·G/(top+1)⌋ must fit a word
	}
	if top == ^uint64(0) {
		return g, uint64(g)
	}
	r, _ = bits.Div64(uint64(g), 0, top+1)
	return g, r
}

// guideShift returns the shift sh that spreads x in [0, top] over G =
// (top>>sh)+1 buckets, G at most 2·want and more than want unless sh = 0.
func guideShift(top uint64, want int) (g int, sh uint8) {
	w := uint64(max(1, want))
	for top>>sh >= 2*w {
		sh++
	}
	return int(top>>sh) + 1, sh
}

// bucketStart is the least y whose bucket is b or more: ⌈b·2^64/R⌉.
func bucketStart(b int, r uint64) uint64 {
	if b == 0 {
		return 0
	}
	q, rem := bits.Div64(uint64(b), 0, r) // b < G <= R
	if rem != 0 {
		q++
	}
	return q
}

// buildWalkTables returns the walk tables of p, or nil when p keeps the
// plain tables (see above).
func buildWalkTables(p *product) *walkTables {
	n := len(p.accept)
	chars := func(s int) int { // a state's entries, its sentinel left out
		k := 0
		if p.accept[s] {
			k++
		}
		for _, e := range p.movesOf(int32(s)) {
			k += int(e.weight)
		}
		return k
	}
	words := func(s int32) int { // how many words the count of s needs
		c := p.count(s)
		w := len(c)
		for w > 1 && c[w-1] == 0 {
			w--
		}
		return w
	}
	small, big := 0, 0
	for s := range n {
		for _, e := range p.movesOf(int32(s)) {
			if e.kind != moveAll {
				return nil
			}
		}
		switch words(int32(s)) {
		case 1:
			small += chars(s) + 1
		case 2:
			big += chars(s) + 1
		}
	}
	if small+big > maxWalkEntries {
		return nil
	}
	w := &walkTables{
		entries: make([]walkEntry, 0, small+2),
		guide:   make([]int32, 0, 4*guideFactor*small+1),
		start:   make([]walkStart, n),
	}
	// The park: a state of the walk that only stops, and stays. A walk
	// that has ended steps there, writing nothing, while the others in
	// its batch go on (pattern_batch.go); its guide is the first cell.
	w.entries = append(w.entries, walkEntry{}, walkEntry{t: 1})
	w.guide = append(w.guide, 0)
	// First where each state's guide goes, as entries name their
	// targets'.
	glen := make([]int, n)
	for s := range n {
		if words(int32(s)) != 1 || p.counts[s*p.width] == 0 {
			continue
		}
		g, sh := guideShift(p.counts[s*p.width]-1, guideFactor*chars(s))
		w.start[s] = walkStart{g: uint32(len(w.guide)), sh: sh, ok: true}
		glen[s] = g
		w.guide = append(w.guide, make([]int32, g)...)
	}
	for s := range n {
		st := w.start[s]
		if !st.ok {
			continue
		}
		first := int32(len(w.entries))
		t := uint64(0)
		if p.accept[s] {
			w.entries = append(w.entries, walkEntry{t: 0})
			t = 1
		}
		for _, e := range p.movesOf(int32(s)) {
			c := p.counts[int(e.to)*p.width]
			if c == 0 {
				continue
			}
			to := w.target(p, e.to)
			for _, ch := range p.blocks[e.block].chars {
				w.entries = append(w.entries, walkEntry{t: t, g: to.g, sh: to.sh, ch: ch})
				t += c
			}
		}
		w.entries = append(w.entries, walkEntry{t: t})
		end := int32(len(w.entries) - 1)
		e := first
		for b, guide := 0, w.guide[st.g:int(st.g)+glen[s]]; b < len(guide); b++ {
			x := uint64(b) << st.sh
			for e+1 < end && w.entries[e+1].t <= x {
				e++
			}
			guide[b] = e
			// The bucket's last x, to mark the buckets where one step
			// of the scan may not be enough.
			last := min(t-1, x+(1<<st.sh)-1)
			if e+2 < end && w.entries[e+2].t <= last {
				guide[b] = ^e
			}
		}
	}
	if big > 0 {
		w.buildBig(p, chars, words)
	}
	return w
}

// target is where a move to state s leads a walk: the park when s only
// stops (its one string is the empty one), so that a walk is seen to end
// on its last character, without a step to stop.
func (w *walkTables) target(p *product, s int32) walkStart {
	if p.accept[s] && p.counts[int(s)*p.width] == 1 && (p.width == 1 || lIsZero(p.count(s)[1:])) {
		return walkStart{g: parkGuide, ok: true}
	}
	return w.start[s]
}

// parkGuide is the park's guide (see buildWalkTables).
const parkGuide = 0

// buildBig adds the entries and guides of the states whose count needs
// two words.
func (w *walkTables) buildBig(p *product, chars func(int) int, words func(int32) int) {
	n := len(p.accept)
	w.bigStart = make([]bigEntry, n)
	glen := make([]int, n)
	for s := range n {
		if words(int32(s)) != 2 {
			continue
		}
		c := p.count(int32(s))
		sh := uint(64 - bits.LeadingZeros64(c[1]))
		mlo, b := bits.Sub64(c[0], 1, 0)
		top := (c[1]-b)<<(64-sh) | mlo>>sh
		g, r := guideMul(top, guideFactor*chars(s))
		w.bigStart[s] = bigEntry{r: r, g: int32(len(w.bigGde)), sh: uint8(sh)}
		glen[s] = g
		w.bigGde = append(w.bigGde, make([]int32, g)...)
	}
	target := func(to int32) bigEntry {
		if words(to) == 1 {
			st := w.target(p, to)
			return bigEntry{g: int32(st.g), sh: st.sh, small: true}
		}
		return w.bigStart[to]
	}
	for s := range n {
		if words(int32(s)) != 2 {
			continue
		}
		first := int32(len(w.bigEnt))
		var tlo, thi uint64
		if p.accept[s] {
			w.bigEnt = append(w.bigEnt, bigEntry{g: parkGuide, small: true})
			tlo = 1
		}
		for _, e := range p.movesOf(int32(s)) {
			c := p.count(e.to)
			clo, chi := c[0], uint64(0)
			if len(c) > 1 {
				chi = c[1]
			}
			if clo == 0 && chi == 0 {
				continue
			}
			to := target(e.to)
			for _, ch := range p.blocks[e.block].chars {
				en := to
				en.tlo, en.thi, en.ch = tlo, thi, ch
				w.bigEnt = append(w.bigEnt, en)
				var carry uint64
				tlo, carry = bits.Add64(tlo, clo, 0)
				thi += chi + carry
			}
		}
		w.bigEnt = append(w.bigEnt, bigEntry{tlo: tlo, thi: thi})
		end := int32(len(w.bigEnt) - 1)
		bs := w.bigStart[s]
		sh := uint(bs.sh)
		e := first
		guide := w.bigGde[bs.g : int(bs.g)+glen[s]]
		for k := range guide {
			y := bucketStart(k, bs.r)
			xhi, xlo := y>>(64-sh), y<<sh // sh = 64: y, 0
			for e+1 < end && !less128(xhi, xlo, w.bigEnt[e+1].thi, w.bigEnt[e+1].tlo) {
				e++
			}
			guide[k] = e
			// The bucket's last x, as for the one-word states.
			lhi, llo := thi, tlo
			if k+1 < len(guide) {
				y := bucketStart(k+1, bs.r)
				lhi, llo = y>>(64-sh), y<<sh
			}
			llo, b := bits.Sub64(llo, 1, 0)
			lhi -= b
			if e+2 < end && !less128(lhi, llo, w.bigEnt[e+2].thi, w.bigEnt[e+2].tlo) {
				guide[k] = ^e
			}
		}
	}
}

// less128 reports whether (ahi, alo) < (bhi, blo).
func less128(ahi, alo, bhi, blo uint64) bool { return ahi < bhi || ahi == bhi && alo < blo }

// acWalk is a blocklist automaton (automaton_blocklist.go) for the batch
// path: a state is its row's offset in delta, and every move into a state
// that has read a word leads to dead instead, which it never leaves, so
// that the walk tests for a word once, at its end.
type acWalk struct {
	sym   [256]int32
	delta []int32
	dead  int32
}

func newACWalk(a *blocklistAC) *acWalk {
	n, k := len(a.match), a.nsym
	w := &acWalk{delta: make([]int32, (n+1)*k), dead: int32(n * k)}
	for c := range 128 {
		w.sym[c] = a.symbolOf(byte(c))
	}
	for s := range n {
		for x := range k {
			t := a.next(int32(s), int32(x))
			if a.match[t] {
				w.delta[s*k+x] = w.dead
			} else {
				w.delta[s*k+x] = t * int32(k)
			}
		}
	}
	for x := range k {
		w.delta[n*k+x] = w.dead
	}
	return w
}

// acFor returns the blocklist automaton a as acWalk, built once.
func (w *walkTables) acFor(a *blocklistAC) *acWalk {
	w.acOnce.Do(func() { w.ac = newACWalk(a) })
	return w.ac
}
