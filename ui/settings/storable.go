package settings

import (
	"cmp"
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
	var pw, ph string
	s.Password.Rules, pw = storableRules(s.Password.Rules)
	s.Phrase.Rules, ph = storableRules(s.Phrase.Rules)
	s.Phrase.Given = PhraseGiven{}
	return s, cmp.Or(pw, ph)
}

// storableRules is a rules setting as the file may hold it, and the host
// name when anything was dropped.
func storableRules(text string) (_, site string) {
	trimmed := strings.TrimSpace(text)
	host, ok := rules.Host(trimmed)
	if !ok || host == trimmed {
		return text, ""
	}
	if strings.EqualFold(strings.TrimSuffix(trimmed, "."), host) {
		return host, "" // only the spelling changed
	}
	return host, host
}

// DroppedURL says that a site was stored as its host name alone.
func DroppedURL(site string) string {
	return "saved the site as " + site + "; the rest of the URL (user, password, path, query) is not stored"
}
