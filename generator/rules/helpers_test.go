package rules

import (
	"slices"
	"strings"
	"testing"
)

// The classes, written out by hand rather than taken from the package, so
// that the tests judge the package against the language's definition.
const (
	upperChars     = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lowerChars     = "abcdefghijklmnopqrstuvwxyz"
	digitChars     = "0123456789"
	punctChars     = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	specialChars   = " " + punctChars
	printableChars = upperChars + lowerChars + digitChars + specialChars
)

// chars returns the union of its arguments as sorted, distinct characters:
// the form Rules uses for a set.
func chars(parts ...string) string {
	b := []byte(strings.Join(parts, ""))
	slices.Sort(b)
	return string(slices.Compact(b))
}

// mustParse parses a rules string the test expects to be valid and free of
// warnings.
func mustParse(t testing.TB, s string) *Rules {
	t.Helper()
	r, warnings, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	if len(warnings) > 0 {
		t.Fatalf("Parse(%q): unexpected warnings %q", s, warnings)
	}
	return r
}

func TestChars(t *testing.T) {
	if got := chars("cab", "b", ""); got != "abc" {
		t.Errorf("chars: got %q, want \"abc\"", got)
	}
	if n := len(chars(printableChars)); n != 95 || len(specialChars) != 33 {
		t.Errorf("hand-written classes: %d printable, %d special; want 95 and 33", n, len(specialChars))
	}
}
