package generator

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"testing"
)

func TestStreamWritesExactlyCountValidLines(t *testing.T) {
	constrained := constrainedPolicies["L12 ≥5 digits ≥5 symbols"]()
	for name, p := range map[string]PasswordPolicy{"default (fast path)": DefaultPasswordPolicy(), "constrained": constrained} {
		pw, err := NewPassword(p)
		if err != nil {
			t.Fatal(err)
		}
		allowed := allowedChars(p)
		for _, n := range []int{1, 7, 4097, 30000} {
			var buf bytes.Buffer
			seed := atomic.Uint64{}
			err := Stream(&buf, pw, StreamOptions{Count: n, Workers: 3, NewSource: func() Source { return newSeeded(seed.Add(1)) }})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			if len(lines) != n || !strings.HasSuffix(buf.String(), "\n") {
				t.Fatalf("%s: %d lines for count %d", name, len(lines), n)
			}
			for _, l := range lines {
				if err := checkPassword(p, allowed, l); err != nil {
					t.Fatalf("%s: invalid line %q: %v", name, l, err)
				}
			}
		}
	}
}

// The bulk fast path must be as uniform as the single-password path.
func TestStreamFastPathUniform(t *testing.T) {
	pw, err := NewPassword(DefaultPasswordPolicy())
	if err != nil {
		t.Fatal(err)
	}
	if fastLines(pw, nil) == nil {
		t.Fatal("default policy should take the fast path")
	}
	var buf bytes.Buffer
	n := 50000
	seed := atomic.Uint64{}
	seed.Store(76)
	if err := Stream(&buf, pw, StreamOptions{Count: n, Workers: 2, NewSource: func() Source { return newSeeded(seed.Add(1)) }}); err != nil {
		t.Fatal(err)
	}
	alpha := pw.Alphabet()
	K := len(alpha)
	pos := make([]int64, 20*K)
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		for j := range line {
			pos[j*K+strings.IndexByte(alpha, line[j])]++
		}
	}
	exp := make([]float64, len(pos))
	for i := range exp {
		exp[i] = float64(n) / float64(K)
	}
	requireChi(t, "stream per position", pos, exp)
}

type failAfter struct{ left int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.left <= 0 {
		return 0, errors.New("closed pipe")
	}
	f.left--
	return len(p), nil
}

func TestStreamStopsOnWriteError(t *testing.T) {
	pw, _ := NewPassword(DefaultPasswordPolicy())
	w := &failAfter{left: 2}
	err := Stream(w, pw, StreamOptions{Count: 10_000_000})
	if err == nil || err.Error() != "closed pipe" {
		t.Fatalf("err = %v", err)
	}
}

func TestStreamFailingSourceWritesNothingAfter(t *testing.T) {
	for _, p := range []PasswordPolicy{DefaultPasswordPolicy(), constrainedPolicies["L20 one of each"]()} {
		pw, _ := NewPassword(p)
		var buf bytes.Buffer
		err := Stream(&buf, pw, StreamOptions{Count: 100, NewSource: func() Source { return &failingSource{} }})
		if !errors.Is(err, ErrRandomness) || buf.Len() != 0 {
			t.Fatalf("err %v, wrote %d bytes", err, buf.Len())
		}
	}
}

func TestStreamCustomFormat(t *testing.T) {
	pw, _ := NewPassword(DefaultPasswordPolicy())
	var buf bytes.Buffer
	err := Stream(&buf, pw, StreamOptions{Count: 5, Format: func(dst []byte, s string) []byte {
		return append(append(append(dst, '<'), s...), ">\n"...)
	}})
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if err != nil || len(lines) != 5 {
		t.Fatalf("%v %q", err, buf.String())
	}
	for _, l := range lines {
		if len(l) != 22 || l[0] != '<' || l[21] != '>' {
			t.Fatalf("line %q not formatted", l)
		}
	}
}

// Tokens and passphrases in bulk allocate nothing per result: they are
// written straight into the output buffer.
func TestBulkTokensAndPhrasesDoNotAllocatePerResult(t *testing.T) {
	tok, _ := NewToken(TokenPolicy{Bytes: 32, Format: TokenBase62, Prefix: "sk_", Checksum: true})
	ph, _ := NewPhrase(PhrasePolicy{Words: 6, Number: true, RandomSeparator: SepDigit})
	for name, g := range map[string]Engine{"token": tok, "phrase": ph} {
		few := testing.AllocsPerRun(3, func() { Stream(io.Discard, g, StreamOptions{Count: 1000, Workers: 1}) })
		many := testing.AllocsPerRun(3, func() { Stream(io.Discard, g, StreamOptions{Count: 100000, Workers: 1}) })
		if many > few+20 {
			t.Errorf("%s: %.0f allocations for 1,000 results, %.0f for 100,000", name, few, many)
		}
	}
}

// A one-shot run reads randomness and holds output in proportion to the
// job, not in 64 KiB blocks.
func TestOneShotBuffersFitTheJob(t *testing.T) {
	pw, _ := NewPassword(DefaultPasswordPolicy())
	var read countingSource
	if err := Stream(io.Discard, pw, StreamOptions{Count: 1, NewSource: func() Source { return &read }}); err != nil {
		t.Fatal(err)
	}
	if read.n > 512 {
		t.Fatalf("one 20-character password read %d bytes of randomness", read.n)
	}
	if r, b := buffersFor(pw, 1_000_000); r != 64<<10 || b != streamChunk+8192 {
		t.Fatalf("a million: buffers %d and %d, want the full sizes", r, b)
	}
}

type countingSource struct{ n int }

func (c *countingSource) Fill(p []byte) error {
	c.n += len(p)
	return CryptoSource().Fill(p)
}

// Bulk tokens and passphrases on every core, as sesame token -n and
// sesame pp -n write them: allocations stay constant, whatever the count.
func BenchmarkBulk100kTokens(b *testing.B) {
	tok, _ := NewToken(DefaultTokenPolicy())
	for b.Loop() {
		if err := Stream(io.Discard, tok, StreamOptions{Count: 100_000}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBulk100kPhrases(b *testing.B) {
	ph, _ := NewPhrase(DefaultPhrasePolicy())
	for b.Loop() {
		if err := Stream(io.Discard, ph, StreamOptions{Count: 100_000}); err != nil {
			b.Fatal(err)
		}
	}
}

// The same on one core, to see how they scale.
func BenchmarkBulk100kTokens1Core(b *testing.B) {
	tok, _ := NewToken(DefaultTokenPolicy())
	for b.Loop() {
		if err := Stream(io.Discard, tok, StreamOptions{Count: 100_000, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBulk100kPhrases1Core(b *testing.B) {
	ph, _ := NewPhrase(DefaultPhrasePolicy())
	for b.Loop() {
		if err := Stream(io.Discard, ph, StreamOptions{Count: 100_000, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
