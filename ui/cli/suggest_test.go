package cli

import (
	"slices"
	"testing"
)

func TestNumberArgs(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{[]string{"number", "1", "6"}, []string{"number", "--", "1", "6"}},
		{[]string{"number", "-10", "10"}, []string{"number", "--", "-10", "10"}},
		{[]string{"number", "-10", "-5", "--json", "-n", "2"}, []string{"number", "--json", "-n", "2", "--", "-10", "-5"}},
		{[]string{"number", "-n", "3", "-1", "1"}, []string{"number", "-n", "3", "--", "-1", "1"}},
		{[]string{"number", "--", "-5", "5"}, []string{"number", "--", "-5", "5"}},
		{[]string{"number", "1", "2.5"}, []string{"number", "--", "1", "2.5"}},
		{[]string{"pw", "-l", "12"}, []string{"pw", "-l", "12"}},
		{[]string{"pp", "--wordlist", "number"}, []string{"pp", "--wordlist", "number"}}, // not the command
	} {
		if got := numberArgs(c.in); !slices.Equal(got, c.want) {
			t.Errorf("numberArgs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
