package main

import (
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct {
		in             string
		prose, literal string
	}{
		{"--max-repeating N", `\-\-max\-repeating N`, `\-\-max\-repeating N`},
		{"(--no-config ignores)", `(\-\-no\-config ignores)`, `(\-\-no\-config ignores)`},
		{"lower-case, 1-4096, CRC-32", "lower-case, 1-4096, CRC-32", `lower\-case, 1\-4096, CRC\-32`},
		{"or - (stdin), -100", `or \- (stdin), \-100`, `or \- (stdin), \-100`},
		{`a\b`, `a\eb`, `a\eb`},
		{"0OoDQ1lI|!2Z5S6G8B`'\",.;:", `0OoDQ1lI|!2Z5S6G8B\(ga\(aq\(dq,.;:`, `0OoDQ1lI|!2Z5S6G8B\(ga\(aq\(dq,.;:`},
		{"~/words ^", `\(ti/words \(ha`, `\(ti/words \(ha`},
		{"0 — ±10 ↑", `0 \[u2014] \[u00B1]10 \[u2191]`, `0 \[u2014] \[u00B1]10 \[u2191]`},
		{"sk_live_", "sk_live_", "sk_live_"},
	} {
		if got := escape(c.in, false); got != c.prose {
			t.Errorf("prose %q: %q, want %q", c.in, got, c.prose)
		}
		if got := escape(c.in, true); got != c.literal {
			t.Errorf("literal %q: %q, want %q", c.in, got, c.literal)
		}
		if got := plain(escape(c.in, true)); got != c.in {
			t.Errorf("%q reads back as %q", c.in, got)
		}
	}
}

// A text line that starts with a control character would be a request.
func TestLinesStartingWithAControlCharacter(t *testing.T) {
	for _, in := range []string{".entropy_bits", "'quoted'", "..."} {
		for _, got := range []string{proseLine(in), literalLine(in)} {
			if strings.HasPrefix(got, ".") || strings.HasPrefix(got, "'") {
				t.Errorf("%q written as %q", in, got)
			}
		}
	}
	p := &page{}
	p.paragraphs("first\n.second\n\n'third")
	p.example(".hidden\n  shown")
	for l := range strings.SplitSeq(p.String(), "\n") {
		if l != "" && (l[0] == '\'' || l[0] == '.') && !knownRequest(l) {
			t.Errorf("line %q would be a request", l)
		}
	}
}

// Every request in the pages is one of the man macros the writer uses.
func TestPagesUseOnlyManMacros(t *testing.T) {
	for name, text := range generated(t) {
		for l := range strings.SplitSeq(text, "\n") {
			if l != "" && (l[0] == '\'' || l[0] == '.') && !knownRequest(l) {
				t.Errorf("%s: unknown request %q", name, l)
			}
			for _, r := range l {
				if r > 126 || r < ' ' && r != '\t' {
					t.Errorf("%s: %q is not printable ASCII", name, l)
					break
				}
			}
		}
	}
}

func knownRequest(l string) bool {
	name, _, _ := strings.Cut(l[1:], " ")
	switch name {
	case `\"`, "TH", "SH", "SS", "PP", "TP", "EX", "EE", "br", "nh", "ad", "PD":
		return true
	}
	return false
}
