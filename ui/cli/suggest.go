package cli

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Help for the mistakes people make most: a misspelt flag, a flag of
// another command, a negative number, pwgen's positional length.

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a likely typo.
func closest(s string, candidates []string) string {
	if len(s) >= 3 { // a truncated name ("base64" for "base64url")
		for _, c := range candidates {
			if strings.HasPrefix(c, s) && c != s {
				return c
			}
		}
	}
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD || d == bestD && best == "" && d <= len(s)/3 {
			best, bestD = c, d
		}
	}
	if bestD > 2 || bestD > len(s)/2 {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

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
		if s := closest(name, mine); s != "" {
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
			if s := closest(args[0], []string{"password", "phrase", "token", "pin", "number", "completion", "help"}); s != "" {
				return usagef("unknown command %q: did you mean %s?", args[0], s)
			}
			return usagef("unknown command %q: use password, phrase, token, pin or number (see sesame --help)", args[0])
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
	takesValue := map[string]bool{"-n": true, "--count": true, "--clear-after": true}
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
