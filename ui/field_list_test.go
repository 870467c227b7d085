package ui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/sesame-sh/sesame/generator"
)

// The form's wordlist chooser steps through every built-in list, then a
// file, and back; each list shows its size and bits per word, and makes
// a passphrase of its words whose figure is words × log2(size).
func TestWordlistChooserStepsThroughEveryList(t *testing.T) {
	h := newHarness(t)
	h.keys("2")
	chooser, ok := h.focusOn("wordlist").(*listChoiceField)
	if !ok {
		t.Fatalf("the wordlist field is a %T", h.m.field)
	}
	lists := generator.BuiltinLists()
	for i, b := range lists {
		if i > 0 {
			h.keys("right")
		}
		if h.m.s.Phrase.Wordlist != b.Name {
			t.Fatalf("step %d: wordlist %q, want %q", i, h.m.s.Phrase.Wordlist, b.Name)
		}
		// The note, which may wrap beside the strength on screen.
		note := chooser.note(&h.m.s)
		size := fmt.Sprintf("%d,%03d words, %.2f bits each", b.Words/1000, b.Words%1000, b.Bits())
		if !strings.Contains(note, size) || b.Source != "EFF" && !strings.HasPrefix(note, b.Language+": ") {
			t.Errorf("%s: note %q, want the language and %q", b.Name, note, size)
		}
		mustContain(t, h.view(), "‹ "+b.Name+" ›", strings.Fields(note)[0])
		want := math.Floor(6*math.Log2(float64(b.Words))*100) / 100
		if got := h.bits(); got != want {
			t.Errorf("%s: %.2f bits, want %.2f", b.Name, got, want)
		}
		wl, _ := generator.BuiltinWordlist(b.Name)
		for _, w := range strings.Split(h.secret(), "-") {
			if !norm.NFC.IsNormalString(w) || !contains(wl.Words, w) {
				t.Fatalf("%s: %q is not an NFC word of the list", b.Name, w)
			}
		}
	}
	h.keys("right")
	mustContain(t, h.view(), "‹ file… ›")
	h.keys("right")
	if h.m.s.Phrase.Wordlist != lists[0].Name {
		t.Fatalf("after the file: %q", h.m.s.Phrase.Wordlist)
	}
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}
