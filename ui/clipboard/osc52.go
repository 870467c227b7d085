package clipboard

import (
	"encoding/base64"
	"strings"
)

// OSC 52 asks the terminal to set its clipboard ("c") to base64 text; an
// empty payload clears it. Inside tmux (when tmux did not take the copy
// itself) a sequence is wrapped in a DCS passthrough (ESC P tmux; … ESC \,
// with every ESC doubled) so it reaches the outer terminal when
// "allow-passthrough" is on (always, before tmux 3.3). When tmux could not
// be asked, the plain sequence is sent as well, which tmux applies itself
// when "set-clipboard" is on.

// osc52 is the plain sequence for text ("" clears).
func osc52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}

// tmuxPassthrough wraps a sequence for tmux.
func tmuxPassthrough(seq string) string {
	return "\x1bPtmux;" + strings.ReplaceAll(seq, "\x1b", "\x1b\x1b") + "\x1b\\"
}

// Sequences returns the escape sequences that put text on the terminal's
// clipboard (or clear it, for ""), wrapped for tmux when needed.
func Sequences(text string, where Where) []string {
	seq := osc52(text)
	if where.Tmux {
		return []string{tmuxPassthrough(seq), seq}
	}
	return []string{seq}
}
