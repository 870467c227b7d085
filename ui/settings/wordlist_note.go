package settings

import (
	"fmt"
	"strings"

	"github.com/sesame-sh/sesame/generator"
)

// The built-in wordlists as the form's chooser and shell completion show
// them: the language, the size and the strength of one word, so that a
// list can be chosen without knowing it (2,048 words are 11 bits a word,
// 7,776 words 12.92).

// WordlistNote is the form's note on a built-in list ("" is the default
// one), or "" for a file: "German (Deutsch): 7,776 words, 12.92 bits each;
// no ä, ö, ü or ß". The EFF's English lists go without their language, so
// that the default list's note fits beside it.
func WordlistNote(name string) string {
	if name == "" {
		name = generator.DefaultWordlist()
	}
	b, ok := generator.LookupBuiltinList(name)
	if !ok {
		return ""
	}
	s := fmt.Sprintf("%s words, %.2f bits each", Group(b.Words), b.Bits())
	if b.Source != "EFF" {
		s = b.Language + ": " + s
	}
	if b.Note != "" {
		s += "; " + b.Note
	}
	return s
}

// WordlistDescription is what shell completion shows beside a built-in
// list's name: its note, always with the language ("English: 7,776 words,
// 12.92 bits each").
func WordlistDescription(name string) string {
	b, ok := generator.LookupBuiltinList(name)
	if !ok {
		return ""
	}
	if b.Source == "EFF" {
		return b.Language + ": " + WordlistNote(name)
	}
	return WordlistNote(name)
}

// closestWordlist suggests a built-in list for a name that is none: a
// misspelt name (eff-larg, pt_br, DE), or a language named in English or
// in itself (german, deutsch, espanol), which gives the list's name and
// its language: "de (German)".
func closestWordlist(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if c := Closest(name, generator.BuiltinWordlists()); c != "" {
		return c
	}
	byLanguage := map[string]string{} // a language's name: the list and its English name
	var languages []string
	for _, b := range generator.BuiltinLists() {
		if b.Source == "EFF" && b.Name != generator.DefaultWordlist() {
			continue // "english" means the default list
		}
		english, own, _ := strings.Cut(strings.TrimSuffix(b.Language, ")"), " (")
		for _, l := range []string{english, own} {
			if l = strings.ToLower(l); l != "" {
				byLanguage[l] = fmt.Sprintf("%s (%s)", b.Name, english)
				languages = append(languages, l)
			}
		}
	}
	if c := Closest(name, languages); c != "" {
		return byLanguage[c]
	}
	return ""
}
