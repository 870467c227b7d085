package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Flags are bound to a scratch copy of the settings; a binding copies one
// flag's field onto the real settings when the flag was given. That lets
// the interactive program's remembered settings sit between the defaults
// and the command line without --help ever showing a remembered value as
// a default.
type binding struct {
	name string
	copy func(dst, src *settings.Settings)
}

type flagSet struct {
	fs       *pflag.FlagSet
	scratch  *settings.Settings
	bindings []binding
}

func newFlagSet(fs *pflag.FlagSet, scratch *settings.Settings) *flagSet {
	return &flagSet{fs: fs, scratch: scratch}
}

// apply copies every flag that was given onto dst.
func (f *flagSet) apply(dst *settings.Settings) {
	for _, b := range f.bindings {
		if f.fs.Changed(b.name) {
			b.copy(dst, f.scratch)
		}
	}
}

func (f *flagSet) changed(name string) bool {
	fl := f.fs.Lookup(name)
	return fl != nil && fl.Changed
}

// intValue is an integer flag that knows its range, so a bad value gets a
// message saying what would work.
type intValue struct {
	p        *int
	min, max int
}

func (v *intValue) String() string { return strconv.Itoa(*v.p) }
func (v *intValue) Type() string   { return "int" }
func (v *intValue) Set(s string) error {
	n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(s), "_", ""))
	if err != nil || n < v.min || n > v.max {
		return &valueError{want: fmt.Sprintf("must be a whole number from %s to %s", group(v.min), group(v.max))}
	}
	*v.p = n
	return nil
}

// group writes 10000000 as 10,000,000.
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// floatValue is a non-negative number flag (--min-bits).
type floatValue struct {
	p   *float64
	max float64
}

func (v *floatValue) String() string { return strconv.FormatFloat(*v.p, 'f', -1, 64) }
func (v *floatValue) Type() string   { return "bits" }
func (v *floatValue) Set(s string) error {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(x) || x <= 0 || x > v.max {
		return &valueError{want: fmt.Sprintf("must be a number of bits above 0, up to %s", group(int(v.max)))}
	}
	*v.p = x
	return nil
}

// choiceValue is a flag with a fixed set of names, parsed by parse.
type choiceValue struct {
	cur   string
	parse func(string) error
	names string
}

func (v *choiceValue) String() string { return v.cur }
func (v *choiceValue) Type() string   { return "name" }
func (v *choiceValue) Set(s string) error {
	if err := v.parse(s); err != nil {
		e := &valueError{want: "must be " + v.names}
		if c := closest(strings.ToLower(s), v.choices()); c != "" {
			e.hint = "did you mean " + c + "?"
		}
		return e
	}
	v.cur = s
	return nil
}

// choices lists the names in v.names ("a, b or c").
func (v *choiceValue) choices() []string {
	return strings.FieldsFunc(strings.ReplaceAll(v.names, " or ", ","), func(r rune) bool { return r == ',' || r == ' ' })
}

// textValue is a string flag that rejects nothing at parse time (the
// library validates the characters with better context).
type textValue struct{ p *string }

func (v *textValue) String() string     { return *v.p }
func (v *textValue) Type() string       { return "text" }
func (v *textValue) Set(s string) error { *v.p = s; return nil }

// intFlag registers a ranged integer flag bound to a field of the scratch
// settings.
func (f *flagSet) intFlag(name, short string, field func(*settings.Settings) *int, min, max int, usage string) {
	v := &intValue{p: field(f.scratch), min: min, max: max}
	f.fs.VarP(v, name, short, usage)
	f.bindings = append(f.bindings, binding{name, func(dst, src *settings.Settings) { *field(dst) = *field(src) }})
}

// boolFlag registers a switch; a --no-NAME twin turns it off when negate is
// set.
func (f *flagSet) boolFlag(name, short string, field func(*settings.Settings) *bool, usage string) {
	f.fs.BoolVarP(field(f.scratch), name, short, *field(f.scratch), usage)
	f.bindings = append(f.bindings, binding{name, func(dst, src *settings.Settings) { *field(dst) = *field(src) }})
}

// onOffFlag registers --NAME and --no-NAME for a switch that is on by
// default; giving both is a usage error reported by check.
func (f *flagSet) onOffFlag(name string, field func(*settings.Settings) *bool, usage string) {
	f.boolFlag(name, "", field, usage)
	off := new(bool)
	f.fs.BoolVar(off, "no-"+name, false, "turn off "+name)
	f.bindings = append(f.bindings, binding{"no-" + name, func(dst, _ *settings.Settings) { *field(dst) = !*off }})
}

func (f *flagSet) textFlag(name, short string, field func(*settings.Settings) *string, usage string) {
	f.fs.VarP(&textValue{field(f.scratch)}, name, short, usage)
	f.bindings = append(f.bindings, binding{name, func(dst, src *settings.Settings) { *field(dst) = *field(src) }})
}

func (f *flagSet) choiceFlag(name string, cur string, names string, parse func(string, *settings.Settings) error, usage string) {
	v := &choiceValue{cur: cur, names: names, parse: func(s string) error { return parse(s, f.scratch) }}
	f.fs.Var(v, name, usage)
	f.bindings = append(f.bindings, binding{name, func(dst, _ *settings.Settings) { parse(v.cur, dst) }})
}

// contradictions reports a flag given together with its --no- twin.
func (f *flagSet) contradictions(names ...string) error {
	for _, n := range names {
		if f.changed(n) && f.changed("no-"+n) {
			return usagef("--%s and --no-%s contradict each other: give one", n, n)
		}
	}
	return nil
}
