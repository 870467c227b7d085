package assets

import _ "embed" // for the go:embed directives below

// SiteRules is the JSON list of websites' password rules from Apple's
// password-manager-resources repository (quirks/password-rules.json,
// © Apple Inc., MIT), byte for byte: an object mapping each domain to
// {"password-rules": RULE} and, optionally, "exact-domain-match-only".
// Package generator/rules parses it on first use.
//
//go:embed rules/password-rules.json
var SiteRules string

// SiteRulesAttribution is rules/ATTRIBUTION.md: where [SiteRules] comes
// from, the exact upstream commit, and the MIT licence text, which must
// travel with every copy of the list, the binary included.
//
//go:embed rules/ATTRIBUTION.md
var SiteRulesAttribution string
