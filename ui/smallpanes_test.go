package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Small panes (80×24, 80×11, 40×10 and below): every key reachable in the
// help, the rules in force always on screen, a site's rules readable to
// the end, errors whole, and a copy that always says so.

var paneSizes = [][2]int{{80, 24}, {80, 11}, {40, 10}}

func withSite(site string) harnessOpt {
	return withSettings(func(s *settings.Settings) { s.Password.Rules = site })
}

func TestGoldenSmallPanes(t *testing.T) {
	states := map[string]func(h *harness){
		"result_site":   func(h *harness) {},
		"result_preset": func(h *harness) { h.keys("p") },
		"help":          func(h *harness) { h.keys("?") },
		"help_page2":    func(h *harness) { h.keys("?"); h.view(); h.keys("?") },
		"rules":         func(h *harness) { h.focusOn("rules") },
		"rules_scrolled": func(h *harness) {
			h.focusOn("rules")
			h.view()
			h.keys("pgdown")
		},
		"error": func(h *harness) {
			h.focusOn("min-digits")
			h.typeText("30")
		},
	}
	for _, size := range paneSizes {
		for name, setup := range states {
			if name == "help_page2" && size[1] > 10 {
				continue // one page
			}
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				opts := []harnessOpt{}
				if name != "result_preset" && name != "help" && name != "help_page2" {
					opts = append(opts, withSite("chase.com"))
				}
				h := newHarness(t, opts...)
				h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				h.view()
				setup(h)
				golden.RequireEqual(t, h.view())
			})
		}
	}
	t.Run("copy_30x8", func(t *testing.T) {
		h := newHarness(t, withSite("chase.com"))
		h.send(tea.WindowSizeMsg{Width: 30, Height: 8})
		h.keys("c")
		golden.RequireEqual(t, h.view())
	})
}

// helpContext puts the harness where a set of keys applies and returns
// the keys that must be reachable in the help there, named independently
// of the help's own composition.
type helpContext struct {
	name  string
	setup func(h *harness)
	keys  func(h *harness) []key.Binding
	typed bool // ? is text here: the help line alone must hold them
}

func helpContexts() []helpContext {
	fieldKeys := func(h *harness) []key.Binding {
		k := h.m.keys
		return append(h.m.field.keys(&k.field), k.NextField, k.PrevField, k.Back, k.Interrupt)
	}
	return []helpContext{
		{name: "result", setup: func(h *harness) {
			h.keys("r") // a history entry, so h applies
			h.now = h.now.Add(2e9)
			h.keys("r")
		}, keys: func(h *harness) []key.Binding {
			k := h.m.keys
			return []key.Binding{k.Copy, k.Regenerate, k.Mask, k.QR, k.Longer, k.LongerTen, k.Mode, k.Edit,
				k.EditLast, k.History, k.Preset, k.SavePreset, k.Reset, k.Quit, k.Interrupt}
		}},
		{name: "number", setup: func(h *harness) { h.focusOn("max-digits") }, keys: fieldKeys},
		{name: "switch", setup: func(h *harness) { h.focusOn("symbols") }, keys: fieldKeys},
		{name: "text", setup: func(h *harness) { h.focusOn("rules") }, keys: fieldKeys, typed: true},
		{name: "choice", setup: func(h *harness) { h.keys("2"); h.focusOn("case") }, keys: fieldKeys},
		{name: "history", setup: func(h *harness) {
			h.keys("r")
			h.now = h.now.Add(2e9)
			h.keys("r", "h")
		}, keys: func(h *harness) []key.Binding {
			k := h.m.keys
			return []key.Binding{k.HistUp, k.HistFirst, k.HistLast, k.HistCopy, k.HistClose, k.Mask, k.Interrupt}
		}},
	}
}

// helpShows reports whether a screen shows a key and what it does, as
// the help line ("key desc") or the full help ("key   desc") draws them.
func helpShows(screen string, b key.Binding) bool {
	re := regexp.MustCompile(`(^|[\s•])` + regexp.QuoteMeta(b.Help().Key) + `\s+` + regexp.QuoteMeta(b.Help().Desc))
	return re.MatchString(screen)
}

// helpScreens is every screen the help shows from where the harness is:
// the help line, then each page of the full help, until ? closes it.
func helpScreens(t *testing.T, h *harness, typed bool) []string {
	t.Helper()
	screens := []string{h.view()}
	if typed {
		return screens
	}
	h.keys("?")
	for range 10 {
		if !h.m.help.ShowAll {
			return screens
		}
		screens = append(screens, h.view())
		h.keys("?")
	}
	t.Fatal("? never closed the full help")
	return nil
}

func TestHelpReachesEveryKey(t *testing.T) {
	for _, size := range append(paneSizes, [2]int{100, 30}, [2]int{60, 24}) {
		for _, c := range helpContexts() {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t)
				h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				c.setup(h)
				want := c.keys(h)
				screens := helpScreens(t, h, c.typed)
				if !c.typed && !helpShows(screens[0], h.m.keys.More) {
					t.Fatalf("the help line does not offer ? more:\n%s", screens[0])
				}
				for _, b := range want {
					found := false
					for _, s := range screens {
						found = found || helpShows(s, b)
					}
					if !found {
						t.Errorf("%q %q is on no page of the help:\n%s", b.Help().Key, b.Help().Desc, strings.Join(screens, "\n----\n"))
					}
				}
				// Nothing of the help is cut off at the edge.
				for _, s := range screens {
					lines := strings.Split(s, "\n")
					if last := lines[len(lines)-1]; strings.HasSuffix(last, "…") {
						t.Errorf("the help is cut: %q", last)
					}
				}
			})
		}
	}
}

// The documented keys on the result (the man page's list) all appear in
// the help at 40×10, the smallest full layout.
func TestHelpReachesTheDocumentedKeys(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.keys("r")
	h.now = h.now.Add(2e9)
	h.keys("r")
	screens := strings.Join(helpScreens(t, h, false), "\n")
	for _, kd := range Keys()[0].Keys {
		b := key.NewBinding(key.WithHelp(kd[0], kd[1]))
		if !helpShows(screens, b) {
			t.Errorf("%q %q is not in the help at 40×10", kd[0], kd[1])
		}
	}
}

// noteLines are the lines of a form's notes on a wide screen: in the
// form's column, indented past the labels.
func noteLines(screen string, width int) []string {
	var out []string
	indent := strings.Repeat(" ", markerW+labelW)
	for _, l := range strings.Split(screen, "\n") {
		if l = ansi.Cut(l, 0, width); strings.HasPrefix(l, indent) && strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

func TestRulesDescriptionReachableAt80x11(t *testing.T) {
	h := newHarness(t, withSite("chase.com"))
	h.send(tea.WindowSizeMsg{Width: 80, Height: 11})
	h.focusOn("rules")
	desc := settings.Of(settings.Password)
	var note string
	for _, d := range desc {
		if d.Name == "rules" {
			note = d.Note(&h.m.s)
		}
	}
	if len(note) < 200 {
		t.Fatalf("the rules' description %q is too short to test scrolling", note)
	}
	fw := 80 - min(max(80*2/5, 34), 46) - 3 // the form's column in the wide layout
	var seen []string
	has := map[string]bool{}
	first := h.view()
	if strings.Contains(strings.Join(strings.Fields(first), " "), strings.Join(strings.Fields(note), " ")) {
		t.Fatal("the whole description fits at once: the test does not test scrolling")
	}
	screen := first
	for range 30 {
		for _, l := range noteLines(screen, fw) {
			if !has[l] {
				has[l] = true
				seen = append(seen, l)
			}
		}
		h.keys("pgdown")
		screen = h.view()
	}
	// Compared without blanks: a long word (the change-password page's
	// address) is broken across lines wherever the column ends.
	got := strings.Join(strings.Fields(strings.Join(seen, " ")), "")
	if !strings.Contains(got, strings.Join(strings.Fields(note), "")) {
		t.Fatalf("scrolling never showed the whole description %q; seen:\n%s", note, strings.Join(seen, "\n"))
	}
	// Scrolling leaves the field where it was, and pgup comes back.
	if h.m.field.id() != "rules" || h.m.s.Password.Rules != "chase.com" {
		t.Fatal("pgdown changed the field or its text")
	}
	if strings.Contains(screen, "› site or rules") {
		t.Fatalf("the focused row still shows after scrolling to the end:\n%s", screen)
	}
	for range 30 {
		h.keys("pgup")
	}
	mustContain(t, h.view(), "Settings", "› site or rules") // the form's top
}

// pgup and pgdn stay a number's steps of ten where the form overflows.
func TestScrollKeysLeaveNumbersAlone(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 11})
	h.focusOn("length")
	h.view()
	h.keys("pgup")
	if h.m.s.Password.Length != 30 || h.m.formScroll != 0 {
		t.Fatalf("pgup on the length: length %d, scroll %d", h.m.s.Password.Length, h.m.formScroll)
	}
}

func TestRulesInForceShownAtEverySize(t *testing.T) {
	sizes := [][2]int{{100, 30}, {80, 24}, {80, 11}, {60, 24}, {40, 10}, {30, 8}, {20, 4}, {16, 3}}
	cases := []struct {
		name string
		opts []harnessOpt
		keys []string
		want string
	}{
		{"site", []harnessOpt{withSite("chase.com")}, nil, "site: chase.com"},
		{"site in the form", []harnessOpt{withSite("chase.com")}, []string{"tab"}, "site: chase.com"},
		{"preset", nil, []string{"p"}, "preset: alnum"},
		{"rules", []harnessOpt{withSite("minlength: 12")}, nil, "rules: minlength: 12"},
	}
	for _, size := range sizes {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, c.opts...)
				h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				h.keys(c.keys...)
				v := h.view()
				if !strings.Contains(v, c.want) && !(size[0] < 20 && strings.Contains(v, c.want[:10])) {
					t.Fatalf("no %q on screen:\n%s", c.want, v)
				}
			})
		}
	}
	// With no site and no preset, nothing is claimed.
	h := newHarness(t)
	mustNotContain(t, h.view(), "site:", "preset:", "rules:")
}

// The rules named are those that made the secret on screen: while new
// settings cannot make one, the old secret keeps its own.
func TestRulesTagFollowsTheSecret(t *testing.T) {
	h := newHarness(t, withSite("chase.com"))
	h.focusOn("rules")
	for range len("chase.com") {
		h.keys("backspace")
	}
	h.typeText("minlength: 5000") // minlength: 500 made a secret on the way
	v := h.view()
	mustContain(t, v, "from the previous settings", "rules: minlength: 500 ")
	mustNotContain(t, v, "site: chase.com", "rules: minlength: 5000")
}

func TestErrorWholeAt40x10(t *testing.T) {
	h := newHarness(t)
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.focusOn("min-digits")
	h.typeText("30")
	_, text := h.fieldError()
	if text == "" {
		t.Fatal("no error")
	}
	for _, focus := range []string{"form", "result"} {
		v := h.view()
		lines := strings.Split(v, "\n")
		if strings.Contains(lines[0], "…") {
			t.Errorf("%s: the title is cut: %q", focus, lines[0])
		}
		var box []string
		for _, l := range lines {
			box = append(box, strings.Trim(l, "│┃ "))
		}
		joined := strings.Join(strings.Fields(strings.Join(box, " ")), " ")
		if !strings.Contains(joined, strings.Join(strings.Fields("✗ "+text), " ")) {
			t.Errorf("%s: the error %q is not whole:\n%s", focus, text, v)
		}
		h.keys("esc")
	}
}

func TestCopySaysSoAtEverySize(t *testing.T) {
	for _, size := range [][2]int{{80, 11}, {40, 10}, {39, 9}, {30, 8}, {20, 4}, {16, 3}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, withSite("chase.com"))
			h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			before := h.view()
			h.keys("c")
			if _, n := h.clip.get(); n != 1 {
				t.Fatal("c did not copy")
			}
			v := h.view()
			if v == before || !strings.Contains(v, "✓ password") {
				t.Fatalf("the copy says nothing:\n%s", v)
			}
		})
	}
}
