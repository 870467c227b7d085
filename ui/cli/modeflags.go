package cli

import (
	"fmt"
	"strings"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// The flags of each mode, bound to settings fields. The root command
// registers the same flags so they can set the interactive program's
// starting form.

func addPasswordFlags(f *flagSet) {
	pw := func(s *settings.Settings) *generator.PasswordPolicy { return &s.Password }
	f.intFlag("length", "l", func(s *settings.Settings) *int { return &pw(s).Length }, 1, generator.MaxLength, "password length in characters (1-4096)")
	for _, c := range generator.Classes() {
		cls := func(s *settings.Settings) *generator.ClassPolicy { return pw(s).Class(c) }
		name := c.String()
		if c == generator.Space {
			f.boolFlag("space", "", func(s *settings.Settings) *bool { return &cls(s).Use }, "include the space character")
		} else {
			f.onOffFlag(name, func(s *settings.Settings) *bool { return &cls(s).Use }, fmt.Sprintf("use %s (%s)", name, classSample(c)))
		}
		f.intFlag("min-"+name, "", func(s *settings.Settings) *int { return &cls(s).Min }, 0, generator.MaxLength, fmt.Sprintf("at least this many %s", plural(c)))
		f.intFlag("max-"+name, "", func(s *settings.Settings) *int { return &cls(s).Max }, 0, generator.MaxLength, fmt.Sprintf("at most this many %s (default: no limit)", plural(c)))
	}
	f.intFlag("max-consecutive", "", func(s *settings.Settings) *int { return &pw(s).MaxRepeating }, 0, generator.MaxLength, "no character more than N times in a row (0: no limit)")
	f.textFlag("symbol-set", "", func(s *settings.Settings) *string { return &pw(s).SymbolSet }, "symbols to use instead of the 32 ASCII punctuation characters")
	f.textFlag("alphabet", "", func(s *settings.Settings) *string { return &pw(s).Alphabet }, "use exactly these characters (replaces the classes)")
	f.textFlag("exclude", "", func(s *settings.Settings) *string { return &pw(s).Exclude }, "never use these characters")
	f.boolFlag("no-ambiguous", "", func(s *settings.Settings) *bool { return &pw(s).NoAmbiguous }, "leave out look-alikes: "+generator.Ambiguous)
}

func classSample(c generator.Class) string {
	switch c {
	case generator.Lower:
		return "a-z"
	case generator.Upper:
		return "A-Z"
	case generator.Digits:
		return "0-9"
	}
	return "ASCII punctuation"
}

func addPhraseFlags(f *flagSet) {
	ph := func(s *settings.Settings) *settings.PhraseSettings { return &s.Phrase }
	f.intFlag("words", "w", func(s *settings.Settings) *int { return &ph(s).Words }, 1, generator.MaxWords, "number of words (1-256)")
	f.textFlag("separator", "s", func(s *settings.Settings) *string { return &ph(s).Separator }, "text between words (may be empty)")
	f.choiceFlag("random-separator", "", "digit or symbol", func(v string, s *settings.Settings) error {
		k, err := generator.ParseSeparatorKind(v)
		if err == nil && k == generator.SepFixed {
			err = fmt.Errorf("fixed")
		}
		ph(s).RandomSeparator = k
		return err
	}, "a random digit or symbol between words")
	f.choiceFlag("case", ph(f.scratch).Case.String(), "lower, upper, title or random", func(v string, s *settings.Settings) error {
		c, err := generator.ParseCase(v)
		ph(s).Case = c
		return err
	}, "lower, upper, title or random (each word lower or Title)")
	f.boolFlag("number", "", func(s *settings.Settings) *bool { return &ph(s).Number }, "append one random digit to one random word")
	f.textFlag("wordlist", "", func(s *settings.Settings) *string { return &ph(s).Wordlist }, "eff-large, eff-short, eff-short2, a file, or - (stdin)")
}

func addTokenFlags(f *flagSet) {
	tk := func(s *settings.Settings) *generator.TokenPolicy { return &s.Token }
	f.intFlag("bytes", "", func(s *settings.Settings) *int { return &tk(s).Bytes }, 1, generator.MaxTokenBytes, "random bytes (1-4096); 8 bits each")
	f.choiceFlag("format", tk(f.scratch).Format.String(), orList(generator.TokenFormats()), func(v string, s *settings.Settings) error {
		t, err := generator.ParseTokenFormat(v)
		tk(s).Format = t
		return err
	}, "hex, base64url, base32, base62 or raw")
	f.textFlag("prefix", "", func(s *settings.Settings) *string { return &tk(s).Prefix }, "fixed text in front, e.g. sk_live_ (adds no strength)")
	f.boolFlag("checksum", "", func(s *settings.Settings) *bool { return &tk(s).Checksum }, "append a 6-character CRC-32 checksum (base62)")
}

func addPINFlags(f *flagSet, withLength bool) {
	pin := func(s *settings.Settings) *generator.PINPolicy { return &s.PIN }
	if withLength {
		f.intFlag("length", "l", func(s *settings.Settings) *int { return &pin(s).Length }, 1, generator.MaxLength, "number of digits (1-4096)")
	}
	f.boolFlag("no-trivial", "", func(s *settings.Settings) *bool { return &pin(s).NoTrivial }, "leave out trivial PINs (0000, 1234, 8765, 7890, ...)")
}

// orList writes "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// plural names characters of a class: "digits", "lower-case letters".
func plural(c generator.Class) string {
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
