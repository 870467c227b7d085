package settings

import (
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

func plainName(s generator.SettingName) string { return string(s) }

// TestSiteNotes: the form's note beside the site field says where to
// change the password, with the site's rules or without any.
func TestSiteNotes(t *testing.T) {
	d := Lookup(Password, "rules")
	cases := []struct{ rules, want string }{
		{"chase.com", "chase.com: 8–32 characters"},
		{"chase.com", "; change it at https://secure07ea.chase.com/"},
		{"samsung.com", "account.samsung.com: 8–15 characters"},
		{"https://www.amazon.com/", "change it at https://www.amazon.com/ax/account/manage"}, // a page, no rules
		{"minlength: 8", ""},
		{"example.org", ""},
	}
	for _, tc := range cases {
		s := Default()
		s.Password.Rules = tc.rules
		note := d.Note(&s)
		if tc.want == "" && strings.Contains(note, "change it") || !strings.Contains(note, tc.want) {
			t.Errorf("note for %q = %q; want it to contain %q", tc.rules, note, tc.want)
		}
	}
	s := Default()
	s.Password.Rules = "amazon.com"
	if note := d.Note(&s); note != "change it at https://www.amazon.com/ax/account/manage" {
		t.Errorf("note for amazon.com = %q; want the page alone", note)
	}
}

func TestChangePasswordURLSetting(t *testing.T) {
	cases := []struct{ rules, want string }{
		{"steamcommunity.com", "https://help.steampowered.com/en/wizard/HelpChangePassword?redir=store/account/"},
		{"https://chase.com\\@evil.com", "https://secure07ea.chase.com/web/auth/dashboard#/dashboard/myProfileSignInSecurity/resetPassword/resetPassword"},
		{"minlength: 8; required: digit", ""},
		{"", ""},
	}
	for _, tc := range cases {
		p := Default().Password
		p.Rules = tc.rules
		if got := p.ChangePasswordURL(); got != tc.want {
			t.Errorf("ChangePasswordURL with %q = %q, want %q", tc.rules, got, tc.want)
		}
	}
}

// TestAppliedRulesSayWhichSite: a guessed site is named in a warning.
func TestAppliedRulesSayWhichSite(t *testing.T) {
	p := Default().Password
	p.Rules = "samsung.com"
	a, warns, err := p.AppliedRules()
	if err != nil || a == nil || a.Site != "account.samsung.com" {
		t.Fatalf("AppliedRules = %+v, %v", a, err)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Text(plainName), "using those of its subdomain account.samsung.com") {
		t.Errorf("warnings %v; want one naming account.samsung.com", warns)
	}
	p.Rules = "aa.com"
	if _, warns, _ := p.AppliedRules(); len(warns) != 1 || strings.Contains(warns[0].Text(plainName), "did you mean") {
		t.Errorf("aa.com: warnings %v; want no suggestion", warns)
	}
}
