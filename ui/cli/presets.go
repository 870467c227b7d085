package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// newPresetsCommand lists the presets with what they make and how strong.
func newPresetsCommand(env *environment) *cobra.Command {
	var noConfig bool
	cmd := &cobra.Command{
		Use:   "presets",
		Short: "List the presets: built in, and saved with --save-preset",
		Long: `List the presets --preset takes: the built-in ones, and those saved in the
settings file with --save-preset NAME (or S in the interactive program),
with what each makes and its exact strength.

The built-in ones: alnum (letters and digits), safe (letters, digits and
-._, which need no quoting in a shell, a URL, a .env file, YAML or JSON),
and python (the Python documentation's recipe: 10 letters and digits with
at least one lower-case letter, one upper-case letter and three digits).`,
		Example: `  sesame presets
  sesame pw --preset safe -l 32
  sesame pp -w 5 --case title --save-preset mine
  sesame --preset mine`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("presets takes no arguments, got %q (see sesame presets --help)", args[0])
			}
			return nil
		},
		RunE: func(*cobra.Command, []string) error {
			path := ""
			if !noConfig {
				path, _ = configPath(env)
			}
			presets, warn := settings.Presets(path)
			if warn != "" {
				say(env.stderr, "warning: "+warn)
			}
			w := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
			for _, p := range presets {
				where := "saved"
				if p.Builtin {
					where = "built in"
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", p.Name, p.Mode, presetStrength(p), where, presetSummary(p))
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&noConfig, "no-config", false, "list only the built-in presets")
	return cmd
}

// presetStrength is the preset's figure, as --entropy prints it.
func presetStrength(p settings.Preset) string {
	g, _, err := p.Settings.Generator(p.Mode)
	if err != nil {
		return "?"
	}
	e := g.Entropy()
	bits := strconv.FormatFloat(e.Rounded(), 'f', 2, 64) + " bits"
	switch e.Bound {
	case generator.LowerBound:
		bits = "≥ " + bits
	case generator.UpperBound:
		bits = "≤ " + bits
	}
	return bits
}

// presetSummary says in a few words what a preset makes.
func presetSummary(p settings.Preset) string {
	if p.About != "" {
		return p.About
	}
	s := p.Settings
	g, _, err := s.Generator(p.Mode)
	switch p.Mode {
	case settings.Password:
		if pw, ok := g.(*generator.Password); ok && err == nil {
			out := fmt.Sprintf("%d characters from %d", s.Password.Length, pw.AlphabetSize())
			if a, _, _ := s.Password.AppliedRules(); a != nil {
				out += ", " + a.Name()
			}
			return out
		}
		if s.Password.Styled() && err == nil {
			out := fmt.Sprintf("%s, %d characters", s.Password.Style, s.Password.Length)
			if s.Password.Style == generator.StyleApple {
				out = fmt.Sprintf("apple, %d characters", generator.AppleLength)
			}
			if a, _, _ := s.Password.AppliedRules(); a != nil {
				out += ", " + a.Name()
			}
			return out
		}
		return fmt.Sprintf("%d characters", s.Password.Length)
	case settings.Phrase:
		ph := s.Phrase
		d := ph.RulesApplied()
		if d != nil {
			ph.Words, ph.Case = d.Policy.Words, d.Policy.Case
		}
		out := strings.TrimSpace(fmt.Sprintf("%d %s words", ph.Words, ph.Case)) + " from " + ph.Wordlist
		if d != nil {
			out += ", " + d.Name()
		}
		return out
	case settings.Token:
		return fmt.Sprintf("%d bytes as %s", s.Token.Bytes, s.Token.Format)
	}
	return fmt.Sprintf("%d digits", s.PIN.Length)
}
