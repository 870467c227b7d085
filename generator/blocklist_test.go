package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/assets"
)

// The bundled list is the upstream file byte for byte: its SHA-256 is the
// one assets/blocklist/ATTRIBUTION.md records (make blocklist rewrites
// both together).
func TestBundledBlocklistIsUpstreamFile(t *testing.T) {
	sum := sha256.Sum256([]byte(assets.BlocklistEnglish))
	if got := hex.EncodeToString(sum[:]); !strings.Contains(assets.BlocklistAttribution, "\n"+got+"  en.txt\n") {
		t.Fatalf("SHA-256 of assets/blocklist/en.txt is %s, which ATTRIBUTION.md does not record", got)
	}
	if !strings.Contains(assets.BlocklistAttribution, "CC BY 4.0") {
		t.Error("the attribution does not name the licence")
	}
	b := BundledBlocklist()
	lines := strings.Count(assets.BlocklistEnglish, "\n")
	if b.Len() == 0 || b.Len() > lines {
		t.Fatalf("bundled list has %d words from %d lines", b.Len(), lines)
	}
	if !slices.IsSorted(b.Words) {
		t.Error("words not sorted")
	}
	for _, w := range b.Words {
		if w != strings.ToLower(w) || w == "" || w != strings.TrimSpace(w) {
			t.Errorf("word %q is not lower-case and trimmed", w)
		}
	}
}

func TestParseBlocklist(t *testing.T) {
	b, err := ParseBlocklist("t", strings.NewReader("\uFEFFFoo\r\n  bar \n\n# a comment\nfoo\nBAR\nx y\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"bar", "foo", "x y"}; !slices.Equal(b.Words, want) {
		t.Fatalf("words %q, want %q", b.Words, want)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"utf8", "ok\n\xff\n", "line 2 is not valid UTF-8"},
		{"control", "a\x01b\n", "control character"},
		{"long", strings.Repeat("a", MaxWordBytes+1), "line 1 holds a word of 65 bytes"},
		{"big", strings.Repeat("a\n", maxBlocklistBytes), "larger than 64 KiB"},
		{"many", strings.Repeat("ab\n", 1) + strings.Repeat("abcdef\n", maxBlocklistWords), "more than 8192 words"},
	} {
		_, err := ParseBlocklist(tc.name, strings.NewReader(tc.in))
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "blocklist" || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a blocklist PolicyError saying %q", tc.name, err, tc.want)
		}
	}
}

func TestBlocklistUnionAndContains(t *testing.T) {
	a := &Blocklist{Words: []string{"ab", "cd"}}
	b := &Blocklist{Words: []string{"cd", "ef"}}
	if got := a.Union(b).Words; !slices.Equal(got, []string{"ab", "cd", "ef"}) {
		t.Errorf("union %q", got)
	}
	if a.Union(nil) != a || (*Blocklist)(nil).Union(b) != b {
		t.Error("union with nothing is not the list itself")
	}
	for s, want := range map[string]bool{"xxABxx": true, "xefx": false, "c-d": false, "CD": true} {
		if got := a.Contains(s); got != want {
			t.Errorf("Contains(%q) = %v", s, got)
		}
	}
}

func TestLoadBlocklist(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "words")
	if err := os.WriteFile(p, []byte("Zork\nfrob\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := LoadBlocklist(p)
	if err != nil || !slices.Equal(b.Words, []string{"frob", "zork"}) {
		t.Fatalf("LoadBlocklist = %v, %v", b, err)
	}
	for path, want := range map[string]string{dir: "is a directory", filepath.Join(dir, "none"): "does not exist"} {
		_, err := LoadBlocklist(path)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "blocklist" || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
}

// FuzzParseBlocklist: any input is a list or a blocklist PolicyError, and
// a list's words are what Contains and the engine rely on.
func FuzzParseBlocklist(f *testing.F) {
	f.Add([]byte(assets.BlocklistEnglish))
	f.Add([]byte("a\r\n\n# c\n\xffb\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParseBlocklist("fuzz", strings.NewReader(string(data)))
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.Field != "blocklist" {
				t.Fatalf("error %v is not a blocklist PolicyError", err)
			}
			return
		}
		if !slices.IsSorted(b.Words) || len(slices.Compact(slices.Clone(b.Words))) != len(b.Words) {
			t.Fatalf("words not sorted and distinct: %q", b.Words)
		}
		for _, w := range b.Words {
			if w == "" || w != strings.ToLower(w) || w != strings.TrimSpace(w) || len(w) > MaxWordBytes {
				t.Fatalf("word %q", w)
			}
		}
	})
}

func TestBlocklistPrintable(t *testing.T) {
	b := &Blocklist{Words: []string{"ab", "c d", "é", "🖕", "x\u00a0y"}}
	if got := b.Printable().Words; !slices.Equal(got, []string{"ab", "c d"}) {
		t.Errorf("Printable = %q", got)
	}
	if n := BundledBlocklist().Printable().Len(); n != BundledBlocklist().Len()-1 {
		t.Errorf("the bundled list has %d printable words of %d; one is an emoji", n, BundledBlocklist().Len())
	}
}
