package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/qr"
	"github.com/sesame-sh/sesame/ui/settings"
)

// Keys while the focus is on the result.

func TestStartsOnResultWithDefaultSecret(t *testing.T) {
	h := newHarness(t)
	if h.m.focus != focusResult {
		t.Fatalf("focus = %v, want the result", h.m.focus)
	}
	if got := len(h.secret()); got != 20 {
		t.Fatalf("secret length %d, want 20", got)
	}
	if h.bits() != 131.09 {
		t.Fatalf("bits = %.2f, want 131.09", h.bits())
	}
	v := h.view()
	mustContain(t, v, "131.09 bits", "excellent", "94-character alphabet", "Password · 20 characters")
	// The secret is on screen, in groups of four.
	s := h.secret()
	mustContain(t, v, s[:4]+" "+s[4:8])
}

func TestRegenerate(t *testing.T) {
	h := newHarness(t)
	before, bits := h.secret(), h.bits()
	h.keys("r")
	if h.secret() == before {
		t.Fatal("r kept the same secret")
	}
	if h.bits() != bits {
		t.Fatalf("bits changed from %.2f to %.2f with the same settings", bits, h.bits())
	}
	// The compiled generator is reused: same settings, same generator.
	g := h.m.result().res.gen
	h.keys("r")
	if h.m.result().res.gen != g {
		t.Fatal("r recompiled unchanged settings")
	}
}

func TestMask(t *testing.T) {
	h := newHarness(t)
	s := h.secret()
	h.keys("m")
	if !h.m.s.Masked {
		t.Fatal("m did not mask")
	}
	v := h.view()
	mustContain(t, v, "•••• ••••", "masked")
	for i := 0; i+4 <= len(s); i += 4 {
		mustNotContain(t, v, s[i:i+4])
	}
	if h.secret() != s {
		t.Fatal("masking changed the secret")
	}
	h.keys("c") // copying still copies the real secret
	if got, _ := h.clip.get(); got != s {
		t.Fatalf("masked copy gave %q", got)
	}
	h.keys("m")
	if h.m.s.Masked {
		t.Fatal("m did not unmask")
	}
	mustContain(t, h.view(), s[:4])
}

func TestModeKeys(t *testing.T) {
	want := map[settings.Mode]float64{settings.Password: 131.09, settings.Phrase: 77.54, settings.Token: 256, settings.PIN: 19.93}
	h := newHarness(t)
	for _, k := range []string{"2", "3", "4", "1"} {
		h.keys(k)
		mode := settings.Mode(k[0] - '1')
		if h.m.s.Mode != mode {
			t.Fatalf("key %s: mode %v", k, h.m.s.Mode)
		}
		if h.bits() != want[mode] {
			t.Fatalf("%v: %.2f bits, want %.2f", mode, h.bits(), want[mode])
		}
		mustContain(t, h.view(), mode.Title()+" · ")
	}
	// Arrows cycle, wrapping around.
	h.keys("left")
	if h.m.s.Mode != settings.PIN {
		t.Fatalf("← from Password gave %v", h.m.s.Mode)
	}
	h.keys("right", "right")
	if h.m.s.Mode != settings.Phrase {
		t.Fatalf("→→ from PIN gave %v", h.m.s.Mode)
	}
	// A tab's result is kept while away from it.
	s := h.secret()
	h.keys("3", "2")
	if h.secret() != s {
		t.Fatal("coming back to a tab made a new secret although nothing changed")
	}
}

func TestLengthKeysOnResult(t *testing.T) {
	h := newHarness(t)
	steps := []struct {
		key  string
		want int
	}{{"up", 21}, {"+", 22}, {"=", 23}, {"down", 22}, {"-", 21}, {"pgup", 31}, {"pgdown", 21}}
	prev := h.bits()
	for _, s := range steps {
		h.keys(s.key)
		if got := h.m.s.Password.Length; got != s.want {
			t.Fatalf("%s: length %d, want %d", s.key, got, s.want)
		}
		if len(h.secret()) != s.want {
			t.Fatalf("%s: secret of %d characters, want %d", s.key, len(h.secret()), s.want)
		}
		if h.bits() == prev {
			t.Fatalf("%s: bits did not change from %.2f", s.key, prev)
		}
		prev = h.bits()
	}
	mustContain(t, h.view(), "21 characters")
}

func TestLengthKeysClamp(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) { s.Password.Length = 2 }))
	h.keys("down", "down", "down")
	if h.m.s.Password.Length != 1 {
		t.Fatalf("length %d, want the minimum 1", h.m.s.Password.Length)
	}
	h = newHarness(t, withSettings(func(s *settings.Settings) { s.Password.Length = generator.MaxLength - 3 }))
	h.keys("pgup")
	if h.m.s.Password.Length != generator.MaxLength {
		t.Fatalf("length %d, want the maximum %d", h.m.s.Password.Length, generator.MaxLength)
	}
}

func TestLengthKeysPerMode(t *testing.T) {
	h := newHarness(t)
	h.keys("2", "up")
	if h.m.s.Phrase.Words != 7 {
		t.Fatalf("words %d, want 7", h.m.s.Phrase.Words)
	}
	h.keys("3", "down")
	if h.m.s.Token.Bytes != 31 || h.bits() != 248 {
		t.Fatalf("bytes %d (%.2f bits), want 31 (248)", h.m.s.Token.Bytes, h.bits())
	}
	h.keys("4", "up")
	if h.m.s.PIN.Length != 7 || len(h.secret()) != 7 {
		t.Fatalf("PIN length %d", h.m.s.PIN.Length)
	}
	if h.m.s.Password.Length != 20 {
		t.Fatal("another mode's keys changed the password length")
	}
}

func TestHelpToggle(t *testing.T) {
	h := newHarness(t)
	short := h.view()
	mustContain(t, short, "enter/c copy", "? more", "q quit")
	h.keys("?")
	if !h.m.help.ShowAll {
		t.Fatal("? did not open the full help")
	}
	mustContain(t, h.view(), "pgup/pgdn ±10", "shift+tab last setting", "1-4 ←→    mode", "?      less")
	h.keys("esc")
	if h.m.help.ShowAll {
		t.Fatal("esc did not close the full help")
	}
	h.keys("?", "?")
	if h.m.help.ShowAll {
		t.Fatal("? did not toggle the full help off")
	}
}

func TestQuit(t *testing.T) {
	h := newHarness(t)
	h.keys("q")
	if _, ok := h.quit.(tea.QuitMsg); !ok {
		t.Fatalf("q gave %T, want tea.QuitMsg", h.quit)
	}
	v := h.m.View()
	if v.Content != "" || !v.AltScreen {
		t.Fatalf("view after quit: %q (alt screen %v); want empty in the alt screen", v.Content, v.AltScreen)
	}
}

func TestCtrlCInterruptsEverywhere(t *testing.T) {
	places := map[string]func(h *harness){
		"result":     func(h *harness) {},
		"number":     func(h *harness) { h.keys("tab") },
		"text field": func(h *harness) { h.focusOn("exclude") },
		"history": func(h *harness) {
			h.now = h.now.Add(seenAfter)
			h.keys("r", "h")
		},
		"too small": func(h *harness) { h.send(tea.WindowSizeMsg{Width: 30, Height: 10}) },
	}
	for name, setup := range places {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			setup(h)
			h.keys("ctrl+c")
			if _, ok := h.quit.(tea.InterruptMsg); !ok {
				t.Fatalf("ctrl+c gave %T, want tea.InterruptMsg", h.quit)
			}
			if h.m.View().Content != "" {
				t.Fatal("view not empty after ctrl+c")
			}
		})
	}
}

func TestViewTitleAndAltScreen(t *testing.T) {
	h := newHarness(t)
	v := h.m.View()
	if !v.AltScreen || v.WindowTitle != "sesame" {
		t.Fatalf("alt screen %v, title %q", v.AltScreen, v.WindowTitle)
	}
}

func TestTooSmallAndBack(t *testing.T) {
	h := newHarness(t)
	s := h.secret()
	for _, size := range [][2]int{{15, 10}, {100, 2}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := h.view()
		mustContain(t, v, "small", "16×3")
		mustNotContain(t, v, s[:4])
		for _, line := range strings.Split(v, "\n") {
			if w := len([]rune(line)); w > size[0] {
				t.Fatalf("%v: line %d wide: %q", size, w, line)
			}
		}
		// Keys other than quitting do nothing while nothing is shown.
		h.keys("r", "m", "2", "tab")
		if h.secret() != s || h.m.s.Masked || h.m.s.Mode != settings.Password || h.m.focus != focusResult {
			t.Fatal("a key acted on the hidden screen")
		}
	}
	h.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	v := h.view()
	mustNotContain(t, v, "too small")
	mustContain(t, v, "131.09 bits")
	if n := len(strings.Split(v, "\n")); n > 12 {
		t.Fatalf("40×12 view has %d lines", n)
	}
	h.send(tea.WindowSizeMsg{Width: 10, Height: 10})
	h.keys("q")
	if _, ok := h.quit.(tea.QuitMsg); !ok {
		t.Fatal("q did not quit on the too-small screen")
	}
}

func TestViewFitsEverySize(t *testing.T) {
	h := newHarness(t, withSettings(func(s *settings.Settings) {
		s.Password.Length = 4096
		s.Password.Digits.Min = 3000 // an error note as well
	}))
	for _, mode := range []string{"1", "2", "3", "4"} {
		h.keys(mode)
		for w := 40; w <= 200; w += 7 {
			for ht := 12; ht <= 50; ht += 5 {
				h.send(tea.WindowSizeMsg{Width: w, Height: ht})
				lines := strings.Split(h.view(), "\n")
				if len(lines) > ht {
					t.Fatalf("mode %s at %d×%d: %d lines", mode, w, ht, len(lines))
				}
				for _, l := range lines {
					if n := len([]rune(l)); n > w {
						t.Fatalf("mode %s at %d×%d: a line of %d: %q", mode, w, ht, n, l)
					}
				}
			}
		}
	}
}

func TestBackgroundColourRestyles(t *testing.T) {
	h := newHarness(t)
	dark := h.m.View().Content
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if h.m.isDark || h.m.styles.isDark {
		t.Fatal("a white background left dark styles")
	}
	light := h.m.View().Content
	if light == dark {
		t.Fatal("the light styles draw the same as the dark ones")
	}
	h.send(tea.BackgroundColorMsg{Color: color.Black})
	if !h.m.styles.isDark {
		t.Fatal("a black background did not restore dark styles")
	}
}

func TestNoColour(t *testing.T) {
	for name, msg := range map[string]tea.Msg{
		"NO_COLOR":      tea.EnvMsg{"NO_COLOR=yes", "TERM=xterm-256color"},
		"ascii profile": tea.ColorProfileMsg{Profile: colorprofile.ASCII},
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			h.send(msg)
			if !h.m.styles.noColor {
				t.Fatal("colour still on")
			}
			v := h.m.View().Content
			if strings.Contains(v, "38;") || strings.Contains(v, "48;") {
				t.Fatalf("colour codes in a colourless view: %q", v)
			}
			// Classes still differ, by attribute.
			st := h.m.styles
			if st.chars[chUpper].GetBold() == false || !st.chars[chDigit].GetUnderline() || !st.chars[chSymbol].GetReverse() {
				t.Fatal("without colour, classes are not told apart")
			}
			mustContain(t, ansiStripped(v), "excellent", "━━━━")
		})
	}
	h := newHarness(t)
	h.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	if h.m.styles.noColor {
		t.Fatal("a 256-colour profile turned colour off")
	}
}

func TestRandomSourceFailureKeepsLastResult(t *testing.T) {
	h := newHarness(t)
	s := h.secret()
	h.m.deps.source = failingSource{}
	h.keys("r")
	if h.secret() != s {
		t.Fatal("the secret changed although the source failed")
	}
	if h.m.status.kind != statusErr || !strings.Contains(h.m.status.text, "random source failed") {
		t.Fatalf("status %+v", h.m.status)
	}
	mustNotContain(t, h.view(), "entropy pool on fire")
}

func TestStartupWarningsShownOnce(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Warnings = []string{"config.json is not valid settings (x); using the defaults", ""}
	})
	mustContain(t, h.view(), "! config.json is not valid settings (x); using the defaults")
	if h.fire(func(m tea.Msg) bool { _, ok := m.(statusExpiredMsg); return ok }) == 0 {
		t.Fatal("the warning never goes away")
	}
	mustNotContain(t, h.view(), "config.json")
}

// Q shows the secret as a QR code filling the screen, any key takes it
// away, and nothing else happens on that key.
func TestQRCodeKey(t *testing.T) {
	h := newHarness(t)
	before := h.secret()
	h.keys("Q")
	v := h.view()
	if h.m.qr.lines == nil || !strings.ContainsAny(v, "▀▄█") || strings.Contains(v, before) || !strings.Contains(v, "press any key") {
		t.Fatalf("no QR code on screen:\n%s", v)
	}
	want, err := qr.Lines(before, qr.Options{Paint: true})
	if err != nil || !strings.Contains(h.m.View().Content, want[len(want)/2]) {
		t.Fatal("the code drawn is not the secret's")
	}
	h.keys("r") // any key closes; it does not also regenerate
	if h.m.qr.lines != nil || h.secret() != before || !strings.Contains(h.view(), "Password ·") {
		t.Fatal("a key did not just close the code")
	}
	// Too small a terminal says so instead.
	h.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	h.focusOn("length")
	h.typeText("200")
	h.keys("esc", "Q")
	if h.m.qr.lines != nil || !strings.Contains(h.m.status.text, "enlarge the terminal") {
		t.Fatalf("status %q", h.m.status.text)
	}
}
