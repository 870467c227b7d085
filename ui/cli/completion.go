package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/generator"
)

// The completion and help commands answer unknown arguments with an error,
// like every other command, and completion offers the values of the flags
// that take names.

// finishRoot adds completion of flag values and strict completion and help
// commands.
func finishRoot(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		shells := []string{"bash", "zsh", "fish", "powershell"}
		c.Args = func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown shell %q: use %s", args[0], orList(shells))
			}
			return nil
		}
		c.RunE = func(c *cobra.Command, args []string) error {
			return usagef("completion needs a shell: sesame completion bash, zsh, fish or powershell")
		}
	}
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 || target == nil {
				return usagef("no help for %q: see sesame --help for the commands", strings.Join(args, " "))
			}
			return target.Help()
		},
	})
	values := map[string][]string{
		"case":             {"lower", "upper", "title", "random"},
		"random-separator": {"digit", "symbol"},
		"format":           generator.TokenFormats(),
		"mode":             {"password", "phrase", "token", "pin"},
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name, vals := range values {
			if c.Flags().Lookup(name) != nil {
				c.RegisterFlagCompletionFunc(name, fixed(vals))
			}
		}
		if c.Flags().Lookup("wordlist") != nil {
			c.RegisterFlagCompletionFunc("wordlist", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return slices.Clone(generator.BuiltinWordlists()), cobra.ShellCompDirectiveDefault // and files
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func fixed(vals []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}
