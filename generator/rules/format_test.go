package rules

import (
	"reflect"
	"testing"
)

func TestString(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "allowed: ascii-printable;"},
		{"required: lower, upper; required: digit; minlength: 8; maxlength: 32",
			"minlength: 8; maxlength: 32; required: upper, lower; required: digit;"},
		{"required: digit; allowed: lower", "required: digit; allowed: lower, digit;"},
		{"allowed: [ab]; required: [ba]", "required: [ab];"},
		{"required: [-a]]", "required: [-a]];"},
		{"required: [[]]; required: [ ]", "required: [ ]; required: [[]];"},
		{"allowed: upper, lower, digit, special", "allowed: ascii-printable;"},
		{"allowed: upper, lower, digit, [!#]", "allowed: upper, lower, digit, [!#];"},
		{"required: special, [a]", "required: special, [a];"},
		{"allowed: unicode; required: digit", "required: digit; allowed: unicode;"},
		{"max-consecutive: 3", "allowed: ascii-printable; max-consecutive: 3;"},
		{"max-repeating: 2; max-sequential: 4", "allowed: ascii-printable; max-repeating: 2; max-sequential: 4;"},
		{"max-sequential: 4", "allowed: ascii-printable; max-sequential: 4;"},
	}
	for _, tc := range cases {
		if got := mustParse(t, tc.in).String(); got != tc.want {
			t.Errorf("Parse(%q).String()\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestStringRoundTrip checks that the canonical form parses back to the
// same rules, without warnings, for every valid case and every bundled site.
func TestStringRoundTrip(t *testing.T) {
	inputs := map[string]string{}
	for _, tc := range parseCases {
		inputs["case "+tc.name] = tc.in
	}
	for _, e := range bundledEntries(t) {
		inputs["site "+e.domain] = e.rules
	}
	for name, in := range inputs {
		r, _, err := Parse(in)
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", name, in, err)
			continue
		}
		canon := r.String()
		back, warnings, err := Parse(canon)
		if err != nil || len(warnings) > 0 {
			t.Errorf("%s: canonical form %q: %v %q", name, canon, err, warnings)
			continue
		}
		if !reflect.DeepEqual(back, r) {
			t.Errorf("%s: %q → %q\n gave %+v\n  was %+v", name, in, canon, *back, *r)
		}
		if again := back.String(); again != canon {
			t.Errorf("%s: String is not stable: %q then %q", name, canon, again)
		}
	}
}
