//go:build !unix

package clipboard

import "os/exec"

// detach does nothing special where sessions don't exist; the clearer is
// still a separate process that outlives sesame.
func detach(*exec.Cmd) {}
