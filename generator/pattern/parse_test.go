package pattern

import "testing"

// TestParseShapes checks the trees of a few patterns: literals and
// escapes are sets, class letters are classes, ranges and a "-" at a set's
// end, repeats and choices.
func TestParseShapes(t *testing.T) {
	n, err := Parse(`c\c-[a-c-]{2,3}(x|)`)
	if err != nil {
		t.Fatal(err)
	}
	seq, ok := n.(Concat)
	if !ok || len(seq) != 5 {
		t.Fatalf("got %#v, want five elements", n)
	}
	if c, ok := seq[0].(*Class); !ok || c.Letter != 'c' {
		t.Errorf("first element %#v, want the class c", seq[0])
	}
	if s, ok := seq[1].(*Set); !ok || string(s.Chars.Chars()) != "c" {
		t.Errorf(`\c is %#v, want the literal c`, seq[1])
	}
	if s, ok := seq[2].(*Set); !ok || string(s.Chars.Chars()) != "-" {
		t.Errorf("- is %#v, want the literal -", seq[2])
	}
	r, ok := seq[3].(*Repeat)
	if !ok || r.Min != 2 || r.Max != 3 {
		t.Fatalf("%#v, want a repeat {2,3}", seq[3])
	}
	if s, ok := r.Sub.(*Set); !ok || string(s.Chars.Chars()) != "-abc" {
		t.Errorf("[a-c-] is %#v, want -abc", r.Sub)
	}
	if a, ok := seq[4].(Alt); !ok || len(a) != 2 {
		t.Errorf("(x|) is %#v, want two choices", seq[4])
	} else if e, ok := a[1].(Concat); !ok || len(e) != 0 {
		t.Errorf("the empty choice is %#v, want an empty Concat", a[1])
	}
}
