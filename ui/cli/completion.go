package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/ui/settings"
)

// The completion and help commands answer unknown arguments with an error,
// like every other command, and completion offers the values of the flags
// that take names.

// finishRoot adds completion of flag values and strict completion and help
// commands. args is the command line to run (nil: any); a run of one of
// sesame's own commands lists neither sesame's commands nor completions,
// so it goes without the completion command, for which cobra writes four
// long help texts at every start (about 2% of a one-shot sesame pw).
func finishRoot(root *cobra.Command, args []string) {
	if runsOwnCommand(root, args) {
		root.CompletionOptions.DisableDefaultCmd = true
	} else {
		root.InitDefaultCompletionCmd()
	}
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		shells := []string{"bash", "zsh", "fish", "powershell"}
		c.Args = func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown shell %q: use %s", args[0], settings.OrList(shells))
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
	// Completion of flag values, from the settings table: a choice's
	// names, and a text's suggestions (with files where it takes one).
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, d := range settings.All() {
			if c.Flags().Lookup(d.Name) == nil || hasCompletion(c, d.Name) {
				continue
			}
			// Listed when asked, not at every start: a wordlist's
			// suggestions read the bundled lists, and the bundled
			// sites their table.
			var list func() []string
			directive := cobra.ShellCompDirectiveNoFileComp
			switch {
			case d.Kind() == settings.ChoiceKind:
				list = func() []string { return d.ChoiceNames(true) }
			case d.Suggest != nil:
				list = described(d.Suggest, d.Describe)
				if d.Files {
					directive = cobra.ShellCompDirectiveDefault // and files
				}
			case d.Complete != nil:
				list = d.Complete
			default:
				continue
			}
			c.RegisterFlagCompletionFunc(d.Name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return slices.Clone(list()), directive
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// described adds to each value its description, after a tab, which
// shells that show descriptions (zsh, fish, PowerShell) print beside it:
// the wordlists' languages, sizes and bits per word.
func described(values func() []string, describe func(string) string) func() []string {
	if describe == nil {
		return values
	}
	return func() []string {
		vs := values()
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = v
			if d := describe(v); d != "" {
				out[i] += "\t" + d
			}
		}
		return out
	}
}

// runsOwnCommand reports whether args start with the name or an alias of
// one of root's commands, other than cobra's completion and help (and the
// hidden requests of shell completion, which are neither).
func runsOwnCommand(root *cobra.Command, args []string) bool {
	if len(args) == 0 || args[0] == "completion" || args[0] == "help" {
		return false
	}
	for _, c := range root.Commands() {
		if c.Name() == args[0] || c.HasAlias(args[0]) {
			return true
		}
	}
	return false
}

// hasCompletion reports whether a flag of c already completes (a name
// two modes share is registered once).
func hasCompletion(c *cobra.Command, name string) bool {
	_, ok := c.GetFlagCompletionFunc(name)
	return ok
}
