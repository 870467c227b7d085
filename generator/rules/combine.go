package rules

import (
	"bytes"
	"fmt"
	"slices"
)

// combine merges the statements into one Rules, as Apple's parser does:
// the largest minlength and the smallest of each maximum win, required
// rules stay separate (each is a requirement of its own), and allowed
// rules and required characters pool into one allowed set.
//
// max-consecutive sets both max-repeating and max-sequential; the package
// documentation says why.
func combine(stmts []statement, warnf func(int, string, ...any)) (*Rules, error) {
	r := &Rules{}
	var allowed, required charset
	hasAllowed := false
	var reqs []charset
	for _, st := range stmts {
		if isNumeric(st.name) && st.number == 0 && st.name != ruleMinLength {
			// 0 would forbid every password; Apple's parser reads it as
			// "not given", and so does sesame.
			warnf(st.offset, "ignoring %q: 0 sets no limit", st.name+": 0")
			continue
		}
		switch st.name {
		case ruleMinLength:
			r.MinLength = max(r.MinLength, st.number)
		case ruleMaxLength:
			r.MaxLength = smallerLimit(r.MaxLength, st.number)
		case ruleMaxConsecutive:
			r.MaxRepeating = smallerLimit(r.MaxRepeating, st.number)
			r.MaxSequential = smallerLimit(r.MaxSequential, st.number)
		case ruleMaxRepeating:
			r.MaxRepeating = smallerLimit(r.MaxRepeating, st.number)
		case ruleMaxSequential:
			r.MaxSequential = smallerLimit(r.MaxSequential, st.number)
		case ruleRequired:
			required = required.union(st.set)
			reqs = append(reqs, st.set)
			r.Unicode = r.Unicode || st.unicode
		case ruleAllowed:
			allowed = allowed.union(st.set)
			hasAllowed = true
			r.Unicode = r.Unicode || st.unicode
		}
	}
	switch {
	case r.Unicode || !hasAllowed && len(reqs) == 0:
		allowed = printableSet
	default:
		allowed = allowed.union(required)
	}
	r.Allowed = allowed.String()
	r.Required = requirements(reqs)
	if err := r.conflicts(reqs); err != nil {
		return nil, err
	}
	return r, nil
}

// smallerLimit combines two limits where 0 means none.
func smallerLimit(a, b int) int {
	if a == 0 {
		return b
	}
	return min(a, b)
}

// requirements returns the distinct requirement sets in a fixed order that
// also reads well: letters before digits before the rest, as sites tend to
// write them.
func requirements(reqs []charset) []string {
	if len(reqs) == 0 {
		return nil
	}
	type keyed struct {
		key []byte
		set charset
	}
	ks := make([]keyed, len(reqs))
	for i, s := range reqs {
		ks[i] = keyed{readingKey(s), s}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	ks = slices.CompactFunc(ks, func(a, b keyed) bool { return a.set == b.set })
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.set.String()
	}
	return out
}

// readingOrder lists the printable characters in the order requirements
// are sorted by.
var readingOrder = []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + specialSet.String())

// readingKey lists the positions in readingOrder of the characters of s.
func readingKey(s charset) []byte {
	key := make([]byte, 0, s.len())
	for i, c := range readingOrder {
		if s.has(c) {
			key = append(key, byte(i))
		}
	}
	return key
}

// conflicts reports rules that no password can meet whatever its
// characters: a length range that is empty, or a maxlength too short to
// hold one character for each requirement that no other can serve.
// Limits on runs can also leave nothing to generate; counting the
// passwords settles that, and is the generator's job.
func (r *Rules) conflicts(reqs []charset) error {
	if r.MaxLength == 0 {
		return nil
	}
	if r.MinLength > r.MaxLength {
		return fmt.Errorf("minlength %d is above maxlength %d: no password has a length in between", r.MinLength, r.MaxLength)
	}
	if len(reqs) <= r.MaxLength {
		return nil // one character per requirement fits
	}
	if need, ok := fewestToMeet(reqs); ok && need > r.MaxLength {
		return fmt.Errorf("maxlength %d is too short for the required characters: meeting every requirement takes %d", r.MaxLength, need)
	}
	return nil
}
