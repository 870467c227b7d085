//go:build !windows

package clipboard

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFindPicksTheTool(t *testing.T) {
	cases := []struct {
		goos, env, installed string
		want                 string // the copy command, or the error
	}{
		{"darwin", "", "", "pbcopy"},
		{"linux", "DISPLAY=:0", "xclip xsel", "xclip -in -selection clipboard"},
		{"linux", "DISPLAY=:0", "xsel", "xsel --input --clipboard"},
		{"linux", "DISPLAY=:0", "", ErrNoTool.Error()},
		{"linux", "WAYLAND_DISPLAY=wayland-0 DISPLAY=:0", "wl-copy wl-paste xclip", "wl-copy"},
		{"linux", "WAYLAND_DISPLAY=wayland-0 DISPLAY=:0", "wl-copy xclip", "xclip -in -selection clipboard"},
		{"linux", "", "xclip", ErrNoDisplay.Error()},
		{"linux", "", "xclip clip.exe powershell.exe", "clip.exe"},
		{"freebsd", "DISPLAY=:0", "xsel", "xsel --input --clipboard"},
	}
	for _, c := range cases {
		env := map[string]string{}
		for _, kv := range strings.Fields(c.env) {
			k, v, _ := strings.Cut(kv, "=")
			env[k] = v
		}
		tc := toolClipboard{
			getenv: func(k string) string { return env[k] },
			lookPath: func(name string) (string, error) {
				for _, have := range strings.Fields(c.installed) {
					if have == name {
						return "/usr/bin/" + name, nil
					}
				}
				return "", exec.ErrNotFound
			},
			goos: c.goos,
		}
		tools, err := tc.find()
		got := strings.Join(tools.copy, " ")
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s %q with %q: got %q, want %q", c.goos, c.env, c.installed, got, c.want)
		}
	}
}

// fakeXclip installs an xclip that runs script, first on PATH, and returns
// the system clipboard that uses it.
func fakeXclip(t *testing.T, script string) toolClipboard {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "xclip"), []byte("#!/bin/sh\n"+script+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return toolClipboard{
		getenv:   func(k string) string { return map[string]string{"DISPLAY": ":99"}[k] },
		lookPath: exec.LookPath,
		goos:     "linux",
	}
}

// A tool that never answers (xclip with the X server stopped) is given up
// on after toolTimeout, for copying and for reading back alike.
func TestHungToolIsCutOff(t *testing.T) {
	old := toolTimeout
	toolTimeout = 200 * time.Millisecond
	t.Cleanup(func() { toolTimeout = old })
	// A child of the tool keeps the output pipe open after the tool is
	// killed, as xclip's selection-serving child does.
	sys := fakeXclip(t, "sleep 3 & cat >/dev/null; sleep 3")
	for name, op := range map[string]func() error{
		"write": func() error { return sys.WriteAll("secret") },
		"read":  func() error { _, err := sys.ReadAll(); return err },
	} {
		start := time.Now()
		err := op()
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s took %v with a hung tool", name, d)
		}
		if err == nil || !strings.Contains(err.Error(), "did not answer within 200ms") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// Reading back keeps no more than it needs to compare with a secret,
// however much the user copied.
func TestReadBackIsBounded(t *testing.T) {
	sys := fakeXclip(t, "head -c 5000000 /dev/zero")
	got, err := sys.ReadAll()
	if err != nil || len(got) != maxReadBack {
		t.Fatalf("read %d bytes (%v), want %d", len(got), err, maxReadBack)
	}
	if ours, err := Holds(sys, strings.Repeat("\x00", maxSecret)); ours || err != nil {
		t.Fatalf("a clipboard larger than any secret was taken for ours (%v)", err)
	}
}

// A tool that fails says so in words, not "exit status 1".
func TestFailedToolInWords(t *testing.T) {
	sys := fakeXclip(t, "cat >/dev/null; exit 1")
	err := sys.WriteAll("secret")
	var ee *exec.ExitError
	if err == nil || errors.As(err, &ee) || !strings.Contains(err.Error(), "the system clipboard tool failed") {
		t.Fatalf("error %v", err)
	}
}
