// Package settings is the model shared by sesame's command line and its
// interactive program: every setting of every mode, how they become
// generators, and how the interactive program remembers them between runs.
//
// Settings never hold a secret; they describe how to make one.
package settings

import (
	"fmt"
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/generator"
)

// Mode is one kind of secret.
type Mode int

// The modes, in the order the interactive program shows them as tabs.
const (
	Password Mode = iota
	Phrase
	Token
	PIN
	numModes
)

var modeNames = [numModes]string{"password", "phrase", "token", "pin"}

// Modes lists every mode in tab order.
func Modes() []Mode { return []Mode{Password, Phrase, Token, PIN} }

// String returns the mode's name as the command line spells it.
func (m Mode) String() string {
	if m < 0 || m >= numModes {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modeNames[m]
}

// ParseMode parses a mode name (or the command aliases pw and pp).
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "pw":
		return Password, nil
	case "pp", "passphrase":
		return Phrase, nil
	}
	for i, n := range modeNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("unknown mode %q: use password, phrase, token or pin", s)
}

// MarshalText implements encoding.TextMarshaler.
func (m Mode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Mode) UnmarshalText(b []byte) error {
	v, err := ParseMode(string(b))
	*m = v
	return err
}

// PhraseSettings are the passphrase settings, with the wordlist named
// rather than loaded so they can be remembered.
type PhraseSettings struct {
	Words           int                     `json:"words"`
	Wordlist        string                  `json:"wordlist"` // a built-in name or a file path
	Separator       string                  `json:"separator"`
	RandomSeparator generator.SeparatorKind `json:"random_separator"`
	Case            generator.CaseMode      `json:"case"`
	Number          bool                    `json:"number"`
}

// Settings are all of sesame's settings.
type Settings struct {
	Mode       Mode                     `json:"mode"`
	Password   generator.PasswordPolicy `json:"password"`
	Phrase     PhraseSettings           `json:"phrase"`
	Token      generator.TokenPolicy    `json:"token"`
	PIN        generator.PINPolicy      `json:"pin"`
	ClearAfter int                      `json:"clear_after_seconds"` // 0 = never clear the clipboard
	Masked     bool                     `json:"masked"`              // start with the secret hidden
}

// DefaultClearAfter is how long a copied secret stays on the clipboard.
const DefaultClearAfter = 30

// MaxClearAfter bounds --clear-after (a day).
const MaxClearAfter = 86400

// Default returns sesame's defaults (README, Usage).
func Default() Settings {
	pp := generator.DefaultPhrasePolicy()
	return Settings{
		Mode:     Password,
		Password: generator.DefaultPasswordPolicy(),
		Phrase: PhraseSettings{
			Words:           pp.Words,
			Wordlist:        generator.DefaultWordlist(),
			Separator:       pp.Separator,
			RandomSeparator: pp.RandomSeparator,
			Case:            pp.Case,
			Number:          pp.Number,
		},
		Token:      generator.DefaultTokenPolicy(),
		PIN:        generator.DefaultPINPolicy(),
		ClearAfter: DefaultClearAfter,
	}
}

// PhrasePolicy loads the wordlist and returns the generator policy.
func (p PhraseSettings) PhrasePolicy() (generator.PhrasePolicy, []generator.Warning, error) {
	list, warns, err := loadWordlist(p.Wordlist)
	if err != nil {
		return generator.PhrasePolicy{}, warns, err
	}
	return generator.PhrasePolicy{
		Words:           p.Words,
		List:            list,
		Separator:       p.Separator,
		RandomSeparator: p.RandomSeparator,
		Case:            p.Case,
		Number:          p.Number,
	}, warns, nil
}

// Generator builds the generator of one mode. Errors are
// *generator.PolicyError for settings no output can satisfy, and wrapped
// I/O errors for a wordlist file that cannot be read.
func (s Settings) Generator(m Mode) (generator.Generator, []generator.Warning, error) {
	switch m {
	case Password:
		pw, err := generator.NewPassword(s.Password)
		if err != nil {
			return nil, nil, err
		}
		return pw, pw.Warnings(), nil
	case Phrase:
		pp, warns, err := s.Phrase.PhrasePolicy()
		if err != nil {
			return nil, warns, err
		}
		ph, err := generator.NewPhrase(pp)
		if err != nil {
			return nil, warns, err
		}
		return ph, append(warns, ph.Warnings()...), nil
	case Token:
		t, err := generator.NewToken(s.Token)
		if err != nil {
			return nil, nil, err
		}
		return t, nil, nil
	case PIN:
		p, err := generator.NewPIN(s.PIN)
		if err != nil {
			return nil, nil, err
		}
		return p, nil, nil
	}
	return nil, nil, fmt.Errorf("unknown mode %d", int(m))
}

// Wordlist files are read once per path: the interactive program rebuilds
// the passphrase generator on every keystroke.
var wordlists struct {
	sync.Mutex
	byPath map[string]cachedList
}

type cachedList struct {
	list  *generator.Wordlist
	warns []generator.Warning
}

func loadWordlist(nameOrPath string) (*generator.Wordlist, []generator.Warning, error) {
	for _, b := range generator.BuiltinWordlists() {
		if nameOrPath == b || nameOrPath == "" {
			l, err := generator.BuiltinWordlist(b)
			if nameOrPath == "" {
				l, err = generator.BuiltinWordlist(generator.DefaultWordlist())
			}
			return l, nil, err
		}
	}
	wordlists.Lock()
	defer wordlists.Unlock()
	if c, ok := wordlists.byPath[nameOrPath]; ok {
		return c.list, c.warns, nil
	}
	l, warns, err := generator.LoadWordlist(nameOrPath)
	if err != nil {
		return nil, warns, err
	}
	if wordlists.byPath == nil {
		wordlists.byPath = map[string]cachedList{}
	}
	wordlists.byPath[nameOrPath] = cachedList{l, warns}
	return l, warns, nil
}

// UseWordlist makes an already parsed list (such as one read from standard
// input, named "-") available under a name.
func UseWordlist(name string, l *generator.Wordlist) {
	wordlists.Lock()
	defer wordlists.Unlock()
	if wordlists.byPath == nil {
		wordlists.byPath = map[string]cachedList{}
	}
	wordlists.byPath[name] = cachedList{list: l}
}
