package ui

import (
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
	"github.com/sesame-sh/sesame/ui/settings"
)

// The "site or rules" field applies what is typed on every keystroke: a
// site's rules (the form says what they fix, the classes give way, the
// strength is theirs), a rules string (the length moves into its range),
// an unknown site (the usual settings, said), and a malformed string (an
// inline error, the last good secret kept).
func TestRulesFieldAppliesLive(t *testing.T) {
	h := newHarness(t)
	before := h.bits()
	h.focusOn("rules")
	h.typeText("chase.co")
	mustContain(t, h.view(), "! no rules are bundled for chase.co (did", "you mean chase.com?)")
	if h.bits() != before {
		t.Fatalf("an unknown site changed the strength: %.2f, was %.2f", h.bits(), before)
	}
	h.typeText("m")
	v := h.view()
	mustContain(t, v, "chase.com: 8–32 characters; at least one", "use: chase.com's rules set the characters", "8–32 characters allowed")
	h.focusOn("max-sequential") // the form scrolls to the run limits
	mustContain(t, h.view(), "no character 3 times in a row", "(chase.com's rules)", "no run like abc (chase.com's rules)")
	h.focusOn("rules")
	_, judge, _ := rules.Lookup("chase.com")
	for range 50 {
		if err := judge.Check(h.secret()); err != nil {
			t.Fatalf("%v", err)
		}
		h.keys("esc", "r")
		h.focusOn("rules")
	}
	if h.bits() >= before {
		t.Fatalf("chase.com's rules shown as %.2f bits, not fewer than the default %.2f", h.bits(), before)
	}
	// Replace the site with a rules string whose range excludes 20.
	for range len("chase.com") {
		h.keys("backspace")
	}
	h.typeText("minlength: 24; allowed: digit")
	if h.m.s.Password.Length != 24 || !isDigits(h.secret()) || len(h.secret()) != 24 {
		t.Fatalf("length %d, secret %q under digit rules from 24", h.m.s.Password.Length, h.secret())
	}
	// Malformed: an error on the field, and the secret stays.
	h.typeText(";")
	good := h.secret()
	h.typeText("x")
	if id, msg := h.fieldError(); id != "rules" || !strings.Contains(msg, "expected") {
		t.Fatalf("error on %q: %q", id, msg)
	}
	if h.secret() != good {
		t.Fatal("a malformed rules string replaced the secret")
	}
}

// Under rules, the length keeps to their range: ↑ at the top says why.
func TestLengthKeepsToTheRules(t *testing.T) {
	h := newHarness(t)
	h.focusOn("rules")
	h.typeText("paypal.com") // 8–20 characters
	h.keys("esc")
	h.keys("up")
	if h.m.s.Password.Length != 20 {
		t.Fatalf("length %d", h.m.s.Password.Length)
	}
	// The status and the help line stay on screen below a form grown
	// long by the rules' notes.
	v := h.view()
	lines := strings.Split(v, "\n")
	if len(lines) > 30 || !strings.Contains(lines[len(lines)-1], "q quit") || !strings.Contains(lines[len(lines)-2], "paypal.com's rules allow 8–20 characters") {
		t.Fatalf("the foot of the screen is lost:\n%s", v)
	}
	h.focusOn("length")
	h.typeText("3")
	h.keys("tab")
	if h.m.s.Password.Length != 8 {
		t.Fatalf("length %d after typing 3", h.m.s.Password.Length)
	}
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// Under rules that allow the space, the form leaves it out and says how
// to let it in; the space switch, live beside the rules, lets it in.
// Rules that allow no space keep the switch out of reach.
func TestRulesSpaceSwitch(t *testing.T) {
	h := newHarness(t)
	h.focusOn("rules")
	h.typeText("apple.com")
	note := settings.Lookup(settings.Password, "rules").Note
	mustContain(t, note(&h.m.s), "any printable ASCII character other than space; the space switch lets the space in")
	without := h.bits()
	h.focusOn("space")
	h.keys("space")
	if !h.m.s.Password.Space.Use {
		t.Fatal("the space switch did not turn on under apple.com's rules")
	}
	if h.bits() <= without {
		t.Fatalf("letting the space in left %.2f bits, was %.2f", h.bits(), without)
	}
	mustNotContain(t, note(&h.m.s), "lets the space in", "other than space")
	h.focusOn("rules")
	for range len("apple.com") {
		h.keys("backspace")
	}
	h.typeText("usps.com")
	h.keys("tab")
	for range 40 {
		if h.m.field == nil {
			break
		}
		if h.m.field.id() == "space" {
			t.Fatal("the space switch is reachable under rules that allow no space")
		}
		h.keys("tab")
	}
}
