package generator

import (
	"math/big"
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/assets"
)

// BuiltinList describes a wordlist that ships in the binary.
type BuiltinList struct {
	// Name is what --wordlist takes: "eff-large", or a language's code
	// ("de", "pt-br").
	Name string
	// Language is the list's language in English, with its own name for
	// it when that differs: "German (Deutsch)".
	Language string
	// Words is the number of distinct words, as TestBuiltinListSizes
	// checks against the parsed list.
	Words int
	// Note is what sets the list apart, or "": "unique 4-letter starts".
	Note string
	// Source says where the list comes from: "EFF", "diceware", "BIP-39".
	Source string

	file string
}

// Bits is log2(Words), the strength of one word, rounded down to 0.01 bit
// as every figure is.
func (b BuiltinList) Bits() float64 { return exactEntropy(big.NewInt(int64(b.Words))).Rounded() }

// builtinLists are the built-in lists in display order: the EFF's English
// lists first (eff-large is the default), then the other languages by
// code. Sources and licences: assets/wordlists/ATTRIBUTION*.md.
var builtinLists = []BuiltinList{
	{Name: "eff-large", Language: "English", Words: 7776, Source: "EFF", file: assets.EFFLarge},
	{Name: "eff-short", Language: "English", Words: 1296, Note: "short words", Source: "EFF", file: assets.EFFShort},
	{Name: "eff-short2", Language: "English", Words: 1296, Note: "unique 3-letter starts", Source: "EFF", file: assets.EFFShort2},
	{Name: "cs", Language: "Czech (čeština)", Words: 2048, Note: "unique 4-letter starts, no accents", Source: "BIP-39", file: assets.Czech},
	{Name: "de", Language: "German (Deutsch)", Words: 7776, Note: "no ä, ö, ü or ß", Source: "diceware", file: assets.German},
	{Name: "es", Language: "Spanish (español)", Words: 2048, Note: "unique 4-letter starts", Source: "BIP-39", file: assets.Spanish},
	{Name: "fr", Language: "French (français)", Words: 2048, Note: "unique 4-letter starts", Source: "BIP-39", file: assets.French},
	{Name: "it", Language: "Italian (italiano)", Words: 2048, Note: "unique 4-letter starts", Source: "BIP-39", file: assets.Italian},
	{Name: "pt", Language: "Portuguese (português)", Words: 2048, Note: "unique 4-letter starts, no accents", Source: "BIP-39", file: assets.Portuguese},
	{Name: "pt-br", Language: "Brazilian Portuguese (português do Brasil)", Words: 7776, Note: "no accents", Source: "diceware", file: assets.BrazilianPortuguese},
}

// builtinCache parses each embedded list once: the interactive program asks
// for the current list on every keystroke.
var builtinCache = make([]struct {
	once sync.Once
	list *Wordlist
}, len(builtinLists))

// BuiltinWordlists returns the names of the built-in wordlists in display
// order: "eff-large" (the default), "eff-short", "eff-short2", then the
// other languages by code ("cs", "de", "es", "fr", "it", "pt", "pt-br").
func BuiltinWordlists() []string {
	names := make([]string, len(builtinLists))
	for i, b := range builtinLists {
		names[i] = b.Name
	}
	return names
}

// BuiltinLists describes the built-in wordlists, in the order of
// [BuiltinWordlists], without reading them.
func BuiltinLists() []BuiltinList {
	return append([]BuiltinList(nil), builtinLists...)
}

// LookupBuiltinList describes the built-in list of that name.
func LookupBuiltinList(name string) (BuiltinList, bool) {
	for _, b := range builtinLists {
		if b.Name == name {
			return b, true
		}
	}
	return BuiltinList{}, false
}

// DefaultWordlist returns the name of the default wordlist, "eff-large".
func DefaultWordlist() string { return builtinLists[0].Name }

// builtinChoices is the list of built-in names for error messages.
func builtinChoices() string { return strings.Join(BuiltinWordlists(), ", ") }

// BuiltinWordlist returns a built-in list by name ("eff-large", "de", …;
// see [BuiltinWordlists]). The list is parsed once and shared; unknown
// names give a *PolicyError for the field "wordlist".
func BuiltinWordlist(name string) (*Wordlist, error) {
	for i, b := range builtinLists {
		if b.Name != name {
			continue
		}
		c := &builtinCache[i]
		c.once.Do(func() { c.list = mustParseEmbedded(b.Name, b.file) })
		return c.list, nil
	}
	return nil, policyErr("wordlist", "unknown wordlist %q: use %s or a file path", name, builtinChoices())
}

// mustParseEmbedded reads a list that ships in the binary. Those files are
// pinned by SHA-256 and a test checks that the full parser reads them to
// exactly these words (lower-case, NFC, distinct: make wordlists writes
// them so), so they are only split into lines here: that keeps the first
// passphrase of a process (one-shot sesame pp) fast.
func mustParseEmbedded(name, file string) *Wordlist {
	data, err := assets.Wordlists.ReadFile(file)
	if err != nil {
		panic("generator: embedded wordlist missing: " + err.Error())
	}
	return &Wordlist{Name: name, Words: strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"), parsed: true}
}
