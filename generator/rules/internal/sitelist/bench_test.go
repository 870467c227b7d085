package sitelist

import (
	"testing"

	"github.com/sesame-sh/sesame/assets"
)

// BenchmarkDecode is the JSON share of the first site lookup.
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(assets.SiteRules); err != nil {
			b.Fatal(err)
		}
	}
}
