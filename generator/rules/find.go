package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

// Finding a site's rules under the name a user types. The list keys some
// sites by the host of their sign-in page (account.samsung.com,
// store.steampowered.com), which nobody types, and some logins serve
// several domains (steamcommunity.com signs in at steampowered.com).
// Find tries, in order, stopping at the first that has rules:
//
//  1. the name itself, then its parent domains (as Lookup does);
//  2. a bundled subdomain of the name, or of the name without "www.":
//     samsung.com finds account.samsung.com. With several, the one with
//     the fewest labels, then the first alphabetically, and the Match
//     lists the others;
//  3. each domain that Apple's quirks/shared-credentials.json says shares
//     the name's login (or the login of a parent of the name), in the
//     order of that file, tried by steps 1 and 2.
//
// Steps 2 and 3 guess what the user meant, so a Match says how it was
// found and [Match.Note] says it in a sentence.

// How says how Find reached a site's rules.
type How int

const (
	ByName      How = iota // the name itself
	ByParent               // a parent domain of the name
	BySubdomain            // a bundled subdomain of the name
	ByShared               // a domain sharing the name's login
)

// Match is what Find found.
type Match struct {
	Host  string // the domain name read from the input
	Site  string // the bundled entry whose rules apply
	Rules *Rules // the caller's own copy
	How   How
	// Via, for ByShared, is the domain that shares the login with Host
	// (Site is Via, a parent of it, or a subdomain of it).
	Via string
	// Others, for BySubdomain (and ByShared through a subdomain), are the
	// other bundled subdomains that could have served, sorted as tried.
	Others []string
}

// Find finds the rules for what a user typed as a site, by the steps
// above. ok is false when no step finds rules, or domainOrURL names no
// domain.
func Find(domainOrURL string) (m Match, ok bool) {
	return bundled.find(domainOrURL)
}

// Note says, in a sentence for the user, how the rules were found when a
// guess was involved, and "" when the name or its parent had them.
func (m Match) Note() string {
	switch m.How {
	case BySubdomain:
		return fmt.Sprintf("no rules are bundled for %s itself: using those of its subdomain %s%s", m.Host, m.Site, others(m.Others))
	case ByShared:
		s := fmt.Sprintf("no rules are bundled for %s: it shares its login with %s, so the rules of %s apply", m.Host, m.Via, m.Site)
		return s + others(m.Others)
	}
	return ""
}

// others names the subdomains not chosen: " (chosen from 3: a, b, c)".
func others(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf(" (first of %d bundled subdomains; the others: %s)", len(names)+1, strings.Join(names, ", "))
}

func (t *siteTable) find(domainOrURL string) (Match, bool) {
	host, ok := hostOf(domainOrURL)
	if !ok {
		return Match{}, false
	}
	t.load()
	m, ok := t.findDirect(host)
	if ok {
		return m, true
	}
	t.loadShared()
	for _, d := range t.sharers(host) {
		if m, ok := t.findDirect(d); ok {
			m.Host, m.How, m.Via = host, ByShared, d
			return m, true
		}
	}
	return Match{}, false
}

// findDirect is steps 1 and 2 for one name.
func (t *siteTable) findDirect(host string) (Match, bool) {
	if site, r, ok := t.byName(host); ok {
		how := ByName
		if site != host {
			how = ByParent
		}
		return Match{Host: host, Site: site, Rules: r.clone(), How: how}, true
	}
	subs := t.subdomains(host)
	if bare, ok := strings.CutPrefix(host, "www."); ok && len(subs) == 0 && strings.Contains(bare, ".") {
		subs = t.subdomains(bare)
	}
	if len(subs) == 0 {
		return Match{}, false
	}
	return Match{Host: host, Site: subs[0], Rules: t.rulesOf(subs[0]).clone(), How: BySubdomain, Others: subs[1:]}, true
}

// subdomains lists the bundled entries under name, fewest labels first,
// then alphabetically. An entry marked exact-domain-match-only is left
// out: its rules are said to differ from the rest of its domain's.
func (t *siteTable) subdomains(name string) []string {
	suffix := "." + name
	var out []string
	for _, s := range t.names {
		if strings.HasSuffix(s, suffix) && t.servesSubdomains(s) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		return cmp.Compare(strings.Count(a, "."), strings.Count(b, "."))
	})
	return out
}

func (t *siteTable) loadShared() {
	t.sharedOnce.Do(func() {
		if t.shared != "" {
			t.groups, t.sharedErr = sitelist.DecodeShared(t.shared)
		}
		t.sharing = make(map[string][]int)
		for i, g := range t.groups {
			for _, list := range [][]string{g.Shared, g.From, g.To} {
				for _, d := range list {
					t.sharing[d] = append(t.sharing[d], i)
				}
			}
		}
	})
}

// sharers lists the domains that share a login with host or one of its
// parents, in the order of the file, without repeats. The file's one-way
// entries are read both ways: one account has one password, whichever
// domain it is changed on.
func (t *siteTable) sharers(host string) []string {
	var out []string
	add := func(ds []string, except string) {
		for _, d := range ds {
			if d != except && d != host && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	for name := host; strings.Contains(name, "."); {
		for _, i := range t.sharing[name] {
			g := t.groups[i]
			switch {
			case g.Shared != nil:
				add(g.Shared, name)
			case slices.Contains(g.From, name):
				add(g.To, name)
			default:
				add(g.From, name)
			}
		}
		_, name, _ = strings.Cut(name, ".")
	}
	return out
}

// SharedLogins returns the domains that share a login with the site named
// by domainOrURL (or with a parent of it), as Find tries them.
func SharedLogins(domainOrURL string) []string {
	host, ok := hostOf(domainOrURL)
	if !ok {
		return nil
	}
	bundled.loadShared()
	return bundled.sharers(host)
}
