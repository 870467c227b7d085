//go:build !unix

package settings

// openNonBlocking is nothing where there is no O_NONBLOCK: the file is
// checked to be a regular one before it is opened.
const openNonBlocking = 0
