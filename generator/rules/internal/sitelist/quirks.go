package sitelist

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Two more files of the same repository, read the same strict way so that
// the refresh tool refuses what the program could not use.

// Group is one entry of quirks/shared-credentials.json: domains on which
// one account, and so one password, works. Either Shared lists domains
// that all share it, or From lists domains whose credentials work on the
// To domains (the file's one-way form, used when a site moved).
type Group struct {
	Shared   []string
	From, To []string
}

// group is a Group as the file writes it.
type group struct {
	Shared    []string `json:"shared"`
	From      []string `json:"from"`
	To        []string `json:"to"`
	Obsoleted *bool    `json:"fromDomainsAreObsoleted"` // read so that it is not refused; unused
}

// DecodeShared reads quirks/shared-credentials.json: a JSON array of
// {"shared": [DOMAIN, …]} and {"from": […], "to": […]} objects. It refuses
// a member it does not know, an entry that is neither form, and a domain
// that is not a lower-case host name.
func DecodeShared(data string) ([]Group, error) {
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	var raw []group
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("reading the shared-credentials list: %w", err)
	}
	if err := expectEOF(dec); err != nil {
		return nil, fmt.Errorf("shared-credentials list: %w", err)
	}
	out := make([]Group, 0, len(raw))
	for i, g := range raw {
		var err error
		switch {
		case len(g.Shared) >= 2 && g.From == nil && g.To == nil:
			err = checkDomains(g.Shared)
		case g.Shared == nil && len(g.From) > 0 && len(g.To) > 0:
			err = errors.Join(checkDomains(g.From), checkDomains(g.To))
		default:
			err = errors.New(`expected "shared" with two domains or more, or both "from" and "to"`)
		}
		if err != nil {
			return nil, fmt.Errorf("shared-credentials list: entry %d: %w", i+1, err)
		}
		out = append(out, Group{Shared: g.Shared, From: g.From, To: g.To})
	}
	return out, nil
}

func checkDomains(ds []string) error {
	for _, d := range ds {
		if !IsHostName(d) {
			return fmt.Errorf("%q is not a lower-case domain name", d)
		}
	}
	return nil
}

// ChangeURL is one entry of quirks/change-password-URLs.json: the page of
// Domain where a signed-in user changes the password.
type ChangeURL struct {
	Domain, URL string
}

// maxURLLength bounds a change-password address; the longest in the list
// is under 200 characters.
const maxURLLength = 2048

// DecodeChangeURLs reads quirks/change-password-URLs.json: a JSON object
// mapping each domain to an address. sesame prints these addresses for the
// user to open, so it takes only what is safe to print and to follow: an
// https address with a host, in printable ASCII (no control character
// that could rewrite the terminal, no look-alike letter from another
// script), at most 2,048 characters.
func DecodeChangeURLs(data string) ([]ChangeURL, error) {
	dec := json.NewDecoder(strings.NewReader(data))
	if tok, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("reading the change-password list: %w", err)
	} else if tok != json.Delim('{') {
		return nil, fmt.Errorf("change-password list: expected \"{\", found %v", tok)
	}
	var out []ChangeURL
	seen := make(map[string]bool)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("reading the change-password list: %w", err)
		}
		domain, _ := tok.(string)
		if !IsHostName(domain) {
			return nil, fmt.Errorf("change-password list: %q is not a lower-case domain name", domain)
		}
		if seen[domain] {
			return nil, fmt.Errorf("change-password list: %q is listed twice", domain)
		}
		seen[domain] = true
		var u string
		if err := dec.Decode(&u); err != nil {
			return nil, fmt.Errorf("change-password list: entry %q: %w", domain, err)
		}
		if err := checkURL(u); err != nil {
			return nil, fmt.Errorf("change-password list: entry %q: %w", domain, err)
		}
		out = append(out, ChangeURL{Domain: domain, URL: u})
	}
	if _, err := dec.Token(); err != nil { // the closing '}': More said no more members
		return nil, fmt.Errorf("reading the change-password list: %w", err)
	}
	if err := expectEOF(dec); err != nil {
		return nil, fmt.Errorf("change-password list: %w", err)
	}
	return out, nil
}

func checkURL(s string) error {
	if len(s) > maxURLLength {
		return fmt.Errorf("the address is longer than %d characters", maxURLLength)
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return fmt.Errorf("the address %q holds a character that is not printable ASCII", s)
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if u.Scheme != "https" || u.Host == "" || u.User != nil {
		return fmt.Errorf("the address %q is not an https address with a host and no user name", s)
	}
	return nil
}

func expectEOF(dec *json.Decoder) error {
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("unexpected data after the end")
	}
	return nil
}
