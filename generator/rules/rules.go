package rules

import "slices"

// Rules is one parsed and normalised rules string: what a password for the
// site must and may contain. Every character is printable ASCII.
type Rules struct {
	// MinLength and MaxLength bound the length in characters; 0 means
	// not given.
	MinLength, MaxLength int

	// Allowed holds every character a password may use, sorted by code
	// point. It includes every required character.
	Allowed string

	// Required holds one entry per requirement: a password needs at least
	// one character from each. An entry is the union of the classes one
	// "required" rule listed, as sorted characters. Identical
	// requirements are merged, because one character meets both; the
	// list is sorted so that equal rules compare equal.
	Required []string

	// MaxRepeating limits runs of one character ("aaa" is a run of 3) and
	// MaxSequential runs of characters counting up or down by one (see the
	// package documentation); 0 means no limit.
	MaxRepeating, MaxSequential int

	// Unicode reports that the rules allow any Unicode character. sesame
	// still draws only from printable ASCII, so Allowed holds those 95
	// characters and callers should tell the user.
	Unicode bool
}

// clone returns a copy that shares nothing with r.
func (r *Rules) clone() *Rules {
	c := *r
	c.Required = slices.Clone(r.Required)
	return &c
}
