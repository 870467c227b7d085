package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse feeds Parse arbitrary strings: it must never panic, refuse
// with a one-line error, and whatever it accepts must be well formed and
// survive a trip through String.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	for _, tc := range syntaxCases {
		f.Add(tc.in)
	}
	for _, e := range bundledEntries(f) {
		f.Add(e.rules)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, warnings, err := Parse(s)
		if err != nil {
			if r != nil || warnings != nil {
				t.Fatalf("Parse(%q) returned results beside its error %v", s, err)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("Parse(%q): error spans lines: %q", s, err)
			}
			var se *SyntaxError
			if errors.As(err, &se) && (se.Offset < 0 || se.Offset > len(s)) {
				t.Fatalf("Parse(%q): offset %d outside the input", s, se.Offset)
			}
			return
		}
		for _, w := range warnings {
			if strings.ContainsAny(w, "\n\r") {
				t.Fatalf("Parse(%q): warning spans lines: %q", s, w)
			}
		}
		checkWellFormed(t, s, r)
		canon := r.String()
		back, backWarnings, err := Parse(canon)
		if err != nil || len(backWarnings) > 0 || !reflect.DeepEqual(back, r) {
			t.Fatalf("Parse(%q) = %+v; its form %q parses to %+v, %q, %v", s, *r, canon, back, backWarnings, err)
		}
		if sum := r.Summary(); sum == "" || strings.ContainsAny(sum, "\n\r") {
			t.Fatalf("Parse(%q): summary %q", s, sum)
		}
		_ = r.Check(s) // must not panic on any input
	})
}

// checkWellFormed checks what Rules promises about its fields.
func checkWellFormed(t *testing.T, in string, r *Rules) {
	t.Helper()
	isSet := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < ' ' || s[i] > '~' || i > 0 && s[i] <= s[i-1] {
				return false
			}
		}
		return s != ""
	}
	if !isSet(r.Allowed) {
		t.Fatalf("Parse(%q): Allowed %q is not a sorted set of printable ASCII", in, r.Allowed)
	}
	if r.Unicode && r.Allowed != chars(printableChars) {
		t.Fatalf("Parse(%q): unicode but Allowed %q", in, r.Allowed)
	}
	seen := map[string]bool{}
	for _, q := range r.Required {
		if !isSet(q) || seen[q] {
			t.Fatalf("Parse(%q): requirement %q is malformed or repeated", in, q)
		}
		seen[q] = true
		for i := 0; i < len(q); i++ {
			if !strings.Contains(r.Allowed, q[i:i+1]) {
				t.Fatalf("Parse(%q): required %q not allowed", in, q[i])
			}
		}
	}
	if r.MinLength < 0 || r.MaxLength < 0 || r.MaxRepeating < 0 || r.MaxSequential < 0 ||
		r.MaxLength > 0 && r.MinLength > r.MaxLength {
		t.Fatalf("Parse(%q): bad numbers %+v", in, *r)
	}
}
