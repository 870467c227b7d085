package rules

import (
	"strings"

	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

// hostOf extracts the host name from what a user may paste: a bare domain
// or a URL, in any case, with a scheme, user information, port, path,
// query or fragment, and a trailing dot. ok is false when no domain name
// remains (an IP address in brackets, a word with no dot, an empty string).
func hostOf(s string) (host string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if scheme, rest, found := strings.Cut(s, "://"); found && isScheme(scheme) {
		s = rest
	} else {
		s = strings.TrimPrefix(s, "//") // a scheme-relative URL
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		if !isDigits(s[i+1:]) {
			return "", false
		}
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	return s, sitelist.IsHostName(s)
}

// isScheme reports whether s is a URL scheme: a letter, then letters,
// digits, '+', '-' or '.'.
func isScheme(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Host returns the domain name that Lookup would read in s, a bare domain
// or a URL. ok is false when s names no domain, as a rules string never
// does: every rule has a name and a colon, and a domain needs a dot.
func Host(s string) (host string, ok bool) { return hostOf(s) }
