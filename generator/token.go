package generator

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"math"
	"math/big"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenFormat is how a token's random bytes are written out.
type TokenFormat int

// Token formats. The zero value is hex, the default.
const (
	TokenHex       TokenFormat = iota // lower-case hexadecimal, 2 characters a byte
	TokenBase64                       // RFC 4648 §4 base64 (A-Z a-z 0-9 + /) padded with =, as openssl rand -base64 writes it
	TokenBase64URL                    // RFC 4648 §5 URL-safe base64, no padding
	TokenBase32                       // RFC 4648 base32 (A-Z 2-7), no padding
	TokenBase62                       // 0-9 A-Z a-z, fixed length per byte count
	TokenRaw                          // the bytes themselves, e.g. for a key file
)

var tokenFormatNames = [...]string{"hex", "base64", "base64url", "base32", "base62", "raw"}

// formatChoices names the formats for error messages: "hex, base64, … or raw".
func formatChoices() string {
	n := len(tokenFormatNames)
	return strings.Join(tokenFormatNames[:n-1], ", ") + " or " + tokenFormatNames[n-1]
}

// String returns the format's name as ParseTokenFormat accepts it.
func (f TokenFormat) String() string {
	if f < TokenHex || f > TokenRaw {
		return "unknown"
	}
	return tokenFormatNames[f]
}

// TokenFormats returns the format names in display order.
func TokenFormats() []string { return slices.Clone(tokenFormatNames[:]) }

// ParseTokenFormat returns the format with the given name, ignoring case.
func ParseTokenFormat(s string) (TokenFormat, error) {
	for f, name := range tokenFormatNames {
		if strings.EqualFold(s, name) {
			return TokenFormat(f), nil
		}
	}
	return 0, policyErr("format", "unknown token format %q: use %s", s, formatChoices())
}

// TokenPolicy is what a user asks of a token.
type TokenPolicy struct {
	// Bytes is the number of random bytes, 1 to MaxTokenBytes; it alone
	// sets the strength: 8 bits a byte.
	Bytes int `json:"bytes"`
	// Format is how the bytes are written.
	Format TokenFormat `json:"format"`
	// Prefix is fixed text put in front, such as "sk_live_", so that a
	// leaked token can be recognised. It adds no strength.
	Prefix string `json:"prefix"`
	// Checksum appends the CRC-32 of the encoded body, written in the
	// token's own format (ChecksumLength characters), so that scanners can
	// tell a real token from look-alike text without asking the issuer.
	// It adds no strength.
	Checksum bool `json:"checksum"`
}

// DefaultTokenPolicy is 32 bytes (256 bits) as hex, with no prefix or
// checksum.
func DefaultTokenPolicy() TokenPolicy { return TokenPolicy{Bytes: 32, Format: TokenHex} }

// Token makes tokens under a validated policy. It is immutable and safe for
// concurrent use; each goroutine needs its own Rand.
type Token struct {
	p      TokenPolicy
	length int // characters of the encoded body
}

var _ Engine = (*Token)(nil)

// NewToken validates p and returns a generator for it.
func NewToken(p TokenPolicy) (*Token, error) {
	if p.Bytes < 1 || p.Bytes > MaxTokenBytes {
		return nil, policyErr("bytes", "token size %d is out of range: use 1 to %d bytes", p.Bytes, MaxTokenBytes)
	}
	if p.Format < TokenHex || p.Format > TokenRaw {
		return nil, policyErr("format", "unknown token format %d: use %s", int(p.Format), formatChoices())
	}
	if p.Format == TokenRaw && p.Prefix != "" {
		return nil, policyErr("prefix", "a raw token is bytes, not text, so it cannot take a prefix: drop the prefix or choose a text format")
	}
	if p.Format == TokenRaw && p.Checksum {
		return nil, policyErr("checksum", "a raw token is bytes, not text, so it cannot take a checksum: drop the checksum or choose a text format")
	}
	if p.Format == TokenBase64 && p.Checksum {
		return nil, policyErr("checksum", "a %v cannot follow padded base64, which ends with =: the token would not decode; use base64url for a checksum, or drop the %v", SettingName("checksum"), SettingName("checksum"))
	}
	if err := checkTokenPrefix(p.Prefix); err != nil {
		return nil, err
	}
	return &Token{p: p, length: encodedLen(p.Format, p.Bytes)}, nil
}

// checkTokenPrefix accepts printable text without spaces: a prefix exists to
// be matched by scanners and pasted into configuration, where whitespace
// and control characters break both.
func checkTokenPrefix(prefix string) error {
	if !utf8.ValidString(prefix) {
		return policyErr("prefix", "token prefix %q is not valid UTF-8: use printable characters such as \"sk_live_\"", prefix)
	}
	for _, c := range prefix {
		if unicode.IsSpace(c) || !unicode.IsPrint(c) {
			return policyErr("prefix", "token prefix %q contains %q: use printable characters without spaces, such as \"sk_live_\"", prefix, c)
		}
	}
	return nil
}

// base32NoPad is RFC 4648 base32; the padding carries nothing in a token of
// fixed size and '=' is awkward in URLs and shells.
var base32NoPad = base32.StdEncoding.WithPadding(base32.NoPadding)

func encodedLen(f TokenFormat, n int) int {
	switch f {
	case TokenHex:
		return hex.EncodedLen(n)
	case TokenBase64:
		return base64.StdEncoding.EncodedLen(n)
	case TokenBase64URL:
		return base64.RawURLEncoding.EncodedLen(n)
	case TokenBase32:
		return base32NoPad.EncodedLen(n)
	case TokenBase62:
		return base62Len(n)
	}
	return n
}

func encodeToken(f TokenFormat, dst, src []byte) {
	switch f {
	case TokenHex:
		hex.Encode(dst, src)
	case TokenBase64:
		base64.StdEncoding.Encode(dst, src)
	case TokenBase64URL:
		base64.RawURLEncoding.Encode(dst, src)
	case TokenBase32:
		base32NoPad.Encode(dst, src)
	case TokenBase62:
		encodeBase62(dst, src)
	default:
		copy(dst, src)
	}
}

// Generate returns Prefix + the encoded random bytes + the checksum if set.
func (t *Token) Generate(r *Rand) (string, error) {
	out, err := t.appendSecret(make([]byte, 0, t.size()), r, t.newScratch())
	defer clear(out)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// size is the length of a token in bytes.
func (t *Token) size() int {
	n := len(t.p.Prefix) + t.length
	if t.p.Checksum {
		n += ChecksumLength(t.p.Format)
	}
	return n
}

// appendSecret appends one token to dst, drawing its random bytes into
// s (cleared after), so that bulk output allocates nothing per token. On
// error dst comes back as it was.
func (t *Token) appendSecret(dst []byte, r *Rand, s *scratch) ([]byte, error) {
	raw := s.bytes[:t.p.Bytes]
	defer clear(raw)
	if _, err := r.Read(raw); err != nil {
		return dst, err
	}
	dst = slices.Grow(dst, t.size())
	dst = append(dst, t.p.Prefix...)
	body := len(dst)
	dst = dst[:body+t.length]
	encodeToken(t.p.Format, dst[body:], raw)
	if t.p.Checksum {
		end := len(dst)
		dst = dst[:end+ChecksumLength(t.p.Format)]
		putChecksum(t.p.Format, dst[end:], dst[body:end])
	}
	return dst, nil
}

// newScratch is the space appendSecret needs: the random bytes.
func (t *Token) newScratch() *scratch { return &scratch{bytes: make([]byte, t.p.Bytes)} }

// work is how much randomness and output one token takes, to size a
// one-shot run's buffers.
func (t *Token) work() (random, out int) { return t.p.Bytes, t.size() + 1 }

// Entropy is 8 bits per random byte, exactly: every encoding is injective
// and the prefix and checksum are fixed by the bytes.
func (t *Token) Entropy() Entropy {
	return exactEntropy(new(big.Int).Lsh(big.NewInt(1), uint(8*t.p.Bytes)))
}

// Policy returns the policy the token was built from.
func (t *Token) Policy() TokenPolicy { return t.p }

// Length is the number of characters (bytes, for raw) of the encoded body,
// without prefix or checksum. It is the same for every token of a policy.
func (t *Token) Length() int { return t.length }

// MinTokenBytes returns the smallest byte count whose entropy reaches bits.
func MinTokenBytes(bits float64) (int, error) {
	if err := checkBitsGoal(bits); err != nil {
		return 0, err
	}
	if bits > 8*MaxTokenBytes {
		return 0, policyErr("min-bits", "no token reaches %g bits: the largest, %d bytes, has %d bits", bits, MaxTokenBytes, 8*MaxTokenBytes)
	}
	return max(1, int(math.Ceil(bits/8))), nil
}

// checkBitsGoal rejects a strength goal that is not a number of bits.
func checkBitsGoal(bits float64) error {
	if math.IsNaN(bits) || bits < 0 {
		return policyErr("min-bits", "minimum strength %g bits is not valid: use a number of bits of 0 or more", bits)
	}
	return nil
}

// ChecksumLength is the length of a token's checksum suffix in a format:
// the 4 bytes of a CRC-32 written as the body is, so a scanner that knows
// the format reads the whole token with one alphabet (8 hex digits; 6
// base64url characters; 7 base32 characters without padding; 6 base-62
// digits, as 62^6 > 2^32, the fixed width modern key scanners expect).
// Padded base64 takes no checksum: NewToken refuses it.
func ChecksumLength(f TokenFormat) int {
	if f == TokenBase62 {
		return base62ChecksumLen
	}
	return encodedLen(f, 4)
}

// base62ChecksumLen is the base-62 checksum's width.
const base62ChecksumLen = 6

// putChecksum writes the CRC-32 (IEEE) of body into dst in format f.
func putChecksum(f TokenFormat, dst, body []byte) {
	sum := crc32.ChecksumIEEE(body)
	if f == TokenBase62 {
		putBase62Uint(dst[:base62ChecksumLen], uint64(sum))
		return
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], sum)
	encodeToken(f, dst[:ChecksumLength(f)], b[:])
}

// VerifyTokenChecksum reports whether token is prefix, a non-empty body and
// a checksum suffix in format f that matches the body.
func VerifyTokenChecksum(token, prefix string, f TokenFormat) bool {
	n := ChecksumLength(f)
	rest, ok := strings.CutPrefix(token, prefix)
	if !ok || len(rest) <= n || f == TokenRaw || f == TokenBase64 {
		return false
	}
	body := rest[:len(rest)-n]
	want := make([]byte, n)
	putChecksum(f, want, []byte(body))
	return string(want) == rest[len(body):]
}

// Warnings implements Generator: every valid token policy is used as given.
func (t *Token) Warnings() []Warning { return nil }
