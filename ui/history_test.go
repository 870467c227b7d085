package ui

import (
	tea "charm.land/bubbletea/v2"
	"strings"
	"testing"
	"time"
)

func TestHistoryKeepsSeenAndCopiedResults(t *testing.T) {
	h := newHarness(t)
	h.keys("h")
	if h.m.history.open {
		t.Fatal("an empty history opened")
	}
	mustContain(t, h.view(), "the history is empty")

	h.keys("r") // replaced at once: not seen long enough
	if len(h.m.history.entries) != 0 {
		t.Fatalf("a result shown for no time went to the history: %d entries", len(h.m.history.entries))
	}
	second := h.secret()
	h.now = h.now.Add(seenAfter)
	h.keys("r")
	if len(h.m.history.entries) != 1 || h.m.history.entries[0].secret != second {
		t.Fatalf("history %v, want the second secret", h.m.history.entries)
	}
	third := h.secret()
	h.keys("c", "r") // copied: kept however briefly shown
	if len(h.m.history.entries) != 2 || h.m.history.entries[0].secret != third || !h.m.history.entries[0].copied {
		t.Fatalf("history after a copy: %+v", h.m.history.entries)
	}
}

func TestHistoryLimitAndOrder(t *testing.T) {
	h := newHarness(t)
	var seen []string
	for range historySize + 5 {
		seen = append(seen, h.secret())
		h.now = h.now.Add(2 * time.Second)
		h.keys("r")
	}
	e := h.m.history.entries
	if len(e) != historySize {
		t.Fatalf("%d entries, want %d", len(e), historySize)
	}
	for i := range e {
		if e[i].secret != seen[len(seen)-1-i] {
			t.Fatalf("entry %d is not the %d-th newest", i, i+1)
		}
	}
}

func TestHistoryBrowseAndCopy(t *testing.T) {
	h := newHarness(t)
	var seen []string
	for range 3 {
		seen = append(seen, h.secret())
		h.now = h.now.Add(2 * time.Second)
		h.keys("r")
	}
	h.keys("h")
	if !h.m.history.open {
		t.Fatal("h did not open the history")
	}
	v := h.view()
	mustContain(t, v, "History", "password", "memory only", "09:30:0")
	for _, s := range seen {
		mustNotContain(t, v, s) // masked: never the whole secret
		mustContain(t, v, s[:2]+"••••••••••")
	}
	h.keys("down", "j", "up", "k", "down", "enter")
	if got, _ := h.clip.get(); got != h.m.history.entries[1].secret {
		t.Fatalf("copied %q, want the second entry", got)
	}
	mustContain(t, h.view(), "earlier password copied")
	h.keys("end", "c")
	last := h.m.history.entries[len(h.m.history.entries)-1].secret
	if got, _ := h.clip.get(); got != last {
		t.Fatal("c on the last entry copied something else")
	}
	h.keys("home")
	if h.m.history.cursor != 0 {
		t.Fatal("home did not go to the top")
	}
	// Masking hides even the first characters.
	h.keys("m")
	mustNotContain(t, h.view(), seen[0][:2]+"•")
	h.keys("m", "esc")
	if h.m.history.open {
		t.Fatal("esc did not close the history")
	}
	h.keys("h", "h")
	if h.m.history.open {
		t.Fatal("h did not close the history")
	}
	h.keys("h", "q")
	if h.m.history.open || h.quit != nil {
		t.Fatal("q should close the history, not quit")
	}
}

func TestMaskedPreview(t *testing.T) {
	cases := []struct {
		secret string
		masked bool
		want   string
	}{
		{"abcdefghijklmnop", false, "ab••••••••••"},
		{"abcdefghijklmnop", true, "••••••••••••"},
		{"123456", false, "••••••"}, // too short to show any of it
		{"ab", false, "••"},
	}
	for _, c := range cases {
		if got := maskedPreview(c.secret, c.masked); got != c.want {
			t.Errorf("maskedPreview(%q, %v) = %q, want %q", c.secret, c.masked, got, c.want)
		}
	}
	if strings.Contains(maskedPreview("secretpassword", false), "cret") {
		t.Fatal("preview leaks the secret")
	}
}

// Only a copy that landed marks an entry as copied: one that tmux let
// nowhere ("nothing copied: tmux has set-clipboard off…") does not, and
// neither does a failed copy from the history itself.
func TestHistoryMarksOnlyCopiesThatHappened(t *testing.T) {
	h := newHarness(t)
	f := &uiTmux{t: t, secret: h.secret(), content: map[string]string{}, state: "off|0|/dev/pts/1|0|xterm-256color\n"}
	h.m.deps.tmux = f.run
	h.send(tea.EnvMsg{"SSH_TTY=/dev/pts/4", "TMUX=/tmp/tmux-0/default,1,0"})
	failed := h.secret()
	h.keys("c")
	if !strings.HasPrefix(h.m.statusText(), "nothing copied: tmux has set-clipboard off") {
		t.Fatalf("status %q", h.m.statusText())
	}
	h.keys("r", "h")
	if len(h.m.history.entries) != 1 || h.m.history.entries[0].secret != failed {
		t.Fatalf("history %+v, want the secret c was pressed on", h.m.history.entries)
	}
	if got := historyLines(h.view()); len(got) != 1 || strings.HasSuffix(got[0], "copied") {
		t.Fatalf("history lists %q after a failed copy", got)
	}
	h.keys("enter") // from the history: fails the same way
	if h.m.history.entries[0].copied || !strings.HasPrefix(h.m.statusText(), "nothing copied") {
		t.Fatalf("a failed copy from the history marked it (status %q)", h.m.statusText())
	}

	// Once tmux takes copies, the same keys mark it.
	f.state = ""
	h.keys("enter")
	if !strings.HasPrefix(h.m.statusText(), "earlier password copied through tmux") {
		t.Fatalf("status %q", h.m.statusText())
	}
	if got := historyLines(h.view()); len(got) != 1 || !strings.HasSuffix(got[0], "copied") {
		t.Fatalf("history lists %q after a copy", got)
	}
	h.keys("esc", "c", "r", "h")
	if len(h.m.history.entries) != 2 || !h.m.history.entries[0].copied {
		t.Fatalf("history %+v, want the copied secret first, marked", h.m.history.entries)
	}
}

// historyLines are the entries of the open history as shown.
func historyLines(view string) []string {
	var got []string
	for l := range strings.Lines(view) {
		if l = strings.TrimRight(l, " \n"); strings.Contains(l, " chars  ") {
			got = append(got, l)
		}
	}
	return got
}
