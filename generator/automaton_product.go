package generator

import (
	"errors"
	"math"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/sesame-sh/sesame/generator/rules"
)

// The product automaton: the pattern's automaton, with the length range,
// class limits and required sets folded in (automaton_fold.go), crossed
// with what the run limits and the blocklist need to remember of a
// password's prefix: its last character, its current runs, and the
// blocklist automaton's state. Only states reachable from the start are
// built, and a state's count is the number of strings that lead from it
// to acceptance, in exact multi-word arithmetic (limbs.go). Each password
// is one path, so the start's count is the number of passwords.

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

// Kinds of move on a block when identical runs are limited, since the
// character repeating the last one moves elsewhere than the others.
const (
	moveAll    = iota // any character of the block
	moveSame          // the character just written
	moveOthers        // any character of the block but the one just written
)

type productEdge struct {
	to     int32
	block  int16
	kind   uint8
	weight uint8 // characters the move stands for: at most 95
}

// product is the counted automaton.
type product struct {
	width  int      // words per count
	counts []uint64 // counts[s*width:(s+1)*width]
	accept []bool
	blocks []patternBlock
	moves  [][]productEdge // each state's moves, cut from slabs
	slab   []productEdge   // the free part of the current slab

	// Tables for drawing, built once many draws are asked for
	// (pattern_draw.go).
	draws      atomic.Int64
	tablesOnce sync.Once
	tabs       atomic.Pointer[drawTables]
	start      int32
}

var errProductTooLarge = errors.New("the product automaton is too large")

// maxProductWords bounds the memory the counts take: 64 MiB.
const maxProductWords = 1 << 23

// count returns the count of state s.
func (p *product) count(s int32) []uint64 { return p.counts[int(s)*p.width : int(s+1)*p.width] }

// moves returns the moves of state s.
func (p *product) movesOf(s int32) []productEdge { return p.moves[s] }

// keep stores a state's moves, in slabs so that nothing is copied as
// the product grows.
func (p *product) keep(es []productEdge) []productEdge {
	if len(es) > cap(p.slab) {
		p.slab = make([]productEdge, 0, max(1<<14, len(es)))
	}
	out := append(p.slab, es...)
	p.slab = p.slab[len(es):len(es):cap(p.slab)]
	return out[:len(es):len(es)]
}

// total is the number of passwords.
func (p *product) total() []uint64 { return p.count(p.start) }

// productKey packs one state of the product: the automaton's state, the
// blocklist's, the last character's block + 1, and the runs.
type productKey uint64

// keyLayout is how a productKey's fields are packed, in mixed radix.
type keyLayout struct {
	acs, lasts, reps, seqs uint64 // the number of values of each field
}

func bitsFor(n int) uint { return uint(bits.Len(uint(n))) }

// withoutIdleRuns returns spec without the run limits that no password
// can reach: a run longer than the longest password limits nothing.
func withoutIdleRuns(spec *productSpec) *productSpec {
	longest := spec.longestPassword()
	if spec.maxRep < longest && spec.maxSeq < longest {
		return spec
	}
	s := *spec
	if s.maxRep >= longest {
		s.maxRep = 0
	}
	if s.maxSeq >= longest {
		s.maxSeq = 0
	}
	return &s
}

// longestPassword is the longest string the spec allows.
func (spec *productSpec) longestPassword() int {
	if spec.maxLen > 0 {
		return min(spec.longest, spec.maxLen)
	}
	return spec.longest
}

// countWidth is the words a count of spec's strings needs.
func (spec *productSpec) countWidth() int {
	longest := spec.longestPassword()
	return int((float64(longest)*math.Log2(float64(max(spec.universe, 2)))+math.Log2(float64(longest+1))+1)/64) + 1
}

// buildProduct builds and counts the product of spec.
func buildProduct(spec *productSpec) (*product, error) {
	spec = withoutIdleRuns(spec)
	if spec.ac == nil && spec.maxRep == 0 && spec.maxSeq == 0 {
		spec = mergeMoves(spec)
	}
	d := foldConstraints(spec, true)
	if d == nil {
		return nil, errProductTooLarge
	}
	width := spec.countWidth()
	p := &product{width: width, blocks: spec.blocks}
	if len(d.accept) == 0 {
		p.counts = make([]uint64, width)
		p.accept = []bool{false}
		p.moves = [][]productEdge{nil}
		return p, nil
	}
	if spec.ac == nil && spec.maxRep == 0 && spec.maxSeq == 0 && (spec.minLen > 0 || spec.maxLen > 0) {
		p.countLayered(d)
		return p, nil
	}
	b := &productBuilder{spec: spec, dfa: d, p: p, index: newKeyTable()}
	// At least as many states as the automaton has, usually about as many.
	p.counts = make([]uint64, 0, 4*len(d.accept)*width)
	p.accept = make([]bool, 0, 4*len(d.accept))
	p.moves = make([][]productEdge, 0, 4*len(d.accept))
	b.maxRep, b.maxSeq = spec.maxRep, spec.maxSeq
	acStates := 1
	if spec.ac != nil {
		acStates = len(spec.ac.match)
	}
	l := keyLayout{acs: uint64(acStates), lasts: 1, reps: uint64(b.maxRep + 1), seqs: uint64(2*b.maxSeq + 1)}
	if b.maxRep > 0 || b.maxSeq > 0 {
		l.lasts = uint64(len(spec.blocks) + 1)
	}
	b.layout = l
	keys := float64(len(d.accept)) * float64(l.acs) * float64(l.lasts) * float64(l.reps) * float64(l.seqs)
	if keys >= 1<<63 {
		return nil, errProductTooLarge
	}
	// A dense table numbers the states when the key space is small
	// enough, which is faster than the map by a wide margin.
	if keys <= maxDenseKeys {
		b.dense = make([]int32, int(keys))
	}
	start, err := b.visit(0, 0, 0, 0, 0, 0)
	if err != nil {
		return nil, err
	}
	p.start = start
	return p, nil
}

// mergeMoves returns spec with each state's moves that lead to one state
// on characters of one class and of the same required sets made one move,
// on a block of their characters added for it. Without a blocklist or
// run limits nothing else tells those characters apart, and the fold and
// the count then have fewer moves to take: the blocks were split finer
// for the pattern's other states.
func mergeMoves(spec *productSpec) *productSpec {
	out := *spec
	out.blocks = slices.Clip(spec.blocks)
	d := &dfa{accept: spec.dfa.accept, trans: make([][]dfaEdge, len(spec.dfa.trans))}
	index := map[string]int32{}
	type group struct {
		to    int32
		class Class
		req   uint32
	}
	for s, es := range spec.dfa.trans {
		var merged []dfaEdge
		done := make([]bool, len(es))
		for i, e := range es {
			if done[i] {
				continue
			}
			g := group{e.to, spec.blocks[e.block].class, spec.blocks[e.block].req}
			chars := spec.blocks[e.block].chars
			n := 1
			for j := i + 1; j < len(es); j++ {
				f := es[j]
				if !done[j] && (group{f.to, spec.blocks[f.block].class, spec.blocks[f.block].req}) == g {
					if n == 1 {
						chars = slices.Clone(chars)
					}
					chars = append(chars, spec.blocks[f.block].chars...)
					done[j] = true
					n++
				}
			}
			if n == 1 {
				merged = append(merged, e)
				continue
			}
			slices.Sort(chars)
			b, ok := index[string(chars)]
			if !ok {
				b = int32(len(out.blocks))
				index[string(chars)] = b
				out.blocks = append(out.blocks, patternBlock{chars: chars, class: g.class, req: g.req})
			}
			merged = append(merged, dfaEdge{block: b, to: e.to})
		}
		d.trans[s] = merged
	}
	out.dfa = d
	return &out
}

// countLayered counts an automaton with the length folded in and nothing
// else to cross it with: it is the product itself. Its states are
// numbered breadth first and every move adds a character, so each move
// leads to a higher number and one pass from the last state back counts
// them all, with no search.
func (p *product) countLayered(d *dfa) {
	n := len(d.accept)
	p.counts = make([]uint64, n*p.width)
	p.accept = make([]bool, n)
	p.moves = make([][]productEdge, n)
	var edges []productEdge
	for s := n - 1; s >= 0; s-- {
		edges = edges[:0]
		z := p.count(int32(s))
		for _, e := range d.trans[s] {
			if int(e.to) <= s {
				panic("generator: a move of a layered automaton does not lead forward")
			}
			if lIsZero(p.count(e.to)) {
				continue
			}
			w := len(p.blocks[e.block].chars)
			edges = append(edges, productEdge{to: e.to, block: int16(e.block), kind: moveAll, weight: uint8(w)})
			lAddMul(z, p.count(e.to), uint64(w))
		}
		if s > 0 && d.accept[s] {
			p.accept[s] = true
			lAdd(z, one)
		}
		p.moves[s] = p.keep(edges)
	}
	p.start = 0
}

type productBuilder struct {
	spec           *productSpec
	dfa            *dfa
	p              *product
	index          *keyTable
	dense          []int32 // state number + 1 by key, when not nil
	layout         keyLayout
	maxRep, maxSeq int
	scratch        [][]productEdge // one buffer per depth of the search
}

func (b *productBuilder) key(d, ac, last, rep, seq int32) productKey {
	l := &b.layout
	return productKey((((uint64(d)*l.acs+uint64(ac))*l.lasts+uint64(last))*l.reps+uint64(rep))*l.seqs + uint64(seq+int32(b.maxSeq)))
}

// maxDenseKeys bounds the dense table: 8 MiB. Tests lower it to check
// the other way.
var maxDenseKeys float64 = 1 << 21

// visit returns the state (d, ac, last, rep, seq), building and counting
// it and its successors if they are new. seq is the sequential run's
// length, negative counting down.
func (b *productBuilder) visit(d, ac, last, rep, seq int32, depth int) (int32, error) {
	k := b.key(d, ac, last, rep, seq)
	if b.dense != nil {
		if s := b.dense[k]; s > 0 {
			return s - 1, nil
		}
	} else if s, ok := b.index.get(uint64(k)); ok {
		return s, nil
	}
	p, spec := b.p, b.spec
	s := int32(len(p.accept))
	if int(s) >= MaxPatternStates || (int(s)+1)*p.width > maxProductWords {
		return 0, errProductTooLarge
	}
	if b.dense != nil {
		b.dense[k] = s + 1
	} else {
		b.index.put(uint64(k), s)
	}
	if len(p.accept) == cap(p.accept) {
		// Double, rather than the quarter more append gives large
		// slices: the product grows to many times its first guess.
		n := 2 * cap(p.accept)
		p.accept = append(make([]bool, 0, n), p.accept...)
		p.moves = append(make([][]productEdge, 0, n), p.moves...)
		p.counts = append(make([]uint64, 0, n*p.width), p.counts...)
	}
	p.accept = append(p.accept, false)
	p.moves = append(p.moves, nil)
	p.counts = p.counts[:len(p.counts)+p.width]
	if depth >= len(b.scratch) {
		b.scratch = append(b.scratch, nil)
	}
	edges := b.scratch[depth][:0]
	for _, e := range b.dfa.trans[d] {
		blk := &spec.blocks[e.block]
		n := uint64(len(blk.chars))
		nac := int32(0)
		if spec.ac != nil {
			nac = spec.ac.next(ac, blk.sym)
			if spec.ac.match[nac] {
				continue
			}
		}
		nlast := int32(0)
		if b.maxRep > 0 || b.maxSeq > 0 && blk.step != 0 {
			nlast = e.block + 1
		}
		nrep := int32(0)
		if b.maxRep > 0 {
			nrep = 1
		}
		type move struct {
			kind     uint8
			weight   uint64
			rep, seq int32
		}
		var moves [2]move
		m := 0
		if b.maxRep > 0 && last == e.block+1 {
			if int(rep) < b.maxRep {
				seq1 := int32(0)
				if b.maxSeq > 0 {
					seq1 = 1 // a repeat is no step
				}
				moves[m] = move{kind: moveSame, weight: 1, rep: rep + 1, seq: seq1}
				m++
			}
			if n > 1 {
				moves[m] = move{kind: moveOthers, weight: n - 1, rep: nrep}
				m++
			}
		} else {
			moves[m] = move{kind: moveAll, weight: n, rep: nrep}
			m++
		}
		for _, mv := range moves[:m] {
			if b.maxSeq > 0 && mv.kind != moveSame {
				var ok bool
				if mv.seq, ok = b.sequential(last, seq, blk); !ok {
					continue
				}
			}
			to, err := b.visit(e.to, nac, nlast, mv.rep, mv.seq, depth+1)
			if err != nil {
				return 0, err
			}
			if lIsZero(p.count(to)) {
				continue
			}
			edges = append(edges, productEdge{to: to, block: int16(e.block), kind: mv.kind, weight: uint8(mv.weight)})
		}
	}
	acc := s != 0 && b.dfa.accept[d]
	z := p.count(s)
	if acc {
		z[0] = 1
	}
	for _, e := range edges {
		lAddMul(z, p.count(e.to), uint64(e.weight))
	}
	p.accept[s] = acc
	p.moves[s] = p.keep(edges)
	b.scratch[depth] = edges
	return s, nil
}

// sequential returns the sequential run after writing a character of blk
// (a different one from the last), or false when it grows past the
// limit. Runs follow package rules: a turn starts a new run of 2 that
// shares the turning character.
func (b *productBuilder) sequential(last, seq int32, blk *patternBlock) (int32, bool) {
	d := 0
	if last > 0 && blk.step != 0 {
		if prev := b.spec.blocks[last-1].step; prev != 0 {
			d = rules.StepDirection(prev, blk.step)
		}
	}
	var run int32
	switch {
	case d == 0:
		return 1, true
	case d > 0 && seq > 1:
		run = seq + 1
	case d < 0 && seq < -1:
		run = seq - 1
	case d > 0:
		run = 2
	default:
		run = -2
	}
	if int(max(run, -run)) > b.maxSeq {
		return 0, false
	}
	return run, true
}
