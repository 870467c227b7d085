package generator

import (
	"fmt"
	"io"
)

// readerSource adapts an io.Reader, such as a file of test vectors, into a
// Source. A short read is an error.
type readerSource struct{ r io.Reader }

// Fill implements Source.
func (s readerSource) Fill(p []byte) error {
	if _, err := io.ReadFull(s.r, p); err != nil {
		return fmt.Errorf("reading random bytes: %w", err)
	}
	return nil
}
