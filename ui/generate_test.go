package ui

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Generation runs in commands, one job at a time, in two steps (compile,
// then draw); these tests hold the commands back to see what happens while
// a job runs.

// only runs a command and returns its single message of type T.
func only[T any](t *testing.T, cmd tea.Cmd) T {
	t.Helper()
	var out []T
	for _, msg := range collect(cmd) {
		if m, ok := msg.(T); ok {
			out = append(out, m)
		}
	}
	if len(out) != 1 {
		var zero T
		t.Fatalf("%d messages of type %T, want 1", len(out), zero)
	}
	return out[0]
}

func TestOneJobAtATimeAndTheLatestWins(t *testing.T) {
	h := newHarness(t)
	old := h.secret()
	_, job := h.m.Update(keyPress("up")) // length 21: a job starts; the test holds it
	if !h.m.gen.busy || job == nil {
		t.Fatal("no job started")
	}
	for range 3 { // more keys while it runs start nothing: they wait as one request
		if _, cmd := h.m.Update(keyPress("up")); cmd != nil {
			for _, msg := range collect(cmd) {
				switch msg.(type) {
				case compiledMsg, genDoneMsg:
					t.Fatal("a second job started while one runs")
				}
			}
		}
	}
	if p := h.m.gen.pending; p == nil || p.s.Password.Length != 24 {
		t.Fatalf("waiting: %+v, want the request for length 24", p)
	}
	if h.secret() != old {
		t.Fatal("the secret changed before any job finished")
	}
	mustNotContain(t, h.view(), "updating…") // not yet: most jobs end at once
	h.send(slowJobMsg{seq: h.m.gen.seq})
	mustContain(t, h.view(), "updating…")
	// The held job compiled length 21, which is stale: it ends there, and
	// the waiting request (24) runs.
	next := h.m.compiled(only[compiledMsg](t, job))
	if k := h.m.results[settings.Password].compiledKey; k.Password.Length == 21 {
		t.Fatal("stale settings were compiled into the panel")
	}
	if !h.m.gen.busy || next == nil {
		t.Fatal("the waiting request did not start")
	}
	h.run(next)
	if len(h.secret()) != 24 || h.m.gen.busy || h.m.gen.pending != nil {
		t.Fatalf("after the queue drained: %d characters, busy %v", len(h.secret()), h.m.gen.busy)
	}
	mustNotContain(t, h.view(), "updating…")
}

func TestStrengthShowsBeforeTheDraw(t *testing.T) {
	h := newHarness(t)
	_, job := h.m.Update(keyPress("up"))
	draw := h.m.compiled(only[compiledMsg](t, job)) // compiled; the draw is held
	if draw == nil {
		t.Fatal("no draw after compiling")
	}
	h.send(slowJobMsg{seq: h.m.gen.seq})
	v := h.view()
	mustContain(t, v, "137.64 bits", "updating…")
	if len(h.secret()) != 20 {
		t.Fatal("the secret changed before the draw")
	}
	h.run(draw)
	if len(h.secret()) != 21 {
		t.Fatal("the draw did not land")
	}
	h.send(slowJobMsg{seq: h.m.gen.seq}) // a late timer of a finished job
	mustNotContain(t, h.view(), "updating…")
}

func TestStaleDrawIsCancelled(t *testing.T) {
	h := newHarness(t)
	_, job := h.m.Update(keyPress("up"))            // length 21
	draw := h.m.compiled(only[compiledMsg](t, job)) // the draw is held
	h.m.Update(keyPress("up"))                      // length 22: the held draw is stale
	done := only[genDoneMsg](t, draw)
	if !errors.Is(done.err, errCancelled) {
		t.Fatalf("the stale draw ended with %v, want it cancelled", done.err)
	}
	h.send(done)
	if len(h.secret()) != 22 || h.m.gen.busy {
		t.Fatalf("after the cancelled draw: %d characters", len(h.secret()))
	}
	if h.m.status.kind == statusErr {
		t.Fatalf("a cancelled draw showed an error: %q", h.m.status.text)
	}
}

func TestSwitchingTabsCancelsTheDraw(t *testing.T) {
	h := newHarness(t)
	_, job := h.m.Update(keyPress("up"))
	draw := h.m.compiled(only[compiledMsg](t, job))
	h.m.Update(keyPress("3")) // the Token tab is wanted now
	done := only[genDoneMsg](t, draw)
	if !errors.Is(done.err, errCancelled) {
		t.Fatalf("the draw for a hidden tab ended with %v", done.err)
	}
	h.send(done)
	if h.m.s.Mode != settings.Token || h.m.result().res == nil || h.bits() != 256 {
		t.Fatal("the token was not made after the cancelled draw")
	}
	// Back on Password, the longer password is made then.
	h.keys("1")
	if len(h.secret()) != 21 {
		t.Fatalf("password of %d characters, want 21", len(h.secret()))
	}
}

func TestGoingBackCancelsTheWait(t *testing.T) {
	h := newHarness(t)
	old := h.secret()
	_, job := h.m.Update(keyPress("up")) // length 21, running
	h.m.Update(keyPress("down"))         // back to 20: nothing to do
	if h.m.gen.pending != nil {
		t.Fatal("a request is waiting for settings already on screen")
	}
	h.run(job)
	if h.secret() != old || h.m.gen.busy {
		t.Fatal("the result of abandoned settings replaced the current one")
	}
}

func TestRegenerateSkipsCompiling(t *testing.T) {
	h := newHarness(t)
	_, job := h.m.Update(keyPress("r")) // the compiled generator is reused: straight to the draw
	for _, msg := range collect(job) {
		if _, ok := msg.(compiledMsg); ok {
			t.Fatal("r recompiled unchanged settings")
		}
		if d, ok := msg.(genDoneMsg); ok && d.gen != h.m.results[settings.Password].compiled {
			t.Fatal("r drew from another generator")
		}
	}
}
