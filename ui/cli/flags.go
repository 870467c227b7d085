package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Every setting's flag comes from its descriptor in the settings table.
// A flag writes into a scratch copy of the settings; parsing then records
// which settings were given, and the request copies just those onto the
// starting settings. That lets the interactive program's remembered
// settings sit between the defaults and the command line without --help
// ever showing a remembered value as a default.

// flagSet is one command's flags: the settings' and the run options'.
type flagSet struct {
	fs      *pflag.FlagSet
	scratch *settings.Settings
	// owners maps a flag name to the settings it sets: one, or, on the
	// root command, one per mode that has a setting of that name (length).
	owners  map[string][]*settings.Descriptor
	negated map[string]*settings.Descriptor // --no-NAME → NAME
	out     *output
}

func newFlagSet(fs *pflag.FlagSet) *flagSet {
	scratch := settings.Default()
	return &flagSet{fs: fs, scratch: &scratch, owners: map[string][]*settings.Descriptor{}, negated: map[string]*settings.Descriptor{}, out: &output{count: 1}}
}

// addSetting registers a setting's flag (and its --no- twin), or adds the
// setting to a flag of the same name already registered.
func (f *flagSet) addSetting(d *settings.Descriptor, hidden bool) {
	if owners, ok := f.owners[d.Name]; ok {
		f.owners[d.Name] = append(owners, d)
		return
	}
	f.owners[d.Name] = []*settings.Descriptor{d}
	fl := f.fs.VarPF(&settingValue{f, d.Name}, d.Name, d.Short, d.Help)
	if d.Kind() == settings.SwitchKind {
		fl.NoOptDefVal = "true"
	}
	fl.Hidden = hidden
	if d.Negatable {
		no := f.fs.VarPF(&negatedValue{f, d}, "no-"+d.Name, "", "turn off "+d.Name)
		no.NoOptDefVal = "true"
		no.Hidden = hidden
		f.negated["no-"+d.Name] = d
	}
}

// settingValue is a setting's flag: setting it parses into the scratch
// settings of every setting that owns the name.
type settingValue struct {
	f    *flagSet
	name string
}

func (v *settingValue) owner() *settings.Descriptor { return v.f.owners[v.name][0] }

// String implements pflag.Value: the default, shown by --help.
func (v *settingValue) String() string {
	if v.f == nil {
		return ""
	}
	return v.owner().Format(v.f.scratch)
}

// Type implements pflag.Value: the word --help shows after the flag.
func (v *settingValue) Type() string {
	switch v.owner().Kind() {
	case settings.IntKind, settings.LimitKind:
		return "int"
	case settings.SwitchKind:
		return "bool"
	case settings.ChoiceKind:
		return "name"
	}
	return "text"
}

// Set implements pflag.Value.
func (v *settingValue) Set(text string) error {
	for _, d := range v.f.owners[v.name] {
		if err := d.Parse(v.f.scratch, text); err != nil {
			return err
		}
	}
	return nil
}

// negatedValue is a switch's --no-NAME flag.
type negatedValue struct {
	f *flagSet
	d *settings.Descriptor
}

func (v *negatedValue) String() string { return "false" }
func (v *negatedValue) Type() string   { return "bool" }
func (v *negatedValue) Set(text string) error {
	on, err := strconv.ParseBool(strings.TrimSpace(text))
	if err != nil {
		return &settings.ValueError{Want: "takes true or false"}
	}
	v.d.SetBool(v.f.scratch, !on)
	return nil
}

func (f *flagSet) changed(name string) bool {
	fl := f.fs.Lookup(name)
	return fl != nil && fl.Changed
}

// given returns the settings given on the command line for mode m (a
// shared name counts for m's setting, or for its first owner).
func (f *flagSet) given(m settings.Mode) []*settings.Descriptor {
	var out []*settings.Descriptor
	seen := map[*settings.Descriptor]bool{}
	add := func(d *settings.Descriptor) {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	f.fs.Visit(func(fl *pflag.Flag) {
		if d, ok := f.negated[fl.Name]; ok {
			add(d)
			return
		}
		owners := f.owners[fl.Name]
		if len(owners) == 0 {
			return
		}
		d := owners[0]
		for _, o := range owners {
			if o.Mode == m {
				d = o
			}
		}
		add(d)
	})
	return out
}

// flaggedMode is the first mode, in tab order, that a given setting
// belongs to.
func (f *flagSet) flaggedMode() (settings.Mode, bool) {
	for _, m := range settings.Modes() {
		for _, d := range f.given(m) {
			if d.Mode == m {
				return m, true
			}
		}
	}
	return 0, false
}

// output holds the run options: flags that shape this run's output rather
// than a secret. They are not settings: not remembered, not in the forms.
type output struct {
	count      int
	json       bool
	entropy    bool
	copy       bool
	qr         bool
	minBits    float64
	noConfig   bool
	minBitsSet bool
	preset     string // start from this preset's settings
	savePreset string // save the settings as a preset of this name
}

// runOption describes a run option's flag once.
type runOption struct {
	name, short, help string
	value             func(*output) pflag.Value
	isSwitch          bool
	rootOnly          bool // only sesame itself (the interactive program's)
	notNumber         bool // not for sesame number
}

// MaxCount bounds -n/--count.
const MaxCount = 10_000_000

// runOptions are every run option, in --help order.
var runOptions = []runOption{
	{name: "count", short: "n", help: "how many to generate (1-10,000,000), one per line",
		value: func(o *output) pflag.Value { return &countValue{&o.count} }},
	{name: "json", help: "one JSON object per line, with strength and settings", isSwitch: true,
		value: func(o *output) pflag.Value { return (*boolValue)(&o.json) }},
	{name: "entropy", help: `print the strength ("131.09 bits, excellent") to stderr`, isSwitch: true,
		value: func(o *output) pflag.Value { return (*boolValue)(&o.entropy) }},
	{name: "copy", help: "copy the (last) result; at a terminal, print nothing", isSwitch: true,
		value: func(o *output) pflag.Value { return (*boolValue)(&o.copy) }},
	{name: "qr", help: "draw the (last) result as a QR code on the terminal, for a phone", isSwitch: true, notNumber: true,
		value: func(o *output) pflag.Value { return (*boolValue)(&o.qr) }},
	{name: "min-bits", help: "use the shortest length (words, bytes) reaching this", notNumber: true,
		value: func(o *output) pflag.Value { return &bitsValue{o} }},
	{name: "preset", help: "start from a preset's settings (sesame presets lists them)", notNumber: true,
		value: func(o *output) pflag.Value { return (*nameValue)(&o.preset) }},
	{name: "save-preset", help: "save the settings as a preset of this name, in the settings file", notNumber: true,
		value: func(o *output) pflag.Value { return (*presetNameValue)(&o.savePreset) }},
	{name: "no-config", help: "ignore and don't save the remembered settings", isSwitch: true, rootOnly: true,
		value: func(o *output) pflag.Value { return (*boolValue)(&o.noConfig) }},
}

// addRunOptions registers the run options a command takes.
func (f *flagSet) addRunOptions(root, number bool) {
	for _, o := range runOptions {
		if o.rootOnly && !root || o.notNumber && number {
			continue
		}
		fl := f.fs.VarPF(o.value(f.out), o.name, o.short, o.help)
		if o.isSwitch {
			fl.NoOptDefVal = "true"
		}
	}
}

type boolValue bool

func (b *boolValue) String() string { return strconv.FormatBool(bool(*b)) }
func (b *boolValue) Type() string   { return "bool" }
func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(strings.TrimSpace(s))
	if err != nil {
		return &settings.ValueError{Want: "takes true or false"}
	}
	*b = boolValue(v)
	return nil
}

// nameValue is a run option that takes a name.
type nameValue string

func (v *nameValue) String() string     { return string(*v) }
func (v *nameValue) Type() string       { return "name" }
func (v *nameValue) Set(s string) error { *v = nameValue(s); return nil }

// presetNameValue is a name to save a preset under, checked as it is
// given: an empty or impossible name is refused before anything is made.
type presetNameValue string

func (v *presetNameValue) String() string { return string(*v) }
func (v *presetNameValue) Type() string   { return "name" }
func (v *presetNameValue) Set(s string) error {
	if err := settings.CheckPresetName(s); err != nil {
		return err
	}
	*v = presetNameValue(s)
	return nil
}

type countValue struct{ p *int }

func (v *countValue) String() string { return strconv.Itoa(*v.p) }
func (v *countValue) Type() string   { return "int" }
func (v *countValue) Set(s string) error {
	n, err := settings.ParseDecimal(s, 64)
	if err != nil || n < 1 || n > MaxCount {
		return &settings.ValueError{Want: fmt.Sprintf("must be a whole number from 1 to %s", settings.Group(MaxCount)), Hint: settings.DecimalHint(s)}
	}
	*v.p = int(n)
	return nil
}

// maxBits bounds --min-bits: more than any secret sesame makes.
const maxBits = 1 << 20

type bitsValue struct{ o *output }

func (v *bitsValue) String() string { return "" }
func (v *bitsValue) Type() string   { return "bits" }
func (v *bitsValue) Set(s string) error {
	x, err := settings.ParseDecimalFraction(s)
	if err != nil || math.IsNaN(x) || x <= 0 || x > maxBits {
		return &settings.ValueError{Want: fmt.Sprintf("must be a number of bits above 0, up to %s", settings.Group(maxBits)), Hint: settings.DecimalHint(s)}
	}
	v.o.minBits, v.o.minBitsSet = x, true
	return nil
}
