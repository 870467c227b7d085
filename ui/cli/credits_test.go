package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

// sesame credits names every built-in list's file and source, with the
// licence of each source.
func TestCreditsNameEveryList(t *testing.T) {
	f := newFake(t, false)
	if code := f.run("credits"); code != 0 || f.stderr.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, f.stderr.String())
	}
	out := f.stdout.String()
	for _, b := range generator.BuiltinLists() {
		if !strings.Contains(out, "`"+b.Name+".txt`") {
			t.Errorf("credits do not name %s.txt", b.Name)
		}
	}
	for _, want := range []string{
		"Electronic Frontier Foundation", "CC BY 3.0 US",
		"© 2021 Uli Fouquet", "© 2019 drebs", "Creative Commons Attribution 3.0 Unported", "https://creativecommons.org/licenses/by/3.0/",
		"Marek Palatinus, Pavol Rusnak, Aaron", "Permission is hereby granted", "https://github.com/bitcoin/bips",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("credits lack %q", want)
		}
	}
}

// Completing --wordlist offers every built-in list with its language, its
// size and its bits per word.
func TestWordlistCompletionDescribesEveryList(t *testing.T) {
	for _, cmd := range []string{"pp", "passphrase"} {
		f := newFake(t, false)
		if code := f.run("__complete", cmd, "--wordlist", ""); code != 0 {
			t.Fatalf("exit %d: %s", code, f.stderr.String())
		}
		got := map[string]string{}
		for line := range strings.Lines(f.stdout.String()) {
			if name, desc, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t"); ok {
				got[name] = desc
			}
		}
		lists := generator.BuiltinLists()
		if len(got) != len(lists) {
			t.Errorf("%s: %d described values, %d lists: %q", cmd, len(got), len(lists), f.stdout.String())
		}
		for _, b := range lists {
			want := fmt.Sprintf("%s: %s words, %.2f bits each", b.Language, group(b.Words), b.Bits())
			if !strings.HasPrefix(got[b.Name], want) {
				t.Errorf("%s: %s described %q, want %q…", cmd, b.Name, got[b.Name], want)
			}
		}
		if got["de"] != "German (Deutsch): 7,776 words, 12.92 bits each; no ä, ö, ü or ß" || !strings.HasPrefix(got["es"], "Spanish (español): 2,048 words, 11.00 bits each") {
			t.Errorf("%s: de %q, es %q", cmd, got["de"], got["es"])
		}
	}
}

// group writes 7776 as 7,776, independently of the code under test.
func group(n int) string {
	s := fmt.Sprint(n)
	if len(s) > 3 {
		s = s[:len(s)-3] + "," + s[len(s)-3:]
	}
	return s
}
