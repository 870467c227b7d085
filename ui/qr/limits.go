package qr

import (
	"errors"
	"fmt"

	"rsc.io/qr"
	"rsc.io/qr/coding"
)

// level is the error-correction level of every code: M, which rebuilds
// about 15% of the code. A code on a screen is not torn or smudged like a
// printed one; what defeats a phone is modules too small to resolve, glare
// and moiré. For the same text a higher level means more modules, so
// smaller ones on the same screen: sesame's default token (64 hex digits)
// is 37 modules a side at M, which with the quiet zone fits an 80×24
// terminal in 23 rows, and 41 at Q, which needs 25. M keeps the modules as
// large as the terminal allows and still absorbs a reflection across part
// of the code; L would save little (33 modules for that token) and leave
// half the margin.
const level = qr.M

// The most a code at level M holds (version 40, 177 modules a side), by the
// encoder's mode, which it picks from the text: digits only, then the
// QR alphanumeric set, then any bytes.
const (
	MaxDigits       = 5596 // 0-9 only
	MaxAlphanumeric = 3391 // 0-9, A-Z, $%*+-./: and space
	MaxBytes        = 2331 // anything else, counted in bytes of UTF-8
)

// ErrTooLong is the error, wrapped with the text's length and the limit
// that applies, for text that no QR code can hold.
var ErrTooLong = errors.New("too long for a QR code")

var (
	errEmpty   = errors.New("nothing to draw as a QR code: the text is empty")
	errEncoder = errors.New("the QR encoder failed")
)

// check says why text cannot be encoded, if it cannot. The limits are those
// of the mode the encoder will pick, which is the smallest that can
// represent every character, so a text that is all digits gets the digit
// limit.
func check(text string) error {
	if text == "" {
		return errEmpty
	}
	n := len(text)
	switch {
	case coding.Num(text).Check() == nil:
		if n > MaxDigits {
			return fmt.Errorf("%w: %d digits, and one holds at most %d", ErrTooLong, n, MaxDigits)
		}
	case coding.Alpha(text).Check() == nil:
		if n > MaxAlphanumeric {
			return fmt.Errorf("%w: %d characters, and one holds at most %d of 0-9, A-Z, $%%*+-./: and space", ErrTooLong, n, MaxAlphanumeric)
		}
	default:
		if n > MaxBytes {
			return fmt.Errorf("%w: %d bytes, and one holds at most %d", ErrTooLong, n, MaxBytes)
		}
	}
	return nil
}
