package cli

import (
	"bytes"
	"testing"
)

func TestSayEscapesControls(t *testing.T) {
	for in, want := range map[string]string{
		"unknown flag --lenght":   "unknown flag --lenght",
		"café · ±":                "café · ±",
		"flag -\x1b[31m":          `flag -\x1b[31m`,
		"bad \x98 byte":           `bad \x98 byte`,
		"two\nlines\tand a tab":   `two\nlines\tand a tab`,
		"del \x7f and nbsp\u00a0": `del \x7f and nbsp\u00a0`,
	} {
		var b bytes.Buffer
		say(&b, in)
		if got := b.String(); got != "sesame: "+want+"\n" {
			t.Errorf("say(%q) wrote %q, want %q", in, got, "sesame: "+want+"\n")
		}
	}
}
