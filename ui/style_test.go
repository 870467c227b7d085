package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// A memorable password is shown in its own groups, never in fours across
// them: apple's three with their hyphens, a phone password's layers, a
// pronounceable one's syllables. Masked, only apple's fixed groups stay.
func TestSecretGroupsOfStyles(t *testing.T) {
	s := settings.Default()
	show := func(style generator.Style, secret string, masked bool, width int) string {
		s.Password.Style = style
		groups, gap := secretGroups(secret, settings.Password, &s, masked)
		return strings.Join(plainLines(wrapGroups(groups, gap, width)), "|")
	}
	for _, tc := range []struct {
		style  generator.Style
		secret string
		masked bool
		width  int
		want   string
	}{
		{generator.StyleApple, "gatux2-fehlog-Foxqob", false, 80, "gatux2-fehlog-Foxqob"},
		{generator.StyleApple, "gatux2-fehlog-Foxqob", false, 15, "gatux2-fehlog-|Foxqob"},
		{generator.StyleApple, "gatux2-fehlog-Foxqob", true, 80, "••••••-••••••-••••••"},
		{generator.StylePronounceable, "zaxfeb7wel", false, 80, "zax feb 7 wel"},
		{generator.StylePronounceable, "zaxfeb7wel", true, 80, "•••• •••• ••"},
		{generator.StylePhone, "abcde12!fghij", false, 80, "abcde 12! fghij"},
		{generator.StyleRandom, "abcde12!fghij", false, 80, "abcd e12! fghi j"},
		// A secret from before the style changed keeps the fours.
		{generator.StyleApple, "abcdefgh", false, 80, "abcd efgh"},
	} {
		if got := show(tc.style, tc.secret, tc.masked, tc.width); got != tc.want {
			t.Errorf("%v %q (masked %v, width %d): %q, want %q", tc.style, tc.secret, tc.masked, tc.width, got, tc.want)
		}
	}
}

// The style is a choice of the Password form; a memorable style shows its
// exact figure and how many strings the blocklist left out, and brings
// the blocklist's fields into the form.
func TestStyleInTheForm(t *testing.T) {
	h := newHarness(t)
	if ids := fieldIDs(h); slices.Contains(ids, "no-blocklist") || slices.Contains(ids, "blocklist") {
		t.Fatalf("random passwords offer the blocklist: %v", ids)
	}
	random := h.bits()
	h.focusOn("style")
	h.keys("right")
	if h.m.s.Password.Style != generator.StylePronounceable {
		t.Fatalf("→ chose %v", h.m.s.Password.Style)
	}
	if !regexp.MustCompile(`^[a-z]{20}$`).MatchString(h.secret()) {
		t.Fatalf("pronounceable secret %q", h.secret())
	}
	if b := h.bits(); b >= random || b < 60 {
		t.Fatalf("pronounceable figure %.2f beside random %.2f", b, random)
	}
	mustContain(t, h.view(), "pronounceable", "strings left out", "402 words")
	if ids := fieldIDs(h); !slices.Contains(ids, "no-blocklist") || !slices.Contains(ids, "blocklist") {
		t.Fatalf("a memorable style does not offer the blocklist: %v", ids)
	}
	// Turning the bundled list off raises the figure and leaves nothing out.
	withList := h.bits()
	h.focusOn("no-blocklist")
	h.keys("space")
	if h.bits() <= withList {
		t.Fatalf("without the blocklist %.2f, with it %.2f", h.bits(), withList)
	}
	mustNotContain(t, h.view(), "strings left out")
	// apple: its shape, shown whole, and its length not editable.
	h.focusOn("style")
	h.keys("right")
	secret := h.secret()
	if !regexp.MustCompile(`^[a-zA-Z0-9]{6}-[a-zA-Z0-9]{6}-[a-zA-Z0-9]{6}$`).MatchString(secret) {
		t.Fatalf("apple secret %q", secret)
	}
	mustContain(t, h.view(), secret)
	if slices.Contains(fieldIDs(h), "length") {
		t.Error("the length is editable with apple's fixed length")
	}
}

// The whole program: choosing apple in the form redraws the secret in
// apple's groups with its exact figure and the blocklist's effect, while
// the program keeps answering keys (the style is counted off the event
// loop).
func TestProgramStyleChoice(t *testing.T) {
	tm, _ := startProgram(t, &fakeClipboard{}, Options{Settings: settings.Default()})
	waitUntil(t, tm, "the first password", func(s snapshot) bool { return strings.Contains(s.view, "131.09 bits") })
	tm.Send(keyPress("tab"))
	tm.Send(keyPress("tab"))
	tm.Send(keyPress("tab")) // length, site or rules, style
	for range 2 {
		tm.Send(keyPress("right"))
	}
	apple := regexp.MustCompile(`^[a-zA-Z0-9]{6}-[a-zA-Z0-9]{6}-[a-zA-Z0-9]{6}$`)
	s := waitUntil(t, tm, "an apple password", func(s snapshot) bool {
		return apple.MatchString(s.secret) && strings.Contains(s.view, "72.21 bits")
	})
	mustContain(t, s.view, s.secret, "strings left out", "apple (xxxxxx-xxxxxx-xxxxxx)")
	tm.Send(keyPress("esc"))
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// The pattern is a field of the Password form: typed, it makes the
// password with its exact figure; a pattern that does not parse is an
// inline error under it, and the style beside it has no effect.
func TestPatternInTheForm(t *testing.T) {
	h := newHarness(t)
	h.focusOn("pattern")
	h.typeText("cvcv-dd")
	if !regexp.MustCompile(`^[a-z]{4}-[0-9]{2}$`).MatchString(h.secret()) {
		t.Fatalf("pattern secret %q", h.secret())
	}
	if b := h.bits(); b < 19.9 || b >= 20.07 { // log2 of 21·5·21·5·100 strings, 20.07, less the blocked ones
		t.Fatalf("figure %.2f for cvcv-dd", b)
	}
	if slices.Contains(fieldIDs(h), "style") {
		t.Error("the style is editable beside a pattern")
	}
	h.typeText("(")
	if id, msg := h.fieldError(); id != "pattern" || !strings.Contains(msg, "unbalanced") {
		t.Fatalf("error %q on %q, want the pattern's", msg, id)
	}
}
