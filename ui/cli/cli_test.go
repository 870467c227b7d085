package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// The scripts in testdata/script drive the real command line: the test
// binary re-executes itself as "sesame", through the same Main as the
// sesame binary, with pipes (not terminals) for its streams.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sesame": func() { os.Exit(Main()) },
		// sesame-lean is sesame that fails (status 99) if the run parsed
		// the bundled site list, which only a site lookup should.
		"sesame-lean": func() {
			code := Main()
			if rules.Loaded() {
				fmt.Fprintln(os.Stderr, "sesame-lean: the site list was parsed")
				os.Exit(99)
			}
			os.Exit(code)
		},
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":    cmdStatus,
			"jsonlines": cmdJSONLines,
			"lines":     cmdLines,
			"bytes":     cmdBytes,
			"eachline":  cmdEachLine,
			"repeat":    cmdRepeat,
		},
		Setup: func(e *testscript.Env) error {
			e.Setenv("XDG_CONFIG_HOME", e.WorkDir+"/config")
			e.Setenv("DISPLAY", "") // no clipboard in scripts unless one sets it up
			e.Setenv("WAYLAND_DISPLAY", "")
			// Under -race each sesame the scripts start (some 350) would
			// sleep a second before exiting, the race detector's default
			// atexit_sleep_ms. A race it finds is still reported, and
			// turns a successful run's exit status into 66, failing the
			// script. A GORACE given to go test has the last word.
			e.Setenv("GORACE", strings.TrimSpace("atexit_sleep_ms=0 "+os.Getenv("GORACE")))
			return nil
		},
	})
}

// repeat VAR TEXT N: set VAR to TEXT repeated N times, for a value too
// long to write in a script.
func cmdRepeat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: repeat VAR TEXT N")
	}
	n, err := strconv.Atoi(args[2])
	if err != nil {
		ts.Fatalf("repeat: %v", err)
	}
	ts.Setenv(args[0], strings.Repeat(args[1], n))
}

// status N cmd args...: run the command and require exit status N.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("status: %v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// jsonlines N key=value... / key...: stdout is N JSON objects, one per
// line, each with the keys given (and, for key=value, that value, compared
// as JSON text).
func cmdJSONLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: jsonlines N [key[=json]...]")
	}
	n, _ := strconv.Atoi(args[0])
	out := strings.TrimSuffix(ts.ReadFile("stdout"), "\n")
	lines := strings.Split(out, "\n")
	if len(lines) != n {
		ts.Fatalf("%d JSON lines, want %d", len(lines), n)
	}
	for _, l := range lines {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &obj); err != nil {
			ts.Fatalf("not JSON: %q: %v", l, err)
		}
		for _, kv := range args[1:] {
			k, v, hasV := strings.Cut(kv, "=")
			got, ok := obj[k]
			if !ok {
				ts.Fatalf("key %q missing from %s", k, l)
			}
			if hasV && string(got) != v {
				ts.Fatalf("%s = %s, want %s", k, got, v)
			}
		}
	}
}

// lines N [file]: the file (stdout by default) has exactly N lines.
func cmdLines(ts *testscript.TestScript, neg bool, args []string) {
	file := "stdout"
	if len(args) == 2 {
		file = args[1]
	}
	n, _ := strconv.Atoi(args[0])
	got := strings.Count(ts.ReadFile(file), "\n")
	if (got == n) == neg {
		ts.Fatalf("%s has %d lines, want %d", file, got, n)
	}
}

// bytes N [file]: the file (stdout by default) has exactly N bytes.
func cmdBytes(ts *testscript.TestScript, neg bool, args []string) {
	file := "stdout"
	if len(args) == 2 {
		file = args[1]
	}
	n, _ := strconv.Atoi(args[0])
	if got := len(ts.ReadFile(file)); (got == n) == neg {
		ts.Fatalf("%s has %d bytes, want %d", file, got, n)
	}
}

// eachline regexp: every line of stdout matches (with !, none does).
// Unlike stdout's multi-line matching this never trips on the empty tail
// after the last newline.
func cmdEachLine(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: eachline regexp")
	}
	re := regexp.MustCompile(args[0])
	lines := strings.Split(strings.TrimSuffix(ts.ReadFile("stdout"), "\n"), "\n")
	for _, l := range lines {
		if re.MatchString(l) == neg {
			ts.Fatalf("line %q: match %v, want %v", l, !neg, neg)
		}
	}
}

type generatorSource = generator.Source

type brokenSource struct{}

func (brokenSource) Fill([]byte) error { return errors.New("entropy pool on fire") }
