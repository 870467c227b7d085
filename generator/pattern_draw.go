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
	x := make([]uint64, p.width)
	p.uniformBelow(r, x, p.count(s))
	tmp := make([]uint64, p.width)
	for !lIsZero(p.count(s)[1:]) {
		if p.accept[s] {
			if lIsZero(x) {
				return out
			}
			lSub(x, one)
		}
		var chosen *productEdge
		var j uint64
		for i := range p.movesOf(s) {
			e := &p.movesOf(s)[i]
			c := p.count(e.to)
			lMul(tmp, c, uint64(e.weight))
			if lCmp(x, tmp) >= 0 {
				lSub(x, tmp)
				continue
			}
			// j = ⌊x/c⌋ < weight: estimate in floating point, then
			// correct by whole steps.
			j = min(uint64(max(lFloat(x)/lFloat(c), 0)), uint64(e.weight)-1)
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
			chosen = e
			break
		}
		if chosen == nil {
			panic("generator: pattern draw fell off the automaton")
		}
		out = append(out, pick(blocks, chosen, j, out))
		s = chosen.to
	}
	rest := x[0]
	clear(x)
	return p.drawSmall(s, rest, blocks, out)
}

var one = []uint64{1}

// drawSmall unranks x below the count of s, which fits one word.
func (p *product) drawSmall(s int32, x uint64, blocks []patternBlock, out []byte) []byte {
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
