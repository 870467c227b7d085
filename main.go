// Command sesame generates passwords, passphrases, tokens and PINs, and
// says exactly how strong they are.
//
// At a terminal with no command it starts the interactive generator (package
// ui); otherwise it is a scriptable command line (package ui/cli). The
// generators themselves are package generator.
package main

import (
	"os"

	"github.com/sesame-sh/sesame/ui/cli"
)

func main() { os.Exit(cli.Main()) }
