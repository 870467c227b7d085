//go:build unix

package clipboard

import (
	"os/exec"
	"syscall"
)

// detach starts the clearer in a session of its own, so it outlives the
// shell's job control and never reads the terminal.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
