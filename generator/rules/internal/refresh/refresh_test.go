package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/assets"
)

const testLicence = "Copyright 2099 Example\n\nPermission is granted.\n"

// makeCheckout creates a git repository holding list and a licence, with
// a fixed commit date, and returns its path and HEAD.
func makeCheckout(t *testing.T, list string) (dir, head string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "quirks"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, listPath), list)
	write(t, filepath.Join(dir, licencePath), testLicence)
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "list"},
	} {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=2030-01-02T03:04:05+06:00", "GIT_AUTHOR_DATE=2030-01-02T03:04:05+06:00")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	head, err := gitOutput(dir, "rev-parse", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	return dir, head
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// makeDest copies the real attribution into a scratch assets directory.
func makeDest(t *testing.T) string {
	t.Helper()
	dest := t.TempDir()
	write(t, filepath.Join(dest, "ATTRIBUTION.md"), assets.SiteRulesAttribution)
	write(t, filepath.Join(dest, "password-rules.json"), "old")
	return dest
}

func runTool(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(args, &stdout, &stderr)
	return stdout.String() + stderr.String(), err
}

func TestRefresh(t *testing.T) {
	list := `{"a.example.com": {"password-rules": "minlength: 8; allowed: [aé];"}}` // no final newline: copied as is
	checkout, head := makeCheckout(t, list)
	dest := makeDest(t)
	out, err := runTool(t, "-dest", dest, checkout)
	if err != nil {
		t.Fatalf("refresh: %v\n%s", err, out)
	}
	if !strings.Contains(out, "copied 1 sites from "+head) || !strings.Contains(out, `a.example.com: at character 24: ignoring "é"`) {
		t.Errorf("output %q lacks the count, commit or warning", out)
	}
	got, _ := os.ReadFile(filepath.Join(dest, "password-rules.json"))
	if string(got) != list {
		t.Errorf("list not copied verbatim: %q", got)
	}
	attr, _ := os.ReadFile(filepath.Join(dest, "ATTRIBUTION.md"))
	wantLine := "- Source commit: `" + head + "` (2030-01-02T03:04:05+06:00)\n"
	if !strings.Contains(string(attr), wantLine) {
		t.Errorf("attribution lacks %q:\n%s", wantLine, attr)
	}
	if !strings.HasSuffix(string(attr), "\n```\n"+testLicence+"```\n") {
		t.Errorf("attribution does not end with the new licence:\n%s", attr)
	}
	if strings.Contains(string(attr), "Apple Inc.\n\nPermission") {
		t.Errorf("the old licence text is still there")
	}
}

func TestRefreshRefusesUnparsableRules(t *testing.T) {
	checkout, _ := makeCheckout(t, `{"a.example.com": {"password-rules": "minlength: 8"}, "b.example.com": {"password-rules": "required: nums"}}`)
	dest := makeDest(t)
	out, err := runTool(t, "-dest", dest, checkout)
	if err == nil || !strings.Contains(err.Error(), `b.example.com: at character 11`) || strings.Contains(err.Error(), "a.example.com") {
		t.Fatalf("refresh = %v (%s); want an error naming only b.example.com", err, out)
	}
	assertUntouched(t, dest)
}

func TestRefreshRefusesLocalChanges(t *testing.T) {
	checkout, _ := makeCheckout(t, `{"a.example.com": {"password-rules": "minlength: 8"}}`)
	write(t, filepath.Join(checkout, listPath), `{"a.example.com": {"password-rules": "minlength: 9"}}`)
	dest := makeDest(t)
	if _, err := runTool(t, "-dest", dest, checkout); err == nil || !strings.Contains(err.Error(), "local changes") {
		t.Fatalf("refresh of a modified checkout: %v", err)
	}
	assertUntouched(t, dest)
}

func TestRefreshUsage(t *testing.T) {
	if _, err := runTool(t); err == nil || !strings.Contains(err.Error(), "expected one argument") {
		t.Errorf("no argument: %v", err)
	}
	if _, err := runTool(t, t.TempDir()); err == nil || !strings.Contains(err.Error(), "reading the list") {
		t.Errorf("not a checkout: %v", err)
	}
}

func assertUntouched(t *testing.T, dest string) {
	t.Helper()
	if got, _ := os.ReadFile(filepath.Join(dest, "password-rules.json")); string(got) != "old" {
		t.Errorf("the list was written: %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "ATTRIBUTION.md")); string(got) != assets.SiteRulesAttribution {
		t.Errorf("the attribution was changed")
	}
}

// TestBundledAttributionIsCurrent checks that the bundled ATTRIBUTION.md is
// in the form the tool rewrites: rewriting it with the commit and licence it
// already records changes nothing.
func TestBundledAttributionIsCurrent(t *testing.T) {
	text := assets.SiteRulesAttribution
	var line string
	for l := range strings.Lines(text) {
		if strings.HasPrefix(l, commitLinePrefix) {
			line = l
		}
	}
	var src source
	if !parseCommitLine(line, &src) {
		t.Fatalf("malformed commit line %q", line)
	}
	_, after, _ := strings.Cut(text, licenceHeading+"\n"+fence)
	src.licence = []byte(strings.TrimSuffix(after, fence))
	got, err := updateAttribution(text, &src)
	if err != nil || got != text {
		t.Errorf("rewriting the bundled attribution changed it (%v):\n%s", err, got)
	}
	if !strings.Contains(string(src.licence), "Copyright 2020 - 2026 Apple Inc.") || !strings.Contains(string(src.licence), "THE SOFTWARE IS PROVIDED \"AS IS\"") {
		t.Errorf("the bundled licence text looks wrong: %q", src.licence)
	}
}

// parseCommitLine reads "- Source commit: `HASH` (DATE)" into src.
func parseCommitLine(line string, src *source) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), commitLinePrefix+"`")
	if !ok {
		return false
	}
	hash, date, ok := strings.Cut(rest, "` (")
	if !ok || !commitPattern.MatchString(hash) || !strings.HasSuffix(date, ")") {
		return false
	}
	src.commit, src.date = hash, strings.TrimSuffix(date, ")")
	return true
}
