package cli

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// sesame pwgen: a drop-in for pwgen (README, "A drop-in for pwgen"), for
// the programs and scripts that call it. Its options have pwgen's
// meanings, read in order as pwgen reads them (the last of -c and -A
// wins), and become settings of the password mode: pronounceable passwords
// of our uniform style by default, random ones with -s.

// pwgen's defaults and fixed sets, from its manual page and behaviour.
const (
	pwgenLength = 8
	// pwgenAmbiguous is what pwgen -B leaves out.
	pwgenAmbiguous = "B8G6I1l0OQDS5Z2"
	// pwgenVowels is what pwgen -v leaves out: vowels, and the digits
	// that look like them.
	pwgenVowels = "01aeiouyAEIOUY"
	// pwgenShortest is the shortest length pwgen makes pronounceable:
	// below it pwgen makes random passwords, and so does sesame.
	pwgenShortest = 5
	// pwgenRows is how many rows of columns pwgen prints by default.
	pwgenRows = 20
	// pwgenWidth is the width pwgen assumes when stdout is not a terminal.
	pwgenWidth = 80
)

// pwgenRequest is what pwgen's options ask for.
type pwgenRequest struct {
	caps, digits, symbols bool
	random                bool   // -s, -v, or a length below pwgenShortest
	exclude               string // -r, -B, -v
	columns               bool
	count                 int // 0: pwgen's default
	length                int
}

func newPwgenCommand(env *environment) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pwgen [flags] [LENGTH] [COUNT]",
		Short: "Print passwords as pwgen does, with pwgen's options, drawn uniformly",
		Long: `Print passwords as pwgen prints them, taking pwgen's options with pwgen's
meanings, for programs and scripts that call pwgen. They are pronounceable
(sesame's pronounceable style, uniform over its syllables, with the
offensive-word blocklist left out) unless -s asks for random ones, 8
characters by default, with at least one capital and one digit unless -A
or -0 says otherwise. Below 5 characters they are random, as pwgen's are.
At a terminal they fill 20 rows of columns; into a pipe, one password is
printed, one a line (-C and -1 choose).

-B leaves out pwgen's look-alikes, ` + pwgenAmbiguous + `; -v leaves out
vowels and the digits 0 and 1 (random passwords, as pwgen's -v); -r leaves
out the characters given, while keeping the syllables: the pronounceable
style removes characters exactly. -H (--sha1) is refused: it derives
passwords from a file, so anyone with the file can make them again.`,
		Example: `  sesame pwgen                   # a screenful at a terminal, one password in a pipe
  sesame pwgen -s 16 5            # five random passwords of 16
  sesame pwgen -cny -B 12 -N 3
  sesame pwgen -1 10 4            # four, one a line`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			req, help, err := parsePwgen(cmd.Flags(), args, env.stdoutTTY)
			if err != nil || help {
				if help {
					return cmd.Help()
				}
				return err
			}
			return runPwgen(env, req)
		},
	}
	fs := cmd.Flags()
	fs.BoolP("capitalize", "c", false, "at least one capital letter (the default)")
	fs.BoolP("no-capitalize", "A", false, "no capital letters")
	fs.BoolP("numerals", "n", false, "at least one digit (the default)")
	fs.BoolP("no-numerals", "0", false, "no digits")
	fs.BoolP("symbols", "y", false, "at least one symbol")
	fs.StringP("remove-chars", "r", "", "leave out these characters")
	fs.BoolP("secure", "s", false, "completely random passwords")
	fs.BoolP("ambiguous", "B", false, "leave out the look-alikes "+pwgenAmbiguous)
	fs.BoolP("no-vowels", "v", false, "random passwords without vowels, 0 or 1")
	fs.BoolP("columns", "C", false, "print in columns (the default at a terminal)")
	fs.BoolP("one-per-line", "1", false, "print one password a line (the default in a pipe)")
	fs.StringP("num-passwords", "N", "", "how many passwords (a screenful in columns, else 1)")
	fs.BoolP("alt-phonics", "a", false, "does nothing, as in pwgen")
	fs.StringP("sha1", "H", "", "refused: it derives passwords from a file")
	return cmd
}

// parsePwgen reads pwgen's options in order, then the length and count.
func parsePwgen(fs *pflag.FlagSet, args []string, stdoutTTY bool) (*pwgenRequest, bool, error) {
	req := &pwgenRequest{caps: true, digits: true, columns: stdoutTTY, length: pwgenLength}
	help := false
	fs.ParseErrorsAllowlist.UnknownFlags = false
	fs.Usage = func() {}
	err := fs.ParseAll(args, func(f *pflag.Flag, value string) error {
		switch f.Name {
		case "help":
			help = true
		case "capitalize":
			req.caps = true
		case "no-capitalize":
			req.caps = false
		case "numerals":
			req.digits = true
		case "no-numerals":
			req.digits = false
		case "symbols":
			req.symbols = true
		case "remove-chars":
			req.exclude += value
		case "secure":
			req.random = true
		case "ambiguous":
			req.exclude += pwgenAmbiguous
		case "no-vowels":
			req.random = true
			req.exclude += pwgenVowels
		case "columns":
			req.columns = true
		case "one-per-line":
			req.columns = false
		case "num-passwords":
			if err := (&countValue{&req.count}).Set(value); err != nil {
				return usagef("-N (the number of passwords) %s, not %s%s", err, quoteShort(value), hintOf(err))
			}
		case "alt-phonics":
		case "sha1":
			return usagef("-H (--sha1) derives passwords from a file's SHA-1 hash, so anyone with the file can make them again; sesame draws every password from the system's random source: leave -H out")
		}
		return nil
	})
	if help {
		return nil, true, nil
	}
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			return nil, false, err
		}
		if msg, ok := flagParseMessage(nil, err); ok {
			return nil, false, usagef("pwgen: %s (see sesame pwgen --help)", strings.TrimSuffix(msg, " (see sesame --help)"))
		}
		return nil, false, usagef("pwgen: %v (see sesame pwgen --help)", err)
	}
	rest := fs.Args()
	if len(rest) > 2 {
		return nil, false, usagef("pwgen takes at most a length and a count, got %d arguments (%s)", len(rest), quoteShort(strings.Join(rest, " ")))
	}
	if len(rest) > 0 {
		n, err := settings.ParseDecimal(rest[0], 32)
		if err != nil || n < 1 || n > generator.MaxLength {
			hint := ""
			if h := settings.DecimalHint(rest[0]); h != "" {
				hint = " (" + h + ")"
			}
			return nil, false, usagef("the length after pwgen must be a whole number from 1 to %d, not %s%s", generator.MaxLength, quoteShort(rest[0]), hint)
		}
		req.length = int(n)
	}
	if len(rest) > 1 {
		if err := (&countValue{&req.count}).Set(rest[1]); err != nil {
			return nil, false, usagef("the count after the length %s, not %s%s", err, quoteShort(rest[1]), hintOf(err))
		}
	}
	if req.length < pwgenShortest {
		req.random = true
	}
	return req, false, nil
}

// settings are the password settings pwgen's options mean.
func (r *pwgenRequest) settings() settings.Settings {
	s := settings.Default()
	p := &s.Password
	p.Length = r.length
	p.Exclude = r.exclude
	p.Style = generator.StylePronounceable
	if r.random {
		p.Style = generator.StyleRandom
	}
	set := func(c *settings.Class, on bool) {
		*c = settings.Class{Use: on}
		if on {
			c.Min = 1
		}
	}
	set(&p.Upper, r.caps)
	set(&p.Digits, r.digits)
	set(&p.Symbols, r.symbols)
	return s
}

// pwgenName spells a setting a message names as the pwgen option that
// sets it.
func pwgenName(s generator.SettingName) string {
	switch s {
	case "min-upper", "max-upper", "upper":
		return "-c"
	case "min-digits", "max-digits", "digits":
		return "-n"
	case "min-symbols", "max-symbols", "symbols":
		return "-y"
	case "exclude":
		return "-r/-B/-v"
	case "length":
		return "the length"
	}
	return "--" + string(s)
}

// runPwgen prints the passwords: in columns as wide as the terminal (or
// pwgen's 80 characters in a pipe), or one a line.
func runPwgen(env *environment, r *pwgenRequest) (err error) {
	defer func() {
		if err != nil {
			err = &spelledError{err, pwgenName}
		}
	}()
	s := r.settings()
	g, warns, err := s.Generator(settings.Password)
	if err != nil {
		return withWarnings(err, warns)
	}
	warn(env.stderr, warns)
	cols := 1
	if r.columns {
		width := pwgenWidth
		if env.stdoutTTY && env.stdoutWidth != nil {
			if w := env.stdoutWidth(); w > 0 {
				width = w
			}
		}
		cols = max(width/(r.length+1), 1)
	}
	count := r.count
	if count == 0 {
		count = 1
		if r.columns {
			count = cols * pwgenRows
		}
	}
	if !r.columns {
		// One a line: streamed on every core, as sesame pw streams.
		return generator.Stream(env.stdout, g, generator.StreamOptions{Count: count, NewSource: env.newSource})
	}
	rnd := generator.NewRand(sourceOf(env))
	out := bufio.NewWriter(env.stdout)
	for i := range count {
		pw, err := g.Generate(rnd)
		if err != nil {
			return fmt.Errorf("generating a password: %w", err)
		}
		sep := byte('\n')
		if i%cols != cols-1 && i != count-1 {
			sep = ' '
		}
		out.WriteString(pw)
		out.WriteByte(sep)
	}
	return out.Flush()
}
