package datafile

import (
	"os"
	"path/filepath"
	"testing"
)

// Write replaces the file whole, readable by all, and leaves no temporary
// file behind; a folder that does not exist is an error that leaves nothing.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new\n" {
		t.Fatalf("read %q, %v; want the new data", got, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v, %v; want 0644", fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("%d entries in the folder, want only the file", len(entries))
	}
	if err := Write(filepath.Join(dir, "missing", "x.txt"), []byte("x")); err == nil {
		t.Fatal("Write into a missing folder succeeded")
	}
}
