package generator

import (
	"slices"
	"strings"
)

// spellableBlocklist returns the words of a blocklist that a password of
// the characters chars could contain, compared in lower case, without
// those that contain another of them: a password holding "xfoox" holds
// "foo", so leaving out every password with "foo" leaves out those with
// "xfoox" already. The passwords left out are the same; the automaton that
// recognises the words, crossed with the style's, is smaller.
func spellableBlocklist(words []string, chars string) []string {
	allowed := strings.ToLower(chars)
	var kept []string
	for _, w := range words {
		w = strings.ToLower(w)
		if w != "" && strings.Trim(w, allowed) == "" {
			kept = append(kept, w)
		}
	}
	// Shorter words first, so each word is checked against those that
	// could be inside it.
	slices.SortFunc(kept, func(a, b string) int { return len(a) - len(b) })
	var out []string
	for _, w := range kept {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.Contains(w, o) }) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}
