package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/ui"
	"github.com/sesame-sh/sesame/ui/settings"
)

const rootLong = `sesame makes passwords, passphrases, tokens and PINs, and tells you exactly
how strong they are: the entropy is log2 of the number of possible results,
counted exactly under every constraint you set.

At a terminal, sesame with no command starts the interactive generator;
the flags below set its starting form, and its settings are remembered
between runs (--no-config ignores them). In a pipe, or with -n, --json,
--entropy, --copy or --min-bits, it prints a password instead (or the mode
chosen with --mode), one per line.

Every flag of the password, phrase, token and pin commands is accepted here
too (--no-symbols, --min-digits 2, --case title, --format base62, ...), to
set the interactive program's starting form; their help lists them.`

const rootExample = `  sesame                          # the interactive generator
  sesame --length 32 --no-symbols # ... starting from these settings
  sesame | pbcopy                 # one default password into a pipe
  sesame pw -l 24 --min-digits 3  # a password, scriptable
  sesame pp -w 7 --case title     # a passphrase
  sesame token --format base62 --prefix sk_ --checksum
  sesame pin --no-trivial
  sesame number 1 49 -n 6 --unique`

func newRoot(env *environment) *cobra.Command {
	scratch := settings.Default()
	var (
		out      outputFlags
		noConfig bool
		fs       *flagSet
	)
	root := &cobra.Command{
		Use:           "sesame",
		Short:         "Generate passwords, passphrases, tokens and PINs with exact strength",
		Long:          rootLong,
		Example:       rootExample,
		Version:       version(),
		Args:          noArgs("length"),
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkPasswordFlags(fs); err != nil {
				return err
			}
			printing := !env.stdinTTY || !env.stdoutTTY
			for _, name := range []string{"count", "json", "entropy", "copy", "min-bits"} {
				printing = printing || cmd.Flags().Changed(name)
			}
			if printing {
				s := settings.Default()
				fs.apply(&s)
				rootLengthForPIN(fs, &s)
				if err := finishFlags(env, cmd, fs, &out, &s); err != nil {
					return err
				}
				return generate(env, cmd, fs, &out, s, s.Mode)
			}
			return startTUI(cmd, env, fs, noConfig)
		},
	}
	root.SetVersionTemplate("sesame {{.Version}}\n")
	root.SetFlagErrorFunc(flagErrorFunc)
	fs = newFlagSet(root.Flags(), &scratch)
	fs.choiceFlag("mode", "password", "password, phrase, token or pin", func(v string, s *settings.Settings) error {
		m, err := settings.ParseMode(v)
		s.Mode = m
		return err
	}, "starting tab, or what to print: password, phrase, token, pin")
	addPasswordFlags(fs)
	addPhraseFlags(fs)
	addTokenFlags(fs)
	addPINFlags(fs, false)
	addClearAfterFlag(fs)
	fs.boolFlag("mask", "", func(s *settings.Settings) *bool { return &s.Masked }, "start with the secret hidden (for screen sharing)")
	root.Flags().BoolVar(&noConfig, "no-config", false, "ignore and don't save the remembered settings")
	addOutputFlags(root.Flags(), &out, true)
	// Keep the root help short: the mode flags are documented on their
	// commands.
	for _, name := range []string{"lower", "upper", "digits", "symbols", "space", "no-lower", "no-upper", "no-digits", "no-symbols",
		"min-lower", "min-upper", "min-digits", "min-symbols", "min-space", "max-lower", "max-upper", "max-digits", "max-symbols", "max-space",
		"max-consecutive", "symbol-set", "alphabet", "exclude", "no-ambiguous", "separator", "random-separator", "case", "number",
		"wordlist", "format", "prefix", "checksum", "no-trivial"} {
		root.Flags().MarkHidden(name)
	}
	root.AddCommand(newModeCommand(env, settings.Password), newModeCommand(env, settings.Phrase),
		newModeCommand(env, settings.Token), newModeCommand(env, settings.PIN), newNumberCommand(env), newClearerCommand(env))
	finishRoot(root)
	return root
}

// modeFlags are the root flags that belong to one mode.
var modeFlags = map[settings.Mode][]string{
	settings.Password: {"length", "lower", "upper", "digits", "symbols", "space", "no-lower", "no-upper", "no-digits", "no-symbols",
		"min-lower", "min-upper", "min-digits", "min-symbols", "min-space", "max-lower", "max-upper", "max-digits", "max-symbols", "max-space",
		"max-consecutive", "symbol-set", "alphabet", "exclude", "no-ambiguous"},
	settings.Phrase: {"words", "separator", "random-separator", "case", "number", "wordlist"},
	settings.Token:  {"bytes", "format", "prefix", "checksum"},
	settings.PIN:    {"no-trivial"},
}

// startOnFlaggedMode opens the tab whose settings the flags change
// (sesame --length 32 starts on Password even if Passphrase was open last
// time), unless --mode says otherwise.
func startOnFlaggedMode(fs *flagSet, s *settings.Settings) {
	if fs.changed("mode") {
		return
	}
	for _, m := range settings.Modes() {
		for _, name := range modeFlags[m] {
			if fs.changed(name) {
				s.Mode = m
				return
			}
		}
	}
}

// rootLengthForPIN lets --length set the PIN length when the starting mode
// is the PIN.
func rootLengthForPIN(fs *flagSet, s *settings.Settings) {
	if s.Mode == settings.PIN && fs.changed("length") {
		s.PIN.Length = s.Password.Length
	}
}

func addClearAfterFlag(fs *flagSet) {
	fs.intFlag("clear-after", "", func(s *settings.Settings) *int { return &s.ClearAfter }, 0, settings.MaxClearAfter,
		"seconds until a copy is cleared, if still ours (0: never)")
}

// startTUI builds the starting settings (defaults < remembered < flags) and
// runs the interactive program.
func startTUI(cmd *cobra.Command, env *environment, fs *flagSet, noConfig bool) error {
	s := settings.Default()
	var warnings []string
	path := ""
	if !noConfig {
		p, err := configPath(env)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("settings will not be remembered: %v", err))
		} else {
			path = p
			var w string
			s, w = settings.Load(path)
			if w != "" {
				warnings = append(warnings, w)
			}
		}
	}
	fs.apply(&s)
	startOnFlaggedMode(fs, &s)
	rootLengthForPIN(fs, &s)
	return env.runTUI(cmd.Context(), ui.Options{Settings: s, ConfigPath: path, Warnings: warnings})
}

func configPath(env *environment) (string, error) {
	if env.configDir != nil {
		dir, err := env.configDir()
		if err != nil {
			return "", err
		}
		return dir + "/sesame/config.json", nil
	}
	return settings.Path()
}
