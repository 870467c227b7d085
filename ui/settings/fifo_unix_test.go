//go:build unix

package settings

import (
	"syscall"
	"testing"
)

// makeFIFO puts a named pipe at path.
func makeFIFO(t *testing.T, path string) { mustDo(t, syscall.Mkfifo(path, 0o600)) }
