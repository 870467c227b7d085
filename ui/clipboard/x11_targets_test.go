package clipboard

import (
	"bytes"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

var testAtoms = xAtoms{clipboard: 100, targets: 101, timestamp: 102, utf8: 103, text: 104, plain: 105, hint: 106, stamp: 107}

// Each target's answer, and the refusals the ICCCM asks for.
func TestConvertTargets(t *testing.T) {
	a := testAtoms
	text := []byte("pässwörd")
	c, ok := a.convert(a.targets, text, 7)
	var listed []xproto.Atom
	for i := 0; i+4 <= len(c.data); i += 4 {
		listed = append(listed, xproto.Atom(xgb.Get32(c.data[i:])))
	}
	if !ok || c.typ != xproto.AtomAtom || c.format != 32 ||
		!slices.Equal(listed, []xproto.Atom{a.targets, a.timestamp, a.utf8, a.plain, a.text, xproto.AtomString, a.hint}) {
		t.Errorf("TARGETS: %+v %v, listed %v", c, ok, listed)
	}
	if c, ok := a.convert(a.timestamp, text, 0x01020304); !ok || c.typ != xproto.AtomInteger || c.format != 32 || xgb.Get32(c.data) != 0x01020304 {
		t.Errorf("TIMESTAMP: %+v %v", c, ok)
	}
	for target, typ := range map[xproto.Atom]xproto.Atom{a.utf8: a.utf8, a.text: a.utf8, a.plain: a.plain} {
		if c, ok := a.convert(target, text, 7); !ok || c.typ != typ || c.format != 8 || !bytes.Equal(c.data, text) {
			t.Errorf("target %d: %+v %v", target, c, ok)
		}
	}
	if c, ok := a.convert(xproto.AtomString, text, 7); !ok || c.typ != xproto.AtomString || !bytes.Equal(c.data, []byte("p\xe4ssw\xf6rd")) {
		t.Errorf("STRING: %+v %v", c, ok)
	}
	if c, ok := a.convert(a.hint, text, 7); !ok || c.typ != a.hint || c.format != 8 || string(c.data) != "secret" {
		t.Errorf("x-kde-passwordManagerHint: %+v %v", c, ok)
	}
	// STRING cannot carry what Latin-1 lacks; MULTIPLE and unknown
	// targets are refused.
	if c, ok := a.convert(xproto.AtomString, []byte("пароль"), 7); ok {
		t.Errorf("STRING of Cyrillic text: %+v", c)
	}
	for _, other := range []xproto.Atom{999, a.clipboard, a.stamp} {
		if c, ok := a.convert(other, text, 7); ok {
			t.Errorf("target %d answered: %+v", other, c)
		}
	}
}

// Whatever toLatin1 accepts decodes back to the same text.
func FuzzToLatin1(f *testing.F) {
	for _, s := range []string{"", "abc", "pässwörd", "ÿ", "Ā", "пароль", "\xff", "a\x00b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		latin1, ok := toLatin1(text)
		if !ok {
			return
		}
		back := make([]byte, 0, 2*len(latin1))
		for _, b := range latin1 {
			back = utf8.AppendRune(back, rune(b))
		}
		if !bytes.Equal(back, text) {
			t.Fatalf("%q became %q, which decodes to %q", text, latin1, back)
		}
	})
}
