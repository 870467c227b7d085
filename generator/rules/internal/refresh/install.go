package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sesame-sh/sesame/generator/rules/internal/sitetables"
	"github.com/sesame-sh/sesame/internal/datafile"
)

// The parts of ATTRIBUTION.md the tool rewrites.
const (
	commitLinePrefix = "- Source commit: "
	// interimPrefix starts a line saying that some files came from
	// other commits; once all come from one, the line is dropped.
	interimPrefix  = "- Interim source: "
	licenceHeading = "## Licence of the source repository\n"
	fence          = "```\n"
)

// install writes the three lists and the updated attribution into dest,
// and the lists as Go tables into goFile. Everything is prepared before
// anything is written.
func install(dest, goFile string, src *source) error {
	tables, err := sitetables.GoSource(string(src.list), string(src.shared), string(src.change))
	if err != nil {
		return fmt.Errorf("rendering %s: %w", goFile, err)
	}
	attrPath := filepath.Join(dest, "ATTRIBUTION.md")
	old, err := os.ReadFile(attrPath)
	if err != nil {
		return fmt.Errorf("reading the attribution (run from the repository root, or pass -dest): %w", err)
	}
	attr, err := updateAttribution(string(old), src)
	if err != nil {
		return fmt.Errorf("%s: %w", attrPath, err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"password-rules.json", src.list},
		{"shared-credentials.json", src.shared},
		{"change-password-URLs.json", src.change},
	} {
		if err := datafile.Write(filepath.Join(dest, f.name), f.data); err != nil {
			return err
		}
	}
	if err := datafile.Write(goFile, tables); err != nil {
		return err
	}
	return datafile.Write(attrPath, []byte(attr))
}

// updateAttribution replaces the commit line and the fenced licence text
// that follows the licence heading.
func updateAttribution(text string, src *source) (string, error) {
	lines := strings.SplitAfter(text, "\n")
	found := 0
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, commitLinePrefix):
			lines[i] = fmt.Sprintf("%s`%s` (%s)\n", commitLinePrefix, src.commit, src.date)
			found++
		case strings.HasPrefix(l, interimPrefix):
			lines[i] = ""
		}
	}
	if found != 1 {
		return "", fmt.Errorf("expected one line starting %q, found %d", commitLinePrefix, found)
	}
	text = strings.Join(lines, "")
	head, rest, ok := strings.Cut(text, licenceHeading)
	if !ok {
		return "", fmt.Errorf("no heading %q", strings.TrimSpace(licenceHeading))
	}
	open := strings.Index(rest, fence)
	if open < 0 {
		return "", fmt.Errorf("no fenced licence text after %q", strings.TrimSpace(licenceHeading))
	}
	body := rest[open+len(fence):]
	end := strings.Index(body, "\n"+fence)
	if end < 0 {
		return "", fmt.Errorf("the fenced licence text is not closed")
	}
	licence := strings.TrimRight(string(src.licence), "\n")
	return head + licenceHeading + rest[:open+len(fence)] + licence + body[end:], nil
}
