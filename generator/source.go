package generator

import (
	"crypto/rand"
	"errors"
)

// A Source supplies random bytes. Fill must fill all of p or return an error;
// a partial fill with a nil error is a bug in the source.
//
// Tests inject deterministic or failing sources through this interface.
// Production code should use [CryptoSource].
type Source interface {
	Fill(p []byte) error
}

// ErrRandomness is wrapped by every error that comes from a failing source,
// so callers can tell a broken random source from a bad policy.
var ErrRandomness = errors.New("random source failed")

// defaultReader is crypto/rand.Reader as it was when the program started.
// crypto/rand.Read reads through whatever Reader holds now, so a dependency
// that swapped it would silently weaken every secret; CryptoSource refuses
// to run in that case instead.
var defaultReader = rand.Reader

type cryptoSource struct{}

// CryptoSource returns the operating system's cryptographic random source
// (crypto/rand). It fails closed if crypto/rand.Reader has been replaced
// since the program started.
func CryptoSource() Source { return cryptoSource{} }

// Fill implements Source.
func (cryptoSource) Fill(p []byte) error {
	if rand.Reader != defaultReader {
		return errors.New("crypto/rand.Reader was replaced at run time; refusing to use it")
	}
	_, err := rand.Read(p)
	return err
}
