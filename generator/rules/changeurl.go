package rules

import (
	"cmp"
	"slices"
	"strings"

	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

// ChangePasswordURL returns the page where a signed-in user changes the
// password of the site named by domainOrURL, from Apple's
// quirks/change-password-URLs.json: the page of the name itself or of its
// nearest parent domain, else of the first domain sharing its login (as
// [Find] tries them) that has one. ok is false when none is bundled.
//
// Every address is an https address in printable ASCII (the list is
// checked when it is read), so it is safe to print on a terminal.
func ChangePasswordURL(domainOrURL string) (url string, ok bool) {
	host, ok := hostOf(domainOrURL)
	if !ok {
		return "", false
	}
	return bundled.changeURL(host)
}

func (t *siteTable) loadChange() {
	t.changeOnce.Do(func() {
		if t.changeURLs == "" {
			return
		}
		t.changeList, t.changeErr = sitelist.DecodeChangeURLs(t.changeURLs)
		slices.SortFunc(t.changeList, func(a, b sitelist.ChangeURL) int { return cmp.Compare(a.Domain, b.Domain) })
	})
}

func (t *siteTable) changeURL(host string) (string, bool) {
	t.loadChange()
	if u, ok := t.changeByName(host); ok {
		return u, true
	}
	t.loadShared()
	for _, d := range t.sharers(host) {
		if u, ok := t.changeByName(d); ok {
			return u, true
		}
	}
	return "", false
}

func (t *siteTable) changeByName(host string) (string, bool) {
	for name := host; strings.Contains(name, "."); {
		if i, ok := slices.BinarySearchFunc(t.changeList, name, func(e sitelist.ChangeURL, name string) int {
			return cmp.Compare(e.Domain, name)
		}); ok {
			return t.changeList[i].URL, true
		}
		_, name, _ = strings.Cut(name, ".")
	}
	return "", false
}
