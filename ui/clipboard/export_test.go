//go:build !windows

package clipboard

import "os/exec"

// X11ClipboardOf is the system clipboard of an X11 session on display,
// with no clipboard tool to fall back on, for tests that look at it from
// outside (package clipboard_test, which may use the e2e helpers).
func X11ClipboardOf(display string) SystemClipboard {
	env := map[string]string{"DISPLAY": display}
	tools := toolClipboard{goos: "linux", getenv: func(k string) string { return env[k] },
		lookPath: func(string) (string, error) { return "", exec.ErrNotFound }}
	return newDesktop(tools, dialX)
}
