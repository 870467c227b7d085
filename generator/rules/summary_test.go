package rules

import "testing"

func TestSummary(t *testing.T) {
	cases := []struct{ rules, want string }{
		{"minlength: 8; maxlength: 32; required: upper; required: digit, special; max-repeating: 2; max-sequential: 3",
			"8–32 characters; at least one upper-case letter; at least one digit or special character; only upper-case letters, digits and special characters; no character more than twice in a row; no run of more than 3 like abcd or 4321"},
		{"", "any length; any printable ASCII character"},
		{"minlength: 1", "at least 1 character; any printable ASCII character"},
		{"maxlength: 16; allowed: lower, upper, digit", "at most 16 characters; only letters and digits"},
		{"minlength: 8; maxlength: 1000000000", "at least 8 characters; any printable ASCII character"},
		{"maxlength: 999999999", "any length; any printable ASCII character"},
		{"minlength: 8; maxlength: 8; required: lower; allowed: [!#]", "exactly 8 characters; at least one lower-case letter; only lower-case letters and the characters !#"},
		{"required: upper, lower, [#$]; required: [- ]", "any length; at least one letter or character from #$; at least one character from - or space; only letters and the characters #$- and space"},
		{"required: [ ]; allowed: digit", "any length; at least one space; only digits and space"},
		{"required: unicode", "any length; at least one printable ASCII character; any character (sesame uses printable ASCII only)"},
		{"max-consecutive: 1", "any length; any printable ASCII character; no character twice in a row; no run of more than 1 like ab or 21"},
		{"max-repeating: 5; max-sequential: 9", "any length; any printable ASCII character; no character more than 5 times in a row; no run of more than 9 like abcdefghij or 9876543210"},
		{"max-sequential: 12", "any length; any printable ASCII character; no run of more than 12 like abcdefghijklm"},
		{"max-sequential: 30", "any length; any printable ASCII character; no run of more than 30 counting up or down"},
	}
	for _, tc := range cases {
		if got := mustParse(t, tc.rules).Summary(); got != tc.want {
			t.Errorf("Summary of %q\n got %q\nwant %q", tc.rules, got, tc.want)
		}
	}
}
