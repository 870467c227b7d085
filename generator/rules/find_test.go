package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestFindBundled: the names users type find the bundled rules listed
// under a sign-in subdomain or under another domain of the same login.
func TestFindBundled(t *testing.T) {
	cases := []struct {
		in, site string
		how      How
		via      string
	}{
		{"chase.com", "chase.com", ByName, ""},
		{"https://secure.chase.com/x", "chase.com", ByParent, ""},
		{"samsung.com", "account.samsung.com", BySubdomain, ""},
		{"https://www.samsung.com/us/", "account.samsung.com", BySubdomain, ""},
		{"harvard.edu", "key.harvard.edu", BySubdomain, ""},
		{"steampowered.com", "store.steampowered.com", BySubdomain, ""},
		// steamcommunity.com signs in at steampowered.com, whose rules
		// are listed under store.steampowered.com.
		{"steamcommunity.com", "store.steampowered.com", ByShared, "steampowered.com"},
		{"https://help.steamcommunity.com/", "store.steampowered.com", ByShared, "steampowered.com"},
		{"bit.ly", "bitly.com", ByShared, "bitly.com"},    // from bit.ly to bitly.com
		{"x.com", "twitter.com", ByShared, "twitter.com"}, // the same entry read backwards
		{"parkmobile.us", "app.parkmobile.io", ByShared, "parkmobile.io"},
		{"alibaba.com", "aliexpress.com", ByShared, "aliexpress.com"},
	}
	for _, tc := range cases {
		m, ok := Find(tc.in)
		if !ok || m.Site != tc.site || m.How != tc.how || m.Via != tc.via || m.Rules == nil {
			t.Errorf("Find(%q) = %+v, %v; want site %s, how %d, via %q", tc.in, m, ok, tc.site, tc.how, tc.via)
			continue
		}
		_, want, _ := Lookup(tc.site)
		if m.Rules.String() != want.String() {
			t.Errorf("Find(%q) rules %q, want those of %s, %q", tc.in, m.Rules, tc.site, want)
		}
	}
	for _, in := range []string{"example.org", "aa.com", "com", "minlength: 8", "chase"} {
		if m, ok := Find(in); ok {
			t.Errorf("Find(%q) = %+v; want nothing", in, m)
		}
	}
}

// TestFindSamsungLimit is the case that started it: Samsung's 15-character
// limit applies to samsung.com.
func TestFindSamsungLimit(t *testing.T) {
	m, ok := Find("samsung.com")
	if !ok || m.Rules.MaxLength != 15 {
		t.Fatalf("Find(samsung.com) = %+v, %v; want account.samsung.com's maxlength 15", m, ok)
	}
	if note := m.Note(); note != "no rules are bundled for samsung.com itself: using those of its subdomain account.samsung.com" {
		t.Errorf("note %q", note)
	}
}

func TestFindOrderAndNotes(t *testing.T) {
	tab := &siteTable{
		data: `{
			"login.example.com": {"password-rules": "minlength: 5;"},
			"b.example.com": {"password-rules": "minlength: 6;"},
			"a.b.example.com": {"password-rules": "minlength: 7;"},
			"exact.solo.example": {"password-rules": "minlength: 8;", "exact-domain-match-only": true},
			"parent.example": {"password-rules": "minlength: 9;"},
			"x.parent.example": {"password-rules": "minlength: 10;"},
			"id.target.example": {"password-rules": "minlength: 11;"}
		}`,
		shared: `[
			{"shared": ["first.example", "nothing.example", "target.example"]},
			{"from": ["old.example"], "to": ["parent.example"]}
		]`,
	}
	cases := []struct {
		in, site string
		how      How
		others   []string
		note     string
	}{
		// Subdomains: fewest labels first, then alphabetical; the
		// others are named.
		{"example.com", "b.example.com", BySubdomain, []string{"login.example.com", "a.b.example.com"},
			"no rules are bundled for example.com itself: using those of its subdomain b.example.com (first of 3 bundled subdomains; the others: login.example.com, a.b.example.com)"},
		// A parent comes before a subdomain.
		{"y.parent.example", "parent.example", ByParent, nil, ""},
		{"parent.example", "parent.example", ByName, nil, ""},
		// An entry for its own host only does not stand for its domain.
		{"exact.solo.example", "exact.solo.example", ByName, nil, ""},
		// Shared logins, in the file's order, each by name and subdomain.
		{"first.example", "id.target.example", ByShared, nil,
			"no rules are bundled for first.example: it shares its login with target.example, so the rules of id.target.example apply"},
		{"old.example", "parent.example", ByShared, nil,
			"no rules are bundled for old.example: it shares its login with parent.example, so the rules of parent.example apply"},
	}
	for _, tc := range cases {
		m, ok := tab.find(tc.in)
		if !ok || m.Site != tc.site || m.How != tc.how || !slices.Equal(m.Others, tc.others) || m.Note() != tc.note {
			t.Errorf("find(%q) = %+v, %v, note %q;\nwant %s, how %d, others %v, note %q", tc.in, m, ok, m.Note(), tc.site, tc.how, tc.others, tc.note)
		}
	}
	if m, ok := tab.find("solo.example"); ok {
		t.Errorf("find(solo.example) = %+v; an exact-domain-match-only subdomain should not serve it", m)
	}
	if tab.err != nil || tab.sharedErr != nil {
		t.Errorf("loading the test lists: %v, %v", tab.err, tab.sharedErr)
	}
}

func TestBundledQuirksLoad(t *testing.T) {
	bundled.loadShared()
	bundled.loadChange()
	if bundled.sharedErr != nil || len(bundled.groups) < 50 {
		t.Errorf("shared-credentials: %d groups, %v", len(bundled.groups), bundled.sharedErr)
	}
	if bundled.changeErr != nil || len(bundled.changeList) < 600 {
		t.Errorf("change-password pages: %d, %v", len(bundled.changeList), bundled.changeErr)
	}
}

func TestChangePasswordURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"chase.com", "https://secure07ea.chase.com/"},
		{"https://www.chase.com/login", "https://secure07ea.chase.com/"}, // the parent's page
		{"samsung.com", "https://account.samsung.com/"},
		{"steamcommunity.com", "https://help.steampowered.com/"},
		{"amazon.com", "https://www.amazon.com/ax/account/manage"}, // a page without rules
		{"steamgames.com", "https://help.steampowered.com/"},       // a shared login's page
		{"example.org", ""},
		{"minlength: 8", ""},
	}
	for _, tc := range cases {
		got, ok := ChangePasswordURL(tc.in)
		if ok != (tc.want != "") || !strings.HasPrefix(got, tc.want) {
			t.Errorf("ChangePasswordURL(%q) = %q, %v; want one starting %q", tc.in, got, ok, tc.want)
		}
	}
}

// TestNear: a suggestion only when the name is near relative to its
// length (see Near).
func TestNear(t *testing.T) {
	names := []string{"ae.com", "cbs.com", "chase.com", "amazon.com", "paypal.com", "bankofamerica.com", "delta.com"}
	cases := []struct{ in, want string }{
		{"aa.com", ""},  // American Airlines is not American Eagle
		{"cvs.com", ""}, // nor CVS CBS
		{"ae.com", ""},  // itself is no suggestion
		{"chse.com", "chase.com"},
		{"chsae.com", "chase.com"}, // two letters swapped count as one edit
		{"amazn.com", "amazon.com"},
		{"paypall.com", "paypal.com"},
		{"bankofamrica.com", "bankofamerica.com"},
		{"bankofamrca.com", "bankofamerica.com"}, // two edits in eleven letters
		{"bnkofamrca.com", ""},                   // three are too many
		{"dalta.com", "delta.com"},
		{"dzlzz.com", ""},
	}
	for _, tc := range cases {
		if got := near(tc.in, names); got != tc.want {
			t.Errorf("near(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Near("aa.com"); got != "" {
		t.Errorf("Near(aa.com) = %q with the bundled list; want none", got)
	}
	if got := Near("chse.com"); got != "chase.com" {
		t.Errorf("Near(chse.com) = %q with the bundled list; want chase.com", got)
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "abd", 1}, {"abc", "acb", 1},
		{"abc", "ab", 1}, {"abc", "xabc", 1}, {"kitten", "sitting", 3}, {"ca", "abc", 3},
	}
	for _, tc := range cases {
		if got := editDistance(tc.a, tc.b, 10); got != tc.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
		if got := editDistance(tc.a, tc.b, 1); got != min(tc.d, 1) {
			t.Errorf("editDistance(%q, %q, limit 1) = %d, want %d", tc.a, tc.b, got, min(tc.d, 1))
		}
	}
}
