package generator

import (
	"encoding/binary"
	"math/bits"
)

// The bulk path for patterns: Stream asks for many passwords at once, and
// they are drawn walkLanes at a time, their walks advanced in lockstep:
// each step of one walk waits on a table fetch that its step before
// chose, and several walks let the processor wait on several at once.
// Each password is its own uniform integer unranked as draw does, so each
// is uniform and independent of the others; they are written in the
// order their walks began, not the order they ended, as a short password
// ends sooner and the order of the lines must not depend on it. A walk
// whose password holds a word of the blocklist is drawn again, alone,
// until it holds none, as appendSecret does.

// walkLanes is how many walks advance together: the passes of a step
// (advance) are short, and sixteen walks keep enough fetches under way.
const walkLanes = 16

// laneBytes bounds the passwords the batch path draws: each walk writes
// into a buffer of its own, indexed without a bounds check. Longer
// patterns are drawn one at a time.
const laneBytes = 128

// lane is a walk under way: x = (xhi, x) what is left of its integer; g
// its state's guide, indexed by x>>sh, or by ⌊(x>>sh)·r/2^64⌋ while big
// (while its count needs two words); out and n the password so far; ac
// its blocklist state. Its integer and buffer are secrets, wiped when the
// batch is done.
type lane struct {
	x, xhi, r uint64
	g, n      int
	ac        int32
	sh        uint8
	big       bool
	out       [laneBytes]byte
}

// batchDraw is what a Pattern's bulk path draws from.
type batchDraw struct {
	prod *product
	w    *walkTables
	ac   *acWalk      // noWords without a blocklist
	acl  *blocklistAC // nil without a blocklist
	// The start's count, and what drawing below it takes: bytes of
	// randomness, and the mask of the top word.
	clo, chi uint64
	nbytes   int
	mask     uint64
}

// noWords is the blocklist automaton of an empty list: it never reads a
// word.
var noWords = &acWalk{delta: []int32{0}, dead: -1}

// appendLines appends k passwords, each followed by a newline, for
// Stream.
func (p *Pattern) appendLines(dst []byte, r *Rand, k int) ([]byte, error) {
	if err := p.sampler(); err != nil {
		return dst, err
	}
	b := batchDraw{prod: p.prod, ac: noWords}
	if p.open != nil {
		b.prod, b.acl = p.open, p.ac
	}
	start := len(dst)
	var tabs *drawTables
	if lIsZero(b.prod.total()[min(2, b.prod.width):]) && p.longest < laneBytes {
		tabs = b.prod.tablesFor(int64(k))
	}
	if tabs == nil || tabs.walk == nil {
		for range k {
			var err error
			if dst, err = p.appendSecret(dst, r, nil); err != nil {
				clear(dst[start:])
				return dst[:start], err
			}
			dst = append(dst, '\n')
		}
		return dst, nil
	}
	b.w = tabs.walk
	if b.acl != nil {
		b.ac = b.w.acFor(b.acl)
	}
	c := b.prod.total()
	b.clo = c[0]
	if len(c) > 1 {
		b.chi = c[1]
	}
	if b.chi != 0 {
		top := bits.Len64(b.chi)
		b.nbytes, b.mask = 8+(top+7)/8, ^uint64(0)>>(64-top)
	}
	dst = reserve(dst, k*(p.longest+1))
	var ls [walkLanes]lane
	for k > 0 {
		n := min(k, walkLanes)
		dst = b.appendRound(dst, r, ls[:n])
		k -= n
	}
	clear(ls[:])
	if err := r.Err(); err != nil {
		clear(dst[start:cap(dst)])
		return dst[:start], err
	}
	return dst, nil
}

// appendRound appends a password for each lane of ls, and its newline.
func (b *batchDraw) appendRound(dst []byte, r *Rand, ls []lane) []byte {
	for i := range ls {
		b.begin(&ls[i], r)
	}
	if b.chi != 0 {
		b.w.advanceBig(ls, b.ac)
	}
	b.w.advance(ls, b.ac)
	for i := range ls {
		l := &ls[i]
		pw := l.out[:l.n]
		if l.ac == b.ac.dead {
			// Draw it again, alone, until it holds no word.
			for r.Err() == nil {
				clear(pw)
				pw = b.prod.draw(r, b.prod.blocks, l.out[:0])
				if !b.acl.holdsWord(pw) {
					break
				}
			}
		}
		dst = append(append(dst, pw...), '\n')
		clear(pw)
	}
	return dst
}

// reserve returns dst with room for n more bytes, so that appending the
// passwords makes no copy of them. Where that needs a new array, the old
// one is wiped, as it may hold passwords too.
func reserve(dst []byte, n int) []byte {
	if len(dst)+n <= cap(dst) {
		return dst
	}
	grown := make([]byte, len(dst), len(dst)+n)
	copy(grown, dst)
	clear(dst[:cap(dst)])
	return grown
}

// begin draws a lane's integer.
func (b *batchDraw) begin(l *lane, r *Rand) {
	s := b.prod.start
	l.n, l.ac = 0, 0
	if b.chi == 0 {
		st := b.w.start[s]
		l.x, l.g, l.sh = r.uint64n(b.clo), int(st.g), st.sh
		return
	}
	// Masked rejection, as uniformBelow, reading no more bytes than the
	// count has.
	var xhi, xlo uint64
	for {
		xlo, xhi = r.wordsLE(b.nbytes)
		xhi &= b.mask
		if r.Err() != nil || less128(xhi, xlo, b.chi, b.clo) {
			break
		}
	}
	at := b.w.bigStart[s]
	l.x, l.xhi, l.r, l.g, l.sh, l.big = xlo, xhi, at.r, int(at.g), at.sh, true
}

// wordsLE reads n random bytes, 8 < n <= 16, as a little-endian number
// of two words.
func (r *Rand) wordsLE(n int) (lo, hi uint64) {
	if !r.ready(n) {
		return 0, 0
	}
	p := r.buf[r.pos : r.pos+n]
	r.pos += n
	lo = binary.LittleEndian.Uint64(p)
	for i := n - 1; i >= 8; i-- {
		hi = hi<<8 | uint64(p[i])
	}
	return lo, hi
}

// advanceBig walks the lanes, a step of each in turn, while their counts
// need two words.
func (w *walkTables) advanceBig(ls []lane, ac *acWalk) {
	guide, ents := w.bigGde, w.bigEnt
	delta, sym := ac.delta, &ac.sym
	var cells [walkLanes]int32
	cs := cells[:len(ls)]
	for more := true; more; {
		// In three passes, as advance.
		for i := range cs {
			if l := &ls[i]; l.big {
				sh := uint(l.sh)
				hi, _ := bits.Mul64(l.xhi<<(64-sh)|l.x>>sh, l.r)
				cs[i] = guide[l.g+int(hi)]
			}
		}
		for i := range cs {
			l := &ls[i]
			if !l.big {
				continue
			}
			e := int(cs[i])
			if e < 0 {
				e = w.findBig(l.xhi, l.x, int32(e))
			} else {
				_, c := bits.Sub64(l.x, ents[e+1].tlo, 0)
				_, c = bits.Sub64(l.xhi, ents[e+1].thi, c)
				e += 1 - int(c)
			}
			cs[i] = int32(e)
		}
		more = false
		for i := range cs {
			l := &ls[i]
			if !l.big {
				continue
			}
			en := &ents[cs[i]]
			var c uint64
			l.x, c = bits.Sub64(l.x, en.tlo, 0)
			l.xhi = l.xhi - en.thi - c
			l.r, l.g, l.sh = en.r, int(en.g), en.sh // r is 0 for a small target
			l.big = !en.small
			more = more || !en.small
			ch := en.ch
			l.out[l.n&(laneBytes-1)] = ch
			l.n += int(uint32(ch)+255) >> 8 // 1 unless ch = 0
			l.ac = delta[l.ac+sym[ch]]
		}
	}
}

// advance walks the lanes to their ends, a step of each in turn. A lane
// whose walk has ended is in the park, where a step writes a 0 after its
// password and moves nothing; the round ends when every lane is there.
func (w *walkTables) advance(ls []lane, ac *acWalk) {
	guide, ents := w.guide, w.entries
	delta, sym := ac.delta, &ac.sym
	var cells [walkLanes]int32
	cs := cells[:len(ls)]
	for {
		// A step in three passes over the lanes, each a run of fetches
		// that do not wait on one another: the guide cells, the entries
		// past them, and the blocklist.
		for i := range cs {
			l := &ls[i]
			cs[i] = guide[l.g+int(l.x>>(l.sh&63))]
		}
		for i := range cs {
			x, e := ls[i].x, int(cs[i])
			if e < 0 {
				e = ^e
				for x >= ents[e+1].t {
					e++
				}
			} else {
				// The one step of the scan without a branch: which way
				// it goes is a coin toss that a mispredicted branch
				// would pay for by waiting on the fetch.
				_, below := bits.Sub64(x, ents[e+1].t, 0)
				e += 1 - int(below)
			}
			cs[i] = int32(e)
		}
		var moving uint32
		for i := range cs {
			l := &ls[i]
			en := &ents[cs[i]]
			ch := en.ch
			l.x, l.g, l.sh = l.x-en.t, int(en.g), en.sh
			moving |= en.g
			l.out[l.n&(laneBytes-1)] = ch
			l.n += int(uint32(ch)+255) >> 8 // 1 unless ch = 0
			l.ac = delta[l.ac+sym[ch]]
		}
		if moving == parkGuide {
			return
		}
	}
}
