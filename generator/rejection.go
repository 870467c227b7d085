package generator

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
