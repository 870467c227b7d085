package settings

import (
	"fmt"
	"strings"
)

// Mode is one kind of secret.
type Mode int

// The modes, in the order the interactive program shows them as tabs.
// Common is not a mode: it marks settings that every mode shares. A new
// mode is a name here, before NumModes, and its entry in modes below;
// everything that counts the modes counts from NumModes.
const (
	Password Mode = iota
	Phrase
	Token
	PIN
	// NumModes is how many modes there are: the size of anything with
	// one entry per mode.
	NumModes int  = iota
	Common   Mode = -1
)

// modeInfo is everything a mode is called, in one place.
type modeInfo struct {
	name    string   // the command and the --mode value
	aliases []string // other command names
	title   string   // the tab
	short   string   // the tab on a narrow terminal
	noun    string   // what it makes, in sentences
}

var modes = [...]modeInfo{
	Password: {name: "password", aliases: []string{"pw"}, title: "Password", short: "Pass", noun: "password"},
	Phrase:   {name: "phrase", aliases: []string{"pp", "passphrase"}, title: "Passphrase", short: "Phrase", noun: "passphrase"},
	Token:    {name: "token", title: "Token", short: "Token", noun: "token"},
	PIN:      {name: "pin", title: "PIN", short: "PIN", noun: "PIN"},
}

// Every mode has its names: a mode without its entry in modes does not
// compile.
var _ [NumModes]modeInfo = modes

// Modes lists every mode in tab order.
func Modes() []Mode {
	out := make([]Mode, NumModes)
	for i := range out {
		out[i] = Mode(i)
	}
	return out
}

func (m Mode) valid() bool { return m >= 0 && int(m) < NumModes }

// String returns the mode's name as the command line spells it.
func (m Mode) String() string {
	if m == Common {
		return "common"
	}
	if !m.valid() {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modes[m].name
}

// Aliases returns the other names of the mode's command ("pw").
func (m Mode) Aliases() []string { return modes[m].aliases }

// Title is the mode's tab: "Password".
func (m Mode) Title() string { return modes[m].title }

// ShortTitle is the mode's tab on a narrow terminal: "Pass".
func (m Mode) ShortTitle() string { return modes[m].short }

// Noun is what the mode makes: "password", "passphrase", "PIN".
func (m Mode) Noun() string { return modes[m].noun }

// ModeNames lists the modes' names: "password", "phrase", "token", "pin".
func ModeNames() []string {
	out := make([]string, NumModes)
	for i, mi := range modes {
		out[i] = mi.name
	}
	return out
}

// ParseMode parses a mode's name or one of its aliases, ignoring case.
func ParseMode(s string) (Mode, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, mi := range modes {
		if s == mi.name {
			return Mode(i), nil
		}
		for _, a := range mi.aliases {
			if s == a {
				return Mode(i), nil
			}
		}
	}
	return 0, fmt.Errorf("unknown mode %q: use %s", s, OrList(ModeNames()))
}

// AndList writes "a, b and c".
func AndList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// OrList writes "a, b or c".
func OrList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
