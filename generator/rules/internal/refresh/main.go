// Command refresh copies the list of websites' password rules, the list of
// domains that share a login and the list of change-password pages from a
// checkout of Apple's password-manager-resources repository into sesame's
// assets, after checking that sesame can read every entry of them:
//
//	go run ./generator/rules/internal/refresh PATH-TO-CHECKOUT
//
// Run it from the root of the sesame repository (or pass -dest). It copies
// quirks/password-rules.json, quirks/shared-credentials.json and
// quirks/change-password-URLs.json byte for byte, then rewrites the commit
// line and the licence text of ATTRIBUTION.md from the checkout's HEAD and
// LICENSE.md, and regenerates generator/rules/bundled_lists.go, the lists
// as the program reads them (as go generate ./generator/rules would). It writes nothing when a rule fails to parse or an entry
// cannot be read, when the checkout has local changes to those files, or
// when it is not a git checkout, because then the recorded commit would
// not describe the data.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "refresh:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("refresh", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dest := fs.String("dest", "assets/rules", "the directory holding the three lists and ATTRIBUTION.md")
	goFile := fs.String("go", "generator/rules/bundled_lists.go", "the Go file of the lists, decoded")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: refresh [-dest DIR] [-go FILE] PATH-TO-CHECKOUT")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("expected one argument, the path of a checkout of apple/password-manager-resources")
	}
	src, err := readSource(fs.Arg(0))
	if err != nil {
		return err
	}
	report, err := checkSource(src)
	if err != nil {
		return err
	}
	if err := install(*dest, *goFile, src); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copied %d sites, %d shared logins and %d change-password pages from %s (%s) into %s\n",
		report.sites, report.groups, report.pages, src.commit, src.date, *dest)
	for _, w := range report.warnings {
		fmt.Fprintln(stdout, "  warning:", w)
	}
	return nil
}
