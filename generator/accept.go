package generator

// Checks of a drawn string against the constraints beyond the class
// counts. Rejection samplers draw from a uniform superset and keep what
// passes, so these must reject exactly the invalid strings, and they are
// kept to one cheap pass over the string so that many draws can be checked
// in bulk.

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

// setSequential records the sequence limit and the keys it needs.
func (l *layout) setSequential(maxSeq int) {
	l.maxSeq = maxSeq
	l.seqKey = make([]int32, len(l.alphabet))
	for i, r := range l.alphabet {
		l.seqKey[i] = seqKeyOf(r, i)
	}
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

// accepts reports whether out satisfies every constraint of the layout.
func (l *layout) accepts(out []int32) bool {
	return (len(l.lo) == 0 || l.countsOK(out)) && l.extraOK(out)
}

// metAll reports whether out meets every required set.
func (l *layout) metAll(out []int32) bool {
	var met uint32
	for _, x := range out {
		met |= l.reqOf[x]
	}
	return met == l.reqAll
}

// batchRejection is rejection sampling for policies most uniform strings
// meet: each try draws the whole string from batched digits (several
// characters per random word) and checks it in one pass. Every try is a
// uniform string over the alphabet, and a try is kept exactly when it
// satisfies every constraint, so the output is uniform on the valid set.
// Drawing a whole string before checking it wastes a little randomness on
// a failed try, but costs far less than drawing character by character.
type batchRejection struct {
	lay   *layout
	batch digitBatch // unused with a one-character alphabet
}

func newBatchRejection(lay *layout) batchRejection {
	s := batchRejection{lay: lay}
	if len(lay.alphabet) >= 2 {
		s.batch = newDigitBatch(len(lay.alphabet))
	}
	return s
}

func (s batchRejection) sample(r *Rand, out []int32) {
	if len(s.lay.alphabet) < 2 {
		clear(out) // the only string there is; the policy was counted valid
		return
	}
	for {
		s.batch.fill(r, out)
		if r.err != nil || s.lay.accepts(out) {
			return
		}
	}
}
