package rules

import (
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
		var entries []sitelist.ChangeURL
		entries, t.changeErr = sitelist.DecodeChangeURLs(t.changeURLs)
		t.change = make(map[string]string, len(entries))
		for _, e := range entries {
			t.change[e.Domain] = e.URL
		}
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
		if u, ok := t.change[name]; ok {
			return u, true
		}
		_, name, _ = strings.Cut(name, ".")
	}
	return "", false
}
