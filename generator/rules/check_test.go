package rules

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		rules, password string
		broken          string // a substring of the error; "" when the password passes
	}{
		{"minlength: 4; maxlength: 6", "abcd", ""},
		{"minlength: 4; maxlength: 6", "abcdef", ""},
		{"minlength: 4; maxlength: 6", "abc", "too short: 3 characters, minlength is 4"},
		{"minlength: 4; maxlength: 6", "abcdefg", "too long: 7 characters, maxlength is 6"},
		{"", "", "empty"},
		{"", "x", ""},
		{"", " ~", ""},

		{"allowed: lower", "abcd", ""},
		{"allowed: lower", "abC1", "character 3 is not allowed"},
		{"allowed: lower", "ab\tc", "character 3 is not allowed"},
		{"allowed: lower", "abé", "character 3 is not allowed"},
		{"allowed: unicode", "héllo", "character 2 is not allowed"}, // sesame's passwords are ASCII
		{"required: upper; allowed: lower", "abcD", ""},
		{"required: upper; allowed: lower", "abcd", `no character meets "required: upper"`},

		// One character can meet two requirements that overlap.
		{"required: upper, digit; required: digit; allowed: lower", "abc1", ""},
		{"required: upper, digit; required: digit; allowed: lower", "abcD", `no character meets "required: digit"`},
		{"required: upper, lower; required: digit", "a1", ""},
		{"required: upper, lower; required: digit", "B2", ""},
		{"required: upper, lower; required: digit", "12", `"required: upper, lower"`},

		{"required: [-]]; allowed: lower", "ab]", ""},
		{"required: [-]]; allowed: lower", "ab-", ""},
		{"required: [-]]; allowed: lower", "abc", `no character meets "required: [-]]"`},
		{"required: [[]; allowed: lower", "a[b", ""},
		{"required: [[]; allowed: lower", "a]b", "character 2 is not allowed"},

		{"max-repeating: 2", "aabaa", ""},
		{"max-repeating: 2", "baaab", "characters 2–4 are one character repeated: max-repeating is 2"},
		{"max-repeating: 2", "abbb", "characters 2–4"},
		{"max-repeating: 1", "abab", ""},
		{"max-repeating: 1", "abba", "characters 2–3"},
		{"max-repeating: 2", "abc", ""},

		{"max-sequential: 3", "abc", ""},
		{"max-sequential: 3", "xabcd", "characters 2–5 count up by one: max-sequential is 3"},
		{"max-sequential: 3", "dcba", "characters 1–4 count down by one"},
		{"max-sequential: 3", "ZYXW", "count down"},
		{"max-sequential: 3", "0123", "count up"},
		{"max-sequential: 3", "6789", "count up"},
		{"max-sequential: 3", "xyza", ""},  // z to a is no step
		{"max-sequential: 2", "yza", ""},   // "yz", then a fresh run
		{"max-sequential: 3", "789:", ""},  // ':' follows '9' in ASCII but is no digit
		{"max-sequential: 3", "7890", ""},  // nor does 0 follow 9
		{"max-sequential: 3", "XYZ[", ""},  // '[' follows 'Z' in ASCII
		{"max-sequential: 3", "xyz{", ""},  // '{' follows 'z'
		{"max-sequential: 3", "/012", ""},  // '/' precedes '0'
		{"max-sequential: 3", "@ABC", ""},  // '@' precedes 'A'
		{"max-sequential: 2", "abAB", ""},  // b to A crosses ranges
		{"max-sequential: 2", "aBc", ""},   // case matters
		{"max-sequential: 3", "abcba", ""}, // two runs of 3 sharing c
		{"max-sequential: 2", "abcba", "characters 1–3 count up"},
		{"max-sequential: 2", "cbabc", "characters 1–3 count down"},
		{"max-sequential: 2", "abab", ""}, // each turn starts a run of 2
		{"max-sequential: 1", "ab", "characters 1–2 count up"},
		{"max-sequential: 1", "ba", "characters 1–2 count down"},
		{"max-sequential: 1", "ac", ""},
		{"max-sequential: 2", "aab", ""}, // a repeat is no step
		{"max-sequential: 2", "abbc", ""},

		{"max-consecutive: 2", "aab", ""},
		{"max-consecutive: 2", "aaab", "max-repeating is 2"},
		{"max-consecutive: 2", "zabc", "max-sequential is 2"},
		{"max-consecutive: 2; max-repeating: 3", "aaab", "max-repeating is 2"}, // the smaller limit wins

		// The first broken rule is the one reported.
		{"minlength: 8; allowed: lower", "AB", "too short"},
		{"required: digit; allowed: lower; max-repeating: 1", "aa", "required: digit"},
	}
	for _, tc := range cases {
		r := mustParse(t, tc.rules)
		err := r.Check(tc.password)
		switch {
		case tc.broken == "" && err != nil:
			t.Errorf("rules %q: Check(%q) = %v, want nil", tc.rules, tc.password, err)
		case tc.broken != "" && (err == nil || !strings.Contains(err.Error(), tc.broken)):
			t.Errorf("rules %q: Check(%q) = %v, want an error containing %q", tc.rules, tc.password, err, tc.broken)
		case err != nil:
			checkOneLine(t, err)
		}
	}
}

// TestCheckErrorsDoNotQuoteThePassword keeps the checker's messages safe
// to print: they give positions, never characters of the password.
func TestCheckErrorsDoNotQuoteThePassword(t *testing.T) {
	r := mustParse(t, "minlength: 4; maxlength: 12; required: digit; allowed: lower; max-consecutive: 2")
	for _, pw := range []string{"qzx", "qzxqzxqzxqzxq", "qzxQ7", "qzxqzx", "qzx7www", "qzx7efg"} {
		err := r.Check(pw)
		if err == nil {
			t.Errorf("Check(%q) passed", pw)
			continue
		}
		for _, part := range []string{"qzx", "Q", "www", "efg"} {
			if strings.Contains(pw, part) && strings.Contains(err.Error(), part) {
				t.Errorf("Check(%q) = %q quotes the password", pw, err)
			}
		}
	}
}
