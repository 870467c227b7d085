package cli

import (
	"errors"
	"slices"
	"strings"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// request is one command line, parsed: what to make and how to print it.
// It is the only thing the parsing step (the cobra commands) hands on;
// nothing that generates looks at cobra or its flags.
type request struct {
	// command is the subcommand as named in messages ("password"), or
	// "sesame" for sesame itself.
	command string
	root    bool // sesame itself, not a subcommand
	mode    settings.Mode
	// flags holds the values of the settings given on the command line,
	// and given which those are; apply copies them onto settings.
	flags settings.Settings
	given []*settings.Descriptor
	out   output
	// interactive: start the interactive program instead of printing.
	interactive bool
	// modeChosen: --mode, or a flag of one mode, chose sesame's mode (the
	// interactive program's starting tab).
	modeChosen bool
	number     *numberRequest // sesame number
	// preset is the preset the settings start from (--preset), found
	// when the request runs.
	preset *settings.Preset
}

// numberRequest is what sesame number draws.
type numberRequest struct {
	lo, hi int64
	unique bool
}

// apply copies the settings given on the command line onto s.
func (r *request) apply(s *settings.Settings) {
	if r.preset != nil {
		r.preset.Apply(s)
	}
	for _, d := range r.given {
		d.Copy(s, &r.flags)
	}
	if r.modeChosen {
		s.Mode = r.mode
	}
}

// gave reports whether the setting of that name (of the request's mode,
// or common) was given.
func (r *request) gave(name string) bool {
	for _, d := range r.given {
		if d.Name == name && (d.Mode == r.mode || d.Mode == settings.Common) {
			return true
		}
	}
	return false
}

// sharesTarget reports whether d and e set one setting (one may be a
// shorthand for others, as --site is for --rules).
func sharesTarget(d, e *settings.Descriptor) bool {
	if d == e {
		return false
	}
	names := func(x *settings.Descriptor) []string {
		if x.Alias() {
			return x.Sets
		}
		return []string{x.Name}
	}
	for _, n := range names(d) {
		if slices.Contains(names(e), n) {
			return true
		}
	}
	return false
}

// flagName spells a setting a message names as the flag the user gave
// for it (a shorthand such as --max-consecutive), or as its own flag.
func (r *request) flagName(s generator.SettingName) string {
	if by := r.givenAs(string(s)); by != "" {
		return "--" + by
	}
	return flagName(s)
}

// givenAs returns the flag that gave the setting of that name: the
// setting itself or a shorthand for it (--site for --rules), or "".
func (r *request) givenAs(name string) string {
	for _, d := range r.given {
		if d.Mode != r.mode && d.Mode != settings.Common {
			continue
		}
		if d.Name == name || slices.Contains(d.Sets, name) {
			return d.Name
		}
	}
	return ""
}

// settings returns the settings a printing run uses: the defaults, then the
// preset, then the command line.
func (r *request) settings() settings.Settings {
	s := settings.Default()
	r.apply(&s)
	s.Mode = r.mode
	// Website rules may change the passphrase settings left to sesame,
	// never those given.
	s.Phrase.Given = settings.PhraseGiven{
		Words:     r.gave("words"),
		Case:      r.gave("case"),
		Separator: r.gave("separator") || r.gave("random-separator"),
		Number:    r.gave("number"),
	}
	return s
}

// parseRequest turns one command's parsed flags into a request, refusing
// flags that contradict each other or could have no effect.
func parseRequest(f *flagSet, command string, root bool, mode settings.Mode, args []string, stdoutTTY, stdinTTY bool) (*request, error) {
	r := &request{command: command, root: root, mode: mode, flags: *f.scratch, out: *f.out}
	if root {
		printing := !stdinTTY || !stdoutTTY
		for _, o := range runOptions {
			printing = printing || !o.rootOnly && f.changed(o.name)
		}
		r.interactive = !printing
		switch m, ok := f.flaggedMode(); {
		case f.changed("mode"):
			r.mode, r.modeChosen = r.flags.Mode, true
		case ok:
			r.mode, r.modeChosen = m, true
		}
	}
	r.given = f.given(r.mode)
	if err := r.positional(f, args); err != nil {
		return nil, err
	}
	if err := f.checkContradictions(r); err != nil {
		return nil, err
	}
	return r, nil
}

// positional takes the size and the count written after a command, as
// pwgen takes them (sesame pw 16 5). A flag that sets the same thing must
// agree with them.
func (r *request) positional(f *flagSet, args []string) error {
	if len(args) > 0 {
		size := settings.SizeOf(r.mode)
		given := r.flags
		if err := size.Parse(&given, args[0]); err != nil {
			return usagef("the %s after the command %s, not %s%s", size.Name, err, quoteShort(args[0]), hintOf(err))
		}
		if f.changed(size.Name) && !size.Equal(&given, &r.flags) {
			return usagef("--%s %s and the %s %s after the command disagree: give one", size.Name, size.Format(&r.flags), size.Name, args[0])
		}
		size.Copy(&r.flags, &given)
		if !r.gave(size.Name) {
			r.given = append(r.given, size)
		}
	}
	if len(args) > 1 {
		n := 0
		if err := (&countValue{&n}).Set(args[1]); err != nil {
			return usagef("the count after the size %s, not %s%s", err, quoteShort(args[1]), hintOf(err))
		}
		if f.changed("count") && n != r.out.count {
			return usagef("-n %d and the count %s after the size disagree: give one", r.out.count, args[1])
		}
		r.out.count = n
	}
	return nil
}

// hintOf is a value error's hint, as " (hint)", or "".
func hintOf(err error) string {
	var ve *settings.ValueError
	if errors.As(err, &ve) && ve.Hint != "" {
		return " (" + ve.Hint + ")"
	}
	return ""
}

// checkContradictions refuses a switch given both ways, an empty value
// where one is needed, and a setting that another given setting makes
// pointless.
func (f *flagSet) checkContradictions(r *request) error {
	s := r.settings()
	for i, d := range r.given {
		for _, e := range r.given[:i] {
			if sharesTarget(d, e) && f.changed(d.Name) && f.changed(e.Name) {
				return usagef("--%s and --%s set the same thing: give one", e.Name, d.Name)
			}
		}
		if d.Negatable && f.changed(d.Name) && f.changed("no-"+d.Name) {
			return usagef("--%s and --no-%s contradict each other: give one", d.Name, d.Name)
		}
		if d.Kind() == settings.TextKind && d.NonEmpty != "" && strings.TrimSpace(d.Text(&s)) == "" {
			// Blanks alone are as empty as nothing: the rules language
			// skips them, and no symbol set or alphabet is spaces.
			what := "empty"
			if d.Text(&s) != "" {
				what = "blank"
			}
			return usagef("--%s is %s: %s", d.Name, what, d.NonEmpty)
		}
		if d.Overridden == nil {
			continue
		}
		if o := d.Overridden(&s); o != nil {
			by := r.givenAs(o.By)
			if by == "" {
				continue
			}
			shown, fix := d.Name, "drop one of them"
			if f.changed("no-"+d.Name) && !f.changed(d.Name) {
				shown = "no-" + d.Name
				if o.Hint != "" {
					fix = "drop --" + shown + " (" + o.Hint + ")"
				}
			}
			return usagef("--%s has no effect with --%s, as %s: %s", shown, by, o.Why, fix)
		}
	}
	return nil
}

// checkOutput refuses run options that do not fit the rest of the request.
func (r *request) checkOutput(stdoutTTY bool) error {
	s := r.settings()
	if !r.root && !r.out.copy && r.gave(settings.ClearAfterName) {
		return usagef("--%s only applies with --copy", settings.ClearAfterName)
	}
	if r.out.copy && stdoutTTY && r.out.count > 1 {
		return usagef("--copy copies one result and, at a terminal, prints none: drop -n, or redirect the output to keep them all")
	}
	if r.out.qr && stdoutTTY && r.out.count > 1 {
		return usagef("--qr draws one result and, at a terminal, prints none: drop -n, or redirect the output to keep them all")
	}
	if r.out.qr && r.mode == settings.Token && s.Token.Format == generator.TokenRaw {
		return usagef("--qr cannot draw raw bytes: choose another --format")
	}
	if r.out.copy && r.number == nil && r.mode == settings.Token && s.Token.Format == generator.TokenRaw {
		return usagef("--copy cannot put raw bytes on the clipboard: choose another --format")
	}
	if r.out.minBitsSet {
		if size := settings.SizeOf(r.mode); size != nil && r.gave(size.Name) {
			return usagef("--%s and --min-bits both set the size: give one", size.Name)
		}
	}
	return nil
}
