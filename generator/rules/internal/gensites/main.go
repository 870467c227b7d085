// Command gensites writes package rules' bundled tables (bundled_lists.go)
// from the lists in assets/rules, decoded and sorted, so that sesame reads
// them as static data instead of decoding JSON each time it runs:
//
//	go generate ./generator/rules
//
// make rules runs it after refreshing the lists; a test of package rules
// fails when the file does not match the lists.
package main

import (
	"fmt"
	"os"

	"github.com/sesame-sh/sesame/assets"
	"github.com/sesame-sh/sesame/generator/rules/internal/sitetables"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gensites OUTPUT.go")
		os.Exit(2)
	}
	src, err := sitetables.GoSource(assets.SiteRules, assets.SharedCredentials, assets.ChangePasswordURLs)
	if err == nil {
		err = os.WriteFile(os.Args[1], src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensites:", err)
		os.Exit(1)
	}
}
