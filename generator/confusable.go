package generator

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

//go:generate go run ./internal/genconfusables confusable_table.go

// Look-alikes across scripts. An alphabet of the Latin a and the Cyrillic
// а makes passwords that read as twenty a's, and a separator of U+2010
// (hyphen) reads as the ASCII - someone would type instead. The strength
// stays exact (the characters are distinct), but the secret cannot be read
// back or typed reliably, so sesame warns, naming the characters. Which
// characters look alike is Unicode's call: the confusables of Unicode
// Technical Standard #39, compared by their skeletons. Look-alikes within
// ASCII (0 and O, l and 1) are left to --no-ambiguous, which exists for
// them; a warning here needs a character outside ASCII.

// skeleton is a character's TS #39 skeleton: what it looks like, as text.
// TS #39 defines it as NFD, then each character replaced by its entry in
// the confusables table, then NFD again. The table (confusable_table.go,
// generated) is a sorted array rather than a map so that it costs nothing
// at start: a program that never meets a character outside ASCII never
// reads it.
func skeleton(r rune) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(string(r)) {
		i, ok := slices.BinarySearchFunc(confusableTable[:], c, func(e confusable, c rune) int { return int(e.r - c) })
		if ok {
			b.WriteString(confusableTable[i].skeleton)
		} else {
			b.WriteRune(c)
		}
	}
	return norm.NFD.String(b.String())
}

// confusable is one entry of confusableTable.
type confusable struct {
	r        rune
	skeleton string
}

// lookAlikes lists the characters of chars that look alike, each group as
// ""a" and "а" (U+0430)"; a character that looks like several others
// together (ﬁ and fi) counts too. Nil when chars are all ASCII.
func lookAlikes(chars []rune) []string {
	ascii := true
	for _, r := range chars {
		ascii = ascii && r < utf8.RuneSelf
	}
	if ascii {
		return nil
	}
	skel := make([]string, len(chars))
	groups := map[string][]rune{}
	var order []string
	for i, r := range chars {
		skel[i] = skeleton(r)
		if _, ok := groups[skel[i]]; !ok {
			order = append(order, skel[i])
		}
		groups[skel[i]] = append(groups[skel[i]], r)
	}
	var out []string
	for _, s := range order {
		g := groups[s]
		if len(g) < 2 || allASCII(g) {
			continue
		}
		parts := make([]string, len(g))
		for i, r := range g {
			parts[i] = lookAlikeRune(r)
		}
		out = append(out, joinAnd(parts))
	}
	// A character whose skeleton is several characters' (ﬁ: fi).
	for i, r := range chars {
		if r < utf8.RuneSelf || utf8.RuneCountInString(skel[i]) < 2 {
			continue
		}
		if spelt, ok := spell(skel[i], chars, skel, i); ok {
			out = append(out, lookAlikeRune(r)+" and "+fmt.Sprintf("%q", spelt))
		}
	}
	return out
}

// spell writes target as skeletons of the characters other than chars[skip],
// returning those characters' text, if it can.
func spell(target string, chars []rune, skel []string, skip int) (string, bool) {
	// from[i] is how target[:i] was reached: the character that ended it.
	type step struct {
		prev int
		r    rune
	}
	from := make([]*step, len(target)+1)
	from[0] = &step{prev: -1}
	for i := 0; i < len(target); i++ {
		if from[i] == nil {
			continue
		}
		for j, s := range skel {
			if j == skip || s == "" || !strings.HasPrefix(target[i:], s) || from[i+len(s)] != nil {
				continue
			}
			if i == 0 && len(s) == len(target) {
				continue // one character alone: a group above
			}
			from[i+len(s)] = &step{prev: i, r: chars[j]}
		}
	}
	if from[len(target)] == nil {
		return "", false
	}
	var rs []rune
	for i := len(target); i > 0; i = from[i].prev {
		rs = append([]rune{from[i].r}, rs...)
	}
	return string(rs), true
}

func allASCII(rs []rune) bool {
	for _, r := range rs {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lookAlikeRune shows a character as it looks and, outside ASCII, its code
// point, which is what tells it from its look-alike: "а" (U+0430).
func lookAlikeRune(r rune) string {
	if r < utf8.RuneSelf {
		return fmt.Sprintf("%q", string(r))
	}
	return fmt.Sprintf("%q (U+%04X)", string(r), r)
}

// joinAnd writes "a and b", "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// lookAlikeWarning warns about the look-alikes among the characters a
// password draws from, naming the setting that brought them.
func lookAlikeWarning(field SettingName, chars []rune) []Warning {
	pairs := lookAlikes(chars)
	if len(pairs) == 0 {
		return nil
	}
	return []Warning{warningf(field, "the %v holds characters that look alike (Unicode TS #39): %s; passwords of them can be misread or mistyped, so leave one of each out with %v",
		field, strings.Join(limitList(pairs), "; "), SettingName("exclude"))}
}

// separatorLookAlikes warns about characters of a separator that look like
// ASCII text someone would type instead (U+2010 for -), or like each other.
func separatorLookAlikes(sep string) []Warning {
	var (
		pairs []string
		rs    []rune // the separator's characters, once each
	)
	for _, r := range sep {
		if strings.ContainsRune(string(rs), r) {
			continue
		}
		rs = append(rs, r)
		if r < utf8.RuneSelf {
			continue
		}
		if s := skeleton(r); s != string(r) && isPrintableASCII(s) {
			pairs = append(pairs, lookAlikeRune(r)+" and "+fmt.Sprintf("%q", s))
		}
	}
	if len(pairs) == 0 {
		pairs = lookAlikes(rs)
	}
	if len(pairs) == 0 {
		return nil
	}
	return []Warning{warningf("separator", "the %v holds characters that look like others (Unicode TS #39): %s; a passphrase with it can be misread or mistyped, so use plain ASCII",
		SettingName("separator"), strings.Join(limitList(pairs), "; "))}
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return s != ""
}

// limitList keeps a warning one readable line: four items and a count.
func limitList(items []string) []string {
	if len(items) <= 4 {
		return items
	}
	return append(items[:4:4], fmt.Sprintf("and %d more", len(items)-4))
}
