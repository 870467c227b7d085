// Package settings is the model shared by sesame's command line and its
// interactive program: every setting of every mode, described once in a
// table (table.go) from which the flags, the forms, the settings file and
// the JSON output are all built; how settings become generators; and how
// the interactive program remembers them between runs.
//
// Settings never hold a secret; they describe how to make one.
package settings

import "github.com/sesame-sh/sesame/generator"

// Settings are all of sesame's settings. The struct is comparable: equal
// settings make the same generator, which the interactive program relies
// on to know whether a result is current.
type Settings struct {
	Mode       Mode
	Password   PasswordSettings
	Phrase     PhraseSettings
	Token      TokenSettings
	PIN        PINSettings
	ClearAfter int  // seconds until a copy is cleared; 0 = never
	Masked     bool // start with the secret hidden
}

// Limit is an optional maximum. The zero value is no limit; a set limit
// of 0 allows none at all.
type Limit struct {
	N   int
	Set bool
}

// AtMost returns the limit of n.
func AtMost(n int) Limit { return Limit{N: n, Set: true} }

// Class is what the settings say about one character class.
type Class struct {
	Use bool  // include the class's characters (ignored by a custom alphabet)
	Min int   // at least this many
	Max Limit // at most this many
}

// PasswordSettings are the password settings.
type PasswordSettings struct {
	Length        int
	Lower         Class
	Upper         Class
	Digits        Class
	Symbols       Class
	Space         Class
	SymbolSet     string // replaces the 32 ASCII punctuation characters
	Alphabet      string // replaces the classes' characters
	Exclude       string
	NoAmbiguous   bool
	MaxRepeating  int // 0: no limit
	MaxSequential int // 0: no limit
	// Rules are a website's password rules (rules.go): a domain or URL
	// whose bundled rules apply, or a rules string; "" for none.
	Rules string
	// Style is the kind of password (style.go): random, or a memorable
	// style that the pattern engine makes.
	Style generator.Style
	// Pattern, when set, makes pattern passwords (pattern.go): the
	// pattern sets the characters and lengths, the other settings narrow
	// them.
	Pattern string
	// Blocklist is a file of words memorable passwords leave out, besides
	// the bundled list unless NoBlocklist; "" for none.
	Blocklist   string
	NoBlocklist bool
}

// Class returns the settings of one character class.
func (p *PasswordSettings) Class(c generator.Class) *Class {
	switch c {
	case generator.Lower:
		return &p.Lower
	case generator.Upper:
		return &p.Upper
	case generator.Digits:
		return &p.Digits
	case generator.Symbols:
		return &p.Symbols
	}
	return &p.Space
}

// PhraseSettings are the passphrase settings, with the wordlist named
// rather than loaded so they can be remembered.
type PhraseSettings struct {
	Words           int
	Wordlist        string // a built-in name or a file path
	Separator       string
	RandomSeparator generator.SeparatorKind
	Case            generator.CaseMode
	Number          bool
	// Rules are a website's password rules, as for passwords (rules.go).
	Rules string
	// Given marks the settings the user gave on the command line: the
	// rules never change those, even when they hold the default value
	// (phrase_rules.go). Not a setting: never stored.
	Given PhraseGiven
}

// PhraseGiven marks the passphrase settings a user gave explicitly.
type PhraseGiven struct {
	Words, Case, Separator, Number bool
}

// TokenSettings are the token settings: the generator's policy itself,
// so a new token setting is a field of the policy and a row of the table.
type TokenSettings struct{ generator.TokenPolicy }

// PINSettings are the PIN settings: the generator's policy itself.
type PINSettings struct{ generator.PINPolicy }

// defaultClearAfter is how long a copied secret stays on the clipboard.
const defaultClearAfter = 30

// maxClearAfter bounds the clipboard delay (a day).
const maxClearAfter = 86400

// Default returns sesame's defaults (README, Usage).
func Default() Settings {
	pw := generator.DefaultPasswordPolicy()
	pp := generator.DefaultPhrasePolicy()
	on := Class{Use: true}
	return Settings{
		Mode:     Password,
		Password: PasswordSettings{Length: pw.Length, Lower: on, Upper: on, Digits: on, Symbols: on},
		Phrase: PhraseSettings{
			Words:           pp.Words,
			Wordlist:        generator.DefaultWordlist(),
			Separator:       pp.Separator,
			RandomSeparator: pp.RandomSeparator,
			Case:            pp.Case,
			Number:          pp.Number,
		},
		Token:      TokenSettings{generator.DefaultTokenPolicy()},
		PIN:        PINSettings{generator.DefaultPINPolicy()},
		ClearAfter: defaultClearAfter,
	}
}

// Only returns the part of the settings that decides mode m's output, the
// rest left zero: two settings with equal Only(m) make the same generator.
func (s Settings) Only(m Mode) Settings {
	out := Settings{Mode: m}
	switch m {
	case Password:
		out.Password = s.Password
	case Phrase:
		out.Phrase = s.Phrase
	case Token:
		out.Token = s.Token
	case PIN:
		out.PIN = s.PIN
	}
	return out
}
