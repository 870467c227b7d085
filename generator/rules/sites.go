package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/assets"
	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

// Lookup finds the bundled rules for a site. It takes a bare domain or a
// URL ("https://user@secure.login.chase.com:443/x") and, when the host
// itself is not listed, tries its parent domains label by label
// (login.chase.com, then chase.com), as the list intends, but never a bare
// top-level domain. An entry marked exact-domain-match-only serves only
// its own host. site is the listed domain that matched; r is the caller's
// own copy. ok is false when no listed domain matches. [Find] goes on
// where Lookup stops: to subdomains and to domains sharing a login.
func Lookup(domainOrURL string) (site string, r *Rules, ok bool) {
	return bundled.lookup(domainOrURL)
}

// Sites returns every bundled domain, sorted.
func Sites() []string {
	bundled.load()
	return slices.Clone(bundled.names)
}

// bundled is the embedded list. It is parsed on first use, not at program
// start, so that commands that never look a site up do not pay for it.
var bundled = &siteTable{data: assets.SiteRules, shared: assets.SharedCredentials, changeURLs: assets.ChangePasswordURLs}

// siteTable is a site list, with the lists of shared logins and of
// change-password pages, each parsed once on demand.
type siteTable struct {
	data  string
	once  sync.Once
	sites map[string]siteEntry
	names []string
	err   error // entries that could not be used; the tests keep it nil

	shared     string // quirks/shared-credentials.json
	sharedOnce sync.Once
	groups     []sitelist.Group
	sharing    map[string][]int // domain → indices into groups
	sharedErr  error

	changeURLs string // quirks/change-password-URLs.json
	changeOnce sync.Once
	change     map[string]string // domain → address
	changeErr  error
}

type siteEntry struct {
	rules     *Rules
	exactOnly bool
}

func (t *siteTable) load() {
	t.once.Do(func() { t.sites, t.names, t.err = buildSites(t.data) })
}

// buildSites parses every entry. An entry that fails is left out and
// reported in err rather than failing every lookup; the refresh tool and
// the tests make sure the embedded list has none.
func buildSites(data string) (map[string]siteEntry, []string, error) {
	entries, err := sitelist.Decode(data)
	if err != nil {
		return nil, nil, err
	}
	sites := make(map[string]siteEntry, len(entries))
	names := make([]string, 0, len(entries))
	var errs []error
	for _, e := range entries {
		r, _, err := Parse(e.Rules)
		if err != nil {
			errs = append(errs, fmt.Errorf("site %s: %w", e.Domain, err))
			continue
		}
		sites[e.Domain] = siteEntry{rules: r, exactOnly: e.ExactOnly}
		names = append(names, e.Domain)
	}
	slices.Sort(names)
	return sites, names, errors.Join(errs...)
}

func (t *siteTable) lookup(domainOrURL string) (string, *Rules, bool) {
	host, ok := hostOf(domainOrURL)
	if !ok {
		return "", nil, false
	}
	t.load()
	site, e, ok := t.byName(host)
	if !ok {
		return "", nil, false
	}
	return site, e.rules.clone(), true
}

// byName finds the entry for host or its nearest listed parent.
func (t *siteTable) byName(host string) (string, siteEntry, bool) {
	for name := host; strings.Contains(name, "."); {
		if e, ok := t.sites[name]; ok && (name == host || !e.exactOnly) {
			return name, e, true
		}
		_, name, _ = strings.Cut(name, ".")
	}
	return "", siteEntry{}, false
}

// Loaded reports whether the bundled list has been parsed. Programs that
// care how fast they start (a one-shot command that looks no site up)
// test with it that they never parse the list.
func Loaded() bool { return bundled.sites != nil }
