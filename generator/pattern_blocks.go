package generator

import (
	"slices"

	"github.com/sesame-sh/sesame/generator/pattern"
)

// The characters a pattern can spell, split into blocks that every
// constraint treats alike: the pattern's sets, the character classes, the
// required sets and the blocklist's letters each hold a block wholly or
// not at all, and under a limit on sequential runs each letter and digit
// is a block of its own. The automata then move on blocks rather than
// characters, and a move on a block of n characters stands for n strings.

type patternBlock struct {
	chars []byte
	class Class
	req   uint32 // the required sets that hold the block's characters, one bit each
	sym   int32  // the blocklist automaton's symbol for the block's characters
	// step is the character when it alone makes the block and sequential
	// runs are limited, else 0: the only blocks that can count up or down.
	step byte
}

// splitBlocks refines universe by every set in sets, in order of first
// character.
func splitBlocks(universe pattern.CharSet, sets []pattern.CharSet) []pattern.CharSet {
	blocks := []pattern.CharSet{universe}
	if universe.Empty() {
		return nil
	}
	for _, s := range sets {
		next := blocks[:0:0]
		for _, b := range blocks {
			in := pattern.CharSet{b[0] & s[0], b[1] & s[1]}
			out := pattern.CharSet{b[0] &^ s[0], b[1] &^ s[1]}
			if !in.Empty() {
				next = append(next, in)
			}
			if !out.Empty() {
				next = append(next, out)
			}
		}
		blocks = next
	}
	slices.SortFunc(blocks, func(a, b pattern.CharSet) int { return int(a.Chars()[0]) - int(b.Chars()[0]) })
	return blocks
}

// classSet is the printable ASCII characters of class c.
func classSet(c Class) pattern.CharSet {
	var s pattern.CharSet
	for ch := byte(0x20); ch < 0x7f; ch++ {
		if ClassOf(rune(ch)) == c {
			s.Add(ch)
		}
	}
	return s
}

// isStepChar reports whether c lies in a–z, A–Z or 0–9, the ranges in
// which characters count up or down (package rules, "Sequential runs").
func isStepChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
