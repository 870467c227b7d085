package cli

import (
	"fmt"
	"regexp"
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
			owners = append(owners, "sesame "+c.Name())
		}
	}
	if len(owners) > 0 {
		return fmt.Sprintf("%s is a flag of %s, not %s (see %s --help)", shown, strings.Join(owners, " and "), where, cmd.CommandPath())
	}
	return fmt.Sprintf("unknown flag %s for %s (see %s --help)", shown, where, cmd.CommandPath())
}

func commandName(cmd *cobra.Command) string {
	if cmd.HasParent() {
		return cmd.Name()
	}
	return "sesame"
}

// noArgs rejects stray words, with a hint when it looks like pwgen's
// positional length (sesame pw 16).
func noArgs(size string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		if c.HasSubCommands() && !isNumber(args[0]) {
			var names []string
			for _, sub := range c.Commands() {
				if !sub.Hidden {
					names = append(names, sub.Name())
				}
			}
			if s := settings.Closest(args[0], names); s != "" {
				return usagef("unknown command %q: did you mean %s?", args[0], s)
			}
			return usagef("unknown command %q: use %s (see sesame --help)", args[0], settings.OrList(append(settings.ModeNames(), "number")))
		}
		if size != "" && isNumber(args[0]) {
			return usagef("%s takes no arguments: to set the size write --%s %s", commandName(c), size, args[0])
		}
		return usagef("%s takes no arguments, got %q (see %s --help)", commandName(c), args[0], c.CommandPath())
	}
}

var numberRE = regexp.MustCompile(`^-?[0-9][0-9_]*$`)

func isNumber(s string) bool { return numberRE.MatchString(s) }

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
