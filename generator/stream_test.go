package generator

import (
	"bytes"
	"errors"
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
