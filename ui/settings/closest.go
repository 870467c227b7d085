package settings

import "strings"

// Closest returns the candidate nearest to s, if it is near enough to be a
// likely typo: one that s starts ("base64" for base64url), or one a letter
// or two away by edit distance. It serves every "did you mean" of the
// command line: flags, commands and values.
func Closest(s string, candidates []string) string {
	if len(s) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(c, s) && c != s {
				return c
			}
		}
	}
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD || d == bestD && best == "" && d <= len(s)/3 {
			best, bestD = c, d
		}
	}
	if bestD > 2 || bestD > len(s)/2 {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
