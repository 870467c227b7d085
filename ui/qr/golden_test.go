package qr

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// One small code as it looks, to review by eye (go test ./ui/qr -run Golden
// -update rewrites it). The tests above are what pins the drawing to the
// encoder; this one shows a change to a person.
func TestGoldenPIN(t *testing.T) {
	lines, err := Lines("4821", Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, strings.Join(lines, "\n")+"\n")
}
