package ui

import (
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
)

// The Passphrase tab has the "site or rules" field the Password tab has:
// typing a site applies its rules at once (the note says what they ask
// and what sesame chose for them, the box's edge names the site), and
// every passphrase shown meets them.
func TestPhraseRulesField(t *testing.T) {
	h := newHarness(t)
	h.keys("2") // the Passphrase tab
	before := h.bits()
	h.focusOn("rules")
	h.typeText("chase.com")
	mustContain(t, h.view(), "chase.com: 8–32 characters;", "chosen for them: a random symbol", "site: chase.com")
	_, judge, _ := rules.Lookup("chase.com")
	for range 30 {
		if err := judge.Check(h.secret()); err != nil {
			t.Fatalf("%q: %v", h.secret(), err)
		}
		h.keys("esc", "r")
		h.focusOn("rules")
	}
	if h.bits() == before {
		t.Fatalf("chase.com's rules left the strength at %.2f bits", h.bits())
	}
	if h.m.s.Password.Rules != "" {
		t.Fatalf("the passphrase's rules reached the password's: %q", h.m.s.Password.Rules)
	}
}

// The box's title counts the words the rules chose, not the setting's.
func TestPhraseRulesTitleCountsChosenWords(t *testing.T) {
	h := newHarness(t)
	h.keys("2")
	h.focusOn("rules")
	h.typeText("maxlength: 24")
	if n := strings.Count(h.secret(), "-") + 1; n != 5 {
		t.Fatalf("%q: %d words, want the 5 that allow the most in 24 characters", h.secret(), n)
	}
	mustContain(t, h.view(), "Passphrase · 5 words", "chosen for them: 5 words")
}
