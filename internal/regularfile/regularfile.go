// Package regularfile opens files a user names (a wordlist, a blocklist,
// the settings file) so that nothing but a regular file is ever read.
//
// Callers check the path with os.Stat first, to say in their own words
// what is there instead; Open closes the gap between that check and the
// open, in which a named pipe could be put at the path: opened the usual
// way, a pipe with no writer would keep sesame waiting for good.
package regularfile

import (
	"errors"
	"os"
)

// ErrNotRegular is returned by Open when the path does not hold a regular
// file once opened.
var ErrNotRegular = errors.New("not a regular file")

// Open opens path for reading without waiting on a pipe, and returns it
// only if it is a regular file.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	return f, nil
}
