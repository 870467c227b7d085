package settings

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/generator"
)

// From settings to generators.

// Policy returns the generator's password policy, with the website rules
// applied (rules.go resolves them, generator.ApplyRules applies them),
// and the warnings about the rules.
func (p PasswordSettings) Policy() (generator.PasswordPolicy, []generator.Warning, error) {
	pol := p.ownPolicy()
	applied, warns, err := p.AppliedRules()
	if err != nil || applied == nil {
		return pol, warns, err
	}
	return pol, warns, applied.apply(&pol)
}

// ownPolicy is the password policy the settings ask for, before any
// website rules apply.
func (p PasswordSettings) ownPolicy() generator.PasswordPolicy {
	pol := generator.PasswordPolicy{
		Length:        p.Length,
		SymbolSet:     p.SymbolSet,
		Alphabet:      p.Alphabet,
		Exclude:       p.Exclude,
		NoAmbiguous:   p.NoAmbiguous,
		MaxRepeating:  p.MaxRepeating,
		MaxSequential: p.MaxSequential,
	}
	for _, c := range generator.Classes() {
		in, out := p.Class(c), pol.Class(c)
		out.Use, out.Min = in.Use, in.Min
		if in.Max.Set {
			*out = out.AtMost(in.Max.N)
		}
	}
	return pol
}

// Policy loads the wordlist and returns the generator policy.
func (p PhraseSettings) Policy() (generator.PhrasePolicy, []generator.Warning, error) {
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

// Policy returns the generator's token policy.
func (t TokenSettings) Policy() generator.TokenPolicy { return t.TokenPolicy }

// Policy returns the generator's PIN policy.
func (p PINSettings) Policy() generator.PINPolicy { return p.PINPolicy }

// Generator builds the generator of one mode and returns it with every
// warning about the settings (the wordlist's among them). Errors are
// *generator.PolicyError for settings no output can satisfy, and wrapped
// I/O errors for a wordlist file that cannot be read.
func (s Settings) Generator(m Mode) (generator.Engine, []generator.Warning, error) {
	var (
		g     generator.Engine
		warns []generator.Warning
		err   error
	)
	switch m {
	case Password:
		if s.Password.Pattern != "" || s.Password.Styled() {
			g, warns, err = s.Password.memorableGenerator()
			break
		}
		var pol generator.PasswordPolicy
		pol, warns, err = s.Password.Policy()
		if err == nil {
			g, err = asGenerator(generator.NewPassword(pol))
		}
	case Phrase:
		var pp generator.PhrasePolicy
		pp, warns, err = s.Phrase.Policy()
		if err == nil {
			var more []generator.Warning
			var ph *generator.Phrase
			ph, more, err = s.Phrase.phraseGenerator(pp)
			warns = append(warns, more...)
			g, err = asGenerator(ph, err)
		}
	case Token:
		g, err = asGenerator(generator.NewToken(s.Token.Policy()))
	case PIN:
		g, err = asGenerator(generator.NewPIN(s.PIN.Policy()))
	default:
		err = fmt.Errorf("unknown mode %d", int(m))
	}
	if err != nil {
		return nil, warns, err
	}
	return g, append(warns, g.Warnings()...), nil
}

// asGenerator turns a constructor's typed result into the interface,
// keeping a nil generator nil.
func asGenerator[G generator.Engine](g G, err error) (generator.Engine, error) {
	if err != nil {
		return nil, err
	}
	return g, nil
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
	if nameOrPath == "" {
		nameOrPath = generator.DefaultWordlist()
	}
	if IsBuiltinList(nameOrPath) {
		l, err := generator.BuiltinWordlist(nameOrPath)
		return l, nil, err
	}
	wordlists.Lock()
	defer wordlists.Unlock()
	if c, ok := wordlists.byPath[nameOrPath]; ok {
		return c.list, c.warns, nil
	}
	l, warns, err := generator.LoadWordlist(nameOrPath)
	if err != nil {
		return nil, warns, misspeltList(nameOrPath, err)
	}
	if wordlists.byPath == nil {
		wordlists.byPath = map[string]cachedList{}
	}
	wordlists.byPath[nameOrPath] = cachedList{l, warns}
	return l, warns, nil
}

// misspeltList adds "did you mean" to the error for a missing file whose
// name is a built-in list's, misspelt (eff-larg).
func misspeltList(name string, err error) error {
	if !errors.Is(err, fs.ErrNotExist) || strings.ContainsAny(name, `/\`) {
		return err
	}
	c := closestWordlist(name)
	if c == "" {
		return err
	}
	e := generator.PolicyErrorf("wordlist", "%v %q is neither a built-in list nor an existing file: did you mean %s?", generator.SettingName("wordlist"), name, c)
	e.Err = err
	return e
}

// IsBuiltinList reports whether name is a built-in wordlist ("" is the
// default one).
func IsBuiltinList(name string) bool {
	if name == "" {
		return true
	}
	for _, b := range generator.BuiltinWordlists() {
		if b == name {
			return true
		}
	}
	return false
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
