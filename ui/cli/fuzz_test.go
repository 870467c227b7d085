package cli

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/sesame-sh/sesame/ui"
	"github.com/sesame-sh/sesame/ui/clipboard"
)

// cappedWriter takes up to max bytes, then fails as a closed pipe does, so
// a fuzzed -n 10000000 ends quickly (and exercises the closed-pipe path).
type cappedWriter struct {
	bytes.Buffer
	max int
}

func (w *cappedWriter) Write(p []byte) (int, error) {
	if w.Len()+len(p) > w.max {
		return 0, syscall.EPIPE
	}
	return w.Buffer.Write(p)
}

var bigNumber = regexp.MustCompile(`\d{4,}`)

// Whatever the command line, sesame answers with a status of 0, 1 or 2,
// never a panic; a failure is exactly one "sesame: " line on stderr, and a
// usage error (2) leaves stdout empty; nothing printed as a secret shows on
// stderr, and no control character from the arguments reaches it. Arguments are separated by NUL.
func FuzzCommandLine(f *testing.F) {
	for _, seed := range []string{
		"", "pw", "pw\x00-l\x0032\x00--json", "pw\x00--min-digits\x0050", "phrase\x00-w\x003\x00--case\x00title",
		"pp\x00--sep\x00digit\x00--number", "token\x00--format\x00base62\x00--checksum\x00--prefix\x00sk_",
		"pin\x00--no-trivial\x00-n\x003", "number\x00-5\x005\x00--unique\x00-n\x0011", "number\x001\x00x",
		"pw\x00--exclude\x00abc\x00--no-ambiguous\x00--max-consecutive\x001", "pw\x00--alphabet\x00ab\u00e9",
		"pw\x00--min-bits\x0080\x00--entropy", "pw\x00-l", "frobnicate", "pw\x00--lenght\x0012", "--help",
		"pw\x00--copy", "pw\x00--qr", "token\x00-hex\x0016", "pw\x0016\x005", "completion\x00bash", "pp\x00--wordlist\x00missing.txt", "pw\x00-n\x00-1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if bigNumber.MatchString(line) {
			return // sizes are the scripts' business; keep each run fast
		}
		var args []string
		if line != "" {
			args = strings.Split(line, "\x00")
		}
		stdout := &cappedWriter{max: 1 << 16}
		var stderr bytes.Buffer
		dir := t.TempDir()
		env := &environment{
			stdin: strings.NewReader(""), stdout: stdout, stderr: &stderr,
			configDir: func() (string, error) { return dir, nil },
			runTUI:    func(context.Context, ui.Options) error { return nil },
			getenv:    func(string) string { return "" },
			openTTY:   func() (*os.File, error) { return nil, os.ErrNotExist },
			system:    &memClipboard{},
			startClearer: func(clipboard.Result, clipboard.Where, string, int, *os.File) error {
				return nil
			},
			qrTerminal: func() (terminal, error) { return nil, os.ErrNotExist },
		}
		code := run(context.Background(), env, args)
		errText := stderr.String()
		if i := strings.IndexFunc(strings.TrimSuffix(errText, "\n"), func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f }); i >= 0 {
			t.Fatalf("%q: control character on stderr: %q", args, errText)
		}
		switch code {
		case 0:
			for _, secret := range strings.Split(stdout.String(), "\n") {
				if len(secret) >= 8 && strings.Contains(errText, secret) {
					t.Fatalf("%q: stdout line %q repeated on stderr", args, secret)
				}
			}
		case 1, 2:
			if !strings.HasPrefix(errText, "sesame: ") || strings.Count(errText, "\n") != 1 || !strings.HasSuffix(errText, "\n") {
				t.Fatalf("%q: status %d with stderr %q", args, code, errText)
			}
			if code == 2 && stdout.Len() != 0 {
				t.Fatalf("%q: usage error with stdout %q", args, stdout.String())
			}
		default:
			t.Fatalf("%q: status %d", args, code)
		}
	})
}
