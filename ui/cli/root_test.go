package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui"
	"github.com/sesame-sh/sesame/ui/settings"
)

type fakeRun struct {
	env      *environment
	stdout   bytes.Buffer
	stderr   bytes.Buffer
	started  bool
	opts     ui.Options
	tuiError error
}

func newFake(t *testing.T, tty bool) *fakeRun {
	f := &fakeRun{}
	dir := t.TempDir()
	f.env = &environment{
		stdin: strings.NewReader(""), stdout: &f.stdout, stderr: &f.stderr,
		stdinTTY: tty, stdoutTTY: tty,
		configDir: func() (string, error) { return dir, nil },
		// Never the real terminal: --qr would wait there for a key.
		qrTerminal: func() (terminal, error) { return nil, os.ErrNotExist },
		runTUI: func(_ context.Context, o ui.Options) error {
			f.started, f.opts = true, o
			return f.tuiError
		},
	}
	return f
}

func (f *fakeRun) run(args ...string) int { return run(context.Background(), f.env, args) }

func TestNoCommandAtTerminalStartsTUI(t *testing.T) {
	f := newFake(t, true)
	if code := f.run(); code != 0 || !f.started || f.stdout.Len() != 0 {
		t.Fatalf("code %d started %v stdout %q", code, f.started, f.stdout.String())
	}
	if f.opts.Settings.Password.Length != 20 || f.opts.ConfigPath == "" {
		t.Fatalf("options %+v", f.opts)
	}
}

func TestNoCommandInPipePrints(t *testing.T) {
	f := newFake(t, false)
	if code := f.run(); code != 0 || f.started || len(strings.TrimSpace(f.stdout.String())) != 20 {
		t.Fatalf("code %d started %v stdout %q", code, f.started, f.stdout.String())
	}
	// At a terminal, output flags mean "print".
	f = newFake(t, true)
	if code := f.run("-n", "3"); code != 0 || f.started || strings.Count(f.stdout.String(), "\n") != 3 {
		t.Fatalf("code %d started %v stdout %q", code, f.started, f.stdout.String())
	}
}

func TestStartingFormLayersDefaultsConfigFlags(t *testing.T) {
	f := newFake(t, true)
	dir, _ := f.env.configDir()
	path := filepath.Join(dir, "sesame", "config.json")
	saved := settings.Default()
	saved.Mode = settings.Phrase
	saved.Password.Length = 40
	saved.Phrase.Words = 8
	if err := settings.Save(path, saved); err != nil {
		t.Fatal(err)
	}
	// Remembered settings, then flags on top; the tab is the flagged mode's.
	if code := f.run("--words", "5", "--no-symbols"); code != 0 {
		t.Fatalf("code %d: %s", code, f.stderr.String())
	}
	s := f.opts.Settings
	if s.Mode != settings.Password || s.Password.Length != 40 || s.Phrase.Words != 5 || s.Password.Symbols.Use {
		t.Fatalf("settings %+v", s)
	}
	f.run("--words", "5")
	if f.opts.Settings.Mode != settings.Phrase {
		t.Fatalf("--words should open Passphrase, got %v", f.opts.Settings.Mode)
	}
	f.run("--length", "32", "--mode", "token")
	if f.opts.Settings.Mode != settings.Token || f.opts.Settings.Password.Length != 32 {
		t.Fatalf("--mode wins: %+v", f.opts.Settings)
	}
	// --no-config ignores them and turns saving off.
	f.run("--no-config")
	if f.opts.Settings.Password.Length != 20 || f.opts.ConfigPath != "" {
		t.Fatalf("--no-config: %+v", f.opts)
	}
	// A corrupt file: defaults, a warning saying nothing will be saved,
	// and the error that keeps the program from saving over it.
	os.WriteFile(path, []byte("{nope"), 0o600)
	f.run()
	var fe *settings.FileError
	if len(f.opts.Warnings) != 1 || !strings.Contains(f.opts.Warnings[0], "line 1, column 2") ||
		!strings.Contains(f.opts.Warnings[0], "will not be saved") || !errors.As(f.opts.ConfigError, &fe) ||
		f.opts.Settings.Password.Length != 20 {
		t.Fatalf("corrupt config: %+v", f.opts)
	}
	if f.stderr.Len() != 0 {
		t.Fatalf("stderr %q", f.stderr.String())
	}
}

func TestInterruptExits130(t *testing.T) {
	f := newFake(t, true)
	f.tuiError = errors.Join(tea.ErrInterrupted)
	if code := f.run(); code != 130 || f.stderr.Len() != 0 {
		t.Fatalf("code %d stderr %q", code, f.stderr.String())
	}
	f.tuiError = errors.New("terminal vanished")
	if code := f.run(); code != 1 || !strings.HasPrefix(f.stderr.String(), "sesame: terminal vanished") {
		t.Fatalf("code %d stderr %q", code, f.stderr.String())
	}
}

func TestRawTokenRefusedAtTerminal(t *testing.T) {
	f := newFake(t, true)
	if code := f.run("token", "--format", "raw"); code != 2 || f.stdout.Len() != 0 || !strings.Contains(f.stderr.String(), "redirect") {
		t.Fatalf("code %d stdout %d bytes stderr %q", code, f.stdout.Len(), f.stderr.String())
	}
}

func TestFailingSourceExits1WithNoOutput(t *testing.T) {
	for _, args := range [][]string{{"pw"}, {"pp"}, {"token"}, {"pin"}, {"number", "1", "10"}, {"pw", "-n", "1000"}} {
		f := newFake(t, false)
		f.env.newSource = func() generatorSource { return brokenSource{} }
		if code := f.run(args...); code != 1 || f.stdout.Len() != 0 || !strings.HasPrefix(f.stderr.String(), "sesame: random source failed") {
			t.Fatalf("%v: code %d stdout %q stderr %q", args, code, f.stdout.String(), f.stderr.String())
		}
	}
}
