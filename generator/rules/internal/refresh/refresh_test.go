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

// The other two lists of a test checkout, unless a test gives its own.
const (
	testShared = `[{"shared": ["a.example.com", "b.example"]}, {"from": ["old.example"], "to": ["a.example.com"]}]`
	testChange = `{"a.example.com": "https://a.example.com/password"}`
)

// makeCheckout creates a git repository holding list, the two other lists
// and a licence, with a fixed commit date, and returns its path and HEAD.
func makeCheckout(t *testing.T, list string) (dir, head string) {
	return makeCheckoutOf(t, list, testShared, testChange)
}

func makeCheckoutOf(t *testing.T, list, shared, change string) (dir, head string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "quirks"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, listPath), list)
	write(t, filepath.Join(dir, sharedPath), shared)
	write(t, filepath.Join(dir, changePath), change)
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
	for _, name := range listNames {
		write(t, filepath.Join(dest, name), "old")
	}
	write(t, filepath.Join(dest, "bundled_lists.go"), "old")
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
	out, err := runTool(t, "-dest", dest, "-go", filepath.Join(dest, "bundled_lists.go"), checkout)
	if err != nil {
		t.Fatalf("refresh: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "bundled_lists.go")); !strings.Contains(string(got), `{Domain: "a.example.com", Rules: "minlength: 8; allowed: [aé];"}`) {
		t.Errorf("the Go tables were not regenerated from the new list:\n%s", got)
	}
	if !strings.Contains(out, "copied 1 sites, 2 shared logins and 1 change-password pages from "+head) || !strings.Contains(out, `a.example.com: at character 24: ignoring "é"`) {
		t.Errorf("output %q lacks the count, commit or warning", out)
	}
	for name, want := range map[string]string{"password-rules.json": list, "shared-credentials.json": testShared, "change-password-URLs.json": testChange} {
		if got, _ := os.ReadFile(filepath.Join(dest, name)); string(got) != want {
			t.Errorf("%s not copied verbatim: %q", name, got)
		}
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
	if strings.Contains(string(attr), interimPrefix) {
		t.Errorf("the line on files from other commits is still there:\n%s", attr)
	}
}

// TestRefreshRefusesUnreadableQuirks: a shared-credentials or
// change-password list the program could not read writes nothing, and the
// error says which entry.
func TestRefreshRefusesUnreadableQuirks(t *testing.T) {
	list := `{"a.example.com": {"password-rules": "minlength: 8"}}`
	cases := []struct{ name, shared, change, msg string }{
		{"a group of one", `[{"shared": ["a.example.com"]}]`, testChange, "entry 1: expected"},
		{"an upper-case domain", `[{"from": ["A.example"], "to": ["b.example"]}]`, testChange, `"A.example" is not`},
		{"an unknown member", `[{"shared": ["a.example", "b.example"], "note": 1}]`, testChange, "shared-credentials list"},
		{"an http page", testShared, `{"a.example.com": "http://a.example.com/pw"}`, "not an https address"},
		{"a control character", testShared, `{"a.example.com": "https://a.example.com/\u001b[2J"}`, "not printable ASCII"},
		{"a page for no domain", testShared, `{"localhost": "https://localhost/pw"}`, `"localhost" is not`},
	}
	for _, tc := range cases {
		checkout, _ := makeCheckoutOf(t, list, tc.shared, tc.change)
		dest := makeDest(t)
		out, err := runTool(t, "-dest", dest, "-go", filepath.Join(dest, "bundled_lists.go"), checkout)
		if err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("%s: refresh = %v (%s); want an error containing %q", tc.name, err, out, tc.msg)
		}
		assertUntouched(t, dest)
	}
}

func TestRefreshRefusesUnparsableRules(t *testing.T) {
	checkout, _ := makeCheckout(t, `{"a.example.com": {"password-rules": "minlength: 8"}, "b.example.com": {"password-rules": "required: nums"}}`)
	dest := makeDest(t)
	out, err := runTool(t, "-dest", dest, "-go", filepath.Join(dest, "bundled_lists.go"), checkout)
	if err == nil || !strings.Contains(err.Error(), `b.example.com: at character 11`) || strings.Contains(err.Error(), "a.example.com") {
		t.Fatalf("refresh = %v (%s); want an error naming only b.example.com", err, out)
	}
	assertUntouched(t, dest)
}

func TestRefreshRefusesLocalChanges(t *testing.T) {
	checkout, _ := makeCheckout(t, `{"a.example.com": {"password-rules": "minlength: 8"}}`)
	write(t, filepath.Join(checkout, listPath), `{"a.example.com": {"password-rules": "minlength: 9"}}`)
	dest := makeDest(t)
	if _, err := runTool(t, "-dest", dest, "-go", filepath.Join(dest, "bundled_lists.go"), checkout); err == nil || !strings.Contains(err.Error(), "local changes") {
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

// listNames are the lists the tool writes.
var listNames = []string{"password-rules.json", "shared-credentials.json", "change-password-URLs.json"}

func assertUntouched(t *testing.T, dest string) {
	t.Helper()
	for _, name := range listNames {
		if got, _ := os.ReadFile(filepath.Join(dest, name)); string(got) != "old" {
			t.Errorf("%s was written: %q", name, got)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "ATTRIBUTION.md")); string(got) != assets.SiteRulesAttribution {
		t.Errorf("the attribution was changed")
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "bundled_lists.go")); string(got) != "old" {
		t.Errorf("the Go tables were written")
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
	var want strings.Builder // the text without the line on other commits, which a refresh drops
	for l := range strings.Lines(text) {
		if !strings.HasPrefix(l, interimPrefix) {
			want.WriteString(l)
		}
	}
	if err != nil || got != want.String() {
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
