// Package cli is sesame's command line: the subcommands, their flags, and
// what they print. It decides when to start the interactive program and
// maps every failure to one line on stderr and an exit status.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui"
	"github.com/sesame-sh/sesame/ui/clipboard"
)

// environment is what a run of sesame sees of the world; tests replace
// parts of it.
type environment struct {
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
	stdinTTY  bool
	stdoutTTY bool
	// stdoutWidth is the terminal's width in columns, for sesame pwgen's
	// columns; nil or 0 where unknown.
	stdoutWidth func() int
	newSource   func() generator.Source // nil: crypto/rand
	runTUI      func(context.Context, ui.Options) error
	configDir   func() (string, error) // where remembered settings live

	// The clipboard, as --copy sees it.
	getenv       func(string) string
	openTTY      func() (*os.File, error)
	system       clipboard.SystemClipboard
	startClearer func(clipboard.Result, clipboard.Where, string, int, *os.File) error

	// qrTerminal opens the terminal --qr draws on (nil: /dev/tty).
	qrTerminal func() (terminal, error)
}

// Main runs sesame with the process's arguments and standard streams and
// returns the exit status.
func Main() int {
	// A reader that goes away (sesame -n 1000000 | head -1) must end the
	// program quietly: with SIGPIPE ignored, writes fail with EPIPE, which
	// counts as success.
	signal.Ignore(syscall.SIGPIPE)
	env := &environment{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		stdinTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		stdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		stdoutWidth: func() int {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			if err != nil {
				return 0
			}
			return w
		},
		runTUI: ui.Run,
	}
	env.setClipboardDefaults()
	return run(context.Background(), env, os.Args[1:])
}

// setClipboardDefaults fills in the real clipboard where a test did not.
func (env *environment) setClipboardDefaults() {
	if env.getenv == nil {
		env.getenv = os.Getenv
	}
	if env.openTTY == nil {
		env.openTTY = openTTY
	}
	if env.system == nil {
		env.system = clipboard.OS()
	}
	if env.startClearer == nil {
		env.startClearer = clipboard.StartClearer
	}
}

// run executes one command line and returns the exit status, printing at
// most one error line.
func run(ctx context.Context, env *environment, args []string) int {
	env.setClipboardDefaults()
	// Whatever writes to stdout (a secret, --help, the completion script),
	// a failed write is a failure: sesame --help >/dev/full must not exit 0.
	out := &watchedWriter{w: env.stdout}
	env.stdout = out
	root := newRoot(env, args)
	args = numberArgs(args)
	root.SetArgs(args)
	// A flag error may come from a long flag written with one dash; that
	// shows only in the words themselves. (Commands use the root's.)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if e := oneDashError(cmd, args); e != nil {
			return e
		}
		return flagErrorFunc(cmd, err)
	})
	root.SetIn(env.stdin)
	root.SetOut(env.stdout)
	root.SetErr(env.stderr)
	err := root.ExecuteContext(ctx)
	if errors.Is(err, tea.ErrInterrupted) {
		err = errInterrupted
	}
	if out.err != nil { // the first failure, whatever came of it
		err = fmt.Errorf("writing to standard output: %w", out.err)
	}
	code, msg := exitCode(err)
	if msg != "" {
		say(env.stderr, msg)
	}
	return code
}

// watchedWriter remembers the first error writing to w, for writers that
// drop it (cobra's help and completion).
type watchedWriter struct {
	w   io.Writer
	err error
}

func (o *watchedWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// version is the module version when installed with go install, else the
// VCS revision the binary was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel-" + s.Value[:12]
		}
	}
	return "devel"
}

// Command returns sesame's command tree, for generating documentation.
func Command() *cobra.Command {
	return newRoot(&environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, nil)
}
