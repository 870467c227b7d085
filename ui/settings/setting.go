package settings

import (
	"strings"

	"github.com/sesame-sh/sesame/generator"
)

// A Descriptor describes one setting once, for every surface: its name is the
// command-line flag (--min-digits), the form field's id, and the key in the
// settings file and in --json output (spelt with _ for -, as JSON keys are
// elsewhere in that output: min_digits). The command line registers its
// flags from these descriptors, the interactive program builds its forms
// from them, the settings file is read and written through them, and
// errors from the library name them (generator.SettingName).
type Descriptor struct {
	Name  string // flag, field id, settings key
	Short string // one-letter flag, or ""
	Mode  Mode   // the mode it belongs to, or Common
	Help  string // one line, for --help, the man page and completion

	// Where the setting appears; every surface unless limited here.
	NoForm bool // not a field of the form (the tab itself, the mask key)
	NoJSON bool // not written by --json (settings of the program, not of a secret)
	// RootOnly settings are flags of sesame itself, not of its commands.
	RootOnly bool

	// Values.
	Min, Max int // IntKind and LimitKind: the range
	// Range, if set, narrows [Min, Max] by other settings (a website's
	// rules bound the length), saying why; ok is false when it does not.
	Range     func(*Settings) (lo, hi int, why string, ok bool)
	MaxLen    int      // TextKind: the most characters
	maxLenWhy string   // TextKind: why MaxLen, said in the error
	Choices   []Choice // ChoiceKind: in the order of the underlying value
	Negatable bool     // SwitchKind that is on by default: --no-NAME turns it off
	// NonEmpty, for a text, makes an empty value given on the command line
	// an error; it says what would work instead.
	NonEmpty string
	// Check, for a text, refuses a value given on the command line that
	// cannot be meant for this setting (a rules string given to --site).
	Check func(text string) *ValueError
	// Suggest lists values for completion and for the form's choice of
	// built-in values (the wordlists); Files adds files to both.
	Suggest func() []string
	// Describe, if set, says a few words on each suggested value, which
	// shell completion shows beside it (a wordlist's language and size).
	Describe func(value string) string
	Files    bool
	// Complete lists values for shell completion alone (the bundled
	// sites: too many to step through in a form).
	Complete func() []string
	// Size marks the mode's size: what ↑/↓ change in the interactive
	// program and what --min-bits chooses.
	Size bool
	// Overridden says when another setting makes this one have no effect.
	Overridden func(*Settings) *Override

	// How the form shows it.
	Row     string // the row's label; consecutive settings with one Row share it
	Table   string // a title over consecutive rows drawn as a table (use, min, max)
	Caption string // a switch's words after its box, saying what "on" does
	Zero    string // what an empty text or a 0 number means ("none", "off")
	Quote   bool   // show a text in quotes (a separator may be a space)
	// HideOverridden hides the field while another setting overrides it
	// (the separator beside a random one); otherwise it stays in view.
	HideOverridden bool
	// Note is a remark after the row's fields, from the current settings.
	Note func(*Settings) string

	// Sets makes the setting a shorthand for others of its mode: giving it
	// gives each of them the same value. It has a flag and nothing else.
	Sets []string

	// value is the field the setting lives in, and so its Kind (field.go);
	// an alias (Sets) has none of its own.
	value value
}

// Kind is what sort of value a setting holds.
type Kind int

// The kinds of setting.
const (
	IntKind    Kind = iota // a whole number in [Min, Max]
	LimitKind              // no limit, or a whole number in [Min, Max]
	SwitchKind             // on or off
	ChoiceKind             // one of Choices
	TextKind               // text of at most MaxLen characters
)

// Choice is one value of a choice setting.
type Choice struct {
	Name string // as typed and stored
	// Aliases are other names accepted wherever Name is (pw for
	// password); Name is what is stored and shown.
	Aliases []string
	Label   string // in the form; "" means Name
	// NotInForm: the form cannot show a secret of this kind (raw bytes).
	NotInForm bool
	// notAFlag: the command line does not offer it (it is the value the
	// setting has when its flag is not given).
	notAFlag bool
}

// Override explains why a setting has no effect: By replaces it.
type Override struct {
	By  string // the setting that overrides, such as "alphabet"
	Why string // a clause saying what By does: "the alphabet replaces the character classes"
	// Hint, for a switch turned off on the command line, says which flag
	// does what was meant ("--max-digits 0 leaves digits out").
	Hint string
}

// is reports whether text names the choice, by its name or an alias,
// in any case.
func (c Choice) is(text string) bool {
	text = strings.TrimSpace(text)
	if strings.EqualFold(text, c.Name) {
		return true
	}
	for _, a := range c.Aliases {
		if strings.EqualFold(text, a) {
			return true
		}
	}
	return false
}

// Alias reports whether the setting is a shorthand for others (Sets).
func (d *Descriptor) Alias() bool { return len(d.Sets) > 0 }

// targets are the settings an alias sets, or the setting itself.
func (d *Descriptor) targets() []*Descriptor {
	if !d.Alias() {
		return []*Descriptor{d}
	}
	out := make([]*Descriptor, 0, len(d.Sets))
	for _, name := range d.Sets {
		out = append(out, Lookup(d.Mode, name))
	}
	return out
}

// field returns where the setting's value lives (an alias reads its
// first target's).
func (d *Descriptor) field() value { return d.targets()[0].value }

// Kind is what sort of value the setting holds (an alias, what its
// targets hold).
func (d *Descriptor) Kind() Kind { return d.field().kind() }

// ID is the setting's name as the library spells it in messages.
func (d *Descriptor) ID() generator.SettingName { return generator.SettingName(d.Name) }

// Label is the form's label for a choice.
func (c Choice) label() string {
	if c.Label != "" {
		return c.Label
	}
	return c.Name
}

// Label is the label of choice i in the form.
func (d *Descriptor) Label(i int) string {
	if i < 0 || i >= len(d.Choices) {
		return "?"
	}
	return d.Choices[i].label()
}
