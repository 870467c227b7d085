package cli

import (
	"strings"
	"testing"
)

// TestCompletionCommandWhereItCanBeAsked: a run of one of sesame's own
// commands goes without the completion command (building it is a cost
// paid at start), and every command line that can show or use it has it.
func TestCompletionCommandWhereItCanBeAsked(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, true},
		{[]string{}, true},
		{[]string{"--help"}, true},
		{[]string{"-l", "20", "pw"}, true}, // not sure which command runs: keep it
		{[]string{"completion", "bash"}, true},
		{[]string{"help"}, true},
		{[]string{"__complete", "pw", "--case", ""}, true},
		{[]string{"compl"}, true}, // an unknown command's suggestions may name it
		{[]string{"pw"}, false},
		{[]string{"password", "--help"}, false},
		{[]string{"pp", "-w", "6"}, false},
		{[]string{"number", "1", "6"}, false},
		{[]string{"credits"}, false},
	} {
		root := newRoot(&environment{}, c.args)
		has := false
		for _, sub := range root.Commands() {
			has = has || sub.Name() == "completion"
		}
		if has != c.want {
			t.Errorf("%q: completion command %v, want %v", strings.Join(c.args, " "), has, c.want)
		}
	}
}
