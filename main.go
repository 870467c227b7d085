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

func main() {
	growStack(0)
	os.Exit(cli.Main())
}

// growStack makes the main goroutine's stack large enough for a one-shot
// command while it is still two frames deep. Go starts a goroutine with a
// small stack and copies it to a larger one when a call needs more; the
// copy walks every frame on the stack, and deep in the command line's
// set-up that walk took about a tenth of `sesame pw`'s run (measured with
// make bench; see README, Performance). Growing once here is nearly free.
//
//go:noinline
func growStack(i int) byte {
	var pad [16 << 10]byte
	pad[i] = 1
	return pad[len(pad)-1-i]
}
