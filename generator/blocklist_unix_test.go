//go:build unix

package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoadBlocklistRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(dir, "zero")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, link} {
		done := make(chan error, 1)
		go func() { _, err := LoadBlocklist(path); done <- err }()
		select {
		case err := <-done:
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.Field != "blocklist" || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: %v, want a blocklist PolicyError saying it is not a regular file", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: LoadBlocklist still blocked after 5s", path)
		}
	}
}
