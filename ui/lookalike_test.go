package ui

import (
	"testing"

	"github.com/sesame-sh/sesame/ui/settings"
)

// The interactive form notes look-alikes under the field that brought
// them, as the library warns of them.
func TestFormNotesLookAlikes(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) { s.Password.Alphabet = "aа" }))
	mustContain(t, h.view(), "! the alphabet holds characters that look", `"a" and "а"`, "(U+0430)")
}
