package settings

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

func TestClosestWordlist(t *testing.T) {
	for typed, want := range map[string]string{
		"eff-larg": "eff-large", "effshort2": "eff-short2", "DE": "de", "pt_br": "pt-br", "pt-BR": "pt-br", "cz": "cs",
		"german": "de (German)", "Deutsch": "de (German)", "espanol": "es (Spanish)", "español": "es (Spanish)",
		"francais": "fr (French)", "italian": "it (Italian)", "czech": "cs (Czech)", "portuguese": "pt (Portuguese)",
		"brazilian": "pt-br (Brazilian Portuguese)", "english": "eff-large (English)",
		"words.txt": "", "xyz": "", "klingon": "",
	} {
		if got := closestWordlist(typed); got != want {
			t.Errorf("closestWordlist(%q) = %q, want %q", typed, got, want)
		}
	}
	// The suggestion reaches the error of a missing file of that name.
	_, _, err := loadWordlist("german")
	var pe *generator.PolicyError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) || !strings.HasSuffix(err.Error(), "did you mean de (German)?") {
		t.Fatalf("german: %v", err)
	}
}

func TestWordlistNote(t *testing.T) {
	for name, want := range map[string]string{
		"":          "7,776 words, 12.92 bits each",
		"eff-short": "1,296 words, 10.33 bits each; short words",
		"pt-br":     "Brazilian Portuguese (português do Brasil): 7,776 words, 12.92 bits each; no accents",
		"it":        "Italian (italiano): 2,048 words, 11.00 bits each; unique 4-letter starts",
		"words.txt": "",
	} {
		if got := WordlistNote(name); got != want {
			t.Errorf("WordlistNote(%q) = %q, want %q", name, got, want)
		}
		if got, wantDesc := WordlistDescription(name), want; name != "" && !strings.HasSuffix(got, wantDesc) {
			t.Errorf("WordlistDescription(%q) = %q, want …%q", name, got, wantDesc)
		}
	}
}

func TestWordlistDescriptionNamesEnglish(t *testing.T) {
	if got := WordlistDescription("eff-large"); got != "English: 7,776 words, 12.92 bits each" {
		t.Fatalf("eff-large: %q", got)
	}
	if got := WordlistDescription("de"); got != WordlistNote("de") || !strings.HasPrefix(got, "German (Deutsch): ") {
		t.Fatalf("de: %q", got)
	}
	if WordlistDescription("") != "" || WordlistDescription("words.txt") != "" {
		t.Fatal("a file has a description")
	}
}
