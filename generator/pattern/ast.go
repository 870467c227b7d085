// Package pattern parses the pattern language of sesame's pattern
// passwords (README, "Patterns") into a syntax tree. It knows the syntax
// only: what the class letters spell, and everything about counting and
// drawing, is package generator's.
package pattern

// Node is one element of a parsed pattern: *Set, *Class, Concat, Alt or
// *Repeat.
type Node interface{ node() }

// Set is a set of characters: a literal character, an escaped one, or a
// bracketed set such as [a-z_]. Every character is printable ASCII.
type Set struct {
	Chars CharSet
	Pos   int // the character of the pattern it starts at, from 1
}

// Class is one of the class letters c v C V l u d s x, whose characters
// the generator decides (s is the symbol set, which a policy may change).
type Class struct {
	Letter byte
	Pos    int
}

// Concat spells its elements one after another; an empty Concat spells
// the empty string.
type Concat []Node

// Alt spells any one of its choices: (p|q|…).
type Alt []Node

// Repeat spells Sub between Min and Max times: {n} or {m,n}.
type Repeat struct {
	Sub      Node
	Min, Max int
	Pos      int // of the {
}

func (*Set) node()    {}
func (*Class) node()  {}
func (Concat) node()  {}
func (Alt) node()     {}
func (*Repeat) node() {}

// ClassLetters are the letters that stand for a class of characters.
const ClassLetters = "cvCVludsx"

// CharSet is a set of ASCII characters, one bit per code point.
type CharSet [2]uint64

// Add puts c in the set.
func (s *CharSet) Add(c byte) { s[c>>6] |= 1 << (c & 63) }

// Has reports whether c is in the set.
func (s CharSet) Has(c byte) bool { return c < 128 && s[c>>6]&(1<<(c&63)) != 0 }

// Empty reports whether the set has no character.
func (s CharSet) Empty() bool { return s[0]|s[1] == 0 }

// Chars returns the set's characters in code-point order.
func (s CharSet) Chars() []byte {
	var out []byte
	for c := 0; c < 128; c++ {
		if s.Has(byte(c)) {
			out = append(out, byte(c))
		}
	}
	return out
}

// SetOf returns the set of the characters of s (ASCII only).
func SetOf(s string) CharSet {
	var cs CharSet
	for i := 0; i < len(s); i++ {
		if s[i] < 128 {
			cs.Add(s[i])
		}
	}
	return cs
}
