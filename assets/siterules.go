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

// SharedCredentials is Apple's quirks/shared-credentials.json from the
// same repository and commit, byte for byte: groups of domains on which
// one login works. Package generator/rules reads it to find a site's rules
// under another name of the same login.
//
//go:embed rules/shared-credentials.json
var SharedCredentials string

// ChangePasswordURLs is Apple's quirks/change-password-URLs.json from the
// same repository and commit, byte for byte: for each domain, the page
// where a signed-in user changes the password.
//
//go:embed rules/change-password-URLs.json
var ChangePasswordURLs string

// LookAlikesAttribution is confusables/ATTRIBUTION.md: where the table of
// look-alike characters (generator/confusable_table.go) comes from, and
// the Unicode and BSD licences that must travel with it.
//
//go:embed confusables/ATTRIBUTION.md
var LookAlikesAttribution string
