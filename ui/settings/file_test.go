package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/generator"
)

// withPreset is a settings file a user edited by hand: a comment, a
// trailing comma, a key sesame does not know, and a saved preset.
const withPreset = `{
  // my settings
  "version": 2,
  "password": {
    "length": 30, // long enough
  },
  "mine": "kept",
  "presets": {
    "work": {"mode": "pin", "pin": {"length": 8}},
  },
}
`

// A settings file sesame cannot read whole is never written over, and
// says where it stopped.
func TestUnreadableFilesAreNeverWrittenOver(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, path string) // puts something at path
		why  string                          // in the error
	}{
		{"not json", writeBytes("{\n  \"password\": {\"length\": 30}\n  \"presets\": {}\n}\n"), "line 3, column 3"},
		{"not an object", writeBytes("[1, 2]\n"), "not a JSON object"},
		{"only a comment", writeBytes("// nothing yet\n"), "line 2, column 1"},
		{"directory", func(t *testing.T, path string) { mustDo(t, os.Mkdir(path, 0o700)) }, "a directory"},
		{"link to /dev/zero", func(t *testing.T, path string) { mustDo(t, os.Symlink("/dev/zero", path)) }, "a device"},
		{"fifo", makeFIFO, "a named pipe"},
		{"100 MB", func(t *testing.T, path string) {
			writeBytes(withPreset)(t, path)
			mustDo(t, os.Truncate(path, 100<<20)) // sparse: no 100 MB written
		}, "larger than 1 MiB"},
		{"unreadable", func(t *testing.T, path string) {
			if os.Geteuid() == 0 {
				t.Skip("root reads a file of mode 000")
			}
			writeBytes(withPreset)(t, path)
			mustDo(t, os.Chmod(path, 0))
		}, "permission denied"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.json")
			c.make(t, path)
			before := snapshot(path)
			withTimeout(t, func() {
				s, _, err := Load(path)
				var fe *FileError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.why) || !strings.Contains(err.Error(), path) {
					t.Errorf("Load: %v, want a FileError naming the file and %q", err, c.why)
				}
				if s != Default() {
					t.Errorf("Load did not give the defaults")
				}
				if _, warn := Presets(path); !strings.Contains(warn, c.why) {
					t.Errorf("Presets warning %q", warn)
				}
				s.Password.Length = 31
				if err := Save(path, s); !errors.As(err, &fe) {
					t.Errorf("Save: %v", err)
				}
				if _, _, err := SavePreset(path, "home", Password, s); !errors.As(err, &fe) {
					t.Errorf("SavePreset: %v", err)
				}
			})
			if after := snapshot(path); after != before {
				t.Errorf("the file changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// snapshot describes what is at path without reading a FIFO or a device:
// its type and mode, where it links, and a regular file's bytes.
func snapshot(path string) string {
	fi, err := os.Lstat(path)
	if err != nil {
		return err.Error()
	}
	out := fi.Mode().String()
	if target, err := os.Readlink(path); err == nil {
		out += " -> " + target
	}
	if fi.Mode().IsRegular() {
		out += " " + fi.ModTime().String()
		if fi.Size() < maxFileSize {
			data, _ := os.ReadFile(path)
			out += " " + string(data)
		} else {
			out += " size " + strconv.FormatInt(fi.Size(), 10)
		}
	}
	return out
}

func withTimeout(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("blocked reading the settings file")
	}
}

func writeBytes(data string) func(*testing.T, string) {
	return func(t *testing.T, path string) { mustDo(t, os.WriteFile(path, []byte(data), 0o600)) }
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Comments and trailing commas are read, and saving keeps them, with the
// keys sesame does not know and the presets.
func TestHandEditedFileIsReadAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	writeBytes(withPreset)(t, path)
	s, warn, err := Load(path)
	if err != nil || warn != "" || s.Password.Length != 30 {
		t.Fatalf("Load: length %d, %q, %v", s.Password.Length, warn, err)
	}
	s.Password.Length = 32
	mustDo(t, Save(path, s))
	ph := Default()
	ph.Phrase.Words = 5
	if _, _, err := SavePreset(path, "home", Phrase, ph); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{"// my settings\n", `"length": 32, // long enough`, `"mine": "kept"`,
		`"work": {"mode": "pin", "pin": {"length": 8}},`, `"home": {`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the saved file lacks %s:\n%s", want, data)
		}
	}
	back, warn, err := Load(path)
	if err != nil || warn != "" || back != s {
		t.Fatalf("reloaded: %q %v", warn, err)
	}
	for name, want := range map[string]int{"work": 8, "home": 5} {
		p, _, err := FindPreset(path, name)
		if err != nil || p.Settings.PIN.Length+p.Settings.Phrase.Words != want {
			t.Errorf("preset %s: %+v %v", name, p.Settings, err)
		}
	}
}

// A preset with one invalid value keeps its other values, and survives
// saving the settings and another preset as it was written.
func TestPresetWithAnInvalidValueIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	const work = `"work": {"mode": "password", "password": {"length": 99999, "digits": false, "future_key": 1}}`
	writeBytes(`{"version": 2, "presets": {`+work+`}}`)(t, path)
	p, warn, err := FindPreset(path, "work")
	if err != nil || p.Settings.Password.Length != Default().Password.Length || p.Settings.Password.Digits.Use {
		t.Fatalf("preset read as %+v, %v", p.Settings.Password, err)
	}
	if !strings.Contains(warn, "length in work") {
		t.Errorf("warning %q", warn)
	}
	mustDo(t, Save(path, Default()))
	if _, _, err := SavePreset(path, "home", PIN, Default()); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), work) {
		t.Fatalf("preset work changed:\n%s", data)
	}
}

// Keys sesame does not know, at the top, in a mode, in the presets and in
// a preset, are kept; a preset saved again under its name is replaced,
// with no trace of the mode it had.
func TestUnknownKeysAreKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	writeBytes(`{"version": 3, "theme": "dark", "password": {"length": 24, "wish": [1, 2]},
		"presets": {"x": {"mode": "pin", "pin": {"length": 6}, "note": "for the bank"}, "odd": {"mode": "sonnet"}}}`)(t, path)
	s, _, err := Load(path)
	mustDo(t, err)
	mustDo(t, Save(path, s))
	if _, replaced, err := SavePreset(path, "x", Password, s); err != nil || !replaced {
		t.Fatalf("replaced %v, %v", replaced, err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"version": 3`, `"theme": "dark"`, `"wish": [1, 2]`, `"note": "for the bank"`, `"odd": {"mode": "sonnet"}`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("lost %s:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), `"pin": {"length": 6}`) {
		t.Errorf("the replaced preset kept its old mode's settings:\n%s", data)
	}
}

// A site given as a URL is stored as its host name alone.
func TestURLIsStoredAsItsHost(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	s := Default()
	s.Password.Rules = "https://alice:hunter2@chase.com/reset?token=RST"
	s.Password.FitLength()
	stored, site := s.Storable()
	if site != "chase.com" || stored.Password.Rules != "chase.com" {
		t.Fatalf("Storable: %q, %q", stored.Password.Rules, site)
	}
	mustDo(t, Save(path, s))
	if _, _, err := SavePreset(path, "bank", Password, s); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "hunter2") || strings.Contains(string(data), "RST") || strings.Contains(string(data), "alice") {
		t.Fatalf("the URL was stored:\n%s", data)
	}
	back, _, _ := Load(path)
	p, _, _ := FindPreset(path, "bank")
	if back.Password.Rules != "chase.com" || p.Settings.Password.Rules != "chase.com" {
		t.Fatalf("stored %q and %q", back.Password.Rules, p.Settings.Password.Rules)
	}
	// A domain, or a rules string, drops nothing worth a word.
	for rules, want := range map[string]string{"Chase.com.": "chase.com", "minlength: 8; required: digit": "minlength: 8; required: digit"} {
		s.Password.Rules = rules
		if got, site := s.Storable(); got.Password.Rules != want || site != "" {
			t.Errorf("%q stored as %q, %q", rules, got.Password.Rules, site)
		}
	}
}

// A settings file that is a link stays one: the file it names is
// replaced, privately.
func TestSaveThroughALink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "sesame.json")
	mustDo(t, os.MkdirAll(filepath.Dir(real), 0o700))
	writeBytes(withPreset)(t, real)
	path := filepath.Join(dir, "config.json")
	mustDo(t, os.Symlink(real, path))
	s := Default()
	s.Phrase.Case = generator.CaseTitle
	mustDo(t, Save(path, s))
	if target, err := os.Readlink(path); err != nil || target != real {
		t.Fatalf("the link became %q (%v)", target, err)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	if back, _, _ := Load(path); back.Phrase.Case != generator.CaseTitle {
		t.Fatal("not saved")
	}
}

// Saving over a version 1 file writes today's keys, and keeps the keys
// sesame does not know.
func TestSaveOverAVersion1File(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	writeBytes(`{"version": 1, "mine": true, "clear_after_seconds": 12,
		"password": {"length": 24, "digits": {"use": true, "min": 2, "max": null}, "max_consecutive": 2}}`)(t, path)
	s, warn, err := Load(path)
	if err != nil || warn != "" {
		t.Fatal(warn, err)
	}
	mustDo(t, Save(path, s))
	data, _ := os.ReadFile(path)
	for _, gone := range []string{"clear_after_seconds", "max_consecutive", `"use"`} {
		if strings.Contains(string(data), gone) {
			t.Errorf("%s is still in the file:\n%s", gone, data)
		}
	}
	if !strings.Contains(string(data), `"mine": true`) || !strings.Contains(string(data), `"version": 2`) {
		t.Errorf("saved:\n%s", data)
	}
	if back, warn, err := Load(path); back != s || warn != "" || err != nil {
		t.Fatalf("reloaded %+v (%q, %v)", back.Password, warn, err)
	}
}
