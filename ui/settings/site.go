package settings

import "github.com/sesame-sh/sesame/generator/rules"

// The bound on a rules string or a site's URL: room for any URL a browser
// shows (many servers refuse longer ones) and for rules far longer than
// any site writes (the longest bundled are about 200 characters), while
// keeping the checks of a rules string, some of which grow with the
// square of its requirements, instant on every keystroke.
const (
	maxRulesLen = 8192
	maxRulesWhy = "longer than any URL or site's rules, and slow to check"
)

// ChangePasswordURL is the page where the site of the rules setting lets
// a signed-in user change the password, or "" when the setting holds no
// site or none is bundled for it. It does not depend on the site having
// rules: many sites list a page and no rules.
func (p PasswordSettings) ChangePasswordURL() string { return changePasswordURL(p.Rules) }

// ChangePasswordURL is the page where the site of the passphrase's rules
// setting lets a signed-in user change the password, as for passwords.
func (p PhraseSettings) ChangePasswordURL() string { return changePasswordURL(p.Rules) }

func changePasswordURL(text string) string {
	host, ok := rules.Host(text)
	if !ok {
		return ""
	}
	u, _ := rules.ChangePasswordURL(host)
	return u
}

// changePasswordNote is the form's note on where to change the password.
func changePasswordNote(p PasswordSettings) string {
	if u := p.ChangePasswordURL(); u != "" {
		return "change it at " + u
	}
	return ""
}

// joinNotes joins the non-empty notes with "; ".
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
