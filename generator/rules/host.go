package rules

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/idna"

	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

// Reading the host out of what a user pastes. A URL is read as a browser
// reads it (the WHATWG URL Standard), because the site a user means is the
// one the browser would open: "https://chase.com\@evil.com" opens
// chase.com, since in http and https a backslash ends the host as '/'
// does; "https://user@evil.com\@chase.com" opens evil.com. A name without
// a scheme is read as the browser's address bar reads it, as an http URL,
// so "chase.com:443/login" is chase.com. A name in Unicode is converted
// to its ASCII (punycode) form by the same mapping browsers use (IDNA
// UTS #46, nontransitional), which also folds case and full-width
// letters, so the bundled entries, all ASCII, are found whichever way the
// name is written.

// specialSchemes are the schemes the URL Standard calls special: their
// URLs always have a host, and '\' counts as '/'.
var specialSchemes = map[string]bool{"http": true, "https": true, "ws": true, "wss": true, "ftp": true, "file": true}

// idnaProfile converts a host name as the URL Standard's "domain to
// ASCII" does: UTS #46 mapping, nontransitional, with the Bidi and
// ContextJ checks, and without the hyphen and DNS-length checks (the
// host-name check after it applies those). Built when first needed: most
// runs name no site.
var idnaProfile = sync.OnceValue(func() *idna.Profile {
	return idna.New(
		idna.MapForLookup(),
		idna.Transitional(false),
		idna.BidiRule(),
		idna.CheckJoiners(true),
		idna.CheckHyphens(false),
		idna.StrictDomainName(false),
		idna.VerifyDNSLength(false),
	)
})

// errNoHost is returned for input that holds no domain name at all, such
// as a rules string.
var errNoHost = errors.New("no domain name")

// ReadHost returns the domain name that Lookup and Find read in s, a bare
// domain or a URL, in lower-case ASCII. The error says what is wrong: no
// domain name (a rules string never reads as one: every rule has a name
// and a colon, and a domain needs a dot), an IP address, or a port that is
// not a number from 0 to 65535.
func ReadHost(s string) (string, error) {
	// The URL Standard drops leading and trailing spaces and control
	// characters, and tabs and newlines anywhere.
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	rest, special := s, true
	if scheme, after, found := strings.Cut(s, ":"); found && isScheme(strings.ToLower(scheme)) {
		switch scheme = strings.ToLower(scheme); {
		case specialSchemes[scheme]:
			rest = after
		case strings.HasPrefix(after, "//"):
			rest, special = after[2:], false
		}
		// Otherwise the colon is a port's ("chase.com:443"), as the
		// address bar reads it.
	}
	ends := "/?#"
	if special {
		ends += `\`
		rest = strings.TrimLeft(rest, `/\`) // "https:\\chase.com" is chase.com too
	} else {
		rest = strings.TrimPrefix(rest, "//")
	}
	if i := strings.IndexAny(rest, ends); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:] // user information: the host follows the last '@'
	}
	if strings.HasPrefix(rest, "[") {
		return "", errors.New("an IP address is not a domain name")
	}
	host, port, hasPort := strings.Cut(rest, ":")
	ascii, err := domainToASCII(host)
	if err != nil {
		return "", err
	}
	if hasPort {
		if err := checkPort(port); err != nil {
			return "", err
		}
	}
	return ascii, nil
}

// portError is a port that is not one.
type portError struct{ msg string }

func (e *portError) Error() string { return e.msg }

// IsPortError reports whether err, from ReadHost, is about the port: the
// input names a domain, with a port that is not a number from 0 to 65535.
func IsPortError(err error) bool {
	var pe *portError
	return errors.As(err, &pe)
}

// checkPort accepts what the URL Standard accepts after the host: nothing,
// or a decimal number up to 65535.
func checkPort(port string) error {
	if port == "" {
		return nil
	}
	if !isDigits(port) {
		return &portError{fmt.Sprintf("%q is not a port: a port is a number from 0 to 65535", cut(port, 20))}
	}
	if n, err := strconv.Atoi(port); err != nil || n > 65535 {
		return &portError{fmt.Sprintf("the port %s is out of range: a port is a number from 0 to 65535", cut(port, 20))}
	}
	return nil
}

// domainToASCII percent-decodes a host, as the URL Standard does, converts
// it to ASCII, drops one final dot, and checks that a domain name remains.
func domainToASCII(host string) (string, error) {
	host = percentDecode(host)
	if host == "" {
		return "", errNoHost
	}
	ascii, err := idnaProfile().ToASCII(host)
	if err != nil {
		return "", fmt.Errorf("%q is not a valid domain name", cut(host, 40))
	}
	ascii = strings.TrimSuffix(ascii, ".")
	if !sitelist.IsHostName(ascii) {
		return "", errNoHost
	}
	return ascii, nil
}

// percentDecode decodes %XX escapes and leaves any other '%' as it is.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// cut shortens s to at most n characters, marking the cut with "…".
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
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

// hostOf is ReadHost without the reason.
func hostOf(s string) (host string, ok bool) {
	if s == "" {
		return "", false // the usual case (no site), without ReadHost's work
	}
	h, err := ReadHost(s)
	return h, err == nil
}

// Host returns the domain name that Lookup would read in s, a bare domain
// or a URL. ok is false when s names no domain, as a rules string never
// does: every rule has a name and a colon, and a domain needs a dot.
// [ReadHost] says why.
func Host(s string) (host string, ok bool) { return hostOf(s) }
