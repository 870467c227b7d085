package rules

import "testing"

// Rules narrowed by Without describe what is left: the special class
// without the space is named as such, a requirement nothing meets says
// so, and unicode no longer reads as any character.
func TestWithoutSummary(t *testing.T) {
	cases := []struct{ rules, without, want string }{
		{"", " ", "any length; any printable ASCII character other than space"},
		{"required: special; allowed: digit", " ", "any length; at least one special character other than space; only digits and special characters other than space"},
		{"required: unicode", " ", "any length; at least one printable ASCII character other than space; any printable ASCII character other than space"},
		{"required: [ ]; allowed: digit", " ", "any length; a requirement no character is left to meet; only digits"},
		{"required: digit; allowed: lower", "xyz", "any length; at least one digit; only digits and the characters abcdefghijklmnopqrstuvw"},
		{"required: digit; allowed: lower", "é", "any length; at least one digit; only lower-case letters and digits"},
		{"allowed: special", "!", `any length; only the characters "#$%&'()*+,-./:;<=>?@[\]^_` + "`" + `{|}~ and space`},
	}
	for _, tc := range cases {
		r := mustParse(t, tc.rules)
		before := r.Summary()
		if got := r.Without(tc.without).Summary(); got != tc.want {
			t.Errorf("Summary of %q without %q\n got %q\nwant %q", tc.rules, tc.without, got, tc.want)
		}
		if r.Summary() != before {
			t.Errorf("Without changed the rules it narrowed: %q, was %q", r.Summary(), before)
		}
	}
}
