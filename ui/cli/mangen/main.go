// Command mangen writes sesame's man pages into a directory: go run
// ./ui/cli/mangen assets/man (make man). It writes roff itself, one page
// for sesame and one for each command --help offers, from the command
// tree, the settings table and the interactive program's key bindings, so
// the pages say what the program does and nothing it would refuse.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mangen DIR")
		os.Exit(2)
	}
	date := manDate // SOURCE_DATE_EPOCH overrides it for releases
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			date = time.Unix(n, 0).UTC()
		}
	}
	if err := writeManPages(os.Args[1], date); err != nil {
		fmt.Fprintln(os.Stderr, "mangen:", err)
		os.Exit(1)
	}
}
