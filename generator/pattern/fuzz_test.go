package pattern

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPattern checks that Parse never panics, that every error is a
// *SyntaxError on one line pointing inside the pattern, and that every
// tree it returns is well formed: non-empty sets, repeats with
// 0 ≤ min ≤ max ≤ MaxRepeat, groups nested no deeper than MaxDepth.
func FuzzPattern(f *testing.F) {
	for _, s := range []string{
		"cvcv-dd", "(a|ab)(b|)", "d{1,2}", "[a-z_]{3}", `\(\)`, "(c|C)(v|V){2,4}", "x{4096}",
		"(", ")", "[", "]", "{", "}", "c{3,1}", "[]", `\`, "[^a]", "c{2}{3}", "é", "[a-\\]]", "((((c))))|",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, err := Parse(src)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("%q: error %T, want *SyntaxError", src, err)
			}
			if se.Pos < 1 || se.Pos > utf8.RuneCountInString(src)+1 || strings.Contains(err.Error(), "\n") || se.Msg == "" {
				t.Fatalf("%q: bad error %q at %d", src, err, se.Pos)
			}
			return
		}
		check(t, src, n, 0)
	})
}

func check(t *testing.T, src string, n Node, depth int) {
	if depth > MaxDepth+1 {
		t.Fatalf("%q: nested deeper than %d", src, MaxDepth)
	}
	switch n := n.(type) {
	case *Set:
		if n.Chars.Empty() {
			t.Fatalf("%q: empty set", src)
		}
		for _, c := range n.Chars.Chars() {
			if c < 0x20 || c > 0x7e {
				t.Fatalf("%q: set holds %q", src, c)
			}
		}
	case *Class:
		if !strings.ContainsRune(ClassLetters, rune(n.Letter)) {
			t.Fatalf("%q: class letter %q", src, n.Letter)
		}
	case Concat:
		for _, m := range n {
			check(t, src, m, depth)
		}
	case Alt:
		for _, m := range n {
			check(t, src, m, depth+1)
		}
	case *Repeat:
		if n.Min < 0 || n.Min > n.Max || n.Max > MaxRepeat {
			t.Fatalf("%q: repeat {%d,%d}", src, n.Min, n.Max)
		}
		check(t, src, n.Sub, depth+1)
	default:
		t.Fatalf("%q: node %T", src, n)
	}
}
