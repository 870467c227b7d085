package rules

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/assets"
	"github.com/sesame-sh/sesame/generator/rules/internal/sitetables"
)

// parsedAtStart records whether loading the package read the site list or
// parsed any of its rules, which it must not: a one-shot command that never
// looks a site up should not pay for it.
var parsedAtStart bool

func TestMain(m *testing.M) {
	parsedAtStart = bundled.names != nil || bundled.parsed != nil
	os.Exit(m.Run())
}

type rawEntry struct{ domain, rules string }

// bundledEntries decodes the embedded list with encoding/json alone, apart
// from the package's own reader, sorted by domain.
func bundledEntries(t testing.TB) []rawEntry {
	t.Helper()
	var raw map[string]struct {
		Rules string `json:"password-rules"`
	}
	if err := json.Unmarshal([]byte(assets.SiteRules), &raw); err != nil {
		t.Fatalf("decoding the bundled list: %v", err)
	}
	out := make([]rawEntry, 0, len(raw))
	for d, v := range raw {
		out = append(out, rawEntry{d, v.Rules})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].domain < out[j].domain })
	return out
}

// sitesWithWarnings are the bundled sites whose rules list characters
// sesame cannot use; Parse drops them and says so. Each allows or requires
// a character outside ASCII.
var sitesWithWarnings = map[string]string{
	"axa.de":                      `ignoring "§" in a class`,
	"dkb.de":                      `ignoring "äüöÄÜÖß" in a class`,
	"kundenportal.edeka-smart.de": `ignoring "§" in a class`,
	"posteo.de":                   `ignoring "’" in a class`,
	"unito.it":                    `ignoring "£" in a class`,
}

func TestBundledSitesParse(t *testing.T) {
	entries := bundledEntries(t)
	if len(entries) < 400 {
		t.Fatalf("only %d bundled sites", len(entries))
	}
	bundled.load()
	if bundled.err != nil {
		t.Errorf("loading the bundled list: %v", bundled.err)
	}
	if !slices.Equal(bundled.names, Sites()) || len(bundled.names) != len(entries) {
		t.Errorf("%d bundled names, %d entries in the JSON", len(bundled.names), len(entries))
	}
	for _, e := range entries {
		_, warnings, err := Parse(e.rules)
		if err != nil {
			t.Errorf("%s: %v", e.domain, err)
			continue
		}
		want, warned := sitesWithWarnings[e.domain]
		switch {
		case !warned && len(warnings) > 0:
			t.Errorf("%s: unexpected warnings %q", e.domain, warnings)
		case warned && (len(warnings) != 1 || !strings.Contains(warnings[0], want)):
			t.Errorf("%s: warnings %q, want one containing %q", e.domain, warnings, want)
		}
	}
}

func TestSites(t *testing.T) {
	entries := bundledEntries(t)
	var want []string
	for _, e := range entries {
		want = append(want, e.domain)
	}
	got := Sites()
	if !slices.Equal(got, want) {
		t.Errorf("Sites() has %d domains, the list %d; first difference near %v", len(got), len(want), firstDiff(got, want))
	}
	got[0] = "mutated"
	if Sites()[0] == "mutated" {
		t.Errorf("Sites returns the package's own slice")
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " / " + b[i]
		}
	}
	return "the end"
}

func TestLookup(t *testing.T) {
	cases := []struct{ in, site string }{
		{"chase.com", "chase.com"},
		{"CHASE.COM", "chase.com"},
		{"chase.com.", "chase.com"},
		{"  chase.com  ", "chase.com"},
		{"https://chase.com", "chase.com"},
		{"https://secure.login.chase.com/x", "chase.com"},
		{"HTTPS://User:Pw@Secure.Chase.COM:8443/path/a@b?q=1#frag", "chase.com"},
		{"chase.com:443", "chase.com"},
		{"chase.com/login", "chase.com"},
		{"//chase.com/login", "chase.com"},
		{"www.chase.com.", "chase.com"},
		{"account.samsung.com", "account.samsung.com"},
		{"eu.account.samsung.com", "account.samsung.com"},
		{"prepaid.bankofamerica.com", "prepaid.bankofamerica.com"},
		{"x.prepaid.bankofamerica.com", "prepaid.bankofamerica.com"},
		{"www.bankofamerica.com", "bankofamerica.com"},
		{"signin.ea.com", "signin.ea.com"},
		{"ea.com", "ea.com"},

		{"samsung.com", ""}, // only account.samsung.com is listed
		{"chase.com.example", ""},
		{"notchase.com", ""},
		{"example.invalid", ""},
		{"com", ""},
		{"", ""},
		{"not a domain", ""},
		{"chase com", ""},
		{"https://", ""},
		{"chase.com:https", ""},
		{"[::1]:443", ""},
		{"http://[2001:db8::1]/", ""},
		{"chase..com", ""},
		{"-chase.com", ""},
		{"chäse.com", ""},
	}
	for _, tc := range cases {
		site, r, ok := Lookup(tc.in)
		if site != tc.site || ok != (tc.site != "") || (r == nil) == ok {
			t.Errorf("Lookup(%q) = %q, %v, %v; want %q", tc.in, site, r != nil, ok, tc.site)
		}
	}
}

func TestLookupRulesMatchTheList(t *testing.T) {
	for _, e := range bundledEntries(t) {
		site, r, ok := Lookup("https://" + e.domain + "/")
		if !ok || site != e.domain {
			t.Errorf("Lookup(%q) = %q, %v", e.domain, site, ok)
			continue
		}
		want, _, err := Parse(e.rules)
		if err != nil || !reflect.DeepEqual(r, want) {
			t.Errorf("Lookup(%q) rules %+v, want %+v (%v)", e.domain, r, want, err)
		}
	}
}

func TestLookupReturnsACopy(t *testing.T) {
	_, r, _ := Lookup("chase.com")
	before := r.String()
	r.Required[0] = "x"
	r.MinLength = 99
	if _, again, _ := Lookup("chase.com"); again.String() != before {
		t.Errorf("changing a looked-up Rules changed the table: %q, was %q", again.String(), before)
	}
}

func TestLookupExactDomainOnly(t *testing.T) {
	tab := &siteTable{data: `{
		"example.com": {"password-rules": "minlength: 9;"},
		"a.example.com": {"password-rules": "minlength: 5;", "exact-domain-match-only": true},
		"b.example.com": {"password-rules": "minlength: 6;", "exact-domain-match-only": false}
	}`}
	cases := []struct {
		in, site string
		min      int
	}{
		{"a.example.com", "a.example.com", 5},
		{"x.a.example.com", "example.com", 9},
		{"x.b.example.com", "b.example.com", 6},
		{"c.example.com", "example.com", 9},
	}
	for _, tc := range cases {
		site, r, ok := tab.lookup(tc.in)
		if !ok || site != tc.site || r.MinLength != tc.min {
			t.Errorf("lookup(%q) = %q, %+v, %v; want %q with minlength %d", tc.in, site, r, ok, tc.site, tc.min)
		}
	}
	if tab.err != nil {
		t.Errorf("loading the test list: %v", tab.err)
	}
}

func TestSiteListIsParsedOnFirstUse(t *testing.T) {
	if parsedAtStart {
		t.Errorf("the bundled list was read when the package loaded")
	}
	tab := &siteTable{list: bundledSites}
	if _, _, ok := tab.lookup("not a domain"); ok || tab.names != nil {
		t.Errorf("an input that is no domain should not need the list")
	}
	if _, _, ok := tab.lookup("chase.com"); !ok || tab.names == nil {
		t.Fatalf("the first lookup should read the list")
	}
	// Only the entry returned is parsed, not the 400 others.
	var parsed []string
	for i := range tab.parsed {
		if tab.parsed[i].rules != nil {
			parsed = append(parsed, tab.list[i].Domain)
		}
	}
	if !slices.Equal(parsed, []string{"chase.com"}) {
		t.Errorf("looking up chase.com parsed the rules of %d sites (%.50q...), want chase.com's alone", len(parsed), parsed)
	}
}

// TestBundledListsAreCurrent: bundled_lists.go is what go generate makes
// of the JSON lists in assets/rules, so the tables sesame reads cannot
// drift from the lists its credits describe. Regenerate with
// `go generate ./generator/rules`.
func TestBundledListsAreCurrent(t *testing.T) {
	want, err := sitetables.GoSource(assets.SiteRules, assets.SharedCredentials, assets.ChangePasswordURLs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("bundled_lists.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("bundled_lists.go does not match assets/rules: run go generate ./generator/rules")
	}
	// And the tables in the binary are that file's, item for item.
	entries := bundledEntries(t)
	if len(bundledSites) != len(entries) {
		t.Fatalf("%d sites in the tables, %d in the JSON", len(bundledSites), len(entries))
	}
	for i, e := range entries {
		if s := bundledSites[i]; s.Domain != e.domain || s.Rules != e.rules {
			t.Errorf("table entry %d is %q: %q, the JSON's %q: %q", i, s.Domain, s.Rules, e.domain, e.rules)
		}
	}
}

func TestBrokenEntryIsReported(t *testing.T) {
	tab := &siteTable{data: `{"good.com": {"password-rules": "minlength: 8"}, "bad.com": {"password-rules": "minlength: x"}}`}
	if _, _, ok := tab.lookup("bad.com"); ok {
		t.Errorf("a malformed entry was served")
	}
	if _, _, ok := tab.lookup("good.com"); !ok {
		t.Errorf("a good entry beside a malformed one was lost")
	}
	if tab.err == nil || !strings.Contains(tab.err.Error(), "site bad.com: ") {
		t.Errorf("err = %v, want it to name bad.com", tab.err)
	}
}
