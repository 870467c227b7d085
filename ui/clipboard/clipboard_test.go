package clipboard

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
)

// fakeSystem is a system clipboard in memory that can be made to fail.
type fakeSystem struct {
	content  string
	writeErr error
	readErr  error
	writes   int
}

func (f *fakeSystem) WriteAll(s string) error {
	if f.writeErr != nil {
		return f.writeErr
	}
	f.writes++
	f.content = s
	return nil
}

func (f *fakeSystem) ReadAll() (string, error) { return f.content, f.readErr }

const secret = `s3cr3t-"value"`

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestDetect(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, c := range []struct {
		env  func(string) string
		want Where
	}{
		{env(), Where{}},
		{env("SSH_TTY", "/dev/pts/3"), Where{Remote: true}},
		{env("SSH_CONNECTION", "10.0.0.1 5 10.0.0.2 22"), Where{Remote: true}},
		{env("SSH_CLIENT", "10.0.0.1 5 22"), Where{Remote: true}},
		{env("TMUX", "/tmp/tmux-0/default,1,0"), Where{Tmux: true, server: "/tmp/tmux-0/default,1,0"}},
		{env("TMUX", "x", "SSH_TTY", "y"), Where{Remote: true, Tmux: true, server: "x"}},
	} {
		if got := Detect(c.env); got != c.want {
			t.Errorf("Detect = %+v, want %+v", got, c.want)
		}
	}
}

func TestCopyLocalUsesSystemClipboard(t *testing.T) {
	sys := &fakeSystem{}
	var term bytes.Buffer
	res, err := Copier{System: sys, Term: &term}.Copy(secret)
	if err != nil || res.Channel != System || sys.content != secret || term.Len() != 0 {
		t.Fatalf("res %+v err %v clipboard %q term %q", res, err, sys.content, term.String())
	}
	if got := Copied(res, 30); got != "copied — clears in 30s" {
		t.Errorf("message %q", got)
	}
	if got := Copied(res, 0); got != "copied — not cleared automatically" {
		t.Errorf("message %q", got)
	}
}

func TestCopyFallsBackToOSC52WhenSystemFails(t *testing.T) {
	sys := &fakeSystem{writeErr: ErrNoDisplay}
	var term bytes.Buffer
	res, err := Copier{System: sys, Term: &term}.Copy(secret)
	if err != nil || res.Channel != Terminal || !errors.Is(res.Skipped, ErrNoDisplay) {
		t.Fatalf("res %+v err %v", res, err)
	}
	if want := "\x1b]52;c;" + b64(secret) + "\a"; term.String() != want {
		t.Fatalf("terminal got %q, want %q", term.String(), want)
	}
	if got := Copied(res, 30); got != "sent to the terminal clipboard (OSC 52) — clears in 30s" {
		t.Errorf("message %q", got)
	}
}

func TestCopyRemoteSkipsSystemClipboard(t *testing.T) {
	sys := &fakeSystem{}
	var term bytes.Buffer
	res, err := Copier{Where: Where{Remote: true}, System: sys, Term: &term}.Copy(secret)
	if err != nil || res.Channel != Terminal || sys.writes != 0 || !errors.Is(res.Skipped, ErrRemote) {
		t.Fatalf("res %+v err %v writes %d", res, err, sys.writes)
	}
	if !strings.Contains(term.String(), b64(secret)) {
		t.Fatalf("terminal got %q", term.String())
	}
}

func TestCopyInTmuxSendsBothForms(t *testing.T) {
	var term bytes.Buffer
	_, err := Copier{Where: Where{Remote: true, Tmux: true}, Term: &term}.Copy(secret)
	if err != nil {
		t.Fatal(err)
	}
	plain := "\x1b]52;c;" + b64(secret) + "\a"
	wrapped := "\x1bPtmux;\x1b\x1b]52;c;" + b64(secret) + "\a\x1b\\"
	if term.String() != wrapped+plain {
		t.Fatalf("got %q\nwant %q", term.String(), wrapped+plain)
	}
}

func TestCopyWithNowhereToGoSaysWhy(t *testing.T) {
	_, err := Copier{System: &fakeSystem{writeErr: ErrNoDisplay}}.Copy(secret)
	if err == nil || err.Error() != "nothing copied: no system clipboard (no display), and not a terminal" {
		t.Fatalf("err %v", err)
	}
	_, err = Copier{Where: Where{Remote: true}}.Copy(secret)
	if err == nil || !strings.Contains(err.Error(), "an SSH session, and not a terminal") {
		t.Fatalf("err %v", err)
	}
	if err != nil && strings.Contains(err.Error(), secret) {
		t.Fatal("error echoes the secret")
	}
}

func TestClearIfOurs(t *testing.T) {
	sys := &fakeSystem{content: secret}
	c := Copier{System: sys}
	res := Result{Channel: System}
	cleared, err := c.Clear(res, secret)
	if !cleared || err != nil || sys.content != "" {
		t.Fatalf("cleared %v err %v content %q", cleared, err, sys.content)
	}
	if Cleared(res, cleared, err) != "clipboard cleared" {
		t.Error(Cleared(res, cleared, err))
	}
	// The user copied something else meanwhile: leave it.
	sys.content = "user data"
	cleared, err = c.Clear(res, secret)
	if cleared || err != nil || sys.content != "user data" {
		t.Fatalf("cleared %v err %v content %q", cleared, err, sys.content)
	}
	if Cleared(res, cleared, err) != "clipboard changed since the copy; left alone" {
		t.Error(Cleared(res, cleared, err))
	}
	// A prefix of the secret is not the secret.
	sys.content = secret[:4]
	if cleared, _ := c.Clear(res, secret); cleared {
		t.Fatal("cleared a different value")
	}
	sys.readErr = errors.New("xclip died")
	if _, err := c.Clear(res, secret); err == nil {
		t.Fatal("read error ignored")
	}
}

func TestClearTerminalIsBlind(t *testing.T) {
	var term bytes.Buffer
	c := Copier{Where: Where{Tmux: true}, Term: &term}
	cleared, err := c.Clear(Result{Channel: Terminal}, secret)
	if !cleared || err != nil {
		t.Fatal(err)
	}
	if want := "\x1bPtmux;\x1b\x1b]52;c;\a\x1b\\" + "\x1b]52;c;\a"; term.String() != want {
		t.Fatalf("got %q want %q", term.String(), want)
	}
	if msg := Cleared(Result{Channel: Terminal}, true, nil); !strings.Contains(msg, "blindly") {
		t.Error(msg)
	}
}

func TestRunClearer(t *testing.T) {
	var slept time.Duration
	sleep := func(d time.Duration) { slept = d }
	sys := &fakeSystem{content: secret}
	err := RunClearer(strings.NewReader(secret), ClearerOptions{After: 7 * time.Second, System: sys, Sleep: sleep})
	if err != nil || sys.content != "" || slept != 7*time.Second {
		t.Fatalf("err %v content %q slept %v", err, sys.content, slept)
	}
	sys.content = "newer copy"
	if err := RunClearer(strings.NewReader(secret), ClearerOptions{System: sys, Sleep: sleep}); err != nil || sys.content != "newer copy" {
		t.Fatalf("err %v content %q", err, sys.content)
	}
	var term bytes.Buffer
	if err := RunClearer(strings.NewReader(secret), ClearerOptions{Terminal: true, Term: &term, Sleep: sleep}); err != nil || term.String() != "\x1b]52;c;\a" {
		t.Fatalf("err %v term %q", err, term.String())
	}
	if err := RunClearer(strings.NewReader(""), ClearerOptions{System: sys, Sleep: sleep}); err == nil {
		t.Fatal("empty input accepted")
	}
}

func TestSeconds(t *testing.T) {
	for n, want := range map[int]string{5: "5s", 30: "30s", 60: "1m", 90: "1m30s", 600: "10m", 3600: "60m"} {
		if got := Seconds(n); got != want {
			t.Errorf("Seconds(%d) = %q, want %q", n, got, want)
		}
	}
}
