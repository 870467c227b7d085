// Command mangen writes sesame's man pages (one per command) into a
// directory: go run ./ui/cli/mangen assets/man (make man).
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra/doc"

	"github.com/sesame-sh/sesame/ui/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mangen DIR")
		os.Exit(2)
	}
	// A fixed date keeps regenerated pages identical unless the commands
	// change; SOURCE_DATE_EPOCH sets it for releases.
	date := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			date = time.Unix(n, 0).UTC()
		}
	}
	root := cli.Command()
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Title: "SESAME", Section: "1", Source: "sesame", Manual: "User Commands", Date: &date}
	if err := doc.GenManTree(root, header, os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "mangen:", err)
		os.Exit(1)
	}
}
