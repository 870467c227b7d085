package generator

import (
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/generator/pattern"
)

// The syllable grammar of the pronounceable style (README, "Memorable
// passwords"). A syllable is an onset, a nucleus and an optional coda:
//
//   - onsets: the 19 consonants that begin English words and read one way
//     before a vowel (not q, which needs its u, nor x, which begins few
//     words and reads as z or ks), and 28 clusters that begin English
//     words: bl br cl cr fl fr gl gr kl kr pl pr, dr tr, ch sh th wh,
//     sc sk sl sm sn sp st sw, qu, tw;
//   - nuclei: the five vowels and eight vowel pairs that English spells a
//     sound with: ai au ea ee ie oa oo ou;
//   - codas: none, the 14 consonants that end English words (not c, h, j,
//     q, v, w or y, which end few or read as vowels), and 21 clusters that
//     end them: ld lt nd nt rd rt, lk nk rk sk, lp rp sp, rm rn, ng mp ck
//     ct ft st.
//
// Every syllable so has a vowel sound between consonants that a reader can
// say without guessing, while the sets stay large enough that a syllable
// carries about as many bits a letter as random lower-case letters do
// (the pattern engine counts them exactly). Strings that two syllable
// splits spell alike ("last" as la+st… or las+t…) count once: the engine
// counts distinct strings.

// letterSets is one part of a syllable: alternatives, each a sequence of
// sets of lower-case letters.
type letterSets [][]string

var (
	onsets = letterSets{
		{"bcdfghjklmnprstvwyz"},
		{"bcfgkp", "lr"},
		{"dt", "r"},
		{"cstw", "h"},
		{"s", "cklmnptw"},
		{"q", "u"},
		{"t", "w"},
	}
	nuclei = letterSets{
		{"aeiou"},
		{"a", "iu"},
		{"e", "ae"},
		{"i", "e"},
		{"o", "aou"},
	}
	codas = letterSets{
		{"bdfgklmnprstxz"},
		{"lnr", "dt"},
		{"lnrs", "k"},
		{"lrs", "p"},
		{"r", "mn"},
		{"n", "g"},
		{"m", "p"},
		{"c", "kt"},
		{"fs", "t"},
	}
)

// syllablePattern writes a syllable in the pattern language, its letters
// in either case when caps is set.
func syllablePattern(caps bool) string {
	return onsets.pattern(caps) + nuclei.pattern(caps) + "(" + strings.TrimSuffix(strings.TrimPrefix(codas.pattern(caps), "("), ")") + "|)"
}

// pattern writes the alternatives as a group: ([bcd…]|[bcfgkp][lr]|…).
func (l letterSets) pattern(caps bool) string {
	alts := make([]string, len(l))
	for i, seq := range l {
		var b strings.Builder
		for _, set := range seq {
			b.WriteString(letterSetPattern(set, caps))
		}
		alts[i] = b.String()
	}
	return "(" + strings.Join(alts, "|") + ")"
}

// letterSetPattern writes a set of lower-case letters: a lone letter as
// itself (escaped when it is a class letter, as s is), more in brackets,
// with their capitals when caps is set.
func letterSetPattern(set string, caps bool) string {
	if caps {
		set += strings.ToUpper(set)
	}
	if len(set) == 1 {
		if strings.Contains(pattern.ClassLetters, set) {
			return `\` + set
		}
		return set
	}
	return "[" + set + "]"
}

// expand lists every string the alternatives spell: "bl", "br", ….
func (l letterSets) expand() map[string]bool {
	out := map[string]bool{}
	for _, seq := range l {
		words := []string{""}
		for _, set := range seq {
			var next []string
			for _, w := range words {
				for _, c := range set {
					next = append(next, w+string(c))
				}
			}
			words = next
		}
		for _, w := range words {
			out[w] = true
		}
	}
	return out
}

var syllableParts = sync.OnceValue(func() [3]map[string]bool {
	return [3]map[string]bool{onsets.expand(), nuclei.expand(), codas.expand()}
})

// isSyllable reports whether s, in lower case, is one syllable of the
// grammar.
func isSyllable(s string) bool {
	parts := syllableParts()
	for i := 1; i <= 2 && i < len(s); i++ {
		if !parts[0][s[:i]] {
			continue
		}
		for j := i + 1; j <= i+2 && j <= len(s); j++ {
			if parts[1][s[i:j]] && (j == len(s) || parts[2][s[j:]]) {
				return true
			}
		}
	}
	return false
}

// Syllables splits letters into syllables of the pronounceable style's
// grammar, longest first where several splits exist, so a password can be
// shown (and read out) a syllable at a time; nil when the letters are not
// syllables of the grammar. Case is ignored.
func Syllables(letters string) []string {
	lower := strings.ToLower(letters)
	n := len(lower)
	// next[i] is where the syllable starting at i ends, in a split of
	// lower[i:] into syllables; 0 when there is none.
	next := make([]int, n+1)
	ok := make([]bool, n+1)
	ok[n] = true
	for i := n - 1; i >= 0; i-- {
		for j := min(n, i+6); j >= i+2; j-- {
			if ok[j] && isSyllable(lower[i:j]) {
				ok[i], next[i] = true, j
				break
			}
		}
	}
	if !ok[0] || n == 0 {
		return nil
	}
	var out []string
	for i := 0; i < n; i = next[i] {
		out = append(out, letters[i:next[i]])
	}
	return out
}
