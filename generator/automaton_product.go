package generator

import (
	"errors"
	"math"
)

// The product automaton: the pattern's deterministic automaton crossed
// with what the other constraints need to remember of a password's
// prefix: its length, how many characters of each limited class it has,
// which required sets it has met, its last character and current runs,
// and the blocklist automaton's state. Only states reachable from the
// start are built, and a state's count is the number of strings that
// lead from it to acceptance, in exact multi-word arithmetic (limbs.go).
// Each password is one path, so the start's count is the number of
// passwords.

// productSpec says which constraints the product tracks.
type productSpec struct {
	dfa    *dfa
	blocks []patternBlock
	ac     *blocklistAC // nil: no blocklist

	minLen, maxLen int // 0: no bound
	classMin       [numClasses]int
	classMax       [numClasses]int // -1: no maximum
	reqAll         uint32          // every required set's bit
	maxRep, maxSeq int             // 0: no limit
	longest        int             // the pattern's longest string
	universe       int             // the number of characters the blocks hold
}

// productKey is one state of the product.
type productKey struct {
	d, ac   int32
	n       int32 // length so far, when lengths are bounded
	last    int32 // the last character's block + 1, when runs are limited
	rep     int32 // the run of identical characters ending the prefix
	seq     int32 // the sequential run's length, negative counting down
	req     uint32
	classes [numClasses]int32
}

// Kinds of move on a block when identical runs are limited, since the
// character repeating the last one moves elsewhere than the others.
const (
	moveAll    = iota // any character of the block
	moveSame          // the character just written
	moveOthers        // any character of the block but the one just written
)

type productEdge struct {
	to     int32
	block  int32
	kind   uint8
	weight uint64 // characters the move stands for
}

// product is the counted automaton.
type product struct {
	width  int      // words per count
	counts []uint64 // counts[s*width:(s+1)*width]
	accept []bool
	edges  [][]productEdge // moves to states with a non-zero count
	start  int32
}

var errProductTooLarge = errors.New("the product automaton is too large")

// maxProductWords bounds the memory the counts take: 64 MiB.
const maxProductWords = 1 << 23

// count returns the count of state s.
func (p *product) count(s int32) []uint64 { return p.counts[int(s)*p.width : int(s+1)*p.width] }

// total is the number of passwords.
func (p *product) total() []uint64 { return p.count(p.start) }

// buildProduct builds and counts the product of spec.
func buildProduct(spec *productSpec) (*product, error) {
	bits := float64(spec.longest)*math.Log2(float64(max(spec.universe, 2))) + math.Log2(float64(spec.longest+1)) + 1
	p := &product{width: int(bits/64) + 1}
	b := &productBuilder{spec: spec, p: p, index: map[productKey]int32{}}
	start, err := b.visit(productKey{})
	if err != nil {
		return nil, err
	}
	p.start = start
	return p, nil
}

type productBuilder struct {
	spec  *productSpec
	p     *product
	index map[productKey]int32
}

func (b *productBuilder) visit(k productKey) (int32, error) {
	if s, ok := b.index[k]; ok {
		return s, nil
	}
	p, spec := b.p, b.spec
	s := int32(len(p.accept))
	if int(s) >= MaxPatternStates || (int(s)+1)*p.width > maxProductWords {
		return 0, errProductTooLarge
	}
	b.index[k] = s
	p.accept = append(p.accept, false)
	p.edges = append(p.edges, nil)
	for range p.width {
		p.counts = append(p.counts, 0)
	}
	var edges []productEdge
	for _, e := range spec.dfa.trans[k.d] {
		blk := &spec.blocks[e.block]
		n := uint64(len(blk.chars))
		next, ok := b.step(k, e, blk)
		if !ok {
			continue
		}
		type move struct {
			kind   uint8
			weight uint64
			key    productKey
		}
		var moves [2]move
		m := 0
		switch {
		case spec.maxRep > 0 && k.last == e.block+1:
			if int(k.rep) < spec.maxRep {
				same := next
				same.rep = k.rep + 1
				if spec.maxSeq > 0 {
					same.seq = 1 // a repeat is no step
				}
				moves[m] = move{moveSame, 1, same}
				m++
			}
			if n > 1 {
				moves[m] = move{moveOthers, n - 1, next}
				m++
			}
		default:
			moves[m] = move{moveAll, n, next}
			m++
		}
		for _, mv := range moves[:m] {
			if spec.maxSeq > 0 && mv.kind != moveSame {
				var ok bool
				if mv.key.seq, ok = b.sequential(k, blk); !ok {
					continue
				}
			}
			to, err := b.visit(mv.key)
			if err != nil {
				return 0, err
			}
			if lIsZero(p.count(to)) {
				continue
			}
			edges = append(edges, productEdge{to: to, block: e.block, kind: mv.kind, weight: mv.weight})
		}
	}
	acc := k != (productKey{}) && spec.dfa.accept[k.d] && k.req == spec.reqAll && (spec.minLen == 0 || int(k.n) >= spec.minLen)
	for c := range numClasses {
		acc = acc && int(k.classes[c]) >= spec.classMin[c]
	}
	z := p.count(s)
	if acc {
		z[0] = 1
	}
	for _, e := range edges {
		lAddMul(z, p.count(e.to), e.weight)
	}
	p.accept[s] = acc
	p.edges[s] = edges
	return s, nil
}

// step returns the key after a move on blk from k, with the run of
// identical characters restarted and the sequential run not yet worked
// out, or false when the move breaks a length, class or blocklist limit.
func (b *productBuilder) step(k productKey, e dfaEdge, blk *patternBlock) (productKey, bool) {
	spec := b.spec
	next := k
	next.d = e.to
	if spec.minLen > 0 || spec.maxLen > 0 {
		next.n++
		if spec.maxLen > 0 && int(next.n) > spec.maxLen {
			return next, false
		}
	}
	c := blk.class
	switch {
	case spec.classMax[c] >= 0:
		next.classes[c]++
		if int(next.classes[c]) > spec.classMax[c] {
			return next, false
		}
	case spec.classMin[c] > 0:
		next.classes[c] = min(next.classes[c]+1, int32(spec.classMin[c]))
	}
	next.req |= blk.req
	if spec.ac != nil {
		next.ac = spec.ac.next(k.ac, blk.sym)
		if spec.ac.match[next.ac] {
			return next, false
		}
	}
	next.last, next.rep, next.seq = 0, 0, 0
	if spec.maxRep > 0 || spec.maxSeq > 0 && blk.step != 0 {
		next.last = e.block + 1
	}
	if spec.maxRep > 0 {
		next.rep = 1
	}
	return next, true
}

// sequential returns the sequential run after writing a character of blk
// (a different one from the last), or false when it grows past the
// limit. Runs follow package rules: a turn starts a new run of 2 that
// shares the turning character.
func (b *productBuilder) sequential(k productKey, blk *patternBlock) (int32, bool) {
	d := 0
	if k.last > 0 && blk.step != 0 {
		if prev := b.spec.blocks[k.last-1].step; prev != 0 {
			d = stepDir(prev, blk.step)
		}
	}
	var run int32
	switch {
	case d == 0:
		return 1, true
	case d > 0 && k.seq > 1:
		run = k.seq + 1
	case d < 0 && k.seq < -1:
		run = k.seq - 1
	case d > 0:
		run = 2
	default:
		run = -2
	}
	if int(max(run, -run)) > b.spec.maxSeq {
		return 0, false
	}
	return run, true
}
