//go:build !unix

package settings

import "testing"

// makeFIFO skips: named pipes in the file system are a Unix thing.
func makeFIFO(t *testing.T, _ string) { t.Skip("no named pipes here") }
