package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The tests read the pages as a reader would: these helpers undo the roff
// escapes the generator writes, independently of how it writes them, and
// split a page into its sections and entries.

// generated writes the pages as make man does and returns them by file
// name.
func generated(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	if err := writeManPages(dir, manDate); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

var (
	namedChar = map[string]string{`\(aq`: "'", `\(ga`: "`", `\(dq`: `"`, `\(ti`: "~", `\(ha`: "^"}
	escapeRe  = regexp.MustCompile(`\\(\(..|\[u[0-9A-F]{4,6}\]|f[BIPR]|[-e& ])`)
)

// plain is roff text as printed: fonts dropped, characters unescaped.
func plain(roff string) string {
	return escapeRe.ReplaceAllStringFunc(roff, func(e string) string {
		switch {
		case e == `\-`:
			return "-"
		case e == `\ `:
			return " "
		case e == `\e`:
			return `\`
		case e == `\&` || strings.HasPrefix(e, `\f`):
			return ""
		case strings.HasPrefix(e, `\[u`):
			n, _ := strconv.ParseUint(e[3:len(e)-1], 16, 32)
			return string(rune(n))
		}
		if s, ok := namedChar[e]; ok {
			return s
		}
		return e
	})
}

// section returns the roff lines of a page's section, without its .SH
// line; "" if there is none.
func section(page, title string) string {
	_, rest, ok := strings.Cut(page, ".SH \""+title+"\"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n.SH "); i >= 0 {
		rest = rest[:i+1]
	}
	return rest
}

// entry is one .TP entry, as printed.
type entry struct{ tag, body string }

// entries lists a section's .TP entries (their body is one line).
func entries(sec string) []entry {
	var out []entry
	lines := strings.Split(sec, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".TP") && i+2 < len(lines) {
			out = append(out, entry{plain(lines[i+1]), plain(lines[i+2])})
		}
	}
	return out
}

// headings lists a section's subsection titles.
func headings(sec string) []string {
	var out []string
	for l := range strings.SplitSeq(sec, "\n") {
		if t, ok := strings.CutPrefix(l, ".SS "); ok {
			out = append(out, plain(strings.Trim(t, `"`)))
		}
	}
	return out
}
