package rules

import (
	"strings"
	"testing"
)

// Host tells a site from a rules string, which is how one setting can hold
// either: every bundled rules string reads as no host, and every bundled
// domain, as a URL or with a subdomain, reads as itself.
func TestHostTellsSitesFromRules(t *testing.T) {
	for _, e := range bundledEntries(t) {
		if h, ok := Host(e.rules); ok {
			t.Errorf("the rules of %s read as the host %q: %q", e.domain, h, e.rules)
		}
		for _, s := range []string{e.domain, "https://" + e.domain + "/login?x=1", "HTTP://user@" + e.domain + ":443", e.domain + "."} {
			if h, ok := Host(s); !ok || h != e.domain {
				t.Errorf("Host(%q) = %q, %v; want %q", s, h, ok, e.domain)
			}
		}
	}
	for _, s := range []string{"", "minlength:8", "minlength: 8; maxlength: 12", "required: upper", "chase", "[::1]", "allowed: [.]"} {
		if h, ok := Host(s); ok {
			t.Errorf("Host(%q) = %q; want no host", s, h)
		}
	}
}

// TestReadHostAsBrowsers: a URL names the host a browser would open (the
// WHATWG URL Standard), a Unicode name reads as its punycode, and a port
// that is not one is refused.
func TestReadHostAsBrowsers(t *testing.T) {
	cases := []struct{ in, host string }{
		// In http(s) a backslash ends the host as '/' does, so the
		// user information is not what comes before it.
		{`https://chase.com\@evil.com`, "chase.com"},
		{`https://chase.com\@evil.com/`, "chase.com"},
		{`chase.com\@evil.com`, "chase.com"},
		{`https:\\chase.com\login`, "chase.com"},
		{`https:chase.com`, "chase.com"},
		{`https://user:pw@evil.com\@chase.com`, "evil.com"},
		{`https://evil.com#@chase.com`, "evil.com"},
		{`https://evil.com?@chase.com`, "evil.com"},
		// Not special: the backslash belongs to the authority.
		{`sftp://chase.com\@evil.com`, "evil.com"},
		// Tabs and newlines vanish; the host is percent-decoded.
		{"https://cha\tse.com\n", "chase.com"},
		{"https://chase%2Ecom/", "chase.com"},
		// Unicode names, mapped as browsers map them.
		{"bücher.example", "xn--bcher-kva.example"},
		{"https://BÜCHER.example/x", "xn--bcher-kva.example"},
		{"xn--bcher-kva.example", "xn--bcher-kva.example"},
		{"ｃｈａｓｅ．ｃｏｍ", "chase.com"}, // full-width letters and stop
		{"chase。com", "chase.com"}, // the ideographic full stop
		// Ports: empty, or a number up to 65535.
		{"chase.com:", "chase.com"},
		{"chase.com:0", "chase.com"},
		{"https://chase.com:65535/", "chase.com"},
	}
	for _, tc := range cases {
		if h, err := ReadHost(tc.in); err != nil || h != tc.host {
			t.Errorf("ReadHost(%q) = %q, %v; want %q", tc.in, h, err, tc.host)
		}
	}
	refused := []struct{ in, msg string }{
		{"chase.com:99999", "the port 99999 is out of range"},
		{"https://chase.com:65536/", "the port 65536 is out of range"},
		{"https://chase.com:99999999999999999999999/", "out of range"},
		{"chase.com:abc", `"abc" is not a port`},
		{"https://chase.com:443x/", `"443x" is not a port`},
		{"https://[::1]/", "an IP address"},
		{"https://xn--a.example/", "not a valid domain name"},
		{"minlength: 8", "no domain name"},
		{"", "no domain name"},
	}
	for _, tc := range refused {
		if h, err := ReadHost(tc.in); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ReadHost(%q) = %q, %v; want an error containing %q", tc.in, h, err, tc.msg)
		}
	}
}

// TestFindUnicodeName: a name in Unicode finds the entry of its punycode.
func TestFindUnicodeName(t *testing.T) {
	tab := &siteTable{data: `{"xn--bcher-kva.example": {"password-rules": "minlength: 12;"}}`}
	for _, in := range []string{"bücher.example", "https://www.bücher.example/login", "xn--bcher-kva.example"} {
		if m, ok := tab.find(in); !ok || m.Site != "xn--bcher-kva.example" || m.Rules.MinLength != 12 {
			t.Errorf("find(%q) = %+v, %v", in, m, ok)
		}
	}
}
