package settings

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// The table: every setting of sesame, in the order the forms show them and
// --help lists them. Adding a setting means adding its descriptor here and
// its meaning in the generator; the flags, form fields, settings file,
// --json and man pages follow from it.
var table = buildTable()

// The names of settings that code outside the table refers to: spelt once,
// here, for the row and that code alike, so a rename is one edit and a
// misspelling does not compile.
const ClearAfterName = "clear-after" // ui/cli: --clear-after needs --copy

func buildTable() []*Descriptor {
	var t []*Descriptor
	add := func(ds ...*Descriptor) { t = append(t, ds...) }
	add(passwordSettings()...)
	add(phraseSettings()...)
	add(tokenSettings()...)
	add(pinSettings()...)
	add(commonSettings()...)
	return t
}

func passwordSettings() []*Descriptor {
	pw := func(s *Settings) *PasswordSettings { return &s.Password }
	// The rules, then a custom alphabet, say which characters to use.
	byRules := func(s *Settings) *Override {
		if a, _, _ := s.Password.AppliedRules(); a != nil {
			return &Override{By: "rules", Why: a.Subject() + " set the characters"}
		}
		return nil
	}
	byAlphabet := func(s *Settings) *Override {
		if o := byRules(s); o != nil {
			return o
		}
		if s.Password.Alphabet != "" {
			return &Override{By: "alphabet", Why: "the alphabet replaces the classes"}
		}
		return nil
	}
	out := []*Descriptor{
		{
			Name: "length", Short: "l", Mode: Password, Min: 1, Max: generator.MaxLength, Size: true,
			Help: "password length in characters (1-4096)", Row: "length",
			Range: func(s *Settings) (int, int, string, bool) {
				if a, _, _ := s.Password.AppliedRules(); a != nil {
					lo, hi := a.LengthRange()
					return lo, hi, a.Subject() + " allow " + rangeText(lo, hi), true
				}
				return 0, 0, "", false
			},
			Note: func(s *Settings) string {
				if s.Password.Pattern != "" {
					return "the pattern sets the length"
				}
				if a, _, _ := s.Password.AppliedRules(); a != nil {
					lo, hi := a.LengthRange()
					return rangeText(lo, hi) + " allowed"
				}
				return ""
			},
			Overridden: func(s *Settings) *Override {
				if s.Password.Styled() && s.Password.Style == generator.StyleApple {
					return &Override{By: "style", Why: fmt.Sprintf("apple passwords are %d characters", generator.AppleLength)}
				}
				return nil
			},
			value: intField(func(s *Settings) *int { return &pw(s).Length }),
		},
		{
			Name: "rules", Mode: Password, MaxLen: maxRulesLen, maxLenWhy: maxRulesWhy,
			Help:     "follow a website's password rules: a rules string ('minlength: 8; required: digit') or a site's domain, as --site",
			NonEmpty: "give a rules string such as 'minlength: 8; required: digit', or leave --rules out",
			Row:      "site or rules", Zero: "none (a domain or rules)", NoJSON: true,
			Note: rulesNote, Complete: rules.Sites,
			value: textField(func(s *Settings) *string { return &pw(s).Rules }),
		},
		{
			Name: "site", Mode: Password, MaxLen: maxRulesLen, maxLenWhy: maxRulesWhy,
			Help:  "follow the bundled password rules of a website: its domain or a URL (chase.com)",
			Sets:  []string{"rules"},
			Check: checkSite, Complete: rules.Sites, NoForm: true, NoJSON: true,
		},
		{
			Name: "style", Mode: Password, Choices: styleChoices(),
			Help: "random, pronounceable (syllables), apple (xxxxxx-xxxxxx-xxxxxx, as Safari suggests) or phone (few keyboard switches on a phone)",
			Row:  "style", Note: styleNote, Overridden: byPattern,
			value: choice(func(s *Settings) *generator.Style { return &pw(s).Style }),
		},
		{
			Name: "pattern", Mode: Password, MaxLen: generator.MaxPatternLength,
			Help: "make a password the pattern spells, such as cvcv-dd: c consonant, v vowel, C V capitals, " +
				"l u letters, d digit, s symbol, x any; [a-z] a set, \\x literal, {n} {m,n} repeats, (a|b|) choices",
			NonEmpty: "give a pattern such as cvcv-dd, or leave --pattern out",
			Row:      "pattern", Zero: "none (random characters)",
			Note:  patternNote,
			value: textField(func(s *Settings) *string { return &pw(s).Pattern }),
		},
	}
	for _, c := range generator.Classes() {
		cl := func(s *Settings) *Class { return pw(s).Class(c) }
		row := classRow(c)
		overridden := func(s *Settings) *Override {
			o := byAlphabet(s)
			if o != nil {
				o.Hint = fmt.Sprintf("--max-%s 0 leaves %s out", c, classPlural(c))
			}
			return o
		}
		use := &Descriptor{
			Name: c.String(), Mode: Password, Negatable: c != generator.Space,
			Help: "use " + classWords(c), Row: row, Table: "classes", Overridden: overridden,
			value: switchField(func(s *Settings) *bool { return &cl(s).Use }),
		}
		if c == generator.Space {
			// Rules that allow the space let it in only when asked
			// (generator.ApplyRules): this switch asks.
			use.Help = "include the space character (website rules leave it out without this)"
			use.Overridden = func(s *Settings) *Override {
				a, _, _ := s.Password.AppliedRules()
				switch {
				case a == nil:
					return byAlphabet(s)
				case strings.Contains(a.Rules.Allowed, " "):
					return nil
				}
				return &Override{By: "rules", Why: a.Subject() + " allow no space"}
			}
		}
		out = append(out, use,
			&Descriptor{
				Name: "min-" + c.String(), Mode: Password, Min: 0, Max: generator.MaxLength,
				Help: "at least this many " + classPlural(c), Row: row, Table: "classes",
				value: intField(func(s *Settings) *int { return &cl(s).Min }),
			},
			&Descriptor{
				Name: "max-" + c.String(), Mode: Password, Min: 0, Max: generator.MaxLength,
				Help: "at most this many " + classPlural(c) + " (0: none)", Row: row, Table: "classes", Zero: "any",
				value: limitField(func(s *Settings) *Limit { return &cl(s).Max }),
			})
	}
	return append(out,
		&Descriptor{
			Name: "symbol-set", Mode: Password, MaxLen: 256, Overridden: byAlphabet,
			Help:     "symbols to use instead of the 32 ASCII punctuation characters",
			NonEmpty: "give the symbols to use, or --no-symbols for none",
			Row:      "symbol set", Zero: generator.SymbolChars,
			value: textField(func(s *Settings) *string { return &pw(s).SymbolSet }),
		},
		&Descriptor{
			Name: "exclude", Mode: Password, MaxLen: 256,
			Help: "never use these characters", Row: "exclude", Zero: "none",
			value: textField(func(s *Settings) *string { return &pw(s).Exclude }),
		},
		&Descriptor{
			Name: "no-ambiguous", Mode: Password,
			Help: "leave out look-alikes: " + generator.Ambiguous, Row: "look-alikes", Caption: "avoid " + lookAlikeGroups(),
			value: switchField(func(s *Settings) *bool { return &pw(s).NoAmbiguous }),
		},
		&Descriptor{
			Name: "alphabet", Mode: Password, MaxLen: 1024, Overridden: byRules,
			Help:     "use exactly these characters (replaces the classes)",
			NonEmpty: "give the characters to use, or leave it out for the classes",
			Row:      "alphabet", Zero: "the classes above",
			Note: func(s *Settings) string {
				if s.Password.Alphabet != "" && byRules(s) == nil {
					return "replaces the classes; min/max still apply"
				}
				return ""
			},
			value: textField(func(s *Settings) *string { return &pw(s).Alphabet }),
		},
		&Descriptor{
			Name: "max-repeating", Mode: Password, Min: 0, Max: generator.MaxLength,
			Help: "no character more than N times in a row (0: no limit)", Row: "max repeat", Zero: "off",
			Note: func(s *Settings) string {
				n, by := ruledLimit(s, s.Password.MaxRepeating, func(r *rules.Rules) int { return r.MaxRepeating })
				if n > 0 {
					return "no character " + plural(n+1, "time") + " in a row" + by
				}
				return ""
			},
			value: intField(func(s *Settings) *int { return &pw(s).MaxRepeating }),
		},
		&Descriptor{
			Name: "max-sequential", Mode: Password, Min: 0, Max: generator.MaxLength,
			Help: "no run of more than N characters counting up or down, like abc, cba or 789 (0: no limit)", Row: "max sequence", Zero: "off",
			Note: func(s *Settings) string {
				n, by := ruledLimit(s, s.Password.MaxSequential, func(r *rules.Rules) int { return r.MaxSequential })
				if n > 0 {
					return "no run like " + runExample(n+1) + by
				}
				return ""
			},
			value: intField(func(s *Settings) *int { return &pw(s).MaxSequential }),
		},
		&Descriptor{
			Name: "max-consecutive", Mode: Password, Min: 0, Max: generator.MaxLength,
			Help: "both --max-repeating N and --max-sequential N, as the website rules language means it",
			Sets: []string{"max-repeating", "max-sequential"}, NoForm: true, NoJSON: true,
		},
		&Descriptor{
			Name: "no-blocklist", Mode: Password, Overridden: unfiltered, HideOverridden: true,
			Help: "keep passwords that contain a word of the bundled list of offensive words (styles but random)",
			Row:  "blocklist", Caption: "keep the bundled list's words",
			value: switchField(func(s *Settings) *bool { return &pw(s).NoBlocklist }),
		},
		&Descriptor{
			Name: "blocklist", Mode: Password, MaxLen: 4096, Files: true, Overridden: unfiltered, HideOverridden: true,
			Help:     "a file of more words to leave out, one a line (styles but random)",
			NonEmpty: "give the path of a file of words, one a line, or leave --blocklist out",
			Row:      "blocklist", Zero: "no file of your own", Note: blocklistNote,
			value: textField(func(s *Settings) *string { return &pw(s).Blocklist }),
		},
	)
}

func phraseSettings() []*Descriptor {
	ph := func(s *Settings) *PhraseSettings { return &s.Phrase }
	return []*Descriptor{
		{
			Name: "words", Short: "w", Mode: Phrase, Min: 1, Max: generator.MaxWords, Size: true,
			Help: "number of words (1-256)", Row: "words",
			Overridden: byPhraseRules(func(p generator.PhrasePolicy, s *PhraseSettings) bool { return p.Words != s.Words }),
			value:      intField(func(s *Settings) *int { return &ph(s).Words }),
		},
		{
			Name: "rules", Mode: Phrase, MaxLen: maxRulesLen, maxLenWhy: maxRulesWhy,
			Help:     "make a passphrase a website's password rules accept: a rules string or a site's domain, as --site",
			NonEmpty: "give a rules string such as 'minlength: 8; required: digit', or leave --rules out",
			Row:      "site or rules", Zero: "none (a domain or rules)", NoJSON: true,
			Note: phraseRulesNote, Complete: rules.Sites,
			value: textField(func(s *Settings) *string { return &ph(s).Rules }),
		},
		{
			Name: "site", Mode: Phrase, MaxLen: maxRulesLen, maxLenWhy: maxRulesWhy,
			Help:  "make a passphrase the bundled password rules of a website accept: its domain or a URL (chase.com)",
			Sets:  []string{"rules"},
			Check: checkSite, Complete: rules.Sites, NoForm: true, NoJSON: true,
		},
		{
			Name: "wordlist", Mode: Phrase, MaxLen: 4096,
			Help:    "eff-large, eff-short, eff-short2, a language (cs, de, es, fr, it, pt, pt-br), a file, or - (stdin)",
			Suggest: generator.BuiltinWordlists, Describe: WordlistDescription, Files: true, Row: "wordlist",
			Note:  func(s *Settings) string { return WordlistNote(s.Phrase.Wordlist) },
			value: textField(func(s *Settings) *string { return &ph(s).Wordlist }),
		},
		{
			Name: "random-separator", Mode: Phrase,
			Choices: []Choice{
				{Name: "fixed", Label: "text", notAFlag: true},
				{Name: "digit", Label: "random digit"},
				{Name: "symbol", Label: "random symbol"},
			},
			Help: "a random digit or symbol between words", Row: "separator",
			Overridden: byPhraseRules(func(p generator.PhrasePolicy, s *PhraseSettings) bool {
				return p.RandomSeparator != s.RandomSeparator || p.Separator != s.Separator
			}),
			value: choice(func(s *Settings) *generator.SeparatorKind { return &ph(s).RandomSeparator }),
		},
		{
			Name: "separator", Short: "s", Mode: Phrase, MaxLen: 64,
			Help: "text between words (may be empty)", Row: "separator", Zero: "none", Quote: true, HideOverridden: true,
			Overridden: func(s *Settings) *Override {
				if o := byPhraseRules(func(p generator.PhrasePolicy, s *PhraseSettings) bool {
					return p.RandomSeparator != s.RandomSeparator || p.Separator != s.Separator
				})(s); o != nil {
					return o
				}
				if s.Phrase.RandomSeparator != generator.SepFixed {
					return &Override{By: "random-separator", Why: "a random character goes between words"}
				}
				return nil
			},
			value: textField(func(s *Settings) *string { return &ph(s).Separator }),
		},
		{
			Name: "case", Mode: Phrase, Choices: names("lower", "upper", "title", "random"),
			Help: "lower, upper, title or random (each word lower or Title)", Row: "case",
			Overridden: byPhraseRules(func(p generator.PhrasePolicy, s *PhraseSettings) bool { return p.Case != s.Case }),
			value:      choice(func(s *Settings) *generator.CaseMode { return &ph(s).Case }),
		},
		{
			Name: "number", Mode: Phrase,
			Help: "append one random digit to one random word", Row: "number", Caption: "add a digit to one word",
			Overridden: byPhraseRules(func(p generator.PhrasePolicy, s *PhraseSettings) bool { return p.Number != s.Number }),
			value:      switchField(func(s *Settings) *bool { return &ph(s).Number }),
		},
	}
}

func tokenSettings() []*Descriptor {
	tk := func(s *Settings) *TokenSettings { return &s.Token }
	formats := names(generator.TokenFormats()...)
	for i := range formats {
		formats[i].NotInForm = formats[i].Name == generator.TokenRaw.String()
	}
	return []*Descriptor{
		{
			Name: "bytes", Mode: Token, Min: 1, Max: generator.MaxTokenBytes, Size: true,
			Help: "random bytes (1-4096); 8 bits each", Row: "bytes",
			Note:  func(s *Settings) string { return plural(8*s.Token.Bytes, "random bit") },
			value: intField(func(s *Settings) *int { return &tk(s).Bytes }),
		},
		{
			Name: "format", Mode: Token, Choices: formats,
			Help: "hex, base64 (padded, as openssl rand -base64), base64url, base32, base62 or raw", Row: "format",
			value: choice(func(s *Settings) *generator.TokenFormat { return &tk(s).Format }),
		},
		{
			Name: "prefix", Mode: Token, MaxLen: 64,
			Help: "fixed text in front, e.g. sk_live_ (adds no strength)", Row: "prefix", Zero: "none, e.g. sk_live_",
			value: textField(func(s *Settings) *string { return &tk(s).Prefix }),
		},
		{
			Name: "checksum", Mode: Token,
			Help: "append a CRC-32 checksum, in the token's format", Row: "checksum", Caption: "add a CRC-32 check",
			value: switchField(func(s *Settings) *bool { return &tk(s).Checksum }),
		},
	}
}

func pinSettings() []*Descriptor {
	pin := func(s *Settings) *PINSettings { return &s.PIN }
	return []*Descriptor{
		{
			Name: "length", Short: "l", Mode: PIN, Min: 1, Max: generator.MaxLength, Size: true,
			Help: "number of digits (1-4096)", Row: "digits",
			value: intField(func(s *Settings) *int { return &pin(s).Length }),
		},
		{
			Name: "no-trivial", Mode: PIN,
			Help: "leave out trivial PINs (0000, 1234, 8765, 7890, ...)", Row: "leave out", Caption: "the 30 trivial PINs (0000, 1234, 8765…)",
			value: switchField(func(s *Settings) *bool { return &pin(s).NoTrivial }),
		},
	}
}

func commonSettings() []*Descriptor {
	return []*Descriptor{
		{
			Name: "mode", Mode: Common, Choices: modeChoices(), RootOnly: true, NoForm: true,
			Help:  "starting tab, or what to print: " + OrList(ModeNames()),
			value: choice(func(s *Settings) *Mode { return &s.Mode }),
		},
		{
			Name: ClearAfterName, Mode: Common, Min: 0, Max: maxClearAfter, NoForm: true, NoJSON: true,
			Help:  "seconds until a copy is cleared, if still ours (0: never)",
			value: intField(func(s *Settings) *int { return &s.ClearAfter }),
		},
		{
			Name: "mask", Mode: Common, RootOnly: true, NoForm: true, NoJSON: true,
			Help:  "start with the secret hidden (for screen sharing)",
			value: switchField(func(s *Settings) *bool { return &s.Masked }),
		},
	}
}

// All returns every setting, in table order.
func All() []*Descriptor { return slices.Clone(table) }

// Of returns the settings of one mode (or of Common), in table order.
func Of(m Mode) []*Descriptor {
	var out []*Descriptor
	for _, d := range table {
		if d.Mode == m {
			out = append(out, d)
		}
	}
	return out
}

// Lookup returns mode m's setting of that name (or the common one).
func Lookup(m Mode, name string) *Descriptor {
	for _, d := range table {
		if d.Name == name && (d.Mode == m || d.Mode == Common) {
			return d
		}
	}
	return nil
}

// SizeOf returns the setting that sets mode m's size.
func SizeOf(m Mode) *Descriptor {
	for _, d := range Of(m) {
		if d.Size {
			return d
		}
	}
	return nil
}

// lookAlikeGroups writes the look-alike set by what each group is
// mistaken for: 0OoDQ 1lI|! 2Z 5S 6G 8B and the quotes and dots.
func lookAlikeGroups() string {
	a := generator.Ambiguous
	return strings.Join([]string{a[:5], a[5:10], a[10:12], a[12:14], a[14:16], a[16:18], a[18:]}, " ")
}

// modeChoices are the modes under their names, with the commands'
// aliases (pw, pp) accepted too.
func modeChoices() []Choice {
	out := make([]Choice, 0, NumModes)
	for _, m := range Modes() {
		out = append(out, Choice{Name: m.String(), Aliases: m.Aliases()})
	}
	return out
}

func names(ns ...string) []Choice {
	out := make([]Choice, len(ns))
	for i, n := range ns {
		out[i] = Choice{Name: n}
	}
	return out
}

func classRow(c generator.Class) string {
	switch c {
	case generator.Lower:
		return "lower a-z"
	case generator.Upper:
		return "upper A-Z"
	case generator.Digits:
		return "digits 0-9"
	}
	return c.String()
}

// classWords names a class and its characters for --help.
func classWords(c generator.Class) string {
	switch c {
	case generator.Lower:
		return "lower (a-z)"
	case generator.Upper:
		return "upper (A-Z)"
	case generator.Digits:
		return "digits (0-9)"
	}
	return "symbols (ASCII punctuation)"
}

// classPlural names characters of a class: "digits", "lower-case letters".
func classPlural(c generator.Class) string {
	switch c {
	case generator.Lower:
		return "lower-case letters"
	case generator.Upper:
		return "upper-case letters"
	case generator.Space:
		return "spaces"
	}
	return c.String()
}

// plural writes "1 time", "3 times".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
