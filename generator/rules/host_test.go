package rules

import "testing"

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
