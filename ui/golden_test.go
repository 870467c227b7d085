package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// Golden files of the screen as plain text (go test ./ui -run Golden
// -update rewrites them). The deterministic source makes the secrets the
// same on every run.

func TestGoldenTabs(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {60, 24}} {
		for i, name := range []string{"password", "passphrase", "token", "pin"} {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t)
				h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				h.keys(fmt.Sprint(i + 1))
				golden.RequireEqual(t, h.view())
			})
		}
	}
}

func TestGoldenStates(t *testing.T) {
	states := map[string]func(h *harness){
		"form_error_60x24": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 60, Height: 24})
			h.focusOn("min-digits")
			h.typeText("30")
		},
		"history_100x30": func(h *harness) {
			for range 3 {
				h.now = h.now.Add(2 * time.Second)
				h.keys("r")
			}
			h.keys("h", "down")
		},
		"full_help_masked_80x24": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			h.keys("m", "?")
		},
		"too_small_12x6": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 12, Height: 6})
		},
		// Small panes: the secret, its bits and the focused field with a
		// neighbour each side stay in view.
		"lines_30x8": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 30, Height: 8})
			h.focusOn("min-digits")
		},
		"form_80x11": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 80, Height: 11})
			h.focusOn("min-digits")
		},
		"form_40x10": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
			h.focusOn("min-digits")
		},
		"form_40x16": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 40, Height: 16})
			h.keys("tab")
		},
		"form_60x16": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
			h.focusOn("symbols")
		},
		"phrase_40x10": func(h *harness) {
			h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
			h.keys("2")
			h.focusOn("case")
		},
	}
	for name, setup := range states {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			setup(h)
			golden.RequireEqual(t, h.view())
		})
	}
}
