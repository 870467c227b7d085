// Package assets holds the data sesame embeds in its binary: the built-in
// passphrase wordlists, the websites' password rules (siterules.go), and
// their attributions, with that of the look-alike table
// (confusables/ATTRIBUTION.md), which sesame credits prints.
//
// The wordlists are the Electronic Frontier Foundation's diceware lists
// (© 2016 EFF, CC BY 3.0 US), unchanged except for their file names (see
// wordlists/ATTRIBUTION.md); the German and Brazilian Portuguese lists of
// the diceware program (CC BY 3.0; wordlists/ATTRIBUTION-diceware.md); and
// the Czech, Spanish, French, Italian and Portuguese lists of BIP-39 (MIT;
// wordlists/ATTRIBUTION-bip39.md). The attributions are embedded too so
// that the program can show them. make wordlists refreshes the lists of
// other languages (generator/internal/genwordlists).
package assets

import "embed"

// Wordlists holds the lists (wordlists/*.txt, one word per line,
// lower-case, NFC) and their attributions (wordlists/ATTRIBUTION*.md).
//
//go:embed wordlists/*.txt wordlists/ATTRIBUTION*.md
var Wordlists embed.FS

// Paths of the embedded files inside [Wordlists].
const (
	EFFLarge            = "wordlists/eff-large.txt"
	EFFShort            = "wordlists/eff-short.txt"
	EFFShort2           = "wordlists/eff-short2.txt"
	Czech               = "wordlists/cs.txt"
	German              = "wordlists/de.txt"
	Spanish             = "wordlists/es.txt"
	French              = "wordlists/fr.txt"
	Italian             = "wordlists/it.txt"
	Portuguese          = "wordlists/pt.txt"
	BrazilianPortuguese = "wordlists/pt-br.txt"
)

// WordlistAttributions are the attributions of the wordlists, in the
// order sesame credits prints them: the EFF's, diceware's, BIP-39's.
var WordlistAttributions = []string{
	"wordlists/ATTRIBUTION.md",
	"wordlists/ATTRIBUTION-diceware.md",
	"wordlists/ATTRIBUTION-bip39.md",
}
