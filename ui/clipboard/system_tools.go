//go:build !windows

package clipboard

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
)

func osClipboard() SystemClipboard {
	return newDesktop(toolClipboard{getenv: os.Getenv, lookPath: exec.LookPath, goos: runtime.GOOS}, dialX)
}

// toolClipboard is the system clipboard through the platform's tools,
// found afresh on each use (they may be installed while sesame runs).
type toolClipboard struct {
	getenv   func(string) string
	lookPath func(string) (string, error)
	goos     string
}

// tools are the commands that copy to and paste from the clipboard.
type tools struct {
	copy, paste []string
	empty       []string // clears the clipboard, where copying "" would not
	crlf        bool     // paste ends what it prints with "\r\n" (Windows' powershell)
}

// find picks the tools for this session: macOS's own; else on Wayland
// wl-clipboard, then xclip, xsel, Termux's, and Windows' from WSL. It
// explains up front why there is no system clipboard, rather than let a
// tool fail with "exit status 1".
func (c toolClipboard) find() (tools, error) {
	if c.goos == "darwin" {
		return tools{copy: []string{"pbcopy"}, paste: []string{"pbpaste"}}, nil
	}
	have := func(names ...string) bool {
		for _, n := range names {
			if _, err := c.lookPath(n); err != nil {
				return false
			}
		}
		return true
	}
	wayland, x := c.getenv("WAYLAND_DISPLAY") != "", c.getenv("DISPLAY") != ""
	wsl := have("clip.exe", "powershell.exe")
	switch {
	case wayland && have("wl-copy", "wl-paste"):
		return tools{copy: []string{"wl-copy"}, paste: []string{"wl-paste", "--no-newline"}, empty: []string{"wl-copy", "--clear"}}, nil
	case have("termux-clipboard-set", "termux-clipboard-get"):
		return tools{copy: []string{"termux-clipboard-set"}, paste: []string{"termux-clipboard-get"}}, nil
	case !x && !wayland && wsl:
		return tools{copy: []string{"clip.exe"}, paste: []string{"powershell.exe", "Get-Clipboard"}, crlf: true}, nil
	case !x && !wayland:
		return tools{}, ErrNoDisplay
	case have("xclip"):
		return tools{copy: []string{"xclip", "-in", "-selection", "clipboard"}, paste: []string{"xclip", "-out", "-selection", "clipboard"}}, nil
	case have("xsel"):
		return tools{copy: []string{"xsel", "--input", "--clipboard"}, paste: []string{"xsel", "--output", "--clipboard"}}, nil
	case wsl:
		return tools{copy: []string{"clip.exe"}, paste: []string{"powershell.exe", "Get-Clipboard"}, crlf: true}, nil
	}
	return tools{}, ErrNoTool
}

func (c toolClipboard) WriteAll(s string) error {
	_, err := c.write(s)
	return err
}

// write copies s and returns the name of the tool that took it.
func (c toolClipboard) write(s string) (string, error) {
	t, err := c.find()
	if err != nil {
		return "", err
	}
	if s == "" && t.empty != nil {
		// wl-copy would offer an empty text; --clear leaves no selection.
		return t.empty[0], runTool(t.empty, nil, nil)
	}
	return t.copy[0], runTool(t.copy, &s, nil)
}

// x11 reports whether this session's clipboard is X11's: a display named,
// not macOS, and not Wayland with its own clipboard tools (XWayland's
// clipboard is shared with Wayland's, so X11 is used there when
// wl-clipboard is missing).
func (c toolClipboard) x11() bool {
	if c.goos == "darwin" || c.getenv("DISPLAY") == "" {
		return false
	}
	if c.getenv("WAYLAND_DISPLAY") == "" {
		return true
	}
	for _, n := range []string{"wl-copy", "wl-paste"} {
		if _, err := c.lookPath(n); err != nil {
			return true
		}
	}
	return false
}

func (c toolClipboard) ReadAll() (string, error) {
	t, err := c.find()
	if err != nil {
		return "", err
	}
	var out boundedBuffer
	defer clear(out.b)
	if err := runTool(t.paste, nil, &out); err != nil {
		return "", err
	}
	s := string(out.b)
	if t.crlf {
		s = strings.TrimSuffix(s, "\r\n")
	}
	return s, nil
}
