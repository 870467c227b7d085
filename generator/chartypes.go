package generator

import (
	"slices"
	"strconv"
	"strings"
)

// Character types for the run-limit transfer tables.
//
// The run limits only ever link a character to itself (a repeat) and to
// its neighbours one code point up and down inside a–z, A–Z or 0–9 (a
// sequence). Split the alphabet into chains, maximal stretches of
// consecutive letters or digits of one range that are all allowed; every
// other character stands alone. Two characters are interchangeable for
// counting when swapping them (and their chains) maps valid strings to
// valid strings:
//
//   - characters that stand alone and count towards the same class and the
//     same required sets are one type with a multiplicity;
//   - chains of the same length whose positions count towards the same
//     classes and sets are one chain of types with a multiplicity;
//   - position i of a chain of length k mirrors position k−1−i, with
//     ascending and descending exchanged, so when the chain reads the same
//     both ways only its first half needs to be stored (counting only: the
//     sampler needs each character).
//
// Without a sequence limit there are no chains at all.

// charType is one class of interchangeable characters.
type charType struct {
	mult  int64 // characters of the type
	group int32 // index into charTypes.groups
	prev  int32 // type of the character one below in the chain, or -1
	next  int32 // type of the character one above in the chain, or -1
	// swap: next is the mirror image of a stored type, so its ascending
	// states are that type's descending ones and the other way round.
	swap  bool
	chars []int32 // alphabet index of each copy (unmirrored types only)
}

// typeGroup is what a character counts towards: a class label (a
// constrained slot, or the pool) and the required sets it meets.
type typeGroup struct {
	label int
	req   uint32
}

// charTypes is the typed alphabet of one counting or sampling problem.
type charTypes struct {
	types  []charType
	groups []typeGroup
	size   int64 // characters in all
}

// buildTypes types the characters of alpha. withReq keeps the required
// sets apart (the sampler tracks them; counting by inclusion–exclusion
// does not); mirror stores symmetric chains by halves.
func buildTypes(lay *layout, alpha bitset, withReq, mirror bool) *charTypes {
	ct := &charTypes{}
	groupOf := map[typeGroup]int32{}
	group := func(x int32) int32 {
		g := typeGroup{label: lay.slots()}
		if k := lay.slotOf[x]; k >= 0 {
			g.label = int(k)
		}
		if withReq && lay.reqOf != nil {
			g.req = lay.reqOf[x]
		}
		i, ok := groupOf[g]
		if !ok {
			i = int32(len(ct.groups))
			groupOf[g] = i
			ct.groups = append(ct.groups, g)
		}
		return i
	}
	// Chains, in code point order.
	var members []int32
	alone := map[int32][]int32{} // group → characters that stand alone
	for x := range lay.alphabet {
		if !alpha.has(x) {
			continue
		}
		ct.size++
		if lay.maxSeq > 0 && inSeqRange(lay.alphabet[x]) {
			members = append(members, int32(x))
			continue
		}
		g := group(int32(x))
		alone[g] = append(alone[g], int32(x))
	}
	slices.SortFunc(members, func(a, b int32) int { return int(lay.alphabet[a] - lay.alphabet[b]) })
	var chains [][]int32
	for i := 0; i < len(members); {
		j := i + 1
		for j < len(members) && lay.alphabet[members[j]] == lay.alphabet[members[j-1]]+1 {
			j++
		}
		if j-i == 1 {
			g := group(members[i])
			alone[g] = append(alone[g], members[i])
		} else {
			chains = append(chains, members[i:j])
		}
		i = j
	}
	// Characters that stand alone, one type per group.
	gs := make([]int32, 0, len(alone))
	for g := range alone {
		gs = append(gs, g)
	}
	slices.Sort(gs)
	for _, g := range gs {
		cs := alone[g]
		ct.types = append(ct.types, charType{mult: int64(len(cs)), group: g, prev: -1, next: -1, chars: cs})
	}
	// Chains, grouped by their pattern of groups.
	patterns := map[string][][]int32{}
	var keys []string
	pattern := make([][]int32, 0, len(chains))
	for _, c := range chains {
		p := make([]int32, len(c))
		var sb strings.Builder
		for i, x := range c {
			p[i] = group(x)
			sb.WriteString(strconv.Itoa(int(p[i])))
			sb.WriteByte(',')
		}
		k := sb.String()
		if _, ok := patterns[k]; !ok {
			keys = append(keys, k)
			pattern = append(pattern, p)
		}
		patterns[k] = append(patterns[k], c)
	}
	for i, k := range keys {
		ct.addChains(pattern[i], patterns[k], mirror)
	}
	return ct
}

// addChains adds the types of μ = len(copies) chains sharing the group
// pattern p.
func (ct *charTypes) addChains(p []int32, copies [][]int32, mirror bool) {
	k := len(p)
	mu := int64(len(copies))
	base := int32(len(ct.types))
	if mirror && slices.Equal(p, reversed(p)) {
		h := (k + 1) / 2
		for i := range h {
			t := charType{mult: 2 * mu, group: p[i], prev: base + int32(i) - 1, next: base + int32(i) + 1}
			if i == 0 {
				t.prev = -1
			}
			if 2*i == k-1 {
				t.mult = mu // the middle of an odd chain is its own mirror
			}
			if i+1 >= h { // the character above is the mirror of position k−2−i
				t.next, t.swap = base+int32(k-2-i), true
			}
			ct.types = append(ct.types, t)
		}
		return
	}
	for i := range k {
		t := charType{mult: mu, group: p[i], prev: base + int32(i) - 1, next: base + int32(i) + 1}
		if i == 0 {
			t.prev = -1
		}
		if i == k-1 {
			t.next = -1
		}
		for _, c := range copies {
			t.chars = append(t.chars, c[i])
		}
		ct.types = append(ct.types, t)
	}
}

func reversed(p []int32) []int32 {
	q := slices.Clone(p)
	slices.Reverse(q)
	return q
}

// signature identifies the counting problem the types pose: two alphabets
// with the same signature have the same number of valid strings.
func (ct *charTypes) signature() string {
	var sb strings.Builder
	for _, t := range ct.types {
		g := ct.groups[t.group]
		for _, v := range []int64{t.mult, int64(g.label), int64(g.req), int64(t.prev), int64(t.next)} {
			sb.WriteString(strconv.FormatInt(v, 10))
			sb.WriteByte(',')
		}
		if t.swap {
			sb.WriteByte('s')
		}
		sb.WriteByte(';')
	}
	return sb.String()
}
