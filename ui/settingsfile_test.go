package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// withUnreadable starts the program as the command line does with a
// settings file that could not be read.
func withUnreadable(path string) harnessOpt {
	return func(o *Options) {
		o.ConfigPath = path
		_, _, o.ConfigError = settings.Load(path)
	}
}

// A settings file that could not be read is never written over: not on a
// change, not at quitting, not by S, which says why.
func TestUnreadableSettingsFileIsNeverSavedOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	const hand = "{\n  // mine\n  \"presets\": {\"work\": {\"mode\": \"pin\"}}\n  \"oops\": 1\n}\n"
	if err := os.WriteFile(path, []byte(hand), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, withUnreadable(path))
	if h.m.saver.refusal() == nil {
		t.Fatal("the program would save over the file")
	}
	h.keys("up", "m")
	h.fire(isSaveDue)
	if _, err := h.m.finalSave(); err != nil {
		t.Fatal(err)
	}
	h.keys("S")
	mustContain(t, h.view(), "presets will not be saved this time")
	if h.m.prompt.input != nil {
		t.Fatal("S asked for a name it could not save")
	}
	if data, _ := os.ReadFile(path); string(data) != hand {
		t.Fatalf("the file changed:\n%s", data)
	}
}

// A file that becomes unreadable while the program runs: the first save
// says once that nothing will be saved, and later ones say nothing.
func TestSettingsFileSpoiledWhileRunning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path))
	const spoiled = "{\"password\": {\"length\": 20,,}}\n"
	if err := os.WriteFile(path, []byte(spoiled), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("up")
	h.fire(isSaveDue)
	if !strings.Contains(h.m.status.text, "line 1, column 28") || !strings.Contains(h.m.status.text, "will not be saved this time") {
		t.Fatalf("status %q", h.m.status.text)
	}
	h.m.status = status{}
	h.keys("up")
	h.fire(isSaveDue)
	if h.m.status.text != "" {
		t.Fatalf("said again: %q", h.m.status.text)
	}
	if data, _ := os.ReadFile(path); string(data) != spoiled {
		t.Fatalf("the file changed:\n%s", data)
	}
}

// A URL typed into the site field is remembered as its host alone, and
// the program says so.
func TestSiteURLRememberedAsItsHost(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path))
	h.focusOn("rules")
	h.typeText("https://alice:hunter2@chase.com/reset?token=RST")
	h.keys("esc")
	h.fire(isSaveDue)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"hunter2", "RST", "alice"} {
		if strings.Contains(string(data), secret) {
			t.Fatalf("the file holds %q:\n%s", secret, data)
		}
	}
	if s, _, _ := settings.Load(path); s.Password.Rules != "chase.com" {
		t.Fatalf("remembered %q", s.Password.Rules)
	}
	mustContain(t, h.view(), "saved the site as chase.com")
	// Saved as a preset: the host alone too.
	h.keys("S")
	h.typeText("bank")
	h.keys("enter")
	if p, _, err := settings.FindPreset(path, "bank"); err != nil || p.Settings.Password.Rules != "chase.com" {
		t.Fatalf("preset %q, %v", p.Settings.Password.Rules, err)
	}
	if data, _ := os.ReadFile(path); strings.Contains(string(data), "hunter2") {
		t.Fatalf("the preset holds the URL:\n%s", data)
	}
}

// The name prompt shows the name as it will be saved: lower case, a space
// as '-', other characters left out; so it never refuses what it showed.
func TestPresetNamePromptFiltersAsTyped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path))
	h.keys("S")
	h.typeText(" Work Laptop!")
	if got := h.m.prompt.input.Value(); got != "work-laptop" {
		t.Fatalf("prompt shows %q", got)
	}
	mustContain(t, h.view(), "work-laptop")
	h.keys("enter")
	if _, _, err := settings.FindPreset(path, "work-laptop"); err != nil {
		t.Fatal(err)
	}
	// A built-in name stays on the prompt, to be changed.
	h.keys("S")
	h.typeText("safe")
	h.keys("enter")
	if h.m.prompt.input == nil || h.m.prompt.input.Value() != "safe" {
		t.Fatal("a built-in name was discarded")
	}
	mustContain(t, h.view(), "safe is a built-in preset, choose another name: safe")
	h.keys("backspace")
	h.typeText("r")
	h.keys("enter")
	if _, _, err := settings.FindPreset(path, "safr"); err != nil {
		t.Fatal(err)
	}
}

// Saving over a saved preset asks first: n keeps it, y replaces it.
func TestSavingOverAPresetAsks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	h := newHarness(t, withConfig(path))
	h.keys("S")
	h.typeText("work")
	h.keys("enter", "up")
	length := func() int {
		p, _, _ := settings.FindPreset(path, "work")
		return p.Settings.Password.Length
	}
	if length() != 20 {
		t.Fatalf("saved length %d", length())
	}
	h.keys("S")
	h.typeText("work")
	h.keys("enter")
	mustContain(t, h.view(), "replace the saved preset work?", "y replace", "n/esc keep")
	h.keys("n")
	mustContain(t, h.view(), "preset work kept as it was")
	if length() != 20 {
		t.Fatal("n replaced the preset")
	}
	h.keys("S")
	h.typeText("work")
	h.keys("enter", "y")
	mustContain(t, h.view(), "replaced preset work")
	if length() != 21 {
		t.Fatalf("y left length %d", length())
	}
}

// The name being typed is never cut, in a wide pane or a narrow one: the
// prompt's label gives way first.
func TestPresetNamePromptFitsThePane(t *testing.T) {
	name := "abcdefghijklmnopqrstuvwxyz-01234" // the longest a name may be
	for _, w := range []int{140, 100, 80, 74, 73, 60, 49, 48, 40} {
		h := newHarness(t, withConfig(filepath.Join(t.TempDir(), "config.json")))
		h.send(tea.WindowSizeMsg{Width: w, Height: 24})
		h.keys("S")
		h.typeText(name)
		v := h.view()
		switch {
		case w >= 74:
			mustContain(t, v, "settings as preset: "+name)
		case w >= 49:
			mustContain(t, v, "preset name: "+name)
		default: // the input scrolls to keep the end of the name in view
			mustContain(t, v, "preset name: ")
			mustContain(t, v, name[len(name)-20:])
		}
		for _, line := range strings.Split(v, "\n") {
			if strings.Contains(line, "preset") && strings.Contains(line, "…") {
				t.Fatalf("at %d columns the prompt is cut: %q", w, line)
			}
		}
	}
}
