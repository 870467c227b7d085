package generator

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/internal/stattest"
)

// tokenTestSizes covers every small byte count, where the encodings' tails
// differ, and a few large ones up to the limit.
func tokenTestSizes() []int {
	var ns []int
	for n := 1; n <= 64; n++ {
		ns = append(ns, n)
	}
	return append(ns, 100, 255, 256, 1000, 4095, MaxTokenBytes)
}

// tokenAlphabets are the characters each text format may use, written out
// here rather than taken from the code under test.
var tokenAlphabets = map[TokenFormat]string{
	TokenHex:       "0123456789abcdef",
	TokenBase64:    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=",
	TokenBase64URL: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
	TokenBase32:    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
	TokenBase62:    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
}

// wantBase62Len finds the smallest L with 62^L >= 256^n by counting up.
func wantBase62Len(n int) int {
	target := new(big.Int).Lsh(big.NewInt(1), uint(8*n))
	pow, l := big.NewInt(1), 0
	for pow.Cmp(target) < 0 {
		pow.Mul(pow, big.NewInt(62))
		l++
	}
	return l
}

func wantTokenLen(f TokenFormat, n int) int {
	switch f {
	case TokenHex:
		return 2 * n
	case TokenBase64:
		return 4 * ((n + 2) / 3) // 4 characters for each 3 bytes or part of them
	case TokenBase64URL:
		return (8*n + 5) / 6 // 6 bits a character, last one partial
	case TokenBase32:
		return (8*n + 4) / 5 // 5 bits a character
	case TokenBase62:
		return wantBase62Len(n)
	}
	return n
}

// decodeBase62 reads s as a big-endian base-62 number and returns it as n
// bytes, failing if it does not fit.
func decodeBase62(t *testing.T, s string, n int) []byte {
	t.Helper()
	x := new(big.Int)
	for _, c := range []byte(s) {
		d := strings.IndexByte(tokenAlphabets[TokenBase62], c)
		if d < 0 {
			t.Fatalf("base62 %q: bad character %q", s, c)
		}
		x.Mul(x, big.NewInt(62))
		x.Add(x, big.NewInt(int64(d)))
	}
	if x.BitLen() > 8*n {
		t.Fatalf("base62 %q does not fit in %d bytes", s, n)
	}
	return x.FillBytes(make([]byte, n))
}

func decodeToken(t *testing.T, f TokenFormat, body string, n int) []byte {
	t.Helper()
	var b []byte
	var err error
	switch f {
	case TokenHex:
		b, err = hex.DecodeString(body)
	case TokenBase64:
		b, err = base64.StdEncoding.Strict().DecodeString(body)
	case TokenBase64URL:
		b, err = base64.RawURLEncoding.Strict().DecodeString(body)
	case TokenBase32:
		b, err = base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(body)
	case TokenBase62:
		b = decodeBase62(t, body, n)
	case TokenRaw:
		b = []byte(body)
	}
	if err != nil {
		t.Fatalf("%v: decoding %q: %v", f, body, err)
	}
	return b
}

func mustToken(t testing.TB, p TokenPolicy) *Token {
	t.Helper()
	tok, err := NewToken(p)
	if err != nil {
		t.Fatalf("NewToken(%+v): %v", p, err)
	}
	return tok
}

func TestTokenFormatNames(t *testing.T) {
	names := TokenFormats()
	if want := []string{"hex", "base64", "base64url", "base32", "base62", "raw"}; !slicesEqual(names, want) {
		t.Fatalf("TokenFormats() = %v, want %v", names, want)
	}
	for _, name := range names {
		f, err := ParseTokenFormat(name)
		if err != nil || f.String() != name {
			t.Errorf("ParseTokenFormat(%q) = %v, %v", name, f, err)
		}
		if g, err := ParseTokenFormat(strings.ToUpper(name)); err != nil || g != f {
			t.Errorf("ParseTokenFormat(%q) = %v, %v", strings.ToUpper(name), g, err)
		}
	}
	if f := (TokenPolicy{}).Format; f != TokenHex {
		t.Errorf("zero format is %v, want hex", f)
	}
	for _, bad := range []string{"", "base64std", "HEX ", "b62"} {
		_, err := ParseTokenFormat(bad)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "format" {
			t.Fatalf("ParseTokenFormat(%q) error %v, want a PolicyError on format", bad, err)
		}
		for _, name := range names {
			if !strings.Contains(pe.Error(), name) {
				t.Errorf("error %q does not name %q", pe.Error(), name)
			}
		}
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") }

func TestNewTokenRejects(t *testing.T) {
	for _, c := range []struct {
		p     TokenPolicy
		field string
		says  string
	}{
		{TokenPolicy{Bytes: 0}, "bytes", "token size 0 is out of range: use 1 to 4096 bytes"},
		{TokenPolicy{Bytes: -1}, "bytes", "1 to 4096"},
		{TokenPolicy{Bytes: MaxTokenBytes + 1}, "bytes", "4097"},
		{TokenPolicy{Bytes: 32, Format: TokenFormat(9)}, "format", "base62"},
		{TokenPolicy{Bytes: 32, Format: TokenRaw, Prefix: "k_"}, "prefix", "raw"},
		{TokenPolicy{Bytes: 32, Format: TokenRaw, Checksum: true}, "checksum", "raw"},
		{TokenPolicy{Bytes: 32, Format: TokenBase64, Checksum: true}, "checksum", "use base64url for a checksum"},
		{TokenPolicy{Bytes: 32, Prefix: "sk live_"}, "prefix", "space"},
		{TokenPolicy{Bytes: 32, Prefix: "sk\t"}, "prefix", "space"},
		{TokenPolicy{Bytes: 32, Prefix: "sk\n"}, "prefix", "space"},
		{TokenPolicy{Bytes: 32, Prefix: "a\x00"}, "prefix", "printable"},
		{TokenPolicy{Bytes: 32, Prefix: "a\u200b"}, "prefix", "printable"}, // zero-width space
		{TokenPolicy{Bytes: 32, Prefix: "\xff"}, "prefix", "UTF-8"},
	} {
		_, err := NewToken(c.p)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != SettingName(c.field) || !strings.Contains(pe.Error(), c.says) {
			t.Errorf("NewToken(%+v) = %v, want a PolicyError on %s saying %q", c.p, err, c.field, c.says)
			continue
		}
		if pe.Error() != strings.ToLower(pe.Error()[:1])+pe.Error()[1:] {
			t.Errorf("error %q should start lower-case", pe.Error())
		}
	}
	for _, prefix := range []string{"", "sk_live_", "ghp_", "xoxb-", "clé-", "a.b/c:"} {
		mustToken(t, TokenPolicy{Bytes: 16, Prefix: prefix, Checksum: true})
	}
}

func TestDefaultTokenPolicy(t *testing.T) {
	p := DefaultTokenPolicy()
	if p != (TokenPolicy{Bytes: 32, Format: TokenHex}) {
		t.Fatalf("DefaultTokenPolicy() = %+v", p)
	}
	tok := mustToken(t, p)
	if tok.Policy() != p {
		t.Fatalf("Policy() = %+v", tok.Policy())
	}
	s, err := tok.Generate(seededRand(1))
	if err != nil || len(s) != 64 || strings.Trim(s, tokenAlphabets[TokenHex]) != "" {
		t.Fatalf("default token %q, %v: want 64 hex digits", s, err)
	}
}

func TestTokenLengthAndAlphabet(t *testing.T) {
	r := seededRand(2)
	for _, n := range tokenTestSizes() {
		for f := TokenHex; f <= TokenRaw; f++ {
			tok := mustToken(t, TokenPolicy{Bytes: n, Format: f})
			want := wantTokenLen(f, n)
			if tok.Length() != want {
				t.Fatalf("%v, %d bytes: Length() = %d, want %d", f, n, tok.Length(), want)
			}
			for range 3 {
				s, err := tok.Generate(r)
				if err != nil {
					t.Fatal(err)
				}
				if len(s) != want {
					t.Fatalf("%v, %d bytes: token of %d characters, want %d", f, n, len(s), want)
				}
				if a, ok := tokenAlphabets[f]; ok && strings.Trim(s, a) != "" {
					t.Fatalf("%v, %d bytes: %q has characters outside %q", f, n, s, a)
				}
			}
		}
	}
}

// knownBytesRand serves data (padded with zeros to a whole 4 KiB block,
// since Rand reads whole blocks) so a token's bytes are known in advance.
func knownBytesRand(data []byte) *Rand {
	block := make([]byte, blockSize)
	copy(block, data)
	return NewRand(readerSource{bytes.NewReader(block)})
}

func TestTokenDecodesToItsBytes(t *testing.T) {
	prng := rand.New(rand.NewPCG(3, 4))
	patterns := map[string]func(n int) []byte{
		"random": func(n int) []byte {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(prng.Uint32())
			}
			return b
		},
		"zeros":   func(n int) []byte { return make([]byte, n) },
		"ones":    func(n int) []byte { return bytes.Repeat([]byte{0xff}, n) }, // largest value: base62 needs every digit
		"leading": func(n int) []byte { b := make([]byte, n); b[n-1] = 1; return b },
	}
	for name, pattern := range patterns {
		for _, n := range tokenTestSizes() {
			data := pattern(n)
			for f := TokenHex; f <= TokenRaw; f++ {
				s, err := mustToken(t, TokenPolicy{Bytes: n, Format: f}).Generate(knownBytesRand(data))
				if err != nil {
					t.Fatal(err)
				}
				if got := decodeToken(t, f, s, n); !bytes.Equal(got, data) {
					t.Fatalf("%s %v, %d bytes: %q decodes to %x, want %x", name, f, n, s, got, data)
				}
			}
		}
	}
}

func TestBase62LengthIsExact(t *testing.T) {
	// 62^(L−1) < 256^n <= 62^L for every byte count allowed.
	sixtyTwo := big.NewInt(62)
	for n := 1; n <= MaxTokenBytes; n++ {
		l := mustToken(t, TokenPolicy{Bytes: n, Format: TokenBase62}).Length()
		target := new(big.Int).Lsh(big.NewInt(1), uint(8*n))
		below := new(big.Int).Exp(sixtyTwo, big.NewInt(int64(l-1)), nil)
		at := new(big.Int).Mul(below, sixtyTwo)
		if below.Cmp(target) >= 0 || at.Cmp(target) < 0 {
			t.Fatalf("%d bytes: base62 length %d, but 62^%d vs 256^%d is wrong", n, l, l, n)
		}
	}
	if got := wantBase62Len(32); got != 43 {
		t.Fatalf("32 bytes should take 43 base62 digits, the test helper says %d", got)
	}
}

func TestTokenChecksum(t *testing.T) {
	r := seededRand(5)
	for f := TokenHex; f < TokenRaw; f++ {
		if f == TokenBase64 {
			continue // refused: the checksum would follow the padding
		}
		for _, prefix := range []string{"", "sk_live_", "ghp_"} {
			for _, n := range []int{1, 2, 16, 32, 4096} {
				tok := mustToken(t, TokenPolicy{Bytes: n, Format: f, Prefix: prefix, Checksum: true})
				s, err := tok.Generate(r)
				if err != nil {
					t.Fatal(err)
				}
				n := map[TokenFormat]int{TokenHex: 8, TokenBase64URL: 6, TokenBase32: 7, TokenBase62: 6}[f]
				if ChecksumLength(f) != n || !strings.HasPrefix(s, prefix) || len(s) != len(prefix)+tok.Length()+n {
					t.Fatalf("%q: want prefix %q, %d body characters and %d of checksum", s, prefix, tok.Length(), n)
				}
				body, sum := s[len(prefix):len(s)-n], s[len(s)-n:]
				// The suffix is the CRC-32 of the body, written as the body
				// is, read back here with the standard decoders.
				if got := decodeChecksum(t, f, sum); got != crc32.ChecksumIEEE([]byte(body)) {
					t.Fatalf("%q: checksum %q is %d, CRC-32 of the body is %d", s, sum, got, crc32.ChecksumIEEE([]byte(body)))
				}
				if !VerifyTokenChecksum(s, prefix, f) {
					t.Fatalf("VerifyTokenChecksum(%q, %q) = false", s, prefix)
				}
				if n > 32 {
					continue // flipping every character of a 4096-byte token is slow and adds nothing
				}
				for i := len(prefix); i < len(s); i++ {
					b := []byte(s)
					b[i] = flipChar(b[i])
					if VerifyTokenChecksum(string(b), prefix, f) {
						t.Fatalf("changed character %d of %q: %q still verifies", i, s, b)
					}
				}
				if VerifyTokenChecksum(s, prefix+"x", f) || prefix != "" && VerifyTokenChecksum(s[1:], prefix, f) {
					t.Fatalf("%q verified under the wrong prefix", s)
				}
			}
		}
	}
	for _, s := range []string{"", "abc", "123456", "sk_123456"} {
		if VerifyTokenChecksum(s, "sk_", TokenBase62) {
			t.Errorf("VerifyTokenChecksum(%q) = true for a token with no body", s)
		}
	}
	// Without a checksum, the last six characters are random and almost
	// never verify.
	s, _ := mustToken(t, TokenPolicy{Bytes: 32}).Generate(r)
	if VerifyTokenChecksum(s, "", TokenHex) {
		t.Fatalf("%q verified without a checksum", s)
	}
}

// decodeChecksum reads a checksum suffix back into the CRC-32 it holds.
func decodeChecksum(t *testing.T, f TokenFormat, sum string) uint32 {
	t.Helper()
	var b []byte
	var err error
	switch f {
	case TokenHex:
		b, err = hex.DecodeString(sum)
	case TokenBase64URL:
		b, err = base64.RawURLEncoding.DecodeString(sum)
	case TokenBase32:
		b, err = base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(sum)
	case TokenBase62:
		b = decodeBase62(t, sum, 4)
	}
	if err != nil || len(b) != 4 {
		t.Fatalf("checksum %q does not decode to 4 bytes: %v", sum, err)
	}
	return binary.BigEndian.Uint32(b)
}

// flipChar changes one character; CRC-32 catches every change of one byte.
func flipChar(c byte) byte {
	if c == 'a' {
		return 'b'
	}
	return 'a'
}

func TestTokenEntropy(t *testing.T) {
	for _, n := range []int{1, 7, 16, 32, 64, MaxTokenBytes} {
		for f := TokenHex; f <= TokenRaw; f++ {
			p := TokenPolicy{Bytes: n, Format: f}
			if f != TokenRaw {
				p.Prefix, p.Checksum = "tok_", f != TokenBase64
			}
			e := mustToken(t, p).Entropy()
			want := new(big.Int).Lsh(big.NewInt(1), uint(8*n))
			if e.Bits != float64(8*n) || e.Count.Cmp(want) != 0 || e.Bound != Exact {
				t.Fatalf("%+v: entropy %v bits, count bits %d, %v; want exactly %d bits", p, e.Bits, e.Count.BitLen(), e.Bound, 8*n)
			}
		}
	}
}

func TestMinTokenBytes(t *testing.T) {
	for _, c := range []struct {
		bits float64
		want int
	}{{0, 1}, {1, 1}, {8, 1}, {8.01, 2}, {128, 16}, {256, 32}, {256.5, 33}, {8 * MaxTokenBytes, MaxTokenBytes}} {
		if got, err := MinTokenBytes(c.bits); err != nil || got != c.want {
			t.Errorf("MinTokenBytes(%v) = %d, %v; want %d", c.bits, got, err, c.want)
		}
	}
	// The answer is the smallest size reaching the goal, by the sizes' own entropy.
	for bits := 0.0; bits <= 600; bits += 0.25 {
		n, err := MinTokenBytes(bits)
		if err != nil {
			t.Fatal(err)
		}
		if mustToken(t, TokenPolicy{Bytes: n}).Entropy().Bits < bits {
			t.Fatalf("MinTokenBytes(%v) = %d falls short", bits, n)
		}
		if n > 1 && mustToken(t, TokenPolicy{Bytes: n - 1}).Entropy().Bits >= bits {
			t.Fatalf("MinTokenBytes(%v) = %d, but %d is enough", bits, n, n-1)
		}
	}
	for _, bad := range []float64{8*MaxTokenBytes + 0.5, math.Inf(1), math.NaN(), -1} {
		_, err := MinTokenBytes(bad)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "min-bits" {
			t.Errorf("MinTokenBytes(%v) error %v, want a PolicyError on min-bits", bad, err)
		}
	}
}

func TestTokenBytesUniform(t *testing.T) {
	r := seededRand(6)
	tok := mustToken(t, TokenPolicy{Bytes: 32})
	const draws = 20000
	byteObs := make([]int64, 256)
	digitObs := make([]int64, 64*16) // per position: which hex digit
	for range draws {
		s, err := tok.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := hex.DecodeString(s)
		for _, v := range b {
			byteObs[v]++
		}
		for i := range len(s) {
			digitObs[i*16+strings.IndexByte(tokenAlphabets[TokenHex], s[i])]++
		}
	}
	requireChi(t, "token bytes", byteObs, uniformExp(256, draws*32))
	requireChiRows(t, "hex digit per position", digitObs, uniformExp(64*16, draws*64), 64)
}

// The leading base-62 digit is skewed (256^n is not a power of 62), but the
// low digits are uniform to within 62^j/256^n, far below what χ² can see,
// and the decoded bytes are exactly uniform.
func TestTokenBase62Uniform(t *testing.T) {
	r := seededRand(7)
	const n, draws, low = 16, 30000, 8
	tok := mustToken(t, TokenPolicy{Bytes: n, Format: TokenBase62})
	digitObs := make([]int64, low*62)
	byteObs := make([]int64, 256)
	for range draws {
		s, err := tok.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		for j := range low {
			digitObs[j*62+strings.IndexByte(tokenAlphabets[TokenBase62], s[len(s)-1-j])]++
		}
		for _, v := range decodeBase62(t, s, n) {
			byteObs[v]++
		}
	}
	requireChiRows(t, "base62 low digits", digitObs, uniformExp(low*62, draws*low), low)
	requireChi(t, "base62 decoded bytes", byteObs, uniformExp(256, draws*n))
}

// requireChiRows is requireChi for a table of independent rows, such as
// one row of digit counts per position: each row's total is fixed, so the
// statistic is the sum of the rows' and so are the degrees of freedom.
func requireChiRows(t *testing.T, what string, obs []int64, exp []float64, rows int) {
	t.Helper()
	width := len(obs) / rows
	var stat float64
	var df int
	for i := range rows {
		s, d, _ := chiSquare(obs[i*width:(i+1)*width], exp[i*width:(i+1)*width])
		stat, df = stat+s, df+d
	}
	p := stattest.GammaQ(float64(df)/2, stat/2)
	if p < alarmP {
		t.Fatalf("%s: χ²=%.1f df=%d p=%.3g < %g: output is biased", what, stat, df, p, alarmP)
	}
	t.Logf("%s: χ²=%.1f df=%d p=%.3g", what, stat, df, p)
}

func uniformExp(cells, total int) []float64 {
	exp := make([]float64, cells)
	for i := range exp {
		exp[i] = float64(total) / float64(cells)
	}
	return exp
}

func TestTokenFailingSource(t *testing.T) {
	for f := TokenHex; f <= TokenRaw; f++ {
		tok := mustToken(t, TokenPolicy{Bytes: 32, Format: f})
		s, err := tok.Generate(NewRand(&failingSource{}))
		if s != "" || !errors.Is(err, ErrRandomness) {
			t.Fatalf("%v on a failing source: %q, %v", f, s, err)
		}
	}
	// A source that fails part-way through a token's bytes: the token spans
	// the first good block and the failing second one.
	tok := mustToken(t, TokenPolicy{Bytes: 3000, Format: TokenBase62})
	r := NewRand(&failingSource{good: blockSize})
	if _, err := tok.Generate(r); err != nil {
		t.Fatal(err)
	}
	if s, err := tok.Generate(r); s != "" || !errors.Is(err, ErrRandomness) {
		t.Fatalf("token across a failing block: %q, %v", s, err)
	}
}

func BenchmarkToken(b *testing.B) {
	tok := mustToken(b, DefaultTokenPolicy())
	r := NewRand(CryptoSource())
	for b.Loop() {
		if _, err := tok.Generate(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTokenBase62_4096(b *testing.B) {
	tok := mustToken(b, TokenPolicy{Bytes: MaxTokenBytes, Format: TokenBase62, Checksum: true})
	r := NewRand(CryptoSource())
	for b.Loop() {
		if _, err := tok.Generate(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewTokenBase62_4096(b *testing.B) {
	for b.Loop() {
		mustToken(b, TokenPolicy{Bytes: MaxTokenBytes, Format: TokenBase62})
	}
}

// The allocation-free base-62 path writes exactly what math/big's does.
func TestBase62SmallMatchesBig(t *testing.T) {
	prng := rand.New(rand.NewPCG(9, 10))
	for n := 1; n <= smallBase62; n++ {
		for _, fill := range []byte{0x00, 0xff, 0} {
			src := make([]byte, n)
			for i := range src {
				src[i] = fill
				if fill == 0 {
					src[i] = byte(prng.Uint32())
				}
			}
			small := make([]byte, base62Len(n))
			encodeBase62Small(small, src)
			x := new(big.Int).SetBytes(src)
			want := []byte(x.Text(62))
			for i, c := range want {
				want[i] = fromBigDigit[c]
			}
			want = append([]byte(strings.Repeat("0", len(small)-len(want))), want...)
			if string(small) != string(want) {
				t.Fatalf("%d bytes %x: %s, math/big %s", n, src, small, want)
			}
		}
	}
}

// Standard base64 is what openssl rand -base64 N prints for N bytes: RFC
// 4648 with its padding, 4 characters for every 3 bytes or part of them,
// read back by the standard library's strict decoder.
func TestTokenBase64AsOpenSSL(t *testing.T) {
	r := seededRand(8)
	for _, c := range []struct{ bytes, chars, pad int }{{1, 4, 2}, {2, 4, 1}, {3, 4, 0}, {16, 24, 2}, {32, 44, 1}, {33, 44, 0}, {64, 88, 2}} {
		tok := mustToken(t, TokenPolicy{Bytes: c.bytes, Format: TokenBase64, Prefix: "k_"})
		for range 20 {
			s, err := tok.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			body, ok := strings.CutPrefix(s, "k_")
			if !ok || len(body) != c.chars || tok.Length() != c.chars {
				t.Fatalf("%d bytes: %q, want k_ and %d characters", c.bytes, s, c.chars)
			}
			if got := len(body) - len(strings.TrimRight(body, "=")); got != c.pad {
				t.Fatalf("%d bytes: %q ends with %d '=', want %d", c.bytes, body, got, c.pad)
			}
			raw, err := base64.StdEncoding.Strict().DecodeString(body)
			if err != nil || len(raw) != c.bytes {
				t.Fatalf("%d bytes: %q decodes to %d bytes, %v", c.bytes, body, len(raw), err)
			}
		}
		if e := tok.Entropy(); e.Bits != float64(8*c.bytes) || e.Bound != Exact {
			t.Fatalf("%d bytes: entropy %v (%v), want exactly %d bits", c.bytes, e.Bits, e.Bound, 8*c.bytes)
		}
	}
	// Every one of the 64 characters turns up, + and / included.
	seen := map[rune]bool{}
	tok := mustToken(t, TokenPolicy{Bytes: 48, Format: TokenBase64})
	for range 200 {
		s, _ := tok.Generate(r)
		for _, c := range s {
			seen[c] = true
		}
	}
	if len(seen) != 64 || !seen['+'] || !seen['/'] {
		t.Fatalf("%d distinct characters in 48-byte tokens, want all 64", len(seen))
	}
	if VerifyTokenChecksum("AAAAAAAAAAAA", "", TokenBase64) {
		t.Fatal("a base64 token verified a checksum it cannot have")
	}
}
