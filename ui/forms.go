package ui

import (
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/textinput"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// The forms of the four modes: every setting, laid out as rows
// of one to three fields. Focus walks the visible fields in row order.

// row is one line of a form: a label and its fields, or a heading of
// column titles.
type row struct {
	label   string
	cells   []*field
	heading []string // column titles instead of fields
	// hint is a faint note after the fields (nil or "" for none).
	hint func(*model) string
	// visible hides the row (nil: always shown).
	visible func(*model) bool
}

// form is one mode's settings.
type form struct {
	rows []*row
}

// fields returns the visible fields in focus order.
func (f *form) fields(m *model) []*field {
	var out []*field
	for _, r := range f.rows {
		if r.visible != nil && !r.visible(m) {
			continue
		}
		for _, c := range r.cells {
			if c.isVisible(m) {
				out = append(out, c)
			}
		}
	}
	return out
}

// byID finds a field by its setting name.
func (f *form) byID(id string) *field {
	for _, r := range f.rows {
		for _, c := range r.cells {
			if c.id == id {
				return c
			}
		}
	}
	return nil
}

// primary is the number the result's ↑/↓ keys change: the length, words
// or bytes.
func (f *form) primary() *field { return f.rows[0].cells[0] }

func newForms(st textinput.Styles) [4]*form {
	return [4]*form{
		settings.Password: passwordForm(st),
		settings.Phrase:   phraseForm(st),
		settings.Token:    tokenForm(st),
		settings.PIN:      pinForm(st),
	}
}

func number(id, name string, lo, hi int, zero string, get func(*model) int, set func(*model, int)) *field {
	return &field{id: id, name: name, kind: numberField, min: lo, max: hi, zero: zero, getInt: get, setInt: set}
}

func toggle(id, name, caption string, get func(*model) bool, set func(*model, bool)) *field {
	return &field{id: id, name: name, kind: switchField, caption: caption, getBool: get, setBool: set}
}

func choice(id, name string, options []string, get func(*model) int, set func(*model, int)) *field {
	return &field{id: id, name: name, kind: choiceField, options: options, getChoice: get, setChoice: set}
}

func text(id, name, placeholder string, limit int, st textinput.Styles, get func(*model) string, set func(*model, string)) *field {
	return &field{id: id, name: name, kind: textField, placeholder: placeholder, limit: limit,
		getText: get, setText: set, input: newTextInput(placeholder, limit, st)}
}

func passwordForm(st textinput.Styles) *form {
	pw := func(m *model) *generator.PasswordPolicy { return &m.s.Password }
	f := &form{}
	f.rows = append(f.rows,
		&row{label: "length", cells: []*field{
			number("length", "length", 1, generator.MaxLength, "",
				func(m *model) int { return pw(m).Length },
				func(m *model, v int) { pw(m).Length = v }),
		}},
		&row{label: "classes", heading: []string{"use", " min", " max"}},
	)
	for _, c := range generator.Classes() {
		cl := func(m *model) *generator.ClassPolicy { return pw(m).Class(c) }
		f.rows = append(f.rows, &row{label: classLabel(c), cells: []*field{
			toggle(c.String(), c.String(), "",
				func(m *model) bool { return cl(m).Use },
				func(m *model, v bool) { cl(m).Use = v }),
			number("min-"+c.String(), "min "+c.String(), 0, generator.MaxLength, "",
				func(m *model) int { return cl(m).Min },
				func(m *model, v int) { cl(m).Min = v }),
			number("max-"+c.String(), "max "+c.String(), 0, generator.MaxLength, "any",
				func(m *model) int {
					if !cl(m).HasMax {
						return 0
					}
					return cl(m).Max
				},
				func(m *model, v int) {
					if v == 0 {
						cl(m).Max, cl(m).HasMax = 0, false
						return
					}
					*cl(m) = cl(m).AtMost(v)
				}),
		}})
	}
	f.rows = append(f.rows,
		&row{label: "symbol set", cells: []*field{
			text("symbol-set", "symbol set", generator.SymbolChars, 256, st,
				func(m *model) string { return pw(m).SymbolSet },
				func(m *model, v string) { pw(m).SymbolSet = v }),
		}},
		&row{label: "exclude", cells: []*field{
			text("exclude", "exclude", "none", 256, st,
				func(m *model) string { return pw(m).Exclude },
				func(m *model, v string) { pw(m).Exclude = v }),
		}},
		&row{label: "look-alikes", cells: []*field{
			toggle("no-ambiguous", "look-alikes", "avoid 0 O o 1 l I | …",
				func(m *model) bool { return pw(m).NoAmbiguous },
				func(m *model, v bool) { pw(m).NoAmbiguous = v }),
		}},
		&row{label: "alphabet", cells: []*field{
			text("alphabet", "alphabet", "the classes above", 1024, st,
				func(m *model) string { return pw(m).Alphabet },
				func(m *model, v string) { pw(m).Alphabet = v }),
		}, hint: func(m *model) string {
			if pw(m).Alphabet != "" {
				return "replaces the classes; min/max still apply"
			}
			return ""
		}},
		&row{label: "max run", cells: []*field{
			number("max-consecutive", "max run", 0, generator.MaxLength, "off",
				func(m *model) int { return pw(m).MaxRepeating },
				func(m *model, v int) { pw(m).MaxRepeating = v }),
		}, hint: func(m *model) string {
			if n := pw(m).MaxRepeating; n > 0 {
				return "no character " + plural(n+1, "time") + " in a row"
			}
			return ""
		}},
	)
	return f
}

func classLabel(c generator.Class) string {
	switch c {
	case generator.Lower:
		return "lower a-z"
	case generator.Upper:
		return "upper A-Z"
	case generator.Digits:
		return "digits 0-9"
	case generator.Symbols:
		return "symbols"
	}
	return "space"
}

// wordlistChoices are the built-in lists and, last, a file.
var wordlistChoices = append(generator.BuiltinWordlists(), "file…")

func phraseForm(st textinput.Styles) *form {
	ph := func(m *model) *settings.PhraseSettings { return &m.s.Phrase }
	fileChoice := len(wordlistChoices) - 1
	sepText := text("separator", "separator", "none", 64, st,
		func(m *model) string { return ph(m).Separator },
		func(m *model, v string) { ph(m).Separator = v })
	sepText.quote = true
	sepText.visible = func(m *model) bool { return ph(m).RandomSeparator == generator.SepFixed }
	return &form{rows: []*row{
		{label: "words", cells: []*field{
			number("words", "words", 1, generator.MaxWords, "",
				func(m *model) int { return ph(m).Words },
				func(m *model, v int) { ph(m).Words = v }),
		}},
		{label: "wordlist", cells: []*field{
			choice("wordlist", "wordlist", wordlistChoices,
				func(m *model) int {
					if m.phraseFile {
						return fileChoice
					}
					for i, n := range generator.BuiltinWordlists() {
						if n == ph(m).Wordlist {
							return i
						}
					}
					return 0 // "" is the default list
				},
				func(m *model, i int) {
					m.phraseFile = i == fileChoice
					if m.phraseFile {
						ph(m).Wordlist = expandHome(m.phrasePath)
						return
					}
					ph(m).Wordlist = wordlistChoices[i]
				}),
		}, hint: func(m *model) string {
			if m.phraseFile {
				return ""
			}
			return wordlistHint(ph(m).Wordlist)
		}},
		{label: "file", visible: func(m *model) bool { return m.phraseFile }, cells: []*field{
			text("wordlist-file", "wordlist file", "path to a wordlist file", 1024, st,
				func(m *model) string { return m.phrasePath },
				func(m *model, v string) {
					m.phrasePath = v
					ph(m).Wordlist = expandHome(v)
				}),
		}},
		{label: "separator", cells: []*field{
			choice("random-separator", "separator", []string{"text", "random digit", "random symbol"},
				func(m *model) int { return int(ph(m).RandomSeparator) },
				func(m *model, i int) { ph(m).RandomSeparator = generator.SeparatorKind(i) }),
			sepText,
		}},
		{label: "case", cells: []*field{
			choice("case", "case", []string{"lower", "upper", "title", "random"},
				func(m *model) int { return int(ph(m).Case) },
				func(m *model, i int) { ph(m).Case = generator.CaseMode(i) }),
		}},
		{label: "number", cells: []*field{
			toggle("number", "number", "add a digit to one word",
				func(m *model) bool { return ph(m).Number },
				func(m *model, v bool) { ph(m).Number = v }),
		}},
	}}
}

func wordlistHint(name string) string {
	switch name {
	case "eff-short":
		return "1,296 short words"
	case "eff-short2":
		return "1,296 words, unique 3-letter starts"
	}
	return "7,776 words"
}

// tokenFormats are the formats the form offers: raw bytes cannot be shown
// on a screen.
var tokenFormats = []string{"hex", "base64url", "base32", "base62"}

func tokenForm(st textinput.Styles) *form {
	tk := func(m *model) *generator.TokenPolicy { return &m.s.Token }
	format := choice("format", "format", tokenFormats,
		func(m *model) int {
			if tk(m).Format == generator.TokenRaw {
				return -1
			}
			return int(tk(m).Format)
		},
		func(m *model, i int) { tk(m).Format = generator.TokenFormat(i) })
	format.shown = func(m *model) string {
		if tk(m).Format == generator.TokenRaw {
			return "raw"
		}
		return ""
	}
	return &form{rows: []*row{
		{label: "bytes", cells: []*field{
			number("bytes", "bytes", 1, generator.MaxTokenBytes, "",
				func(m *model) int { return tk(m).Bytes },
				func(m *model, v int) { tk(m).Bytes = v }),
		}, hint: func(m *model) string { return plural(8*tk(m).Bytes, "random bit") }},
		{label: "format", cells: []*field{format}},
		{label: "prefix", cells: []*field{
			text("prefix", "prefix", "none, e.g. sk_live_", 64, st,
				func(m *model) string { return tk(m).Prefix },
				func(m *model, v string) { tk(m).Prefix = v }),
		}},
		{label: "checksum", cells: []*field{
			toggle("checksum", "checksum", "add a CRC-32 check",
				func(m *model) bool { return tk(m).Checksum },
				func(m *model, v bool) { tk(m).Checksum = v }),
		}},
	}}
}

func pinForm(_ textinput.Styles) *form {
	pin := func(m *model) *generator.PINPolicy { return &m.s.PIN }
	return &form{rows: []*row{
		{label: "digits", cells: []*field{
			number("length", "digits", 1, generator.MaxLength, "",
				func(m *model) int { return pin(m).Length },
				func(m *model, v int) { pin(m).Length = v }),
		}},
		{label: "trivial", cells: []*field{
			toggle("no-trivial", "trivial PINs", "block 1111, 1234, 4321",
				func(m *model) bool { return pin(m).NoTrivial },
				func(m *model, v bool) { pin(m).NoTrivial = v }),
		}},
	}}
}

// expandHome turns a leading "~/" into the home directory, as a shell
// would for a path typed there.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}
