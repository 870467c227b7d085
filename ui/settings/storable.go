package settings

import (
	"strings"

	"github.com/sesame-sh/sesame/generator/rules"
)

// Storable returns the settings as the settings file may hold them. A
// site given as a URL is kept as its host name alone: the rest of a URL
// pasted from a browser can carry a user name, a password or a token
// (https://alice:hunter2@chase.com/reset?token=…), and the host is all
// the rules need. site is that host name when anything was dropped, so
// the caller can say so; "" otherwise.
func (s Settings) Storable() (_ Settings, site string) {
	text := strings.TrimSpace(s.Password.Rules)
	host, ok := rules.Host(text)
	if !ok || host == text {
		return s, ""
	}
	s.Password.Rules = host
	if strings.EqualFold(strings.TrimSuffix(text, "."), host) {
		return s, "" // only the spelling changed
	}
	return s, host
}

// DroppedURL says that a site was stored as its host name alone.
func DroppedURL(site string) string {
	return "saved the site as " + site + "; the rest of the URL (user, password, path, query) is not stored"
}
