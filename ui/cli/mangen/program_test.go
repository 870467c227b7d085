package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/ui"
	"github.com/sesame-sh/sesame/ui/settings"
)

// sesame(1) lists every key ui.Keys lists, group by group, in order.
func TestInteractiveKeys(t *testing.T) {
	sec := section(generated(t)["sesame.1"], "INTERACTIVE KEYS")
	if sec == "" {
		t.Fatal("sesame.1 has no INTERACTIVE KEYS section")
	}
	var wantHeads []string
	var want []entry
	for _, g := range ui.Keys() {
		wantHeads = append(wantHeads, strings.ToLower(g.Where))
		for _, k := range g.Keys {
			want = append(want, entry{k[0], k[1]})
		}
	}
	heads := headings(sec)
	for i := range heads {
		heads[i] = strings.ToLower(heads[i])
	}
	if !slices.Equal(heads, wantHeads) {
		t.Errorf("groups %q, want %q", heads, wantHeads)
	}
	if got := entries(sec); !slices.Equal(got, want) {
		t.Errorf("keys\n%q\nwant\n%q", got, want)
	}
}

// getenvRe finds a variable read by name; os.UserConfigDir reads
// XDG_CONFIG_HOME on the systems that have one.
var getenvRe = regexp.MustCompile(`(?:[Gg]etenv|LookupEnv)\("(\w+)"\)|os\.(UserConfigDir)\(`)

// ENVIRONMENT lists exactly the variables the sesame binary's own
// packages read.
func TestEnvironmentIsWhatTheCodeReads(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.Module.Path}} {{.Dir}}{{end}}", "github.com/sesame-sh/sesame").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	read := map[string]bool{}
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		mod, dir, _ := strings.Cut(line, " ")
		if mod != "github.com/sesame-sh/sesame" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, _ := os.ReadFile(f)
			for _, m := range getenvRe.FindAllStringSubmatch(string(src), -1) {
				if m[2] != "" {
					read["XDG_CONFIG_HOME"] = true
				} else {
					read[m[1]] = true
				}
			}
		}
	}
	if len(read) < 5 {
		t.Fatalf("found only %v read: is the search wrong?", read)
	}
	listed := map[string]bool{}
	for _, e := range entries(section(generated(t)["sesame.1"], "ENVIRONMENT")) {
		for v := range strings.SplitSeq(e.tag, ", ") {
			listed[v] = true
		}
	}
	for v := range read {
		if !listed[v] {
			t.Errorf("sesame reads %s; ENVIRONMENT does not say why", v)
		}
	}
	for v := range listed {
		if !read[v] {
			t.Errorf("ENVIRONMENT lists %s, which sesame does not read", v)
		}
	}
}

// EXIT STATUS lists exactly the statuses ui/cli declares.
func TestExitStatusesAreTheCodes(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "errors.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Values) != len(vs.Names) {
			return true
		}
		for i, id := range vs.Names {
			if lit, ok := vs.Values[i].(*ast.BasicLit); ok && strings.HasPrefix(id.Name, "exit") && lit.Kind == token.INT {
				want = append(want, lit.Value)
			}
		}
		return true
	})
	var got []string
	for _, e := range entries(section(generated(t)["sesame.1"], "EXIT STATUS")) {
		got = append(got, e.tag)
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) < 4 || !slices.Equal(got, want) {
		t.Errorf("EXIT STATUS lists %v; ui/cli exits with %v", got, want)
	}
}

// FILES names the file the settings are remembered in.
func TestSettingsFileIsWhereSettingsLive(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" || runtime.GOOS == "ios" || runtime.GOOS == "plan9" {
		t.Skip("the page names the XDG location")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path, err := settings.Path()
	if err != nil {
		t.Fatal(err)
	}
	files := entries(section(generated(t)["sesame.1"], "FILES"))
	if len(files) != 1 {
		t.Fatalf("FILES: %q", files)
	}
	if got := strings.Replace(files[0].tag, "$XDG_CONFIG_HOME", dir, 1); filepath.FromSlash(got) != path {
		t.Errorf("FILES names %s; the settings live in %s", files[0].tag, path)
	}
}
