package settings

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

func TestDefaultsBuildEveryMode(t *testing.T) {
	s := Default()
	want := map[Mode]float64{Password: 131.09, Phrase: 77.54, Token: 256, PIN: 19.93}
	for _, m := range Modes() {
		g, warns, err := s.Generator(m)
		if err != nil || len(warns) != 0 {
			t.Fatalf("%v: %v %v", m, err, warns)
		}
		if got := g.Entropy().Rounded(); got != want[m] {
			t.Errorf("%v default: %.2f bits, want %.2f", m, got, want[m])
		}
	}
}

func TestParseMode(t *testing.T) {
	for in, want := range map[string]Mode{"pw": Password, "Password": Password, "pp": Phrase, "phrase": Phrase, "token": Token, "PIN": PIN} {
		if got, err := ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseMode("nope"); err == nil {
		t.Error("ParseMode(nope) succeeded")
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "config.json")
	s := Default()
	s.Mode = Token
	s.Password.Length = 32
	s.Password.Digits.Min = 3
	s.Phrase.Case = generator.CaseTitle
	s.Token.Format = generator.TokenBase62
	s.ClearAfter = 10
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("saved file: %v %v", info.Mode(), err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"mode": "token"`, `"format": "base62"`, `"version": 2`, `"min_digits": 3`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("file lacks %s:\n%s", want, data)
		}
	}
	got, warn, err := Load(path)
	if warn != "" || err != nil {
		t.Fatal(warn, err)
	}
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(s)
	if string(a) != string(b) {
		t.Fatalf("round trip:\n%s\n%s", a, b)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestLoadBadFiles(t *testing.T) {
	dir := t.TempDir()
	if s, warn, err := Load(filepath.Join(dir, "missing.json")); warn != "" || err != nil || s.Password.Length != 20 {
		t.Fatalf("missing file: %q %v", warn, err)
	}
	cases := map[string]string{
		"wrong types":  `{"password": {"length": "long"}}`,
		"unknown mode": `{"mode": "mystery"}`,
	}
	for name, content := range cases {
		p := filepath.Join(dir, name+".json")
		os.WriteFile(p, []byte(content), 0o600)
		s, warn, err := Load(p)
		if warn == "" || err != nil || strings.Contains(warn, "\n") || s.Password.Length != 20 {
			t.Errorf("%s: warning %q, error %v, length %d", name, warn, err, s.Password.Length)
		}
	}
	// A file that is not JSON is an error saying where it went wrong.
	p := filepath.Join(dir, "corrupt.json")
	os.WriteFile(p, []byte("{\"mode\": \"password\",\n \"password\": {"), 0o600)
	var fe *FileError
	if s, _, err := Load(p); !errors.As(err, &fe) || !strings.Contains(err.Error(), "line 2, column 15") || s.Password.Length != 20 {
		t.Errorf("corrupt file: %v", err)
	}
	// Valid JSON with impossible values: only the setting the library
	// blames falls back (here the length, too short for the minimum).
	p = filepath.Join(dir, "impossible.json")
	os.WriteFile(p, []byte(`{"version": 2, "password": {"length": 4, "digits": true, "min_digits": 9}, "token": {"bytes": 16}}`), 0o600)
	s, warn, _ := Load(p)
	if !strings.Contains(warn, "(length)") || s.Password.Length != 20 || s.Password.Digits.Min != 9 || s.Token.Bytes != 16 {
		t.Errorf("impossible values: %q %+v %+v", warn, s.Password, s.Token)
	}
	// An unreadable path (a directory) is a FileError.
	if _, _, err := Load(dir); !errors.As(err, &fe) {
		t.Errorf("reading a directory: %v", err)
	}
}

func TestWordlistFileCachedAndErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "words.txt")
	os.WriteFile(p, []byte("alpha\nbravo\ncharlie\n"), 0o600)
	s := Default()
	s.Phrase.Wordlist = p
	g, warns, err := s.Generator(Phrase)
	if err != nil || len(warns) == 0 { // fewer than 1000 words warns
		t.Fatalf("%v %v", err, warns)
	}
	if ph := g.(*generator.Phrase); ph.ListSize() != 3 {
		t.Fatalf("list size %d", ph.ListSize())
	}
	s.Phrase.Wordlist = filepath.Join(dir, "absent.txt")
	if _, _, err := s.Generator(Phrase); err == nil {
		t.Fatal("missing wordlist file accepted")
	}
}

// A settings file from before the settings table (version 1: each class
// one object, other names for a few settings) is read as it meant.
func TestLoadVersion1File(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.json")
	os.WriteFile(p, []byte(`{"version": 1, "mode": "phrase",
		"password": {"length": 24, "lower": {"use": true, "min": 2, "max": null},
			"digits": {"use": true, "min": 0, "max": 5}, "symbols": {"use": false, "min": 0, "max": 0},
			"max_consecutive": 2, "no_ambiguous": true},
		"phrase": {"words": 7, "case": "title", "random_separator": "digit"},
		"clear_after_seconds": 12, "masked": true}`), 0o600)
	s, warn, err := Load(p)
	if warn != "" || err != nil {
		t.Fatal(warn, err)
	}
	pw := s.Password
	if s.Mode != Phrase || pw.Length != 24 || pw.Lower != (Class{Use: true, Min: 2}) || pw.Digits != (Class{Use: true, Max: AtMost(5)}) ||
		pw.Symbols != (Class{}) || pw.MaxRepeating != 2 || !pw.NoAmbiguous {
		t.Fatalf("password %+v", pw)
	}
	if s.Phrase.Words != 7 || s.Phrase.Case != generator.CaseTitle || s.Phrase.RandomSeparator != generator.SepDigit || s.ClearAfter != 12 || !s.Masked {
		t.Fatalf("settings %+v", s)
	}
}
