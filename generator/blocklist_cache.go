package generator

import (
	"hash/maphash"
	"slices"
	"sync"

	"github.com/sesame-sh/sesame/generator/pattern"
)

// A form compiles a style again on every keystroke with the same
// blocklist: the words a style can spell and the blocklist's automaton
// are kept for the last few inputs, which compiling them again would cost
// about a tenth of the figure. Both are read only once made.

var wordsSeed = maphash.MakeSeed()

// hashWords hashes a list of words, in order.
func hashWords(h *maphash.Hash, words []string) {
	h.SetSeed(wordsSeed)
	for _, w := range words {
		h.WriteString(w)
		h.WriteByte(0)
	}
}

// recent keeps the last few values made for keys, each with the words
// it was made from: a key holds only their hash, and a hit must be the
// same words, not a collision.
type recent[K comparable, V any] struct {
	sync.Mutex
	keys  []K
	words [][]string
	vals  []V
}

const recentSize = 4

func (r *recent[K, V]) get(k K, words []string, make func() V) V {
	r.Lock()
	for i, key := range r.keys {
		if key == k && slices.Equal(r.words[i], words) {
			v := r.vals[i]
			r.Unlock()
			return v
		}
	}
	r.Unlock()
	v := make()
	r.Lock()
	defer r.Unlock()
	if len(r.keys) == recentSize {
		r.keys, r.words, r.vals = r.keys[1:], r.words[1:], r.vals[1:]
	}
	r.keys, r.words, r.vals = append(r.keys, k), append(r.words, slices.Clone(words)), append(r.vals, v)
	return v
}

type spellableKey struct {
	words uint64
	n     int
	chars string
}

var spellables recent[spellableKey, []string]

// spellableBlocklistKept is spellableBlocklist, kept for its last inputs.
func spellableBlocklistKept(words []string, chars string) []string {
	var h maphash.Hash
	hashWords(&h, words)
	kept := spellables.get(spellableKey{h.Sum64(), len(words), chars}, words, func() []string { return spellableBlocklist(words, chars) })
	return slices.Clone(kept)
}

type automatonKey struct {
	words    uint64
	n        int
	universe pattern.CharSet
	longest  int
}

var automata recent[automatonKey, *blocklistAC]

// newBlocklistACKept is newBlocklistAC, kept for its last inputs.
func newBlocklistACKept(words []string, universe pattern.CharSet, longest int) *blocklistAC {
	var h maphash.Hash
	hashWords(&h, words)
	return automata.get(automatonKey{h.Sum64(), len(words), universe, longest}, words, func() *blocklistAC { return newBlocklistAC(words, universe, longest) })
}
