package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The committed man pages are exactly what the commands generate: adding or
// changing a flag without running make man fails here.
func TestManPagesAreUpToDate(t *testing.T) {
	dir := t.TempDir()
	if err := writeManPages(dir, manDate); err != nil {
		t.Fatal(err)
	}
	fresh, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	committed, _ := filepath.Glob(filepath.Join("..", "..", "..", "assets", "man", "*.1"))
	if len(fresh) != len(committed) || len(fresh) < 6 {
		t.Fatalf("%d pages generated, %d committed (run make man)", len(fresh), len(committed))
	}
	for _, f := range fresh {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join("..", "..", "..", "assets", "man", filepath.Base(f)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is out of date (run make man)", filepath.Base(f))
		}
	}
}

// What the pages say survives the Markdown step.
func TestManPagesKeepLiteralText(t *testing.T) {
	dir := t.TempDir()
	if err := writeManPages(dir, manDate); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		return strings.ReplaceAll(string(b), `\-`, "-")
	}
	if tok := read("sesame-token.1"); !strings.Contains(tok, "sk_live_") || strings.Contains(tok, `\fIlive`) {
		t.Error("sesame-token.1 mangles sk_live_")
	}
	if pw := read("sesame-password.1"); !strings.Contains(pw, ".TH \"SESAME-PASSWORD\"") || !strings.Contains(pw, "2Z5S6G8B") {
		t.Error("sesame-password.1: title or look-alike set wrong")
	}
}
