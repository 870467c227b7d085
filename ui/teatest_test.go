package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Whole journeys through a real tea.Program (teatest), with in-memory
// input and output, no colour, a fixed environment and a fake clipboard.
// The renderer writes only the cells that change, so the tests ask the
// program itself what is on screen: probe wraps the model and answers a
// probeMsg on the program's own goroutine.

type snapshot struct {
	view   string
	mode   settings.Mode
	secret string
	length int
	status string
	noCol  bool
}

type probeMsg struct{ reply chan snapshot }

type probe struct{ *model }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if pm, ok := msg.(probeMsg); ok {
		s := snapshot{view: ansi.Strip(p.model.View().Content), mode: p.s.Mode, length: p.s.Password.Length,
			status: p.status.text, noCol: p.styles.noColor}
		if r := p.result().res; r != nil {
			s.secret = r.secret
		}
		pm.reply <- s
		return p, nil
	}
	_, cmd := p.model.Update(msg)
	return p, cmd
}

func startProgram(t *testing.T, clip Clipboard, opts Options) (*teatest.TestModel, *model) {
	t.Helper()
	m := newModel(opts, deps{source: &detSource{seed: 7}, clip: clip})
	tm := teatest.NewTestModel(t, probe{m},
		teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(
			tea.WithColorProfile(colorprofile.ASCII),
			tea.WithEnvironment([]string{"TERM=xterm-256color", "NO_COLOR=1"}),
		),
	)
	return tm, m
}

// waitUntil asks the program for snapshots until ok holds.
func waitUntil(t *testing.T, tm *teatest.TestModel, what string, ok func(snapshot) bool) snapshot {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	var last snapshot
	for time.Now().Before(deadline) {
		reply := make(chan snapshot, 1)
		tm.Send(probeMsg{reply})
		select {
		case last = <-reply:
			if ok(last) {
				return last
			}
		case <-time.After(time.Second):
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s; screen:\n%s", what, last.view)
	return last
}

func TestProgramChangeLengthCopyQuit(t *testing.T) {
	clip := &fakeClipboard{}
	tm, _ := startProgram(t, clip, Options{Settings: settings.Default()})
	s := waitUntil(t, tm, "the first secret", func(s snapshot) bool { return strings.Contains(s.view, "131.09 bits") && s.secret != "" })
	if len(s.secret) != 20 || !s.noCol {
		t.Fatalf("start: %q, colourless %v", s.secret, s.noCol)
	}
	tm.Send(keyPress("up"))
	s = waitUntil(t, tm, "length 21", func(s snapshot) bool {
		return strings.Contains(s.view, "21 characters") && len(s.secret) == 21
	})
	mustNotContain(t, s.view, "131.09 bits")
	tm.Send(keyPress("enter"))
	waitUntil(t, tm, "the copy", func(s snapshot) bool { return strings.Contains(s.view, "password copied — clears in") })
	if got, _ := clip.get(); got != s.secret {
		t.Fatalf("clipboard %q, want %q", got, s.secret)
	}
	tm.Send(keyPress("q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe)
	if !fm.quitting || fm.View().Content != "" {
		t.Fatal("the final view is not empty")
	}
}

func TestProgramEditInTheFormAndMask(t *testing.T) {
	clip := &fakeClipboard{}
	tm, _ := startProgram(t, clip, Options{Settings: settings.Default()})
	waitUntil(t, tm, "the first secret", func(s snapshot) bool { return strings.Contains(s.view, "bits") })
	tm.Send(keyPress("tab"))
	tm.Type("32")
	tm.Send(keyPress("esc"))
	s := waitUntil(t, tm, "length 32", func(s snapshot) bool { return len(s.secret) == 32 && strings.Contains(s.view, "32 characters") })
	if !strings.Contains(s.view, "Settings  tab to edit") {
		t.Fatal("esc did not return to the result")
	}
	tm.Send(keyPress("m"))
	s = waitUntil(t, tm, "the mask", func(s snapshot) bool { return strings.Contains(s.view, "•••• ••••") })
	mustNotContain(t, s.view, s.secret[:4])
	tm.Send(keyPress("c"))
	waitUntil(t, tm, "the copy", func(s snapshot) bool { return strings.Contains(s.view, "copied") })
	if got, _ := clip.get(); len(got) != 32 {
		t.Fatalf("copied %q", got)
	}
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestProgramTabsResizeAndImpossibleSettings(t *testing.T) {
	tm, _ := startProgram(t, &fakeClipboard{}, Options{Settings: settings.Default(), Warnings: []string{"could not read the settings; using the defaults"}})
	waitUntil(t, tm, "the start-up warning", func(s snapshot) bool {
		return strings.Contains(s.view, "! could not read the settings") && strings.Contains(s.view, "bits")
	})
	for _, kw := range [][2]string{{"2", "77.54 bits"}, {"3", "256.00 bits"}, {"4", "19.93 bits"}, {"1", "131.09 bits"}} {
		k, want := kw[0], kw[1]
		tm.Send(keyPress(k))
		waitUntil(t, tm, want, func(s snapshot) bool { return strings.Contains(s.view, want) })
	}
	tm.Send(tea.WindowSizeMsg{Width: 12, Height: 10})
	waitUntil(t, tm, "the too-small note", func(s snapshot) bool { return strings.Contains(s.view, "sesame needs") })
	tm.Send(tea.WindowSizeMsg{Width: 60, Height: 24})
	waitUntil(t, tm, "the screen back", func(s snapshot) bool { return strings.Contains(s.view, "131.09 bits") })
	// Minimums over the length: an inline error, the old secret stays.
	tm.Send(keyPress("tab"))
	for range 11 { // length, rules, style, pattern, lower, min-lower, max-lower, upper, min-upper, max-upper, digits
		tm.Send(keyPress("tab"))
	}
	tm.Type("25")
	s := waitUntil(t, tm, "the error", func(s snapshot) bool { return strings.Contains(s.view, "the minimums add up to 25") })
	if len(s.secret) != 20 {
		t.Fatalf("secret %q after an impossible setting", s.secret)
	}
	mustContain(t, s.view, "from the previous settings")
	tm.Send(keyPress("esc"))
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// The raw output stream: the program uses the alternate screen and leaves
// it when done.
func TestProgramUsesTheAlternateScreen(t *testing.T) {
	tm, _ := startProgram(t, &fakeClipboard{}, Options{Settings: settings.Default()})
	waitUntil(t, tm, "the first secret", func(s snapshot) bool { return strings.Contains(s.view, "bits") })
	tm.Send(keyPress("q"))
	out := tm.FinalOutput(t, teatest.WithFinalTimeout(5*time.Second))
	var b bytes.Buffer
	b.ReadFrom(out)
	raw := b.String()
	enter, leave := strings.Index(raw, "\x1b[?1049h"), strings.LastIndex(raw, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		t.Fatalf("alternate screen not entered and left (enter at %d, leave at %d)", enter, leave)
	}
	if !strings.Contains(raw, "\x1b]2;sesame\a") && !strings.Contains(raw, "\x1b]0;sesame\a") {
		t.Fatal("no window title")
	}
}
