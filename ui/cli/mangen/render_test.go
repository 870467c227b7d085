package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

// The pages as man shows them: groff must format them without a warning,
// and what it prints must keep the characters a reader copies.

// needGroff skips the test where groff is missing, unless the end-to-end
// tests are required (SESAME_REQUIRE_E2E): then groff must be installed
// (Debian: groff-base).
func needGroff(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("groff"); err != nil {
		if os.Getenv("SESAME_REQUIRE_E2E") != "" {
			t.Fatal("groff is not installed (install groff-base)")
		}
		t.Skip("groff is not installed")
	}
}

// format renders a page as text, as man does at a UTF-8 terminal, with
// every warning on; -P-cbou asks for plain text, without bold or
// underlining.
func format(t *testing.T, page string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.1")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-P-cbou", file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Errorf("groff: %v\n%s", err, stderr.String())
	}
	return stdout.String()
}

func TestPagesFormatWithoutWarnings(t *testing.T) {
	needGroff(t)
	for name, page := range generated(t) {
		t.Run(name, func(t *testing.T) {
			text := format(t, page)
			if !strings.Contains(text, "SEE ALSO") {
				t.Errorf("nothing formatted:\n%s", text)
			}
		})
	}
}

func TestFormattedTextKeepsWhatReadersCopy(t *testing.T) {
	needGroff(t)
	pages := generated(t)
	password := format(t, pages["sesame-password.1"])
	for _, want := range []string{"0OoDQ1lI", generator.Ambiguous, "--[no-]digits", "--max-digits N|any"} {
		if !strings.Contains(password, want) {
			t.Errorf("sesame-password(1) lost %q:\n%s", want, password)
		}
	}
	if token := format(t, pages["sesame-token.1"]); !strings.Contains(token, "sk_live_") {
		t.Errorf("sesame-token(1) lost sk_live_:\n%s", token)
	}
	// Every example is printed as typed, to be pasted into a shell.
	for name, c := range wantPages(tree()) {
		text := format(t, pages[name])
		for l := range strings.SplitSeq(strings.TrimRight(c.Example, "\n"), "\n") {
			if !strings.Contains(text, l) {
				t.Errorf("%s: example %q not printed as typed", name, l)
			}
		}
	}
}
