package ui

import (
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

func plainLines(lines [][]cell) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		var b strings.Builder
		for _, c := range l {
			b.WriteRune(c.r)
		}
		out[i] = b.String()
	}
	return out
}

func TestSecretGroupsAndClasses(t *testing.T) {
	s := settings.Default()
	groups, gap := secretGroups("aB3$ xY", settings.Password, &s, false)
	got := plainLines(wrapGroups(groups, gap, 80))
	if len(got) != 1 || got[0] != "aB3$ ␣xY" {
		t.Fatalf("groups %q", got)
	}
	want := []charClass{chLower, chUpper, chDigit, chSymbol, chSpace, chLower, chUpper}
	i := 0
	for _, g := range groups {
		for _, c := range g {
			if c.cls != want[i] {
				t.Fatalf("character %d class %v, want %v", i, c.cls, want[i])
			}
			i++
		}
	}
	// Masked: dots only, same grouping.
	groups, gap = secretGroups("aB3$ xY", settings.Password, &s, true)
	if got := plainLines(wrapGroups(groups, gap, 80)); got[0] != "•••• •••" {
		t.Fatalf("masked %q", got)
	}
	// PINs in threes when long; whole when short.
	groups, gap = secretGroups("123456", settings.PIN, &s, false)
	if got := plainLines(wrapGroups(groups, gap, 80)); got[0] != "123 456" {
		t.Fatalf("PIN %q", got)
	}
	groups, gap = secretGroups("1234", settings.PIN, &s, false)
	if got := plainLines(wrapGroups(groups, gap, 80)); got[0] != "1234" {
		t.Fatalf("short PIN %q", got)
	}
	// Passphrases break after separators, never inside a word.
	groups, gap = secretGroups("alpha-bravo-charlie7", settings.Phrase, &s, false)
	if got := plainLines(wrapGroups(groups, gap, 12)); strings.Join(got, "|") != "alpha-bravo-|charlie7" {
		t.Fatalf("phrase lines %q", got)
	}
	if groups[0][5].cls != chSep || groups[2][7].cls != chDigit || groups[0][0].cls != chWord {
		t.Fatal("passphrase classes wrong")
	}
	// Tokens: prefix and checksum (a hex token's: 8 hex digits) apart
	// from the body.
	s.Token.Prefix, s.Token.Checksum = "sk_", true
	groups, gap = secretGroups("sk_0123456789abcdef0a1b2c3d", settings.Token, &s, false)
	if got := plainLines(wrapGroups(groups, gap, 80)); got[0] != "sk_ 01234567 89abcdef 0a1b2c3d" {
		t.Fatalf("token %q", got)
	}
	if groups[0][0].cls != chFixed || groups[len(groups)-1][0].cls != chFixed || groups[1][0].cls != chDigit {
		t.Fatal("token classes wrong")
	}
}

func TestWrapSplitsOnlyOverlongGroups(t *testing.T) {
	s := settings.Default()
	groups, gap := secretGroups(strings.Repeat("x", 30), settings.Phrase, &s, false)
	got := plainLines(wrapGroups(groups, gap, 12))
	if strings.Join(got, "|") != "xxxxxxxxxxxx|xxxxxxxxxxxx|xxxxxx" {
		t.Fatalf("%q", got)
	}
	for _, l := range got {
		if len([]rune(l)) > 12 {
			t.Fatalf("line %q over width", l)
		}
	}
}

func TestLongSecretElided(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) { s.Password.Length = generator.MaxLength }))
	for _, size := range [][2]int{{100, 30}, {60, 24}, {200, 50}, {40, 12}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := h.view()
		mustContain(t, v, "4,096 characters")
		if size[1] > 12 {
			mustContain(t, v, "not shown; c copies all")
		}
		if n := len(strings.Split(v, "\n")); n > size[1] {
			t.Fatalf("%v: %d lines", size, n)
		}
		// The start of the secret is shown.
		mustContain(t, v, h.secret()[:4])
	}
	h.keys("c")
	if got, _ := h.clip.get(); len(got) != generator.MaxLength {
		t.Fatalf("copied %d characters", len(got))
	}
}

func TestHumanDuration(t *testing.T) {
	year := 365.25 * 86400
	cases := []struct {
		seconds float64
		want    string
	}{
		{0.001, "instantly"},
		{0.9, "instantly"},
		{1, "1 second"},
		{42, "42 seconds"},
		{60, "1 minute"},
		{3 * 3600, "3 hours"},
		{86400 * 2, "2 days"},
		{year / 12 * 5, "5 months"},
		{year, "1 year"},
		{50 * year, "50 years"},
		{4100 * year, "41 centuries"},
		{1e5 * year, "10^5 years"},
		{3e22 * year, "10^22 years"},
	}
	for _, c := range cases {
		ct := generator.CrackTime{Seconds: c.seconds, Log10Seconds: math.Log10(c.seconds)}
		if got := humanDuration(ct); got != c.want {
			t.Errorf("%g s: %q, want %q", c.seconds, got, c.want)
		}
	}
	// Beyond float64: only the logarithm is known.
	huge := generator.CrackTime{Seconds: math.Inf(1), Log10Seconds: 2000}
	if got := humanDuration(huge); got != "10^1992 years" {
		t.Errorf("huge: %q", got)
	}
	// The real strength of a 4096-character password.
	pw, _ := generator.NewPassword(func() generator.PasswordPolicy {
		p := generator.DefaultPasswordPolicy()
		p.Length = 4096
		return p
	}())
	st := generator.Assess(pw.Entropy())
	if got := humanDuration(st.CrackTimes[3]); !strings.HasPrefix(got, "10^") {
		t.Errorf("4096 characters: %q", got)
	}
}

func TestBitsText(t *testing.T) {
	cases := []struct {
		e    generator.Entropy
		want string
	}{
		{generator.Entropy{Bits: 131.0896, Bound: generator.Exact}, "131.08 bits"},
		{generator.Entropy{Bits: 26391.509, Bound: generator.LowerBound}, "≥ 26391.50 bits"},
		{generator.Entropy{Bits: 11.001, Bound: generator.UpperBound}, "≤ 11.00 bits"},
	}
	for _, c := range cases {
		if got := bitsText(c.e); got != c.want {
			t.Errorf("bitsText(%+v) = %q, want %q", c.e, got, c.want)
		}
	}
	if commas(7776) != "7,776" || commas(1234567) != "1,234,567" || commas(12) != "12" {
		t.Error("commas")
	}
}

func TestBoundIsLabelled(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) {
		s.Password.Length = 4096
		s.Password.Digits.Min, s.Password.Symbols.Min = 1000, 1000
	}))
	r := h.m.result().res
	if r.strength.Entropy.Bound != generator.LowerBound {
		t.Skipf("the generator counts this policy exactly now (%v)", r.strength.Entropy.Bound)
	}
	mustContain(t, h.view(), "≥ ", "lower bound (estimate)")
}

func TestBarIsProportional(t *testing.T) {
	h := newHarness(t)
	for bits, want := range map[float64]int{0: 0, 32: 5, 64: 10, 128: 20, 300: 20} {
		st := generator.Assess(generator.Entropy{Bits: bits})
		got := strings.Count(ansiStripped(h.m.bar(st, 20)), "█")
		if got != want {
			t.Errorf("%v bits: %d cells, want %d", bits, got, want)
		}
	}
}
