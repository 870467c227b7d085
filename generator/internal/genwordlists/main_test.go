package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSources writes lists of the expected sizes where the real ones
// would be: the German one with dice numbers, the Spanish one in NFD.
func fakeSources(t *testing.T) (diceware, bips string) {
	t.Helper()
	root := t.TempDir()
	diceware = filepath.Join(root, "diceware", "usr", "lib", "wordlists")
	bips = filepath.Join(root, "bips")
	for _, d := range []string{diceware, filepath.Join(bips, "bip-0039")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range sources {
		var b strings.Builder
		for i := range s.words {
			switch s.name {
			case "de":
				fmt.Fprintf(&b, "%05d w%s\n", 11111+i, letters(i))
			case "es":
				fmt.Fprintf(&b, "e\u0301%s\n", letters(i))
			default:
				fmt.Fprintf(&b, "%s\n", letters(i))
			}
		}
		path := filepath.Join(bips, s.path)
		if s.from == "DICEWARE" {
			path = filepath.Join(diceware, s.path)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return diceware, bips
}

// letters spells i in base 26, a distinct word of letters.
func letters(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		if i /= 26; i == 0 {
			return s
		}
	}
}

func TestRefreshWritesParsedLists(t *testing.T) {
	diceware, bips := fakeSources(t)
	out := t.TempDir()
	if err := run(diceware, bips, out); err != nil {
		t.Fatal(err)
	}
	de, _ := os.ReadFile(filepath.Join(out, "de.txt"))
	if !strings.HasPrefix(string(de), "wa\nwb\n") || strings.Count(string(de), "\n") != 7776 {
		t.Fatalf("de.txt starts %.20q, %d lines", de, strings.Count(string(de), "\n"))
	}
	es, _ := os.ReadFile(filepath.Join(out, "es.txt"))
	if !strings.HasPrefix(string(es), "éa\néb\n") {
		t.Fatalf("es.txt starts %.20q, want the NFC é", es)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != len(sources) {
		t.Fatalf("%d files written, want %d", len(entries), len(sources))
	}
}

// A source of the wrong size stops the refresh before anything is written.
func TestRefreshWritesNothingOnAWrongSize(t *testing.T) {
	diceware, bips := fakeSources(t)
	if err := os.WriteFile(filepath.Join(bips, "bip-0039", "portuguese.txt"), []byte("a\nb\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	err := run(diceware, bips, out)
	if err == nil || !strings.Contains(err.Error(), "has 3 distinct words, not the 2048 expected") {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Fatalf("%d files written", len(entries))
	}
}
