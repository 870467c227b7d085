package rules

import "slices"

// maxCoverRequirements bounds the search in fewestToMeet: it visits up to
// 2^n sets of requirements, about 6 million steps at 16. Real rules have a
// handful of requirements.
const maxCoverRequirements = 16

// fewestToMeet returns the smallest number of characters that together meet
// every requirement. Requirements overlap (an upper-case letter meets both
// "upper" and "upper, digit"), so this is a small set-cover problem, solved
// exactly by breadth-first search over which requirements are met. ok is
// false when there are too many requirements to search; the count of
// passwords, which the generator computes, still settles whether any exist.
func fewestToMeet(reqs []charset) (n int, ok bool) {
	reqs = minimalSets(reqs)
	if len(reqs) > maxCoverRequirements {
		return 0, false
	}
	full := 1<<len(reqs) - 1
	// Characters that meet the same requirements are interchangeable, so
	// the search steps by distinct masks, not by characters. Every
	// requirement has a character, so the steps cover full.
	var steps []uint32
	for c := byte(firstPrintable); c <= lastPrintable; c++ {
		var m uint32
		for i, s := range reqs {
			if s.has(c) {
				m |= 1 << i
			}
		}
		if m != 0 && !slices.Contains(steps, m) {
			steps = append(steps, m)
		}
	}
	return FewestToCover(steps, uint32(full)), true
}

// FewestToCover returns the fewest of the masks steps whose union is full,
// by breadth-first search over the unions reached (at most full+1 of
// them), or -1 when the steps cannot cover full. Package generator uses it
// for its required sets too.
func FewestToCover(steps []uint32, full uint32) int {
	dist := make([]int, full+1)
	for i := range dist {
		dist[i] = -1
	}
	dist[0] = 0
	queue := []uint32{0}
	for len(queue) > 0 {
		met := queue[0]
		queue = queue[1:]
		if met == full {
			return dist[met]
		}
		for _, m := range steps {
			if next := met | m; dist[next] < 0 {
				dist[next] = dist[met] + 1
				queue = append(queue, next)
			}
		}
	}
	return -1
}

// minimalSets drops duplicates and every set that contains another: a
// character meeting the smaller requirement meets the larger one too.
func minimalSets(sets []charset) []charset {
	var out []charset
	for i, s := range sets {
		keep := true
		for j, t := range sets {
			if s.contains(t) && (s != t || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}
