// Package assets holds the data sesame embeds in its binary: the built-in
// passphrase wordlists, the websites' password rules (siterules.go), and
// their attributions, with that of the look-alike table
// (confusables/ATTRIBUTION.md), which sesame credits prints.
//
// The wordlists are the Electronic Frontier Foundation's diceware lists
// (© 2016 EFF, CC BY 3.0 US), unchanged except for their file names; see
// wordlists/ATTRIBUTION.md, which is embedded too so that the program can
// show it.
package assets

import "embed"

// Wordlists holds wordlists/eff-large.txt, eff-short.txt and eff-short2.txt
// (one word per line) and wordlists/ATTRIBUTION.md.
//
//go:embed wordlists/eff-large.txt wordlists/eff-short.txt wordlists/eff-short2.txt wordlists/ATTRIBUTION.md
var Wordlists embed.FS

// Paths of the embedded files inside [Wordlists].
const (
	EFFLarge    = "wordlists/eff-large.txt"
	EFFShort    = "wordlists/eff-short.txt"
	EFFShort2   = "wordlists/eff-short2.txt"
	Attribution = "wordlists/ATTRIBUTION.md"
)
