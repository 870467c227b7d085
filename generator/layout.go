package generator

import (
	"slices"

	"github.com/sesame-sh/sesame/generator/rules"
)

// The layout: the compiled alphabet of a password policy, ordered for the
// samplers (constrained classes first, each in one block, then the pool),
// with what every sampler and check needs to know of the constraints. It
// is built once per policy (buildLayout, then setRequire, setSequential
// and setFollow) and read-only afterwards.
//
// The checks (countsOK, extraOK, accepts, metAll) keep exactly the valid
// strings, in one cheap pass, so that rejection samplers and filters
// (filter.go) can check many draws.

// layout is the compiled alphabet: the constrained classes first, each in
// one contiguous block, then the pool of unconstrained characters.
type layout struct {
	L        int
	alphabet []rune
	slotOf   []int8  // alphabet index → constrained slot, or -1 for the pool
	offsets  []int32 // label → first alphabet index: the slots, then the pool
	sizes    []int   // label → number of characters
	lo, hi   []int   // count range of each constrained slot
	sumMin   int
	maxRun   int // 0: no limit
	maxSeq   int // 0: no limit
	// seqKey, when maxSeq is set, places each character so that two
	// neighbours step by ±1 exactly when they continue a sequence (see
	// seqKeyOf).
	seqKey []int32
	// reqOf marks the required sets each character meets (bit j for set
	// j); nil when there are none. reqAll has a bit for every set.
	reqOf  []uint32
	reqAll uint32
	// shuffle arranges L labels (composition samplers), slotIDs lists
	// the slots (0, 1, …) and poolBatch draws pool characters.
	shuffle   shuffler
	slotIDs   []int
	poolBatch digitBatch
	// follow[a·n+b] says how character b follows a (setFollow), when a
	// run or sequence limit is set and the alphabet is small enough.
	follow []uint8
}

func (l *layout) slots() int     { return len(l.lo) }
func (l *layout) poolLabel() int { return len(l.lo) }

// buildLayout orders the alphabet (constrained classes first, then the
// pool) and derives the counting problem.
func buildLayout(classes []pwClass, p PasswordPolicy) (*layout, countSpec) {
	L := p.Length
	lay := &layout{L: L, shuffle: newShuffler(L)}
	if p.MaxRepeating > 0 && p.MaxRepeating < L {
		lay.maxRun = p.MaxRepeating
	}
	spec := countSpec{L: L}
	var pool []rune
	for _, c := range classes {
		if c.min == 0 && c.max >= L {
			pool = append(pool, c.chars...)
			continue
		}
		slot := int8(len(lay.lo))
		lay.offsets = append(lay.offsets, int32(len(lay.alphabet)))
		lay.sizes = append(lay.sizes, len(c.chars))
		lay.lo = append(lay.lo, c.min)
		lay.hi = append(lay.hi, c.max)
		lay.sumMin += c.min
		for _, r := range c.chars {
			lay.alphabet = append(lay.alphabet, r)
			lay.slotOf = append(lay.slotOf, slot)
		}
		spec.cls = append(spec.cls, countClass{n: int64(len(c.chars)), lo: c.min, hi: c.max})
	}
	for k := range lay.lo {
		lay.slotIDs = append(lay.slotIDs, k)
	}
	if len(pool) > 0 {
		if len(pool) >= 2 {
			lay.poolBatch = newDigitBatch(len(pool))
		}
		lay.offsets = append(lay.offsets, int32(len(lay.alphabet)))
		lay.sizes = append(lay.sizes, len(pool))
		for _, r := range pool {
			lay.alphabet = append(lay.alphabet, r)
			lay.slotOf = append(lay.slotOf, -1)
		}
		spec.pool = int64(len(pool))
	}
	return lay, spec
}

// setRequire records the required sets in the layout: which sets each
// character meets.
func (l *layout) setRequire(sets []bitset) {
	if len(sets) == 0 {
		return
	}
	l.reqOf = make([]uint32, len(l.alphabet))
	for j, b := range sets {
		for x := range l.alphabet {
			if b.has(x) {
				l.reqOf[x] |= 1 << j
			}
		}
	}
	l.reqAll = 1<<len(sets) - 1
}

// setSequential records the sequence limit and the keys it needs.
func (l *layout) setSequential(maxSeq int) {
	l.maxSeq = maxSeq
	l.seqKey = make([]int32, len(l.alphabet))
	for i, r := range l.alphabet {
		l.seqKey[i] = seqKeyOf(r, i)
	}
}

// setFollow builds the follow table when a run or sequence limit needs it:
// a check then costs one small table read per character, and the common
// case (no repeat, no step) one predictable branch.
func (l *layout) setFollow() {
	n := len(l.alphabet)
	if l.maxRun == 0 && l.maxSeq == 0 || n > maxFollowTable {
		return
	}
	l.follow = make([]uint8, n*n)
	for a := range n {
		for b := range n {
			var f uint8
			switch {
			case a == b:
				f = followSame
			case l.maxSeq > 0 && l.seqKey[b]-l.seqKey[a] == 1:
				f = followUp
			case l.maxSeq > 0 && l.seqKey[b]-l.seqKey[a] == -1:
				f = followDown
			}
			l.follow[a*n+b] = f
		}
	}
}

// countsOK reports whether every constrained class count is in range.
func (l *layout) countsOK(out []int32) bool {
	// counts[0] collects the pool, so that the loop has no branch to
	// mispredict: the classes are mixed at random.
	var counts [numClasses + 1]int
	for _, x := range out {
		counts[l.slotOf[x]+1]++
	}
	for k := range l.lo {
		if c := counts[k+1]; c < l.lo[k] || c > l.hi[k] {
			return false
		}
	}
	return true
}

// accepts reports whether out satisfies every constraint of the layout.
func (l *layout) accepts(out []int32) bool {
	return (len(l.lo) == 0 || l.countsOK(out)) && l.extraOK(out)
}

// extraOK reports whether out obeys the run limits and meets every
// required set: everything but the class counts.
func (l *layout) extraOK(out []int32) bool {
	if l.maxRun == 0 && l.maxSeq == 0 && l.reqOf == nil {
		return true
	}
	if l.follow != nil || l.maxRun == 0 && l.maxSeq == 0 {
		if len(out) > 0 && l.follow != nil && !l.runsOKFollow(out) {
			return false
		}
		return l.reqOf == nil || l.metAll(out)
	}
	run, asc, desc := 1, 1, 1
	var met uint32
	if l.reqOf != nil && len(out) > 0 {
		met = l.reqOf[out[0]]
	}
	for i := 1; i < len(out); i++ {
		x, prev := out[i], out[i-1]
		if l.reqOf != nil {
			met |= l.reqOf[x]
		}
		if x == prev {
			run++
			if l.maxRun > 0 && run > l.maxRun {
				return false
			}
		} else {
			run = 1
		}
		if l.maxSeq > 0 {
			switch l.seqKey[x] - l.seqKey[prev] {
			case 1:
				asc, desc = asc+1, 1
				if asc > l.maxSeq {
					return false
				}
			case -1:
				asc, desc = 1, desc+1
				if desc > l.maxSeq {
					return false
				}
			default:
				asc, desc = 1, 1
			}
		}
	}
	return met == l.reqAll
}

// runsOKFollow is the run and sequence check of extraOK by the follow
// table. Most characters neither repeat nor step, so the first case is
// the one the branch predictor learns.
func (l *layout) runsOKFollow(out []int32) bool {
	n := int32(len(l.alphabet))
	maxRun, maxSeq := l.maxRun, l.maxSeq
	if maxRun == 0 {
		maxRun = len(out)
	}
	if maxSeq == 0 {
		maxSeq = len(out)
	}
	follow := l.follow
	run, asc, desc := 1, 1, 1
	row := out[0] * n
	for _, x := range out[1:] {
		f := follow[row+x]
		row = x * n
		switch f {
		case 0:
			run, asc, desc = 1, 1, 1
		case followSame:
			run, asc, desc = run+1, 1, 1
			if run > maxRun {
				return false
			}
		case followUp:
			run, asc, desc = 1, asc+1, 1
			if asc > maxSeq {
				return false
			}
		default:
			run, asc, desc = 1, 1, desc+1
			if desc > maxSeq {
				return false
			}
		}
	}
	return true
}

// metAll reports whether out meets every required set.
func (l *layout) metAll(out []int32) bool {
	var met uint32
	for _, x := range out {
		met |= l.reqOf[x]
	}
	return met == l.reqAll
}

// minHitting returns the fewest characters that meet every required set:
// characters meeting the same sets are interchangeable, so the search
// steps by their distinct masks.
func (l *layout) minHitting() int {
	var atoms []uint32
	for _, m := range l.reqOf {
		if m != 0 && !slices.Contains(atoms, m) {
			atoms = append(atoms, m)
		}
	}
	return rules.FewestToCover(atoms, l.reqAll)
}

// inSeqRange reports whether r can be part of a sequence: a–z, A–Z, 0–9.
func inSeqRange(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// seqKeyOf returns the sequence key of the character r at alphabet index
// i: its code point inside a–z, A–Z and 0–9, and otherwise a distinct
// negative multiple of four. Two characters then differ by exactly ±1 when
// they are neighbours inside one of the ranges: the ranges are at least
// seven code points apart (so 'z' and '{', '9' and ':', 'Z' and 'a' are
// not), and the other keys are far below them and four apart.
func seqKeyOf(r rune, i int) int32 {
	if inSeqRange(r) {
		return int32(r)
	}
	return -4*int32(i) - 1024
}

// How one character follows another, for the run checks: the same
// character, one step up or one step down in a sequence range, or (0)
// none of these.
const (
	followSame = 1 << iota
	followUp
	followDown
)

// maxFollowTable bounds the alphabet for which the follow table is built
// (n² bytes).
const maxFollowTable = 256
