package cli

import (
	"os"
	"strings"
	"syscall"
	"testing"
)

// The interactive program reads keys from standard input, so it cannot
// read a wordlist there too: --wordlist - is refused, saying what works.
func TestInteractiveRefusesWordlistFromStdin(t *testing.T) {
	f := newFake(t, true)
	code := f.run("--mode", "phrase", "--wordlist", "-")
	if code != exitUsage || f.started || f.stdout.Len() != 0 {
		t.Fatalf("code %d started %v stdout %q", code, f.started, f.stdout.String())
	}
	if got := f.stderr.String(); !strings.HasPrefix(got, "sesame: --wordlist - reads the words from standard input") ||
		!strings.Contains(got, "give the list's path") || strings.Count(got, "\n") != 1 {
		t.Fatalf("stderr %q", got)
	}
}

// failingWriter fails every write with err, as a full disk or a closed
// pipe does.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// A write that fails on stdout is a failure at run time on every output
// path, cobra's help and completion included; a reader that went away
// (EPIPE) is not.
func TestStdoutWriteErrorsFail(t *testing.T) {
	full := &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
	for _, args := range [][]string{
		{"--help"}, {"pw", "--help"}, {"help", "token"}, {"--version"}, {"completion", "bash"},
		{"credits"}, {"presets", "--no-config"}, {"pw"}, {"pp", "-n", "3"}, {"token", "--format", "raw"},
		{"number", "1", "6"}, {"pin", "--json"},
	} {
		f := newFake(t, false)
		f.env.stdout = failingWriter{full}
		code := f.run(args...)
		got := f.stderr.String()
		if code != exitRuntime || got != "sesame: writing to standard output: write /dev/stdout: no space left on device\n" {
			t.Errorf("%q: exit %d, stderr %q; want 1 and one line about standard output", args, code, got)
		}
		f = newFake(t, false)
		f.env.stdout = failingWriter{&os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}}
		if code := f.run(args...); code != exitOK || f.stderr.Len() != 0 {
			t.Errorf("%q into a closed pipe: exit %d, stderr %q; want 0 and nothing", args, code, f.stderr.String())
		}
	}
}
