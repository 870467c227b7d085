package clipboard

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

var inTmux = Where{Remote: true, Tmux: true}

func wrapped(s string) string { return "\x1bPtmux;\x1b\x1b]52;c;" + b64(s) + "\a\x1b\\" }

// A copy inside tmux asks tmux about itself, then loads the secret into
// our named buffer with -w, on standard input; the terminal gets no escape
// sequence from us, and tmux sends the secret on to the terminal.
func TestTmuxCopyLoadsOurBuffer(t *testing.T) {
	f := newFakeTmux(t, secret)
	var term bytes.Buffer
	res, err := Copier{Where: inTmux, Tmux: f.run, Term: &term}.Copy(secret)
	if err != nil || res.Channel != Tmux || res.Refused != nil || !errors.Is(res.Skipped, ErrRemote) {
		t.Fatalf("res %+v err %v", res, err)
	}
	want := []fakeCall{
		{"", []string{"display-message", "-p", probeFormat}},
		{secret, []string{"load-buffer", "-b", "sesame", "-w", "-"}},
	}
	if !slices.EqualFunc(f.calls, want, func(a, b fakeCall) bool { return a.stdin == b.stdin && slices.Equal(a.args, b.args) }) {
		t.Fatalf("tmux calls %q\nwant %q", f.calls, want)
	}
	if got, _ := f.buffer(BufferName); got != secret || !slices.Equal(f.sent, []string{secret}) || term.Len() != 0 {
		t.Fatalf("buffer %q sent %q term %q", got, f.sent, term.String())
	}
	if got := Copied(res, 30); got != "copied through tmux — clears in 30s" {
		t.Errorf("message %q", got)
	}
}

// Locally the system clipboard is the user's: tmux is not asked while it
// works, and is used when it does not.
func TestTmuxOnlyWithoutSystemClipboard(t *testing.T) {
	f := newFakeTmux(t, secret)
	sys := &fakeSystem{}
	res, err := Copier{Where: Where{Tmux: true}, System: sys, Tmux: f.run}.Copy(secret)
	if err != nil || res.Channel != System || sys.content != secret || len(f.calls) != 0 {
		t.Fatalf("res %+v err %v clipboard %q tmux %q", res, err, sys.content, f.calls)
	}
	sys = &fakeSystem{writeErr: ErrNoDisplay}
	res, err = Copier{Where: Where{Tmux: true}, System: sys, Tmux: f.run}.Copy(secret)
	if err != nil || res.Channel != Tmux || !errors.Is(res.Skipped, ErrNoDisplay) {
		t.Fatalf("res %+v err %v", res, err)
	}
	// Without a terminal of our own too: tmux needs none.
	if got, _ := f.buffer(BufferName); got != secret {
		t.Fatalf("buffer %q", got)
	}
}

// When tmux cannot take the copy, it goes out as OSC 52 wrapped for the
// passthrough, and the message says what is known about its arrival.
func TestTmuxRefusesFallBackToPassthrough(t *testing.T) {
	for _, c := range []struct {
		name   string
		setup  func(*fakeTmux)
		why    error
		seqs   string
		route  Route
		says   string
		loaded bool // load-buffer was tried
	}{{
		name: "older than 3.2: no -w, no allow-passthrough, passthrough always on",
		setup: func(f *fakeTmux) {
			f.passthrough = ""
			f.fail["load-buffer"] = errors.New("tmux load-buffer: command load-buffer: unknown flag -w")
		},
		why:    ErrTmuxTooOld,
		seqs:   wrapped(secret),
		route:  Passthrough,
		says:   "sent to the terminal clipboard (OSC 52) through tmux passthrough — clears in 30s",
		loaded: true,
	}, {
		name:  "set-clipboard off, allow-passthrough on",
		setup: func(f *fakeTmux) { f.setClipboard = "off"; f.passthrough = "1" },
		why:   ErrTmuxClipboardOff,
		seqs:  wrapped(secret),
		route: Passthrough,
		says:  "sent to the terminal clipboard (OSC 52) through tmux passthrough — clears in 30s",
	}, {
		name:  "tmux does not answer",
		setup: func(f *fakeTmux) { f.fail["display-message"] = errors.New("tmux display-message: no answer within 2s") },
		seqs:  wrapped(secret) + "\x1b]52;c;" + b64(secret) + "\a",
		route: Unsure,
		says:  "sent as OSC 52 through tmux passthrough — clears in 30s; if it does not arrive, set `set -g allow-passthrough on` in tmux",
	}} {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeTmux(t, secret)
			c.setup(f)
			var term bytes.Buffer
			res, err := Copier{Where: inTmux, Tmux: f.run, Term: &term}.Copy(secret)
			if err != nil || res.Channel != Terminal || res.Route != c.route || c.why != nil && !errors.Is(res.Refused, c.why) || res.Refused == nil {
				t.Fatalf("res %+v err %v", res, err)
			}
			if term.String() != c.seqs {
				t.Fatalf("terminal got %q\nwant %q", term.String(), c.seqs)
			}
			if got := Copied(res, 30); got != c.says {
				t.Errorf("message %q", got)
			}
			if loaded := slices.Contains(f.commands(), "load-buffer"); loaded != c.loaded {
				t.Errorf("load-buffer tried: %v; calls %q", loaded, f.calls)
			}
			if _, ok := f.buffer(BufferName); ok || len(f.sent) != 0 {
				t.Errorf("tmux kept the secret: buffers %q sent %q", f.buffers, f.sent)
			}
		})
	}
}

// When tmux is known to let nothing out, nothing is sent and the error
// names the setting that would make the copy work.
func TestTmuxBlockingEverythingSaysWhichSetting(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(*fakeTmux)
		err   string
	}{{
		name:  "set-clipboard off",
		setup: func(f *fakeTmux) { f.setClipboard = "off" },
		err:   "nothing copied: tmux has set-clipboard off and allow-passthrough off; set `set -s set-clipboard external` in tmux",
	}, {
		name:  "load-buffer fails",
		setup: func(f *fakeTmux) { f.fail["load-buffer"] = errors.New("tmux load-buffer: out of memory") },
		err:   "nothing copied: tmux load-buffer: out of memory, and tmux has allow-passthrough off; set `set -g allow-passthrough on` in tmux",
	}, {
		name: "load-buffer fails after storing",
		setup: func(f *fakeTmux) {
			f.fail["load-buffer"] = errors.New("tmux load-buffer: no answer within 2s")
			f.lateFail = true
		},
		err: "nothing copied: tmux load-buffer: no answer within 2s, and tmux has allow-passthrough off; set `set -g allow-passthrough on` in tmux",
	}, {
		name:  "no client attached",
		setup: func(f *fakeTmux) { f.noClient = true; f.passthrough = "1" },
		err:   "nothing copied: no terminal is attached to tmux",
	}, {
		name:  "control-mode client only",
		setup: func(f *fakeTmux) { f.control = true; f.passthrough = "1" },
		err:   "nothing copied: no terminal is attached to tmux",
	}} {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeTmux(t, secret)
			c.setup(f)
			var term bytes.Buffer
			res, err := Copier{Where: inTmux, Tmux: f.run, Term: &term}.Copy(secret)
			if err == nil || err.Error() != c.err || res.Channel != None {
				t.Fatalf("res %+v err %v", res, err)
			}
			if term.Len() != 0 {
				t.Errorf("terminal got %q", term.String())
			}
			if _, ok := f.buffer(BufferName); ok {
				t.Errorf("tmux kept the secret in %q", f.buffers)
			}
			if Copied(res, 30) != "nothing copied" {
				t.Error(Copied(res, 30))
			}
		})
	}
}

// A copy through tmux is cleared by deleting our buffer if it still holds
// the secret, and by overwriting the terminal's clipboard (tmux sends
// nothing for an empty buffer) if our buffer is still tmux's newest.
func TestTmuxClear(t *testing.T) {
	res := Result{Channel: Tmux}
	copied := func(t *testing.T) *fakeTmux {
		f := newFakeTmux(t, secret)
		f.set("buffer0", "older")
		f.set(BufferName, secret)
		f.sent = []string{secret}
		return f
	}

	t.Run("ours and newest", func(t *testing.T) {
		f := copied(t)
		o, err := Copier{Where: inTmux, Tmux: f.run}.Uncopy(res, secret)
		if err != nil || o != Overwritten {
			t.Fatalf("outcome %v err %v", o, err)
		}
		if want := []string{"list-buffers", "show-buffer", "display-message", "load-buffer", "delete-buffer"}; !slices.Equal(f.commands(), want) {
			t.Fatalf("commands %q, want %q", f.commands(), want)
		}
		if load := f.calls[3]; load.stdin != " " || !slices.Equal(load.args, []string{"load-buffer", "-b", "sesame", "-w", "-"}) {
			t.Fatalf("overwrite %q", load)
		}
		if _, ok := f.buffer(BufferName); ok || !slices.Equal(f.sent, []string{secret, " "}) {
			t.Fatalf("buffers %q sent %q", f.buffers, f.sent)
		}
		if older, _ := f.buffer("buffer0"); older != "older" {
			t.Fatal("another buffer was touched")
		}
		if msg := Uncopied(res, o, err); msg != "tmux buffer deleted; terminal clipboard overwritten (blindly: it cannot be read back)" {
			t.Error(msg)
		}
	})

	t.Run("ours, but the user copied in tmux since", func(t *testing.T) {
		f := copied(t)
		f.set("buffer1", "the user's copy")
		f.sent = append(f.sent, "the user's copy")
		o, err := Copier{Where: inTmux, Tmux: f.run}.Uncopy(res, secret)
		if err != nil || o != Newer {
			t.Fatalf("outcome %v err %v", o, err)
		}
		if _, ok := f.buffer(BufferName); ok || f.sent[len(f.sent)-1] != "the user's copy" {
			t.Fatalf("buffers %q sent %q", f.buffers, f.sent)
		}
		if msg := Uncopied(res, o, err); msg != "tmux buffer deleted; terminal clipboard left alone (tmux has a newer copy)" {
			t.Error(msg)
		}
	})

	t.Run("ours, no terminal attached", func(t *testing.T) {
		f := copied(t)
		f.noClient = true
		o, err := Copier{Where: inTmux, Tmux: f.run}.Uncopy(res, secret)
		if err != nil || o != Detached || slices.Contains(f.commands(), "load-buffer") {
			t.Fatalf("outcome %v err %v calls %q", o, err, f.calls)
		}
		if _, ok := f.buffer(BufferName); ok {
			t.Fatal("buffer kept")
		}
	})

	for name, data := range map[string]string{"a newer copy of sesame's": "newer secret", "a prefix of the secret": secret[:4]} {
		t.Run("holding "+name, func(t *testing.T) {
			f := copied(t)
			f.set(BufferName, data)
			cleared, err := Copier{Where: inTmux, Tmux: f.run}.Clear(res, secret)
			if cleared || err != nil {
				t.Fatalf("cleared %v err %v", cleared, err)
			}
			if got, _ := f.buffer(BufferName); got != data || len(f.sent) != 1 {
				t.Fatalf("buffer %q sent %q", got, f.sent)
			}
			if msg := Cleared(res, cleared, err); msg != "tmux buffer changed since the copy; left alone" {
				t.Error(msg)
			}
		})
	}

	t.Run("deleted since", func(t *testing.T) {
		f := copied(t)
		f.buffers = f.buffers[1:]
		o, err := Copier{Where: inTmux, Tmux: f.run}.Uncopy(res, secret)
		if o != Kept || err != nil || !slices.Equal(f.commands(), []string{"list-buffers"}) {
			t.Fatalf("outcome %v err %v calls %q", o, err, f.calls)
		}
	})

	t.Run("tmux gone", func(t *testing.T) {
		f := copied(t)
		f.fail["list-buffers"] = errors.New("tmux list-buffers: no server running on /tmp/tmux-1000/default")
		o, err := Copier{Where: inTmux, Tmux: f.run}.Uncopy(res, secret)
		if o != Kept || err == nil || !strings.Contains(Uncopied(res, o, err), "could not clear the clipboard: tmux list-buffers: no server running") {
			t.Fatalf("outcome %v err %v", o, err)
		}
	})
}

// The tmux program is run only for the tmux server this process is in: a
// Where read from another environment has no tmux to talk to.
func TestTmuxOnlyOurOwnServer(t *testing.T) {
	t.Setenv("TMUX", "/tmp/tmux-1000/default,4242,0")
	if (Copier{Where: Detect(func(k string) string { return map[string]string{"TMUX": "/tmp/tmux-1000/default,4242,0"}[k] })}).tmux() == nil {
		t.Error("no tmux for the server the process is in")
	}
	for _, other := range []string{"/tmp/tmux-1000/default,1,0", ""} {
		if (Copier{Where: Detect(func(k string) string { return map[string]string{"TMUX": other}[k] })}).tmux() != nil {
			t.Errorf("tmux run for TMUX=%q", other)
		}
	}
	if (Copier{Where: Where{Tmux: true}}).tmux() != nil {
		t.Error("tmux run for a Where made up by hand")
	}
	var term bytes.Buffer
	res, err := Copier{Where: Where{Remote: true, Tmux: true}, Term: &term}.Copy(secret)
	if err != nil || res.Route != Unsure || !errors.Is(res.Refused, ErrTmuxUnreachable) {
		t.Fatalf("res %+v err %v", res, err)
	}
}

// When tmux's terminal is itself tmux or screen (tmux at both ends of an
// SSH connection), whether the copy gets further depends on that outer
// one, and the note says what it needs.
func TestTmuxInsideTmuxSaysWhatTheOuterNeeds(t *testing.T) {
	for term, outer := range map[string]bool{"tmux-256color": true, "screen-256color": true, "screen": true, "xterm-256color": false, "alacritty": false} {
		f := newFakeTmux(t, secret)
		f.clientTerm = term
		res, err := Copier{Where: inTmux, Tmux: f.run}.Copy(secret)
		if err != nil || res.Channel != Tmux || res.Outer != outer {
			t.Fatalf("%s: res %+v err %v", term, res, err)
		}
		want := "copied through tmux — clears in 30s"
		if outer {
			want += "; if it does not reach your clipboard, set `set -s set-clipboard on` in the outer tmux"
		}
		if got := Copied(res, 30); got != want {
			t.Errorf("%s: message %q", term, got)
		}
	}
}
