// Command blocklistrefresh copies the English list of the "List of Dirty,
// Naughty, Obscene, and Otherwise Bad Words" from a checkout of its
// repository into sesame's assets, after checking that sesame reads it:
//
//	go run ./generator/internal/blocklistrefresh PATH-TO-CHECKOUT
//
// Run it from the root of the sesame repository (or pass -dest). It copies
// the file en byte for byte to en.txt and rewrites the commit and SHA-256
// lines of ATTRIBUTION.md from the checkout's HEAD and the new file, which
// the tests check the embedded file against. It writes nothing when the
// list does not parse, when the checkout has local changes to it, or when
// it is not a git checkout, because then the recorded commit would not
// describe the data.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/internal/datafile"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "blocklistrefresh:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("blocklistrefresh", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dest := fs.String("dest", "assets/blocklist", "the directory holding en.txt and ATTRIBUTION.md")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("expected one argument, the path of a checkout of LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words")
	}
	src := fs.Arg(0)
	data, err := os.ReadFile(filepath.Join(src, "en"))
	if err != nil {
		return fmt.Errorf("reading the English list: %w", err)
	}
	list, err := generator.ParseBlocklist("en", bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("the English list does not read as a blocklist: %w", err)
	}
	commit, err := gitOut(src, "rev-parse", "HEAD")
	if err != nil {
		return err
	}
	if dirty, err := gitOut(src, "status", "--porcelain", "--", "en"); err != nil || dirty != "" {
		return fmt.Errorf("the checkout's en has local changes (or git failed: %v); the commit would not describe it", err)
	}
	attrPath := filepath.Join(*dest, "ATTRIBUTION.md")
	attr, err := os.ReadFile(attrPath)
	if err != nil {
		return fmt.Errorf("reading the attribution: %w", err)
	}
	sum := sha256.Sum256(data)
	newAttr, err := rewrite(string(attr), commit, hex.EncodeToString(sum[:]))
	if err != nil {
		return err
	}
	if err := datafile.Write(filepath.Join(*dest, "en.txt"), data); err != nil {
		return err
	}
	if err := datafile.Write(attrPath, []byte(newAttr)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copied %d words from %s (%s) into %s; check the line count and dates in ATTRIBUTION.md\n", list.Len(), src, commit, *dest)
	return nil
}

var (
	commitLine = regexp.MustCompile(`commit [0-9a-f]{40}`)
	sumLine    = regexp.MustCompile(`(?m)^[0-9a-f]{64}  en\.txt$`)
)

// rewrite puts the new commit and checksum into the attribution.
func rewrite(attr, commit, sum string) (string, error) {
	if !commitLine.MatchString(attr) || !sumLine.MatchString(attr) {
		return "", fmt.Errorf("ATTRIBUTION.md has no commit or checksum line to rewrite")
	}
	attr = strings.Replace(attr, commitLine.FindString(attr), "commit "+commit, 1)
	return sumLine.ReplaceAllString(attr, sum+"  en.txt"), nil
}

func gitOut(dir string, args ...string) (string, error) {
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		return "", fmt.Errorf("git %s in %s: %w (is it a git checkout?)", args[0], dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}
