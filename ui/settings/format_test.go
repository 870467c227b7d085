package settings

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

// testdata/written-before.json was written by sesame before the token and
// PIN settings became the generator's policies (and before settings were
// reached through typed fields): the settings file's format must not
// change with how the settings are held.
const writtenBeforeFile = "testdata/written-before.json"

// writtenBefore are the settings in writtenBeforeFile; its presets "api"
// and "door" are their token and PIN settings.
func writtenBefore() Settings {
	s := Default()
	s.Mode = Token
	s.ClearAfter = 45
	s.Password.Length = 24
	s.Password.Digits.Min = 2
	s.Password.Symbols.Max = AtMost(3)
	s.Password.Exclude = "xyz"
	s.Phrase.Words = 7
	s.Phrase.Case = generator.CaseTitle
	s.Phrase.Separator = "."
	s.Token.Bytes = 24
	s.Token.Format = generator.TokenBase62
	s.Token.Prefix = "sk_"
	s.Token.Checksum = true
	s.PIN.Length = 8
	s.PIN.NoTrivial = true
	return s
}

func TestFileWrittenBeforeReadsTheSame(t *testing.T) {
	want := writtenBefore()
	got, warn, err := Load(writtenBeforeFile)
	if err != nil || warn != "" {
		t.Fatalf("Load: %q, %v", warn, err)
	}
	if got != want {
		t.Errorf("Load read\n%+v\nwant\n%+v", got, want)
	}
	for name, m := range map[string]Mode{"api": Token, "door": PIN} {
		p, _, err := FindPreset(writtenBeforeFile, name)
		if err != nil {
			t.Fatalf("preset %s: %v", name, err)
		}
		if p.Mode != m || p.Settings.Only(m) != want.Only(m) {
			t.Errorf("preset %s is %v %+v, want %v %+v", name, p.Mode, p.Settings.Only(m), m, want.Only(m))
		}
	}
}

func TestFileWrittenBeforeWritesTheSameBytes(t *testing.T) {
	before, err := os.ReadFile(writtenBeforeFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	// Saving what was read over the file changes nothing.
	over := filepath.Join(dir, "over.json")
	if err := os.WriteFile(over, before, 0o600); err != nil {
		t.Fatal(err)
	}
	s, _, err := Load(over)
	if err != nil {
		t.Fatal(err)
	}
	if err := Save(over, s); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(over); !bytes.Equal(after, before) {
		t.Errorf("saving over the file changed it:\n%s\nwas\n%s", after, before)
	}

	// A new file with the same settings and presets is the same bytes.
	fresh := filepath.Join(dir, "fresh.json")
	s = writtenBefore()
	if err := Save(fresh, s); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		name string
		m    Mode
	}{{"api", Token}, {"door", PIN}} {
		if _, _, err := SavePreset(fresh, p.name, p.m, s); err != nil {
			t.Fatal(err)
		}
	}
	if after, _ := os.ReadFile(fresh); !bytes.Equal(after, before) {
		t.Errorf("a new file is\n%s\nnot as before\n%s", after, before)
	}
}
