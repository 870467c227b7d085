package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/assets"
)

// newCreditsCommand prints where the data sesame embeds comes from and
// under which licence: the licences ask that their notices travel with
// every copy, and the binary is a copy.
func newCreditsCommand(env *environment) *cobra.Command {
	return &cobra.Command{
		Use:   "credits",
		Short: "Show where the built-in wordlists, website rules, look-alike table and blocklist come from, and their licences",
		Long: `Show the attribution and licence of the data built into sesame: the EFF's
diceware wordlists (CC BY 3.0 US), the German and Brazilian Portuguese
lists of the diceware program (CC BY 3.0), the Czech, Spanish, French,
Italian and Portuguese lists of BIP-39 (MIT), the lists of websites' password rules,
shared logins and change-password pages from Apple's
password-manager-resources (MIT), Unicode's table of look-alike
characters (Unicode licence; BSD 3-Clause for the Go module it comes from),
and the list of offensive words that memorable passwords leave out (the
"List of Dirty, Naughty, Obscene, and Otherwise Bad Words", CC BY 4.0).`,
		Example: `  sesame credits | less`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("credits takes no arguments, got %q", args[0])
			}
			return nil
		},
		RunE: func(*cobra.Command, []string) error {
			var text strings.Builder
			for _, file := range assets.WordlistAttributions {
				words, err := assets.Wordlists.ReadFile(file)
				if err != nil {
					return fmt.Errorf("reading the wordlists' attribution: %w", err)
				}
				text.Write(words)
				text.WriteString("\n")
			}
			text.WriteString(assets.SiteRulesAttribution + "\n" + assets.LookAlikesAttribution + "\n" + assets.BlocklistAttribution)
			_, err := io.WriteString(env.stdout, text.String())
			return err
		},
	}
}
