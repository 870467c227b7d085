package cli

import (
	"fmt"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Help for the mistakes people make most: a misspelt flag, a flag of
// another command, a negative number, pwgen's positional length.

// unknownFlagMessage explains an unknown flag given to cmd.
func unknownFlagMessage(cmd *cobra.Command, e *pflag.NotExistError) string {
	name := e.GetSpecifiedName()
	shorts := e.GetSpecifiedShortnames()
	where := commandName(cmd)
	shown := "--" + name
	if shorts != "" {
		shown = "-" + name
	}
	if shorts != "" && name[0] >= '0' && name[0] <= '9' {
		if cmd.Name() == "number" {
			return fmt.Sprintf("unknown flag -%s for %s: to give a negative number write it as a number, e.g. sesame number -10 10", shorts, where)
		}
		return fmt.Sprintf("unknown flag -%s for %s (see %s --help)", shorts, where, cmd.CommandPath())
	}
	var mine []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			mine = append(mine, f.Name)
		}
	})
	if shorts == "" {
		// openssl's habit: the format as a flag (--hex, --base64).
		if v := choiceValueFlag(cmd, name); v != "" {
			return fmt.Sprintf("unknown flag %s for %s: did you mean %s?", shown, where, v)
		}
		if s := settings.Closest(name, mine); s != "" {
			return fmt.Sprintf("unknown flag %s for %s: did you mean --%s?", shown, where, s)
		}
	}
	// A flag of another command?
	var owners []string
	for _, c := range cmd.Root().Commands() {
		if c == cmd || c.Hidden {
			continue
		}
		f := c.Flags().Lookup(name)
		if shorts != "" {
			// pflag panics on a shorthand that is not one ASCII byte.
			f = nil
			if len(name) == 1 {
				f = c.Flags().ShorthandLookup(name)
			}
		}
		if f != nil {
			owners = append(owners, c.Name())
		}
	}
	if len(owners) > 0 {
		return fmt.Sprintf("%s is a flag of sesame %s, not of %s (see %s --help)", shown, settings.AndList(owners), cmd.CommandPath(), cmd.CommandPath())
	}
	if root := cmd.Root(); root != cmd && shorts == "" {
		if f := root.Flags().Lookup(name); f != nil && !f.Hidden {
			return fmt.Sprintf("%s is a flag of sesame itself (the interactive program), not of %s: write sesame %s", shown, cmd.CommandPath(), shown)
		}
	}
	return fmt.Sprintf("unknown flag %s for %s (see %s --help)", shown, where, cmd.CommandPath())
}

// oneDashHint returns what a word written after one dash most likely
// meant: a flag of cmd (--symbols), or a value of one of its choices
// (--format hex); "" if nothing.
func oneDashHint(cmd *cobra.Command, word string) string {
	if f := cmd.Flags().Lookup(word); f != nil && !f.Hidden {
		return "--" + word
	}
	return choiceValueFlag(cmd, word)
}

// choiceValueFlag returns the flag and value that word names when it is a
// value of one of cmd's choices ("--format hex" for hex), or "".
func choiceValueFlag(cmd *cobra.Command, word string) string {
	for _, d := range settings.All() {
		if d.Kind() != settings.ChoiceKind || cmd.Flags().Lookup(d.Name) == nil {
			continue
		}
		for _, name := range d.ChoiceNames(true) {
			if strings.EqualFold(name, word) {
				return "--" + d.Name + " " + name
			}
		}
	}
	return ""
}

func commandName(cmd *cobra.Command) string {
	if cmd.HasParent() {
		return cmd.Name()
	}
	return "sesame"
}

// rootArgs rejects words after sesame itself: a mistyped command, or a
// command after -- (which cobra does not read as one).
func rootArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, sub := range c.Commands() {
		if sub.Hidden {
			continue
		}
		if sub.Name() == args[0] || sub.HasAlias(args[0]) {
			return usagef("%q after -- is read as an argument, not a command: write sesame %s without the --", args[0], args[0])
		}
		names = append(names, sub.Name())
	}
	if isNumber(args[0]) {
		return usagef("sesame takes no size: write sesame pw %s (or sesame --length %s for the interactive program)", args[0], args[0])
	}
	if s := settings.Closest(args[0], names); s != "" {
		return usagef("unknown command %q: did you mean %s?", args[0], s)
	}
	return usagef("unknown command %q: use %s (see sesame --help)", args[0], settings.OrList(append(settings.ModeNames(), "number")))
}

// sizeArgs accepts what pwgen and openssl users type after a command: the
// size, then the count (sesame pw 16 5, sesame token 32).
func sizeArgs(size string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		for i, a := range args {
			if i >= 2 || !isNumber(a) {
				return usagef("%s takes at most a size and a count (%s [%s [COUNT]]), got %q (see %s --help)",
					commandName(c), c.CommandPath(), strings.ToUpper(size), a, c.CommandPath())
			}
		}
		return nil
	}
}

// isNumber reports whether a word starts as a number does (an optional
// "-", then a digit): a size, a count or a bound, however spelt (1_000,
// 0x10). Which spellings are accepted is the parsers' decision
// (settings.ParseDecimal), so that a misspelt number gets their hint
// rather than "unknown flag" or "too many words". (No regexp: a
// package-level one is compiled at every start of every command.)
func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && '0' <= s[0] && s[0] <= '9'
}

// numberArgs lets `sesame number -10 10` work without `--`: the negative
// bounds of the number command are moved after a `--`, keeping every flag
// (and a flag's value) before it.
func numberArgs(args []string) []string {
	i := indexOf(args, "number")
	if i < 0 || !onlyFlagsBefore(args[:i]) {
		return args
	}
	takesValue := numberValueFlags()
	var flags, nums []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			nums = append(nums, rest[j+1:]...)
			j = len(rest)
		case isNumber(a) || !strings.HasPrefix(a, "-"):
			nums = append(nums, a) // a bound (or a word the command will reject)
		default:
			flags = append(flags, a)
			if takesValue[a] && j+1 < len(rest) {
				j++
				flags = append(flags, rest[j])
			}
		}
	}
	out := append(append(append([]string{}, args[:i+1]...), flags...), "--")
	return append(out, nums...)
}

// numberValueFlags are the number command's flags that take a value, as
// they may be written (--count, -n), from the command itself.
var numberValueFlags = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	newNumberCommand(&environment{}).Flags().VisitAll(func(f *pflag.Flag) {
		if f.NoOptDefVal == "" {
			out["--"+f.Name] = true
			if f.Shorthand != "" {
				out["-"+f.Shorthand] = true
			}
		}
	})
	return out
})

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// onlyFlagsBefore reports whether the words before a subcommand are root
// flags (so "number" really is the subcommand, not a flag's value).
func onlyFlagsBefore(xs []string) bool {
	for _, x := range xs {
		if !strings.HasPrefix(x, "-") {
			return false
		}
	}
	return true
}
