package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// Message rules (the same as age's): every line sesame writes to stderr
// starts with "sesame: ", is lower-case with no final period, says what was
// wrong and what would work, and never contains a secret. Errors are one
// line; a usage dump only comes with --help.

// Exit statuses.
const (
	exitOK        = 0
	exitRuntime   = 1   // randomness, clipboard, I/O
	exitUsage     = 2   // bad flag, bad value, impossible policy
	exitInterrupt = 130 // ctrl+c in the interactive program
)

// usageError is a mistake in what the user asked for: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// exitCode classifies an error and returns the status to exit with and the
// message to print ("" for none).
func exitCode(err error) (int, string) {
	name := flagName
	var se *spelledError
	if errors.As(err, &se) {
		name = se.name
	}
	return classify(err, name)
}

// classify is exitCode with the settings a message names spelled by name.
func classify(err error, name func(generator.SettingName) string) (int, string) {
	if err == nil {
		return exitOK, ""
	}
	var ue *usageError
	var pe *generator.PolicyError
	var we *warnedError
	switch {
	case errors.As(err, &we):
		code, msg := classify(we.err, name)
		return code, we.line(msg, name)
	case errors.Is(err, syscall.EPIPE):
		return exitOK, "" // the reader went away (| head): not a failure
	case errors.Is(err, errInterrupted):
		return exitInterrupt, ""
	case errors.As(err, &ue):
		return exitUsage, ue.msg
	case errors.As(err, &pe):
		return exitUsage, pe.Text(name)
	}
	var fe *flagError
	if errors.As(err, &fe) {
		return exitUsage, fe.msg
	}
	if msg, ok := flagParseMessage(nil, err); ok {
		return exitUsage, msg
	}
	return exitRuntime, err.Error()
}

// warnedError is an error that came with warnings about the same
// settings. An error is one line, so the warnings join it rather than
// precede it: they may well explain it (a rules string's dropped
// character, a site with no bundled rules).
type warnedError struct {
	err   error
	warns []generator.Warning
}

// withWarnings returns err with the warnings joined to its line, or err
// alone when there are none.
func withWarnings(err error, warns []generator.Warning) error {
	if len(warns) == 0 {
		return err
	}
	return &warnedError{err, warns}
}

func (e *warnedError) Error() string { return e.line(e.err.Error(), flagName) }
func (e *warnedError) Unwrap() error { return e.err }

// line is the error's message followed by the warnings, their settings
// spelled by name.
func (e *warnedError) line(msg string, name func(generator.SettingName) string) string {
	if msg == "" {
		return ""
	}
	texts := make([]string, len(e.warns))
	for i, w := range e.warns {
		texts[i] = w.Text(name)
	}
	what := "a warning"
	if len(texts) > 1 {
		what = "warnings"
	}
	return msg + " (after " + what + ": " + strings.Join(texts, "; ") + ")"
}

// spelledError is an error from carrying out a request, whose messages
// spell each setting as the flag the user gave for it: --max-consecutive
// rather than --max-sequential when that is what was typed, since the
// advice "raise --max-sequential" would meet "set the same thing".
type spelledError struct {
	err  error
	name func(generator.SettingName) string
}

func (e *spelledError) Error() string { return e.err.Error() }
func (e *spelledError) Unwrap() error { return e.err }

// flagName spells a setting the library names in a message as the flag
// that sets it.
func flagName(s generator.SettingName) string { return "--" + string(s) }

// flagError is a parse error already worded for the user.
type flagError struct{ msg string }

func (e *flagError) Error() string { return e.msg }

// flagErrorFunc words a command's flag parse errors, with the command in
// hand for suggestions.
func flagErrorFunc(cmd *cobra.Command, err error) error {
	if msg, ok := flagParseMessage(cmd, err); ok {
		return &flagError{msg}
	}
	return err
}

// oneDashError explains a parse error caused by a long flag, or a
// choice's value, written after one dash (openssl's -hex, pwgen's
// -symbols): pflag reads those as a run of one-letter flags and fails on
// a letter, so the word has to be found in the command line itself.
func oneDashError(cmd *cobra.Command, args []string) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if len(a) < 3 || a[0] != '-' || a[1] == '-' || isNumber(a) {
			continue
		}
		word, _, _ := strings.Cut(a[1:], "=")
		if hint := oneDashHint(cmd, word); hint != "" {
			return &flagError{fmt.Sprintf("-%s is not a flag of %s: did you mean %s?", word, commandName(cmd), hint)}
		}
	}
	return nil
}

// flagParseMessage rewrites pflag's parse errors (typed errors, never
// their text) as one line that names the flag and what it accepts.
func flagParseMessage(cmd *cobra.Command, err error) (string, bool) {
	var inv *pflag.InvalidValueError
	var req *pflag.ValueRequiredError
	var nx *pflag.NotExistError
	var syn *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &inv):
		name := "--" + inv.GetFlag().Name
		var ve *settings.ValueError
		if errors.As(err, &ve) {
			msg := fmt.Sprintf("%s %s, not %s", name, ve.Want, quoteShort(inv.GetValue()))
			if ve.Hint != "" {
				msg += " (" + ve.Hint + ")"
			}
			return msg, true
		}
		return fmt.Sprintf("%s: %v", name, errors.Unwrap(err)), true
	case errors.As(err, &req):
		f := req.GetFlag()
		return fmt.Sprintf("--%s needs a value: %s", f.Name, f.Usage), true
	case errors.As(err, &nx):
		if cmd != nil {
			return unknownFlagMessage(cmd, nx), true
		}
		return fmt.Sprintf("unknown flag %s (see sesame --help)", unknownFlagName(nx)), true
	case errors.As(err, &syn):
		return fmt.Sprintf("%q is not a flag: write flags as --name or -n (see sesame --help)", syn.GetSpecifiedFlag()), true
	}
	return "", false
}

func unknownFlagName(e *pflag.NotExistError) string {
	if s := e.GetSpecifiedShortnames(); s != "" {
		return fmt.Sprintf("-%s", e.GetSpecifiedName())
	}
	return "--" + e.GetSpecifiedName()
}

var errInterrupted = errors.New("interrupted")

// quoteShort quotes a value the user gave for an error message, cut to
// its first 40 characters and "…": the message stays one readable line
// however long the value (a 100 kB paste would otherwise fill the screen).
func quoteShort(v string) string {
	const most = 40
	if utf8.RuneCountInString(v) <= most {
		return strconv.Quote(v)
	}
	r := []rune(v)
	return strconv.Quote(string(r[:most-1]) + "…")
}
