package assets

import _ "embed" // for the go:embed directives below

// BlocklistEnglish is the English list of the "List of Dirty, Naughty,
// Obscene, and Otherwise Bad Words" (© Shutterstock, CC BY 4.0), byte for
// byte: one word or phrase a line. The memorable password styles leave out
// every password that contains one of them (README, "No offensive words").
//
//go:embed blocklist/en.txt
var BlocklistEnglish string

// BlocklistAttribution is blocklist/ATTRIBUTION.md: where
// [BlocklistEnglish] comes from, the upstream commit and the licence it is
// used under, which sesame credits prints.
//
//go:embed blocklist/ATTRIBUTION.md
var BlocklistAttribution string
