package ui

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sesame-sh/sesame/ui/settings"
)

// detSource is a deterministic generator.Source for tests: SHA-256 of a
// seed and a counter.
type detSource struct {
	seed, n uint64
}

func (s *detSource) Fill(p []byte) error {
	for len(p) > 0 {
		var in [16]byte
		binary.LittleEndian.PutUint64(in[:8], s.seed)
		binary.LittleEndian.PutUint64(in[8:], s.n)
		s.n++
		sum := sha256.Sum256(in[:])
		p = p[copy(p, sum[:]):]
	}
	return nil
}

// failingSource fails every read.
type failingSource struct{}

func (failingSource) Fill([]byte) error { return errors.New("entropy pool on fire") }

// fakeClipboard records what was copied.
type fakeClipboard struct {
	mu     sync.Mutex
	text   string
	writes int
	err    error
	// readErr, when set, fails reads alone.
	readErr error
}

func (c *fakeClipboard) WriteAll(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return c.err
	}
	c.text = s
	c.writes++
	return nil
}

func (c *fakeClipboard) ReadAll() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.readErr != nil {
		return "", c.readErr
	}
	return c.text, c.err
}

func (c *fakeClipboard) get() (string, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text, c.writes
}

// deferredMsg is what a timer would deliver later; the harness holds it
// until the test fires it.
type deferredMsg struct {
	d   time.Duration
	msg tea.Msg
}

// harness drives a model at the Update level: it runs the commands Update
// returns (generation jobs, copies, saves) and feeds their messages back,
// holds timers until fired, and records quitting.
type harness struct {
	tb       testing.TB
	m        *model
	clip     *fakeClipboard
	now      time.Time
	deferred []deferredMsg
	quit     tea.Msg
	raw      []string // escape sequences written to the terminal (OSC 52)
}

type harnessOpt func(*Options)

func withSettings(f func(*settings.Settings)) harnessOpt {
	return func(o *Options) { f(&o.Settings) }
}

func withConfig(path string) harnessOpt {
	return func(o *Options) { o.ConfigPath = path }
}

// newHarness starts a model with the defaults, a deterministic source, a
// fake clipboard and a 100×30 window.
func newHarness(tb testing.TB, opts ...harnessOpt) *harness {
	tb.Helper()
	o := Options{Settings: settings.Default()}
	for _, f := range opts {
		f(&o)
	}
	h := &harness{tb: tb, clip: &fakeClipboard{}, now: time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)}
	h.m = newModel(o, deps{
		source: &detSource{seed: 1},
		clip:   h.clip,
		now:    func() time.Time { return h.now },
		after:  func(d time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return deferredMsg{d, msg} } },
		raw:    func(seq string) tea.Cmd { h.raw = append(h.raw, seq); return nil },
	})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return h
}

// send delivers a message and runs what it starts.
func (h *harness) send(msg tea.Msg) {
	h.tb.Helper()
	next, cmd := h.m.Update(msg)
	if next != h.m {
		h.tb.Fatalf("Update returned another model")
	}
	h.run(cmd)
}

// run runs a command and everything that follows from it.
func (h *harness) run(cmd tea.Cmd) {
	h.tb.Helper()
	for _, msg := range collect(cmd) {
		switch msg := msg.(type) {
		case nil:
		case deferredMsg:
			h.deferred = append(h.deferred, msg)
		case tea.QuitMsg, tea.InterruptMsg:
			h.quit = msg
		default:
			h.send(msg)
		}
	}
}

// fire delivers the held timer messages that match, oldest first.
func (h *harness) fire(match func(tea.Msg) bool) int {
	h.tb.Helper()
	var keep, due []deferredMsg
	for _, d := range h.deferred {
		if match(d.msg) {
			due = append(due, d)
		} else {
			keep = append(keep, d)
		}
	}
	h.deferred = keep
	for _, d := range due {
		h.send(d.msg)
	}
	return len(due)
}

// keys presses keys by name: "enter", "tab", "shift+tab", "esc", "space",
// "backspace", "up", "ctrl+c", or single characters.
func (h *harness) keys(names ...string) {
	h.tb.Helper()
	for _, n := range names {
		h.send(keyPress(n))
	}
}

// typeText types text one character at a time.
func (h *harness) typeText(s string) {
	h.tb.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(name string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"space":     {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"pgup":      {Code: tea.KeyPgUp},
		"pgdown":    {Code: tea.KeyPgDown},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
	}
	if k, ok := special[name]; ok {
		return k
	}
	r := []rune(name)
	if len(r) != 1 {
		panic("unknown key " + name)
	}
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// collect runs a command and flattens batches and sequences into their
// messages.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	v := reflect.ValueOf(msg)
	if v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, collect(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// view is the screen as plain text.
func (h *harness) view() string {
	return ansi.Strip(h.m.View().Content)
}

// secret is the current mode's secret on screen.
func (h *harness) secret() string {
	h.tb.Helper()
	r := h.m.result().res
	if r == nil {
		h.tb.Fatalf("no result for %v", h.m.s.Mode)
	}
	return r.secret
}

// bits is the current mode's figure as shown.
func (h *harness) bits() float64 {
	h.tb.Helper()
	r := h.m.result().res
	if r == nil {
		h.tb.Fatalf("no result for %v", h.m.s.Mode)
	}
	return r.strength.Entropy.Rounded()
}

// focusOn moves the focus to the field with the given id by walking the
// form with tab, as a user would.
func (h *harness) focusOn(id string) field {
	h.tb.Helper()
	if h.m.focus == focusForm {
		h.keys("esc")
	}
	h.keys("tab")
	for range 40 {
		if h.m.field == nil {
			break
		}
		if h.m.field.id() == id {
			return h.m.field
		}
		h.keys("tab")
	}
	h.tb.Fatalf("no field %q reachable by tab in the %v form", id, h.m.s.Mode)
	return nil
}

// fieldError is the inline error under a field, "" if none.
func (h *harness) fieldError() (id, msg string) {
	err := h.m.failing(h.m.s.Mode)
	if err == nil {
		return "", ""
	}
	f, text := h.m.errorField(h.m.s.Mode, err)
	if f == nil {
		return "", text
	}
	return f.id(), text
}

func mustContain(tb testing.TB, s string, subs ...string) {
	tb.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			tb.Fatalf("screen lacks %q:\n%s", sub, s)
		}
	}
}

func mustNotContain(tb testing.TB, s string, subs ...string) {
	tb.Helper()
	for _, sub := range subs {
		if sub != "" && strings.Contains(s, sub) {
			tb.Fatalf("screen shows %q:\n%s", sub, s)
		}
	}
}

func ansiStripped(s string) string { return ansi.Strip(s) }
