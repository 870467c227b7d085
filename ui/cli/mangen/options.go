package main

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/ui/settings"
)

// An entry of OPTIONS says what a flag takes the way a reader would type
// it: a switch takes nothing, a number N, a choice one of its names, a text
// TEXT. A default is shown only when typing it would work (never the empty
// default of a flag that must be given a value, nor a choice the command
// line refuses), and a switch's default is said in words. Everything comes
// from the flags and, for a setting's flag, from its descriptor in the
// settings table.

// option is one entry: tag and help are roff.
type option struct{ tag, help string }

// options lists cmd's visible flags as --help sorts them, a switch and its
// --no- twin as one entry. accepts reports whether a flag takes a value.
func options(cmd *cobra.Command, accepts func(flag, value string) bool) []option {
	var out []option
	for _, fs := range []*pflag.FlagSet{cmd.LocalFlags(), cmd.InheritedFlags()} {
		twins := map[string]bool{}
		fs.VisitAll(func(f *pflag.Flag) {
			if twin := negation(fs, f, settingOf(cmd, f.Name)); twin != nil {
				twins[twin.Name] = true
			}
		})
		fs.VisitAll(func(f *pflag.Flag) {
			if visible(f) && !twins[f.Name] {
				out = append(out, describe(fs, f, settingOf(cmd, f.Name), accepts))
			}
		})
	}
	return out
}

func visible(f *pflag.Flag) bool { return !f.Hidden && f.Deprecated == "" }

func isSwitch(f *pflag.Flag) bool { return f.Value.Type() == "bool" && f.NoOptDefVal != "" }

// negation returns the visible --no-NAME switch that turns f off, if f is
// a switch that has one (and, for a setting, one the table makes
// negatable).
func negation(fs *pflag.FlagSet, f *pflag.Flag, d *settings.Descriptor) *pflag.Flag {
	twin := fs.Lookup("no-" + f.Name)
	if twin == nil || !visible(f) || !visible(twin) || !isSwitch(f) || !isSwitch(twin) {
		return nil
	}
	if twin.Shorthand != "" {
		// Its own one-letter flag (pwgen's -A beside -c) needs its own
		// entry: --[no-]NAME has room for one.
		return nil
	}
	if d != nil && !d.Negatable {
		return nil
	}
	return twin
}

// settingOf returns the setting a flag of cmd sets, or nil for the run
// options. A mode's command sets that mode's settings; sesame itself sets
// every mode's, and a name two modes share counts as the first's, as its
// flag does.
func settingOf(cmd *cobra.Command, name string) *settings.Descriptor {
	if m, err := settings.ParseMode(cmd.Name()); err == nil {
		return settings.Lookup(m, name)
	}
	if cmd.HasParent() {
		return settings.Lookup(settings.Common, name)
	}
	for _, d := range settings.All() {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// describe writes one flag's entry.
func describe(fs *pflag.FlagSet, f *pflag.Flag, d *settings.Descriptor, accepts func(flag, value string) bool) option {
	_, usage := pflag.UnquoteUsage(f)
	tag := bold("--" + f.Name)
	note := "" // roff
	switch {
	case negation(fs, f, d) != nil:
		tag = bold("--[no-]" + f.Name)
		note = onOff(f.DefValue)
	case isSwitch(f):
		if f.DefValue == "true" {
			note = onOff(f.DefValue)
		}
	default:
		tag += " " + placeholder(f, d)
		if f.DefValue != "" && accepts(f.Name, f.DefValue) {
			// A non-breaking space keeps the value on its word's line.
			note = `default\ ` + escape(shownDefault(f, d), true)
		}
	}
	if f.Shorthand != "" && f.ShorthandDeprecated == "" {
		tag = bold("-"+f.Shorthand) + ", " + tag
	}
	help := escape(usage, false)
	if note != "" {
		help += " (" + note + ")"
	}
	return option{tag: tag, help: help}
}

// onOff says a switch's default in words.
func onOff(def string) string {
	if def == "true" {
		return "on by default"
	}
	return "off by default"
}

// placeholder is what a flag that takes a value is followed by (roff).
func placeholder(f *pflag.Flag, d *settings.Descriptor) string {
	if d == nil {
		return runOptionPlaceholder(f)
	}
	switch d.Kind() {
	case settings.IntKind:
		return italic("N")
	case settings.LimitKind:
		return italic("N") + "|" + bold(noLimit(d))
	case settings.ChoiceKind:
		return alternatives(d.ChoiceNames(true), "")
	}
	// A text: the values the setting suggests, and files where it takes one.
	file := ""
	if d.Files {
		file = "FILE"
	}
	if d.Suggest != nil {
		return alternatives(d.Suggest(), file)
	}
	if file != "" {
		return italic(file)
	}
	return italic("TEXT")
}

// runOptionPlaceholder names the value of a flag that is not a setting:
// the word its help marks with backquotes (pflag's convention), N for a
// number, or its type's name.
func runOptionPlaceholder(f *pflag.Flag) string {
	name, _ := pflag.UnquoteUsage(f)
	if strings.Contains(f.Usage, "`") {
		return italic(name)
	}
	switch t := f.Value.Type(); {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"):
		return italic("N")
	default:
		return italic(strings.ToUpper(t))
	}
}

// alternatives writes literal names, then a placeholder if there is one,
// separated by |.
func alternatives(names []string, then string) string {
	parts := make([]string, 0, len(names)+1)
	for _, n := range names {
		parts = append(parts, bold(n))
	}
	if then != "" {
		parts = append(parts, italic(then))
	}
	return strings.Join(parts, "|")
}

// noLimit is the word a limit's flag takes for "no limit", as the setting
// itself writes it.
func noLimit(d *settings.Descriptor) string {
	s := settings.Default()
	_ = d.SetLimit(&s, settings.Limit{}) // no limit is always valid
	return d.Format(&s)
}

// shownDefault writes a default as it would be typed: a text quoted, as it
// may be a space or punctuation.
func shownDefault(f *pflag.Flag, d *settings.Descriptor) string {
	if d != nil && d.Kind() == settings.TextKind {
		return `"` + f.DefValue + `"`
	}
	return f.DefValue
}
