//go:build !unix

package regularfile

// openNonBlocking is nothing where there is no O_NONBLOCK; there the
// caller's check before opening is what keeps pipes out.
const openNonBlocking = 0
