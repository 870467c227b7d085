package rules

import "strings"

// Near returns a bundled site whose name is a likely typo of host's, for
// a "did you mean", or "" when none is near enough.
//
// The rule: a site is near when it is at most one edit away for every
// four characters of host's name without its last label (a letter
// changed, added, dropped, or two neighbours swapped), and at most two
// edits in all; the nearest wins, then the first alphabetically. Counting
// against the name's own length matters because short names are other
// companies' names one letter away: aa.com (American Airlines) is one
// edit from ae.com (American Eagle), and cvs.com from cbs.com, while
// chse.com is a slip for chase.com. Under four characters nothing is
// suggested; chse (4) and amazn (5) allow one edit, paypall (7) one,
// bankofamrica (12) two. A leading "www." is left out of both counts.
func Near(host string) string {
	bundled.load()
	return near(host, bundled.names)
}

func near(host string, names []string) string {
	host = strings.TrimPrefix(host, "www.")
	name := host
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	allowed := min(len(name)/4, 2)
	if allowed == 0 {
		return ""
	}
	best, bestD := "", allowed+1
	for _, c := range names {
		if c == host {
			continue
		}
		if d := editDistance(host, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b
// (Levenshtein's, plus a swap of two neighbours as one edit), or limit
// when it is limit or more.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit)
}
