package generator

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// Drawing a pattern password: a uniform integer x below the number of
// passwords, unranked along the product automaton. At each state the
// strings through it are ordered as "stop here" (when it accepts), then
// the moves in order, each move's strings grouped by its character; x
// picks the group it falls in and what is left of x picks within it. Each
// x gives a different password and each password comes from one x, so the
// password is uniform over exactly the strings counted.
//
// While counts need several words the arithmetic is on words (limbs.go);
// once the current state's count fits one word, which is after the first
// few characters at most, the walk goes on in plain 64-bit arithmetic.

// draw returns one password, written into out (which it returns).
func (p *product) draw(r *Rand, blocks []patternBlock, out []byte) []byte {
	s := p.start
	if p.width == 1 || lIsZero(p.count(s)[1:]) {
		return p.drawSmall(s, r.uint64n(p.count(s)[0]), blocks, out)
	}
	if lIsZero(p.count(s)[2:]) { // the count fits two words
		if tabs := p.tables(); tabs != nil && (tabs.walk != nil || p.width == 2) {
			return p.draw128(tabs, r, blocks, out)
		}
	}
	var xbuf, tbuf [8]uint64
	x, tmp := xbuf[:], tbuf[:]
	if p.width > len(xbuf) {
		x, tmp = make([]uint64, p.width), make([]uint64, p.width)
	}
	x, tmp = x[:p.width], tmp[:p.width]
	p.uniformBelow(r, x, p.count(s))
	tabs := p.tables()
	if tabs != nil && tabs.big == nil {
		tabs = nil // the walk tables alone, built since the check above
	}
	for !lIsZero(p.count(s)[1:]) {
		var chosen *productEdge
		var j uint64
		if tabs != nil {
			// The move i with t_i <= x < t_(i+1), as in drawTabled.
			t, w := tabs.big[s], p.width
			if lCmp(x, t[:w]) < 0 {
				return out
			}
			lo, hi := 0, len(t)/w-1
			for hi-lo > 1 {
				mid := int(uint(lo+hi) >> 1)
				if lCmp(t[mid*w:(mid+1)*w], x) <= 0 {
					lo = mid
				} else {
					hi = mid
				}
			}
			lSub(x, t[lo*w:(lo+1)*w])
			chosen = &p.movesOf(s)[lo]
		} else {
			if p.accept[s] {
				if lIsZero(x) {
					return out
				}
				lSub(x, one)
			}
			for i := range p.movesOf(s) {
				e := &p.movesOf(s)[i]
				lMul(tmp, p.count(e.to), uint64(e.weight))
				if lCmp(x, tmp) < 0 {
					chosen = e
					break
				}
				lSub(x, tmp)
			}
			if chosen == nil {
				panic("generator: pattern draw fell off the automaton")
			}
		}
		// j = ⌊x/c⌋ < weight: estimate in floating point, then correct
		// by whole steps.
		c := p.count(chosen.to)
		j = min(uint64(max(lFloat(x)/lFloat(c), 0)), uint64(chosen.weight)-1)
		lMul(tmp, c, j)
		for lCmp(tmp, x) > 0 {
			lSub(tmp, c)
			j--
		}
		lSub(x, tmp)
		for lCmp(x, c) >= 0 {
			lSub(x, c)
			j++
		}
		out = append(out, pick(blocks, chosen, j, out))
		s = chosen.to
	}
	rest := x[0]
	clear(x)
	return p.drawSmall(s, rest, blocks, out)
}

var one = []uint64{1}

// draw128 is draw for counts below 2^128 with the tables, in two-word
// arithmetic written out: by the walk tables when there are some (which
// do not depend on the product's width), else by the plain ones of a
// product of width 2.
func (p *product) draw128(tabs *drawTables, r *Rand, blocks []patternBlock, out []byte) []byte {
	s := p.start
	var xb [2]uint64
	p.uniformBelow(r, xb[:], p.count(s))
	xhi, xlo := xb[1], xb[0]
	xb = [2]uint64{}
	if w := tabs.walk; w != nil {
		st, x, out, done := w.walkBig(s, xhi, xlo, out)
		if done {
			return out
		}
		return w.walk(st, x, out)
	}
	less := func(ahi, alo, bhi, blo uint64) bool { return ahi < bhi || ahi == bhi && alo < blo }
	for p.counts[2*s+1] != 0 {
		t := tabs.big[s]
		if less(xhi, xlo, t[1], t[0]) {
			return out
		}
		lo := 0
		for n := len(t)/2 - 1; n > 1; {
			half := n >> 1
			if !less(xhi, xlo, t[2*(lo+half)+1], t[2*(lo+half)]) {
				lo += half
			}
			n -= half
		}
		var b uint64
		xlo, b = bits.Sub64(xlo, t[2*lo], 0)
		xhi -= t[2*lo+1] + b
		e := &p.movesOf(s)[lo]
		chi, clo := p.counts[2*e.to+1], p.counts[2*e.to]
		// j = ⌊x/c⌋ < weight.
		var j uint64
		if chi == 0 {
			j, xlo = bits.Div64(xhi, xlo, clo) // xhi < clo as x < weight·c
			xhi = 0
		} else {
			for !less(xhi, xlo, chi, clo) {
				xlo, b = bits.Sub64(xlo, clo, 0)
				xhi -= chi + b
				j++
			}
		}
		out = append(out, pick(blocks, e, j, out))
		s = e.to
	}
	return p.drawTabled(tabs, s, xlo, blocks, out)
}

// drawSmall unranks x below the count of s, which fits one word.
func (p *product) drawSmall(s int32, x uint64, blocks []patternBlock, out []byte) []byte {
	if tabs := p.tables(); tabs != nil {
		return p.drawTabled(tabs, s, x, blocks, out)
	}
	for {
		if p.accept[s] {
			if x == 0 {
				return out
			}
			x--
		}
		var chosen *productEdge
		var j uint64
		for i := range p.movesOf(s) {
			e := &p.movesOf(s)[i]
			c := p.counts[int(e.to)*p.width]
			hi, w := bits.Mul64(c, uint64(e.weight))
			if hi == 0 && x >= w {
				x -= w
				continue
			}
			j, x = x/c, x%c
			chosen = e
			break
		}
		if chosen == nil {
			panic("generator: pattern draw fell off the automaton")
		}
		out = append(out, pick(blocks, chosen, j, out))
		s = chosen.to
	}
}

// tablesAfter is how many draws a product serves before it builds its
// tables: a single password is drawn faster without them, many faster
// with. Tests change it to check both ways.
var tablesAfter int64 = 32

// drawTables are the cumulative counts of the product's states. For a
// state s with moves e_0, e_1, …, t_0 is 1 if s accepts (else 0) and
// t_(i+1) = t_i + weight(e_i)·count(e_i's target), so the last is the
// count of s. Drawing then needs a binary search in the state's own
// table, not a visit to every successor's count.
type drawTables struct {
	// The states whose count fits one word have entries
	// small[off[s]:off[s+1]], entry i holding t_i and move i (the last
	// holds the count and no move): one state's table is one stretch of
	// memory, as drawing is bound by fetching it.
	off   []int32
	small []tableEntry
	big   [][]uint64 // the others: the t_i of width words each
	// unions are the characters of moves merged because they lead to
	// one state (moveUnion): one entry, and one step of the search,
	// for what the blocks had split.
	unions [][]byte
	// walk, when not nil, are the tables for speed (pattern_tables.go);
	// where they serve every draw (counts below 2^128), the plain tables
	// above are not built.
	walk *walkTables
}

// moveUnion marks a table entry whose move stands for the characters
// unions[block].
const moveUnion = 3

type tableEntry struct {
	t    uint64
	move productEdge
}

// tables returns the product's tables once it has served tablesAfter
// draws; nil before.
func (p *product) tables() *drawTables { return p.tablesFor(1) }

// tablesFor is tables for n draws at once.
func (p *product) tablesFor(n int64) *drawTables {
	// Once built, the tables are read without writing anything shared:
	// counting draws on every one would make Stream's workers contend
	// for that counter.
	if t := p.tabs.Load(); t != nil {
		return t
	}
	if p.draws.Add(n) < tablesAfter {
		return nil
	}
	p.tablesOnce.Do(func() {
		// Up to two words (the start's count, the largest), the walk
		// tables serve every draw; the plain tables are for what they
		// leave (pattern_tables.go).
		walk := buildWalkTables(p)
		if walk != nil && lIsZero(p.count(p.start)[min(2, p.width):]) {
			p.tabs.Store(&drawTables{walk: walk})
			return
		}
		n := len(p.accept)
		tabs := &drawTables{off: make([]int32, n+1), big: make([][]uint64, n)}
		unionIndex := map[string]int16{}
		var slab []uint64
		cut := func(n int) []uint64 {
			if n > len(slab) {
				slab = make([]uint64, max(1<<14, n))
			}
			t := slab[:n:n]
			slab = slab[n:]
			return t
		}
		for s := range n {
			tabs.off[s] = int32(len(tabs.small))
			es := p.movesOf(int32(s))
			acc := uint64(0)
			if p.accept[s] {
				acc = 1
			}
			if p.width > 1 && !lIsZero(p.count(int32(s))[1:]) {
				w := p.width
				t := cut((len(es) + 1) * w)
				clear(t[:w])
				t[0] = acc
				for i, e := range es {
					copy(t[(i+1)*w:(i+2)*w], t[i*w:(i+1)*w])
					lAddMul(t[(i+1)*w:(i+2)*w], p.count(e.to), uint64(e.weight))
				}
				tabs.big[s] = t
				continue
			}
			t := acc
			for _, e := range tabs.merge(es, p.blocks, unionIndex) {
				tabs.small = append(tabs.small, tableEntry{t, e})
				t += uint64(e.weight) * p.counts[int(e.to)*p.width]
			}
			tabs.small = append(tabs.small, tableEntry{t: t})
		}
		tabs.off[n] = int32(len(tabs.small))
		tabs.walk = walk
		p.tabs.Store(tabs)
	})
	return p.tabs.Load()
}

// merge returns a state's moves with those of kind moveAll that lead to
// one state made one move of kind moveUnion. Moves of other kinds (under
// a limit on repeats) are kept as they are, as their characters depend
// on the last one written.
func (tabs *drawTables) merge(es []productEdge, blocks []patternBlock, index map[string]int16) []productEdge {
	var out []productEdge
	for i, e := range es {
		if e.kind != moveAll {
			out = append(out, e)
			continue
		}
		seen := false
		for _, f := range es[:i] {
			seen = seen || f.kind == moveAll && f.to == e.to
		}
		if seen {
			continue
		}
		var chars []byte
		for _, f := range es[i:] {
			if f.kind == moveAll && f.to == e.to {
				chars = append(chars, blocks[f.block].chars...)
			}
		}
		if len(chars) == len(blocks[e.block].chars) || len(chars) > 255 {
			out = append(out, e)
			continue
		}
		u, ok := index[string(chars)]
		if !ok {
			if len(tabs.unions) >= 1<<15 {
				out = append(out, e) // keep it unmerged; the others too
				for _, f := range es[i+1:] {
					if f.kind == moveAll && f.to == e.to {
						out = append(out, f)
					}
				}
				continue
			}
			u = int16(len(tabs.unions))
			index[string(chars)] = u
			tabs.unions = append(tabs.unions, chars)
		}
		out = append(out, productEdge{to: e.to, block: u, kind: moveUnion, weight: uint8(len(chars))})
	}
	return out
}

// drawTabled is drawSmall with the tables.
func (p *product) drawTabled(tabs *drawTables, s int32, x uint64, blocks []patternBlock, out []byte) []byte {
	if w := tabs.walk; w != nil && w.start[s].ok {
		return w.walk(w.start[s], x, out)
	}
	for {
		t := tabs.small[tabs.off[s]:tabs.off[s+1]]
		if x < t[0].t {
			return out
		}
		// The move lo with t[lo] <= x < t[lo+1], by a search whose
		// steps do not branch on x.
		lo := 0
		for n := len(t) - 1; n > 1; {
			half := n >> 1
			if t[lo+half].t <= x {
				lo += half
			}
			n -= half
		}
		e := &t[lo].move
		x -= t[lo].t
		c := p.counts[int(e.to)*p.width]
		j := x / c
		x -= j * c
		if e.kind == moveUnion {
			out = append(out, tabs.unions[e.block][j])
		} else {
			out = append(out, pick(blocks, e, j, out))
		}
		s = e.to
	}
}

// pick is the j-th character a move stands for, given the password so far.
func pick(blocks []patternBlock, e *productEdge, j uint64, sofar []byte) byte {
	chars := blocks[e.block].chars
	switch e.kind {
	case moveSame:
		return sofar[len(sofar)-1]
	case moveOthers:
		if chars[j] >= sofar[len(sofar)-1] { // chars are sorted
			return chars[j+1]
		}
	}
	return chars[j]
}

// uniformBelow sets x to a uniform integer below n by masked rejection:
// more than half of the draws are accepted.
func (p *product) uniformBelow(r *Rand, x, n []uint64) {
	top := len(n) - 1
	for n[top] == 0 {
		top--
	}
	mask := uint64(math.MaxUint64) >> bits.LeadingZeros64(n[top])
	var buf [8]byte
	for {
		clear(x)
		for i := 0; i <= top; i++ {
			r.Read(buf[:])
			x[i] = binary.LittleEndian.Uint64(buf[:])
		}
		x[top] &= mask
		if r.err != nil || lCmp(x, n) < 0 {
			clear(buf[:])
			return
		}
	}
}

// lFloat is x as a float64, to about 1e-16 relative.
func lFloat(x []uint64) float64 {
	top := len(x) - 1
	for top > 0 && x[top] == 0 {
		top--
	}
	f := float64(x[top])
	if top > 0 {
		f += float64(x[top-1]) / (1 << 64)
	}
	return math.Ldexp(f, 64*top)
}
