package cli

import (
	"strings"
	"testing"
)

// The interactive program reads keys from standard input, so it cannot
// read a wordlist there too: --wordlist - is refused, saying what works.
func TestInteractiveRefusesWordlistFromStdin(t *testing.T) {
	f := newFake(t, true)
	code := f.run("--mode", "phrase", "--wordlist", "-")
	if code != exitUsage || f.started || f.stdout.Len() != 0 {
		t.Fatalf("code %d started %v stdout %q", code, f.started, f.stdout.String())
	}
	if got := f.stderr.String(); !strings.HasPrefix(got, "sesame: --wordlist - reads the words from standard input") ||
		!strings.Contains(got, "give the list's path") || strings.Count(got, "\n") != 1 {
		t.Fatalf("stderr %q", got)
	}
}
