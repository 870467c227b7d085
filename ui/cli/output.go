package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// MaxCount bounds -n/--count.
const MaxCount = 10_000_000

// outputFlags are the flags every generating command shares.
type outputFlags struct {
	count   int
	json    bool
	entropy bool
	copy    bool
	minBits float64
}

func addOutputFlags(fs *pflag.FlagSet, o *outputFlags, withMinBits bool) {
	o.count = 1
	fs.VarP(&intValue{p: &o.count, min: 1, max: MaxCount}, "count", "n", "how many to generate (1-10,000,000), one per line")
	fs.BoolVar(&o.json, "json", false, "one JSON object per line, with strength and settings")
	fs.BoolVar(&o.entropy, "entropy", false, `print the strength ("131.09 bits, excellent") to stderr`)
	fs.BoolVar(&o.copy, "copy", false, "copy the (last) result; at a terminal, print nothing")
	if withMinBits {
		fs.Var(&floatValue{p: &o.minBits, max: 1 << 20}, "min-bits", "use the shortest length (words, bytes) reaching this")
	}
}

// result is what a command generates from: the generator and how to
// describe it.
type result struct {
	mode    string
	gen     generator.Generator
	details any    // the mode's effective settings, for --json
	note    string // e.g. which length --min-bits chose, for --entropy
	binary  bool   // raw bytes: no newline between results
}

// emit writes o.count results to stdout, and the strength line to stderr
// with --entropy.
func emit(env *environment, o *outputFlags, res result, clearAfter int) error {
	if res.binary && env.stdoutTTY {
		return usagef("--format raw writes binary bytes to the terminal: redirect it to a file (sesame token --format raw > key.bin) or choose another --format")
	}
	if res.binary && o.json {
		return usagef("--json cannot carry raw bytes: use --format hex or base64url")
	}
	if o.entropy {
		fmt.Fprintln(env.stderr, strengthLine(res.gen.Entropy(), res.note))
	}
	format, err := lineFormat(o, res)
	if err != nil {
		return err
	}
	var (
		mu   sync.Mutex
		last string
	)
	stdout := env.stdout
	if o.copy {
		// At a terminal the copied secret is not printed as well: it would
		// stay in the scrollback. Redirected (--copy > file), output is
		// written as usual.
		if env.stdoutTTY {
			stdout = io.Discard
		}
		inner := format
		format = func(dst []byte, s string) []byte {
			mu.Lock()
			last = s
			mu.Unlock()
			if inner == nil {
				return append(append(dst, s...), '\n')
			}
			return inner(dst, s)
		}
	}
	if err := generator.Stream(stdout, res.gen, generator.StreamOptions{Count: o.count, Format: format, NewSource: env.newSource}); err != nil {
		return err
	}
	if o.copy {
		return copySecret(env, last, clearAfter)
	}
	return nil
}

// lineFormat returns how one result is written: nil for the secret and a
// newline; raw bytes as they are; JSON as one object per line.
func lineFormat(o *outputFlags, res result) (func([]byte, string) []byte, error) {
	switch {
	case res.binary:
		return func(dst []byte, s string) []byte { return append(dst, s...) }, nil
	case !o.json:
		return nil, nil
	}
	e := res.gen.Entropy()
	common := struct {
		Mode         string  `json:"mode"`
		EntropyBits  float64 `json:"entropy_bits"`
		EntropyBound string  `json:"entropy_bound"`
		Estimate     bool    `json:"estimate"`
		Rating       string  `json:"rating"`
	}{res.mode, e.Rounded(), boundToken(e.Bound), e.Estimate(), generator.RateBits(e.Rounded()).String()}
	head, err := marshal(common)
	if err != nil {
		return nil, err
	}
	tail, err := marshal(res.details)
	if err != nil {
		return nil, err
	}
	// {"secret":"…", + the common fields + the mode's settings }
	rest := append(append(head[1:len(head)-1:len(head)-1], ','), tail[1:]...)
	if len(tail) == 2 { // no details
		rest = append(head[1:len(head)-1:len(head)-1], '}')
	}
	return func(dst []byte, s string) []byte {
		dst = append(dst, `{"secret":`...)
		dst = appendJSONString(dst, s)
		dst = append(dst, ',')
		dst = append(dst, rest...)
		return append(dst, '\n')
	}, nil
}

// marshal is json.Marshal without HTML escaping (symbol sets are full of
// < > &), and without the trailing newline an Encoder adds.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires (no HTML escaping: secrets are full of < > &).
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c < 0x20:
			dst = append(dst, `\u00`...)
			dst = append(dst, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		case c < utf8.RuneSelf:
			dst = append(dst, c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size
			continue
		}
		i++
	}
	return append(dst, '"')
}

// boundToken is the JSON form of a bound: exact, lower or upper.
func boundToken(b generator.Bound) string {
	switch b {
	case generator.LowerBound:
		return "lower"
	case generator.UpperBound:
		return "upper"
	}
	return "exact"
}

// strengthLine is the --entropy line: "131.09 bits, excellent".
func strengthLine(e generator.Entropy, note string) string {
	bits := strconv.FormatFloat(e.Rounded(), 'f', 2, 64)
	var s string
	switch e.Bound {
	case generator.LowerBound:
		s = "at least " + bits + " bits (lower bound)"
	case generator.UpperBound:
		s = "at most " + bits + " bits (upper bound: some results may coincide)"
	default:
		s = bits + " bits"
	}
	s += ", " + generator.RateBits(e.Rounded()).String()
	if note != "" {
		s += " (" + note + ")"
	}
	return s
}

// warn prints the library's warnings, one line each.
func warn(w io.Writer, warns []generator.Warning) {
	for _, x := range warns {
		say(w, "warning: "+x.Text(flagName))
	}
}

// The --json settings of each mode.

type passwordDetails struct {
	AlphabetSize int `json:"alphabet_size"`
	generator.PasswordPolicy
}

type phraseDetails struct {
	Words           int    `json:"words"`
	Wordlist        string `json:"wordlist"`
	ListSize        int    `json:"list_size"`
	Separator       string `json:"separator"`
	RandomSeparator string `json:"random_separator,omitempty"`
	Case            string `json:"case"`
	Number          bool   `json:"number"`
}

type tokenDetails struct {
	Length     int `json:"length"`      // characters in all, with prefix and checksum
	BodyLength int `json:"body_length"` // characters of the random part
	generator.TokenPolicy
}

func details(m settings.Mode, s settings.Settings, g generator.Generator) any {
	switch m {
	case settings.Password:
		// The effective settings: which classes the alphabet really has
		// (after exclusions, or as sorted from a custom alphabet) and the
		// symbols in use.
		pw := g.(*generator.Password)
		p := pw.Policy()
		for _, c := range generator.Classes() {
			p.Class(c).Use = pw.ClassChars(c) != ""
		}
		if p.Alphabet == "" {
			p.SymbolSet = pw.ClassChars(generator.Symbols)
		}
		return passwordDetails{pw.AlphabetSize(), p}
	case settings.Phrase:
		ph := g.(*generator.Phrase)
		d := phraseDetails{Words: s.Phrase.Words, Wordlist: s.Phrase.Wordlist, ListSize: ph.ListSize(), Separator: s.Phrase.Separator, Case: s.Phrase.Case.String(), Number: s.Phrase.Number}
		if s.Phrase.RandomSeparator != generator.SepFixed {
			d.RandomSeparator, d.Separator = s.Phrase.RandomSeparator.String(), ""
		}
		return d
	case settings.Token:
		t := g.(*generator.Token)
		p := t.Policy()
		total := len(p.Prefix) + t.Length()
		if p.Checksum {
			total += 6
		}
		return tokenDetails{total, t.Length(), p}
	}
	return g.(*generator.PIN).Policy()
}
