//go:build unix

package regularfile

import "syscall"

// openNonBlocking makes opening a pipe return at once rather than wait for
// a writer.
const openNonBlocking = syscall.O_NONBLOCK
