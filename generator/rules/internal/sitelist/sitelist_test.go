package sitelist

import (
	"reflect"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	got, err := Decode(`{
		"b.example.com": {"password-rules": "minlength: 8;"},
		"a.example": {"password-rules": "", "exact-domain-match-only": true}
	}`)
	want := []Entry{
		{Domain: "b.example.com", Rules: "minlength: 8;"},
		{Domain: "a.example", Rules: "", ExactOnly: true},
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Decode = %+v, %v; want %+v", got, err, want)
	}
}

func TestDecodeRefuses(t *testing.T) {
	cases := []struct{ name, in, msg string }{
		{"not JSON", `minlength: 8`, "reading the site list"},
		{"an array", `[]`, `expected "{", found [`},
		{"upper-case domain", `{"Example.com": {"password-rules": ""}}`, `"Example.com" is not a lower-case domain name`},
		{"no dot", `{"localhost": {"password-rules": ""}}`, `"localhost" is not`},
		{"empty label", `{"a..com": {"password-rules": ""}}`, `"a..com" is not`},
		{"duplicate", `{"a.com": {"password-rules": ""}, "a.com": {"password-rules": ""}}`, `"a.com" is listed twice`},
		{"unknown member", `{"a.com": {"password-rules": "", "note": 1}}`, `entry "a.com"`},
		{"no rules", `{"a.com": {"exact-domain-match-only": true}}`, `"a.com" has no "password-rules"`},
		{"rules not a string", `{"a.com": {"password-rules": 8}}`, `entry "a.com"`},
		{"trailing data", `{"a.com": {"password-rules": ""}} {}`, "after the closing"},
		{"truncated", `{"a.com": {"password-rules": ""}`, "reading the site list"},
	}
	for _, tc := range cases {
		_, err := Decode(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: Decode error %v, want one containing %q", tc.name, err, tc.msg)
		}
	}
}

func TestIsHostName(t *testing.T) {
	for s, want := range map[string]bool{
		"example.com": true, "a-b.co.uk": true, "1.2.3.4": true, "x.y": true,
		"": false, "com": false, ".com": false, "a.com.": false, "-a.com": false,
		"a-.com": false, "A.com": false, "a_b.com": false, "ä.com": false,
		strings.Repeat("a", 64) + ".com": false, strings.Repeat("a", 63) + ".com": true,
	} {
		if got := IsHostName(s); got != want {
			t.Errorf("IsHostName(%q) = %v, want %v", s, got, want)
		}
	}
}
