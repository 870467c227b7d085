package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/ui/settings"
)

const rootLong = `sesame makes passwords, passphrases, tokens and PINs, and tells you exactly
how strong they are: the entropy is log2 of the number of possible results,
counted exactly under every constraint you set.

At a terminal, sesame with no command starts the interactive generator;
the flags below set its starting form, and its settings are remembered
between runs (--no-config ignores them). In a pipe, or with -n, --json,
--entropy, --copy or --min-bits, it prints a password instead (or the mode
chosen with --mode, or the mode whose flags are given), one per line.

Every flag of the password, phrase, token and pin commands is accepted here
too (--no-symbols, --min-digits 2, --case title, --format base62, ...), to
set the interactive program's starting form; their help lists them.

Numbers are written in plain decimal digits everywhere (1000, not 1_000,
1,000 or 0x3e8); --min-bits may have a fraction (77.54).`

const rootExample = `  sesame                          # the interactive generator
  sesame --length 32 --no-symbols # ... starting from these settings
  sesame | pbcopy                 # one default password into a pipe
  sesame pw -l 24 --min-digits 3  # a password, scriptable
  sesame pp -w 7 --case title     # a passphrase
  sesame token --format base62 --prefix sk_ --checksum
  sesame pin --no-trivial
  sesame number 1 49 -n 6 --unique`

// newRoot builds sesame's command tree for running args (nil: the whole
// tree, for any command line). Each command only parses: its flags become
// a request, which execute carries out.
func newRoot(env *environment, args []string) *cobra.Command {
	var f *flagSet
	root := &cobra.Command{
		Use:           "sesame",
		Short:         "Generate passwords, passphrases, tokens and PINs with exact strength",
		Long:          rootLong,
		Example:       rootExample,
		Version:       version(),
		Args:          rootArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			req, err := parseRequest(f, "sesame", true, settings.Password, nil, env.stdoutTTY, env.stdinTTY)
			if err != nil {
				return err
			}
			return execute(cmd.Context(), env, req)
		},
	}
	// Before the completion command is added: it takes its writer then.
	root.SetOut(env.stdout)
	root.SetErr(env.stderr)
	root.SetVersionTemplate("sesame {{.Version}}\n")
	root.SetFlagErrorFunc(flagErrorFunc)
	f = newFlagSet(root.Flags())
	// Every setting is a flag of sesame itself, to set the interactive
	// program's starting form; the modes' are hidden here, but for their
	// sizes, to keep the help short, and documented on their commands.
	for _, m := range settings.Modes() {
		for _, d := range settings.Of(m) {
			f.addSetting(d, !d.Size)
		}
	}
	for _, d := range settings.Of(settings.Common) {
		f.addSetting(d, false)
	}
	f.addRunOptions(true, false)
	for _, m := range settings.Modes() {
		root.AddCommand(newModeCommand(env, m))
	}
	root.AddCommand(newNumberCommand(env), newPwgenCommand(env), newPresetsCommand(env), newCreditsCommand(env), newClearerCommand(env))
	finishRoot(root, args)
	return root
}

// newModeCommand builds the password, phrase, token or pin command.
func newModeCommand(env *environment, mode settings.Mode) *cobra.Command {
	doc := modeDocs[mode]
	size := settings.SizeOf(mode)
	var f *flagSet
	cmd := &cobra.Command{
		Use:     mode.String() + " [" + strings.ToUpper(size.Name) + " [COUNT]]",
		Aliases: mode.Aliases(),
		Short:   doc.short,
		Long:    doc.long,
		Example: doc.example,
		Args:    sizeArgs(size.Name),
		RunE: func(cmd *cobra.Command, args []string) error {
			req, err := parseRequest(f, mode.String(), false, mode, args, env.stdoutTTY, env.stdinTTY)
			if err != nil {
				return err
			}
			return execute(cmd.Context(), env, req)
		},
	}
	f = newFlagSet(cmd.Flags())
	for _, d := range settings.Of(mode) {
		f.addSetting(d, false)
	}
	f.addRunOptions(false, false)
	for _, d := range settings.Of(settings.Common) {
		if !d.RootOnly {
			f.addSetting(d, false)
		}
	}
	return cmd
}
