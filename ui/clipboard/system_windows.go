//go:build windows

package clipboard

import "github.com/atotto/clipboard"

// On Windows the clipboard is an API call, not a process to time out.
func osClipboard() SystemClipboard { return windowsClipboard{} }

type windowsClipboard struct{}

func (windowsClipboard) WriteAll(s string) error {
	if err := clipboard.WriteAll(s); err != nil {
		return failed(err)
	}
	return nil
}

func (windowsClipboard) ReadAll() (string, error) {
	s, err := clipboard.ReadAll()
	if err != nil {
		return "", failed(err)
	}
	return s, nil
}
