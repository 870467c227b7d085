package generator

import (
	"fmt"
	"testing"
)

// The figure of a memorable style, which the form computes on every
// keystroke: compiling and counting it with the bundled blocklist, at the
// default length and at 64 characters (target: 5 ms), with the default
// settings and with a capital, a digit and a symbol asked for. The
// blocklist's automaton is kept between compiles, as it is between a
// form's keystrokes.
func BenchmarkStyleFigure(b *testing.B) {
	for _, st := range []Style{StylePronounceable, StyleApple, StylePhone} {
		for _, n := range []int{20, 64} {
			for _, classes := range []bool{false, true} {
				if st == StyleApple && (n != AppleLength || classes) {
					continue // one length, one capital and one digit
				}
				name := fmt.Sprintf("%v-%d", st, n)
				if classes {
					name += "-classes"
				}
				b.Run(name, func(b *testing.B) {
					sp := stylePolicy(st, n)
					if classes {
						sp.Policy.Upper = ClassPolicy{Use: true, Min: 1}
						sp.Policy.Digits = ClassPolicy{Use: true, Min: 1}
						sp.Policy.Symbols = ClassPolicy{Use: true, Min: 1}
					}
					sp.Blocklist = BundledBlocklist().Words
					for b.Loop() {
						if _, err := NewStyle(sp); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

func BenchmarkStyleGenerate(b *testing.B) {
	for _, st := range []Style{StylePronounceable, StyleApple, StylePhone} {
		b.Run(st.String(), func(b *testing.B) {
			sp := stylePolicy(st, 20)
			sp.Blocklist = BundledBlocklist().Words
			p, err := NewStyle(sp)
			if err != nil {
				b.Fatal(err)
			}
			r := NewRand(CryptoSource())
			for b.Loop() {
				if _, err := p.Generate(r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
