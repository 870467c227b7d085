package cli

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

type modeDoc struct {
	use, short, long, example string
	aliases                   []string
}

var modeDocs = map[settings.Mode]modeDoc{
	settings.Password: {
		use: "password", aliases: []string{"pw"},
		short: "Print random passwords",
		long: `Print passwords drawn uniformly from every string the settings allow.

Minimums and maximums per class, exclusions and --max-consecutive shrink
that set; the entropy shown with --entropy or --json is log2 of its exact
size (or a labelled lower bound when counting exactly would be too slow).

--no-ambiguous leaves out the look-alikes ` + generator.Ambiguous + `
(0 O o D Q, 1 l I | !, 2 Z, 5 S, 6 G, 8 B, and quotes, comma, dot, colons).`,
		example: `  sesame pw                              # 20 characters, all classes (131.09 bits)
  sesame pw -l 12 --min-digits 2 --min-symbols 2
  sesame pw --no-symbols --no-ambiguous -n 5
  sesame pw --alphabet 'abcdef0123456789' -l 32
  sesame pw --min-bits 128 --entropy     # shortest length reaching 128 bits
  sesame pw --json | jq .entropy_bits`,
	},
	settings.Phrase: {
		use: "phrase", aliases: []string{"pp", "passphrase"},
		short: "Print random passphrases from a wordlist",
		long: `Print passphrases of words drawn uniformly, with replacement, from a wordlist:
the EFF's large list (7776 words, default), short list (1296) or short list 2
(1296, unique 3-letter prefixes), or your own file: one word per line, or
diceware lines (dice digits, then the word), lines starting with # ignored;
- reads the list from standard input.

Only what is random counts towards the entropy: the words, a random
separator, random case, and the position and value of --number.`,
		example: `  sesame pp                               # 6 words: 77.55 bits
  sesame pp -w 5 -s ' ' --case title
  sesame pp --random-separator digit --number
  sesame pp --wordlist eff-short2 --min-bits 80 --entropy
  sesame pp --wordlist ~/words.txt`,
	},
	settings.Token: {
		use:   "token",
		short: "Print random tokens (API keys, secrets, key files)",
		long: `Print tokens of --bytes random bytes, encoded as hex, base64url (no padding),
base32 (RFC 4648, no padding), base62 (fixed length) or raw bytes (for key
files; refused when writing to a terminal).

--prefix puts fixed text in front and --checksum appends 6 characters: the
CRC-32 (IEEE) of the body (the random part, without the prefix) in base62
(0-9A-Za-z), padded with 0 — the shape secret scanners recognise. Neither
adds strength. With -n, raw tokens are written back to back.`,
		example: `  sesame token                            # 32 bytes as hex: 256 bits
  sesame token --bytes 24 --format base62 --prefix sk_live_ --checksum
  sesame token --format raw > aes256.key`,
	},
	settings.PIN: {
		use:   "pin",
		short: "Print random PINs",
		long: `Print PINs of uniformly random digits.

--no-trivial leaves out the PINs anyone would guess first: one digit
repeated (0000), and digits counting up or down by one, wrapping around
(1234, 8765, 7890, 2109). The entropy counts exactly what is left.`,
		example: `  sesame pin                              # 6 digits
  sesame pin -l 4 --no-trivial
  sesame pin --min-bits 30`,
	},
}

// newModeCommand builds the password, phrase, token or pin command.
func newModeCommand(env *environment, mode settings.Mode) *cobra.Command {
	doc := modeDocs[mode]
	scratch := settings.Default()
	var (
		out outputFlags
		fs  *flagSet
	)
	cmd := &cobra.Command{
		Use:     doc.use,
		Aliases: doc.aliases,
		Short:   doc.short,
		Long:    doc.long,
		Example: doc.example,
		Args:    noArgs(sizeFlag[mode]),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkPasswordFlags(fs); err != nil {
				return err
			}
			s := settings.Default()
			fs.apply(&s)
			if err := finishFlags(env, cmd, fs, &out, &s); err != nil {
				return err
			}
			return generate(env, cmd, fs, &out, s, mode)
		},
	}
	cmd.SetFlagErrorFunc(flagErrorFunc)
	fs = newFlagSet(cmd.Flags(), &scratch)
	switch mode {
	case settings.Password:
		addPasswordFlags(fs)
	case settings.Phrase:
		addPhraseFlags(fs)
	case settings.Token:
		addTokenFlags(fs)
	case settings.PIN:
		addPINFlags(fs, true)
	}
	addOutputFlags(cmd.Flags(), &out, true)
	addClearAfterFlag(fs)
	return cmd
}

// checkPasswordFlags rejects contradictory password flags.
func checkPasswordFlags(fs *flagSet) error {
	if err := fs.contradictions("lower", "upper", "digits", "symbols"); err != nil {
		return err
	}
	if fs.changed("alphabet") && fs.scratch.Password.Alphabet == "" {
		return usagef("--alphabet is empty: give the characters to use, or leave it out for the classes")
	}
	if fs.changed("alphabet") {
		for _, n := range []string{"lower", "upper", "digits", "symbols", "space", "no-lower", "no-upper", "no-digits", "no-symbols", "symbol-set"} {
			if fs.changed(n) {
				return usagef("--alphabet replaces the character classes, so --%s has no effect: drop one of them", n)
			}
		}
	}
	if fs.changed("separator") && fs.changed("random-separator") {
		return usagef("--separator and --random-separator both set what goes between words: give one")
	}
	return nil
}

// finishFlags settles what single flags cannot: a maximum of 0 means none
// of the class, and flags that would silently do nothing are refused.
func finishFlags(env *environment, cmd *cobra.Command, fs *flagSet, out *outputFlags, s *settings.Settings) error {
	for _, c := range generator.Classes() {
		name := c.String()
		cp := s.Password.Class(c)
		if fs.changed("max-" + name) {
			if cp.Max == 0 && cp.Min > 0 {
				return usagef("--max-%s 0 contradicts --min-%s %d: give one", name, name, cp.Min)
			}
			cp.HasMax = true // "at most 0" is none at all
		}
	}
	if fs.changed("symbol-set") && s.Password.SymbolSet == "" {
		return usagef("--symbol-set is empty: give the symbols to use, or --no-symbols for none")
	}
	if s.Phrase.Wordlist == "-" {
		list, warns, err := generator.ParseWordlist("stdin", env.stdin)
		warn(env.stderr, warns)
		if err != nil {
			return err
		}
		settings.UseWordlist("-", list)
	}
	copying := cmd.Flags().Changed("copy")
	if fs.changed("clear-after") && !copying && cmd.HasParent() {
		return usagef("--clear-after only applies with --copy")
	}
	if copying && env.stdoutTTY && out.count > 1 {
		return usagef("--copy copies one result and, at a terminal, prints none: drop -n, or redirect the output to keep them all")
	}
	if copying && s.Token.Format == generator.TokenRaw && (cmd.Name() == "token" || s.Mode == settings.Token) {
		return usagef("--copy cannot put raw bytes on the clipboard: choose another --format")
	}
	return nil
}

// sizeFlag names the flag that sets each mode's size.
var sizeFlag = map[settings.Mode]string{settings.Password: "length", settings.Phrase: "words", settings.Token: "bytes", settings.PIN: "length"}

// generate applies --min-bits, builds the mode's generator and prints.
func generate(env *environment, cmd *cobra.Command, fs *flagSet, out *outputFlags, s settings.Settings, mode settings.Mode) error {
	note := ""
	if cmd.Flags().Changed("min-bits") {
		flag := sizeFlag[mode]
		if fs.changed(flag) {
			return usagef("--%s and --min-bits both set the size: give one", flag)
		}
		n, err := minSize(&s, mode, out.minBits)
		if err != nil {
			return err
		}
		note = fmt.Sprintf("--%s %d chosen for --min-bits %s", flag, n, strconv.FormatFloat(out.minBits, 'f', -1, 64))
	}
	g, warns, err := s.Generator(mode)
	warn(env.stderr, warns)
	if err != nil {
		return err
	}
	res := result{mode: mode.String(), gen: g, details: details(mode, s, g), note: note}
	if mode == settings.Token && s.Token.Format == generator.TokenRaw {
		res.binary = true
	}
	return emit(env, out, res, s.ClearAfter)
}

// minSize sets the mode's size to the smallest reaching bits.
func minSize(s *settings.Settings, mode settings.Mode, bits float64) (int, error) {
	switch mode {
	case settings.Password:
		n, err := generator.MinLength(s.Password, bits)
		s.Password.Length = n
		return n, err
	case settings.Phrase:
		pp, _, err := s.Phrase.PhrasePolicy()
		if err != nil {
			return 0, err
		}
		n, err := generator.MinWords(pp, bits)
		s.Phrase.Words = n
		return n, err
	case settings.Token:
		n, err := generator.MinTokenBytes(bits)
		s.Token.Bytes = n
		return n, err
	}
	n, err := generator.MinPINLength(s.PIN.NoTrivial, bits)
	s.PIN.Length = n
	return n, err
}
