package qr

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr"
)

// Each limit is exactly the encoder's: text of that length draws, one more
// character is refused, by the encoder itself as well as by this package.
// The text is varied so that the error could not hide it by accident.
func TestLimitsAreTheEncoders(t *testing.T) {
	for _, c := range []struct {
		name, unit string
		max        int
		char       func(i int) string
	}{
		{"digits", "digits", MaxDigits, func(i int) string { return string(rune('0' + i*7%10)) }},
		{"alphanumeric", "characters", MaxAlphanumeric, func(i int) string { return string("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"[i*11%35]) }},
		{"bytes", "bytes", MaxBytes, func(i int) string { return string(rune('a' + i*5%26)) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			for i := range c.max + 1 {
				b.WriteString(c.char(i))
			}
			over := b.String()
			fits := over[:c.max]
			if _, err := qr.Encode(fits, qr.M); err != nil {
				t.Fatalf("the encoder refuses %d: %v", c.max, err)
			}
			if _, err := qr.Encode(over, qr.M); err == nil {
				t.Fatalf("the encoder takes %d: the limit is higher", c.max+1)
			}
			if _, err := Lines(fits, Options{}); err != nil {
				t.Fatalf("Lines refuses %d %s: %v", c.max, c.unit, err)
			}
			_, err := Lines(over, Options{})
			if !errors.Is(err, ErrTooLong) {
				t.Fatalf("Lines of %d %s: %v, want ErrTooLong", c.max+1, c.unit, err)
			}
			if _, _, serr := Size(over); serr == nil || serr.Error() != err.Error() {
				t.Fatalf("Size says %v, Lines %v", serr, err)
			}
			msg := err.Error()
			for _, want := range []string{strconv.Itoa(c.max + 1), c.unit, strconv.Itoa(c.max)} {
				if !strings.Contains(msg, want) {
					t.Errorf("%q does not say %q", msg, want)
				}
			}
			assertSecretNotIn(t, msg, over)
		})
	}
}

// The limit is in bytes of UTF-8, not characters: 1166 two-byte characters
// are 2332 bytes.
func TestLimitCountsBytes(t *testing.T) {
	_, err := Lines(strings.Repeat("é", MaxBytes/2+1), Options{})
	if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), strconv.Itoa(MaxBytes+1)+" bytes") {
		t.Fatalf("got %v", err)
	}
	if _, err := Lines(strings.Repeat("é", MaxBytes/2), Options{}); err != nil {
		t.Fatal(err)
	}
}

// sesame makes passwords of up to 4096 characters: too long to draw, and
// the error says how long they are and what fits, in lower case, with no
// part of the secret.
func TestLongestPasswordIsRefusedPolitely(t *testing.T) {
	secret := strings.Repeat(`k"7R}q;Vz!4m^T(w&Xa3`, 205)[:4096]
	_, err := Lines(secret, Options{})
	if err == nil {
		t.Fatal("a 4096-byte password was drawn")
	}
	want := "too long for a QR code: 4096 bytes, and one holds at most 2331"
	if err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
	assertSecretNotIn(t, err.Error(), secret)
}

// assertSecretNotIn fails if any six characters in a row of secret appear
// in msg: long enough that the digits of a number in msg do not match.
func assertSecretNotIn(t *testing.T, msg, secret string) {
	t.Helper()
	for i := 0; i+6 <= len(secret); i++ {
		if strings.Contains(msg, secret[i:i+6]) {
			t.Fatalf("the error %q quotes the secret", msg)
		}
	}
}
