package ui

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// The package doc lists the files by idea: every file of the package is
// in the list (field_*.go stands for the field kinds), so that a reader
// can trust it.
func TestPackageDocNamesEveryFile(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "run.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	doc := f.Doc.Text()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		if strings.HasPrefix(name, "field_") && strings.Contains(doc, "field_*.go") {
			continue
		}
		if !strings.Contains(doc, name) {
			t.Errorf("the package doc (run.go) does not name %s", name)
		}
	}
}
