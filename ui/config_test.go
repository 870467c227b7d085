package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

func isSaveDue(m tea.Msg) bool { _, ok := m.(saveDueMsg); return ok }

func TestSettingsSavedAfterChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sesame", "config.json")
	h := newHarness(t, withConfig(path))
	h.keys("up", "up", "m", "3")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("saved before the delay")
	}
	// Only the timer of the last change saves.
	if n := h.fire(isSaveDue); n != 4 {
		t.Fatalf("%d save timers, want 4", n)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, warn, _ := settings.Load(path)
	if warn != "" || got.Password.Length != 22 || !got.Masked || got.Mode != settings.Token {
		t.Fatalf("saved %+v (%s)", got, warn)
	}
	// Never a secret.
	for _, m := range []settings.Mode{settings.Password, settings.Token} {
		if r := h.m.results[m].res; r != nil && strings.Contains(string(data), r.secret) {
			t.Fatalf("the %v secret is in the settings file", m)
		}
	}
}

func TestNoSaveWithoutChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path), withSettings(func(s *settings.Settings) { s.Password.Length = 40 }))
	h.keys("r", "c", "tab", "esc")
	h.fire(isSaveDue)
	if _, err := h.m.finalSave(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("settings from flags were saved although the user changed nothing")
	}
}

func TestFinalSaveWritesWhatIsLeft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path))
	h.keys("2", "up")
	h.keys("q") // before any timer fired
	if _, err := h.m.finalSave(); err != nil {
		t.Fatal(err)
	}
	got, _, _ := settings.Load(path)
	if got.Mode != settings.Phrase || got.Phrase.Words != 7 {
		t.Fatalf("final save wrote %+v", got)
	}
}

func TestSaverNeverWritesAnOlderSnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	sv := newSaver(path, settings.Default(), nil)
	newer, older := settings.Default(), settings.Default()
	newer.Password.Length, older.Password.Length = 30, 25
	if _, err := sv.save(2, newer); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.save(1, older); err != nil { // a slow save of an earlier change
		t.Fatal(err)
	}
	if got, _, _ := settings.Load(path); got.Password.Length != 30 {
		t.Fatalf("file holds length %d, want the newer 30", got.Password.Length)
	}
	if sv.unsaved(newer) || !sv.unsaved(older) {
		t.Fatal("unsaved() disagrees with the file")
	}
}

func TestNoConfigPathNeverSaves(t *testing.T) {
	h := newHarness(t)
	h.keys("up", "m")
	if n := h.fire(isSaveDue); n != 0 {
		t.Fatalf("%d save timers without a config path", n)
	}
	if _, err := h.m.finalSave(); err != nil {
		t.Fatal(err)
	}
}

func TestSaveFailureIsAStatusNote(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, withConfig(filepath.Join(blocker, "sesame", "config.json")))
	h.keys("up")
	h.fire(isSaveDue)
	if h.m.status.kind != statusWarn || !strings.HasPrefix(h.m.status.text, "settings not saved: ") {
		t.Fatalf("status %+v", h.m.status)
	}
	mustContain(t, h.view(), "! settings not saved")
	if h.quit != nil || h.m.s.Password.Length != 21 {
		t.Fatal("a failed save disturbed the program")
	}
}

func TestStartingSettingsFromOptions(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) {
		s.Mode = settings.Phrase
		s.Phrase.Words = 8
		s.Phrase.Wordlist = "eff-short"
		s.Masked = true
	}))
	if h.m.s.Mode != settings.Phrase || strings.Count(h.secret(), "-") != 7 {
		t.Fatalf("started in %v with %q", h.m.s.Mode, h.secret())
	}
	v := h.view()
	mustContain(t, v, "Passphrase · 8 words", "masked", "eff-short", "••••")
	mustNotContain(t, v, h.secret())
}

// Settings no secret can satisfy are not remembered: the file keeps the
// last good value of each, and the rest of the change is saved.
func TestInvalidSettingsAreNeverSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path))
	h.keys("2")
	h.focusOn("words")
	h.typeText("9")
	h.keys("esc", "1")
	h.focusOn("min-digits")
	h.typeText("30") // more than the length: impossible
	if h.m.failing(settings.Password) == nil {
		t.Fatal("min-digits 30 at length 20 should fail")
	}
	h.fire(isSaveDue)
	s, warn, _ := settings.Load(path)
	if warn != "" || s.Password.Digits.Min != 0 || s.Phrase.Words != 9 {
		t.Fatalf("saved min-digits %d, words %d (%s)", s.Password.Digits.Min, s.Phrase.Words, warn)
	}
	if _, err := h.m.finalSave(); err != nil {
		t.Fatal(err)
	}
	if s, _, _ := settings.Load(path); s.Password.Digits.Min != 0 {
		t.Fatalf("saved at the end: min-digits %d", s.Password.Digits.Min)
	}
}

// p moves the tab to its next preset and the heading names it; S saves the
// tab's settings as a preset under a typed name, which p then reaches.
func TestPresetsInTheProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path))
	h.keys("p")
	if h.m.presetOf(settings.Password) != "alnum" || strings.ContainsAny(h.secret(), generator.SymbolChars) {
		t.Fatalf("p gave preset %q, secret %q", h.m.presetOf(settings.Password), h.secret())
	}
	mustContain(t, h.view(), "Settings  preset alnum", "preset alnum: letters and digits")
	h.keys("p", "p")
	if h.m.presetOf(settings.Password) != "python" || len(h.secret()) != 10 {
		t.Fatalf("preset %q, secret %q", h.m.presetOf(settings.Password), h.secret())
	}
	// Save the passphrase tab as "long".
	h.keys("2")
	h.focusOn("words")
	h.typeText("9")
	h.keys("esc", "S")
	mustContain(t, h.view(), "save the passphrase settings as preset:")
	h.typeText("long")
	h.keys("enter")
	if p, _, err := settings.FindPreset(path, "long"); err != nil || p.Settings.Phrase.Words != 9 {
		t.Fatalf("saved %+v, %v", p, err)
	}
	mustContain(t, h.view(), "saved preset long")
	h.focusOn("words")
	h.typeText("4")
	h.keys("esc", "p")
	if h.m.presetOf(settings.Phrase) != "long" || h.m.s.Phrase.Words != 9 {
		t.Fatalf("p on the passphrase tab: %q, %d words", h.m.presetOf(settings.Phrase), h.m.s.Phrase.Words)
	}
	// esc gives up on a name.
	h.keys("S")
	h.typeText("zzz")
	h.keys("esc")
	if _, _, err := settings.FindPreset(path, "zzz"); err == nil || h.m.prompt.input != nil {
		t.Fatal("esc saved the preset")
	}
}
