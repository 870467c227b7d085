package clipboard

import (
	"errors"
	"os"
	"os/exec"
	"runtime"

	"github.com/atotto/clipboard"
)

// OS returns the operating system's clipboard.
func OS() SystemClipboard { return osClipboard{} }

type osClipboard struct{}

func (osClipboard) WriteAll(s string) error {
	if err := unavailable(); err != nil {
		return err
	}
	if err := clipboard.WriteAll(s); err != nil {
		return failed(err)
	}
	return nil
}

func (osClipboard) ReadAll() (string, error) {
	if err := unavailable(); err != nil {
		return "", err
	}
	s, err := clipboard.ReadAll()
	if err != nil {
		return "", failed(err)
	}
	return s, nil
}

// Errors in words: the clipboard tools only say "exit status 1".
var (
	ErrNoTool    = errors.New("no clipboard tool (install xclip, xsel or wl-clipboard)")
	ErrNoDisplay = errors.New("no system clipboard (no display)")
)

// unavailable explains up front why the system clipboard cannot work.
func unavailable() error {
	if clipboard.Unsupported {
		return ErrNoTool
	}
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" || runtime.GOOS == "netbsd" {
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" && !isWSL() {
			return ErrNoDisplay
		}
	}
	return nil
}

func isWSL() bool {
	_, err := exec.LookPath("clip.exe")
	return err == nil
}

// failed words a clipboard tool's failure.
func failed(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return errors.New("the system clipboard tool failed (is the display reachable?)")
	}
	return err
}
