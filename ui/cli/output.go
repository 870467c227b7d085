package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// result is what a command generates from: the generator and how to
// describe it.
type result struct {
	mode    string
	gen     generator.Engine
	details func() []field // the mode's effective settings, for --json alone
	note    string         // e.g. which length --min-bits chose, for --entropy
	binary  bool           // raw bytes: no newline between results
}

// emit writes o.count results to stdout, and the strength line to stderr
// with --entropy.
func emit(env *environment, o *output, res result, clearAfter int) error {
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
	var tty terminal
	if o.qr {
		t, err := openQR(env)
		if err != nil {
			return err
		}
		defer t.Close()
		tty = t
	}
	stdout := env.stdout
	if o.copy || o.qr {
		// At a terminal a secret copied or drawn is not printed as well: it
		// would stay in the scrollback. Redirected (--copy > file), output
		// is written as usual.
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
	if o.qr {
		if err := showQR(tty, last); err != nil {
			return err
		}
	}
	if o.copy {
		return copySecret(env, last, clearAfter)
	}
	return nil
}

// lineFormat returns how one result is written: nil for the secret and a
// newline; raw bytes as they are; JSON as one object per line.
func lineFormat(o *output, res result) (func([]byte, string) []byte, error) {
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
	// {"secret":"…", + the common fields + the mode's settings }
	rest := head[1 : len(head)-1 : len(head)-1]
	for _, f := range res.details() {
		v, err := marshal(f.value)
		if err != nil {
			return nil, err
		}
		rest = append(append(append(rest, ',', '"'), f.key...), '"', ':')
		rest = append(rest, v...)
	}
	rest = append(rest, '}')
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

// field is one key of a --json object.
type field struct {
	key   string
	value any
}

// details are the mode's effective settings for --json, every one under
// its name from the settings table, after what only the compiled
// generator knows (the alphabet's size, the list's, the token's length).
// For passwords the classes are reported as the alphabet really has them
// (after exclusions, or as sorted from a custom alphabet) and the symbol
// set as the symbols in use.
func details(s settings.Settings, g generator.Engine) []field {
	var out []field
	switch pw := g.(type) {
	case *generator.Password:
		out = append(out, field{"alphabet_size", pw.AlphabetSize()})
		for _, c := range generator.Classes() {
			s.Password.Class(c).Use = pw.ClassChars(c) != ""
		}
		if s.Password.Alphabet == "" {
			s.Password.SymbolSet = pw.ClassChars(generator.Symbols)
		}
		// The run limits in force: the stricter of the settings' and the
		// rules'.
		s.Password.MaxRepeating = pw.Policy().MaxRepeating
		s.Password.MaxSequential = pw.Policy().MaxSequential
		var site, rules any // null without rules
		if a, _, _ := s.Password.AppliedRules(); a != nil {
			rules = a.Rules.String()
			if a.Site != "" {
				site = a.Site
			}
		}
		var change any // null without a site, or when none is bundled
		if u := s.Password.ChangePasswordURL(); u != "" {
			change = u
		}
		out = append(out, field{"site", site}, field{"rules", rules}, field{"change_password_url", change})
	case *generator.Phrase:
		out = append(out, field{"list_size", pw.ListSize()})
		var site, rules any // null without rules
		if d, ok := pw.RulesApplied(); ok {
			// The settings the passphrases follow: those the rules
			// chose among them.
			s.Phrase.Words, s.Phrase.Case = d.Policy.Words, d.Policy.Case
			s.Phrase.Separator, s.Phrase.RandomSeparator = d.Policy.Separator, d.Policy.RandomSeparator
			s.Phrase.Number = d.Policy.Number
			rules = d.Rules.String()
			if d.Site != "" {
				site = d.Site
			}
		}
		var change any
		if u := s.Phrase.ChangePasswordURL(); u != "" {
			change = u
		}
		out = append(out, field{"site", site}, field{"rules", rules}, field{"change_password_url", change})
		if s.Phrase.RandomSeparator != generator.SepFixed {
			s.Phrase.Separator = ""
		}
	case *generator.Token:
		total := len(s.Token.Prefix) + pw.Length()
		if s.Token.Checksum {
			total += generator.ChecksumLength(s.Token.Format)
		}
		out = append(out, field{"length", total}, field{"body_length", pw.Length()})
	}
	for _, d := range settings.Of(s.Mode) {
		if !d.NoJSON {
			out = append(out, field{d.JSONKey(), d.JSON(&s)})
		}
	}
	return out
}
