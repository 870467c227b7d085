package rules

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

//go:generate go run ./internal/gensites bundled_lists.go

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

// bundled is the embedded list, decoded and sorted when sesame is built
// (bundled_lists.go, from assets/rules). A lookup parses only the rules of
// the entry it returns, so that a one-shot `sesame pw --site chase.com`
// starts about as fast as `sesame pw` (decoding the JSON and parsing all
// 434 entries took 5 ms, as long as the rest of the command).
var bundled = &siteTable{list: bundledSites, groups: bundledGroups, changeList: bundledChangeURLs}

// siteTable is a site list, with the lists of shared logins and of
// change-password pages. The bundled table is given decoded (list, groups,
// changeList); a table given as JSON (data, shared, changeURLs: the
// tests' small lists) is decoded on first use.
type siteTable struct {
	data   string           // quirks/password-rules.json, or "" when list is given
	list   []sitelist.Entry // sorted by domain
	once   sync.Once
	names  []string      // the domains of list; nil until loaded
	parsed []parsedRules // parsed[i] is list[i]'s rules, parsed on first use
	err    error         // entries that could not be used; the tests keep it nil

	shared     string // quirks/shared-credentials.json, or "" when groups is given
	sharedOnce sync.Once
	groups     []sitelist.Group
	sharing    map[string][]int // domain → indices into groups
	sharedErr  error

	changeURLs string               // quirks/change-password-URLs.json, or "" when changeList is given
	changeList []sitelist.ChangeURL // sorted by domain
	changeOnce sync.Once
	changeErr  error
}

// parsedRules is one entry's rules, parsed once when first asked for.
type parsedRules struct {
	once  sync.Once
	rules *Rules
	err   error
}

func (t *siteTable) load() {
	t.once.Do(func() {
		if t.data != "" {
			t.list, t.err = decodeSites(t.data)
		}
		t.names = make([]string, len(t.list))
		for i, e := range t.list {
			t.names[i] = e.Domain
		}
		t.parsed = make([]parsedRules, len(t.list))
		if t.data != "" {
			t.err = errors.Join(t.err, t.dropBroken())
		}
	})
}

// decodeSites decodes a list given as JSON, sorted by domain.
func decodeSites(data string) ([]sitelist.Entry, error) {
	list, err := sitelist.Decode(data)
	slices.SortFunc(list, func(a, b sitelist.Entry) int { return cmp.Compare(a.Domain, b.Domain) })
	return list, err
}

// dropBroken parses every entry of a list given as JSON and leaves out
// those that fail, reporting them, rather than failing every lookup. The
// bundled list is parsed entry by entry as it is looked up instead; the
// refresh tool and the tests make sure it has no such entry, and should
// one slip through, lookups pass over it as if it were not listed.
func (t *siteTable) dropBroken() error {
	var (
		errs []error
		kept []sitelist.Entry
		rs   []*Rules
	)
	for _, e := range t.list {
		r, _, err := Parse(e.Rules)
		if err != nil {
			errs = append(errs, fmt.Errorf("site %s: %w", e.Domain, err))
			continue
		}
		kept, rs = append(kept, e), append(rs, r)
	}
	t.list, t.names, t.parsed = kept, t.names[:0], make([]parsedRules, len(kept))
	for i, e := range kept {
		t.names = append(t.names, e.Domain)
		p := &t.parsed[i]
		p.once.Do(func() { p.rules = rs[i] })
	}
	return errors.Join(errs...)
}

// rulesAt returns the parsed rules of entry i, shared: callers clone them.
func (t *siteTable) rulesAt(i int) (*Rules, error) {
	p := &t.parsed[i]
	p.once.Do(func() { p.rules, _, p.err = Parse(t.list[i].Rules) })
	return p.rules, p.err
}

// index finds a listed domain whose rules parse.
func (t *siteTable) index(name string) (int, bool) {
	i, ok := slices.BinarySearch(t.names, name)
	if !ok {
		return 0, false
	}
	if _, err := t.rulesAt(i); err != nil {
		return 0, false
	}
	return i, true
}

func (t *siteTable) lookup(domainOrURL string) (string, *Rules, bool) {
	host, ok := hostOf(domainOrURL)
	if !ok {
		return "", nil, false
	}
	t.load()
	site, r, ok := t.byName(host)
	if !ok {
		return "", nil, false
	}
	return site, r.clone(), true
}

// byName finds the rules for host or its nearest listed parent (shared:
// callers clone them).
func (t *siteTable) byName(host string) (string, *Rules, bool) {
	for name := host; strings.Contains(name, "."); {
		if i, ok := t.index(name); ok && (name == host || !t.list[i].ExactOnly) {
			r, _ := t.rulesAt(i)
			return name, r, true
		}
		_, name, _ = strings.Cut(name, ".")
	}
	return "", nil, false
}

// rulesOf returns the rules of a listed domain that index finds (shared:
// callers clone them).
func (t *siteTable) rulesOf(name string) *Rules {
	i, _ := t.index(name)
	r, _ := t.rulesAt(i)
	return r
}

// servesSubdomains reports whether name is listed, with rules that parse,
// and not marked exact-domain-match-only.
func (t *siteTable) servesSubdomains(name string) bool {
	i, ok := t.index(name)
	return ok && !t.list[i].ExactOnly
}

// Loaded reports whether the bundled list has been read. Programs that
// care how fast they start (a one-shot command that looks no site up)
// test with it that they never touch the list.
func Loaded() bool { return bundled.names != nil }
