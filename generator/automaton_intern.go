package generator

import "slices"

// seqIndex numbers distinct sequences of int32, as the automata's
// constructions number subsets of positions and lists of moves: a hash
// picks the candidates and an equality check settles them, so a lookup
// allocates nothing and only a new sequence is copied.
type seqIndex struct {
	first map[uint64]int32 // hash → the newest sequence with that hash
	next  []int32          // the previous sequence with the same hash, or -1
	seqs  [][]int32
}

func newSeqIndex() *seqIndex { return &seqIndex{first: map[uint64]int32{}} }

func hashSeq(seq []int32) uint64 {
	h := uint64(0x9e3779b97f4a7c15) ^ uint64(len(seq))
	for _, v := range seq {
		h ^= uint64(uint32(v))
		h *= 0xff51afd7ed558ccd
		h ^= h >> 32
	}
	return h
}

// lookup returns the number of seq, adding a copy of it if it is new, and
// whether it was new.
func (x *seqIndex) lookup(seq []int32) (int32, bool) {
	h := hashSeq(seq)
	i, ok := x.first[h]
	if !ok {
		i = -1
	}
	for j := i; j >= 0; j = x.next[j] {
		if slices.Equal(x.seqs[j], seq) {
			return j, false
		}
	}
	n := int32(len(x.seqs))
	x.seqs = append(x.seqs, slices.Clone(seq))
	x.next = append(x.next, i)
	x.first[h] = n
	return n, true
}
