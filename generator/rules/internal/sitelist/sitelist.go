// Package sitelist decodes the list of websites' password rules in the
// format of quirks/password-rules.json in Apple's password-manager-resources
// repository: a JSON object that maps each domain to
//
//	{"password-rules": "minlength: 8; …", "exact-domain-match-only": true}
//
// where the second member is optional. Both the rules package, which embeds
// the list, and the tool that refreshes it read the list through here, so
// the tool refuses exactly what the program could not use.
package sitelist

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Entry is one site of the list.
type Entry struct {
	Domain string // lower-case, as in the list
	Rules  string // the rules string, not yet parsed
	// ExactOnly means the rules apply to Domain itself and not to its
	// subdomains ("exact-domain-match-only" in the list).
	ExactOnly bool
}

// value is the JSON object stored under each domain.
type value struct {
	Rules     *string `json:"password-rules"`
	ExactOnly bool    `json:"exact-domain-match-only"`
}

// Decode reads the list, in the order of the file. It refuses what would
// make a site unreachable or ambiguous: a domain that is not a lower-case
// host name, a domain listed twice, a member other than the two known
// ones, or an entry without rules.
func Decode(data string) ([]Entry, error) {
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var out []Entry
	seen := make(map[string]bool)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("reading the site list: %w", err)
		}
		domain, _ := tok.(string) // object keys are always strings
		if !IsHostName(domain) {
			return nil, fmt.Errorf("site list: %q is not a lower-case domain name", domain)
		}
		if seen[domain] {
			return nil, fmt.Errorf("site list: %q is listed twice", domain)
		}
		seen[domain] = true
		var v value
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("site list: entry %q: %w", domain, err)
		}
		if v.Rules == nil {
			return nil, fmt.Errorf("site list: entry %q has no \"password-rules\"", domain)
		}
		out = append(out, Entry{Domain: domain, Rules: *v.Rules, ExactOnly: v.ExactOnly})
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("site list: unexpected data after the closing '}'")
	}
	return out, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("reading the site list: %w", err)
	}
	if tok != want {
		return fmt.Errorf("site list: expected %q, found %v", want, tok)
	}
	return nil
}

// IsHostName reports whether s is a lower-case ASCII domain name of at
// least two labels: letters, digits and inner hyphens, no empty label.
func IsHostName(s string) bool {
	if len(s) == 0 || len(s) > 253 || !strings.Contains(s, ".") {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if !isLabel(label) {
			return false
		}
	}
	return true
}

func isLabel(l string) bool {
	if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
