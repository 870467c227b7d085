package generator

import "testing"

// The cost of a memorable style: compiling it (the form does so on every
// keystroke) and drawing from it (bulk output), with the bundled blocklist.
func BenchmarkStyleCompile(b *testing.B) {
	for _, st := range []Style{StylePronounceable, StyleApple, StylePhone} {
		b.Run(st.String(), func(b *testing.B) {
			sp := stylePolicy(st, 20)
			sp.Blocklist = BundledBlocklist().Words
			for b.Loop() {
				if _, err := NewStyle(sp); err != nil {
					b.Fatal(err)
				}
			}
		})
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
