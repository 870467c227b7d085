package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tailscale/hujson"

	"github.com/sesame-sh/sesame/generator"
)

// A Preset is named settings of one mode, to start from: --preset NAME on
// the command line, p in the interactive program. Some are built in; users
// save their own (--save-preset NAME, S in the interactive program) in the
// settings file, under "presets", each as its mode's settings object.
type Preset struct {
	Name     string
	Mode     Mode
	Settings Settings // the mode's part is the preset
	About    string   // what it is for, in a few words (built-in ones)
	Builtin  bool
}

// safeSymbols are the symbols of the "safe" preset: the punctuation that
// needs no quoting or escaping in a shell word, a URL (RFC 3986's
// unreserved characters), a .env value, a YAML plain scalar or a JSON
// string. Every other ASCII symbol fails one of them: space, ! " # $ & '
// ( ) * ; < > ? [ \ ] ` { | } ~ mean something to a shell (~ expands at
// the start of a word); % + / : = @ , have a meaning in URLs (and : , in
// YAML); # starts a comment in .env and YAML; " and \ need escaping in
// JSON.
const safeSymbols = "-._"

// BuiltinPresets are the presets every sesame has.
func BuiltinPresets() []Preset {
	alnum := Default()
	alnum.Password.Symbols.Use = false
	safe := Default()
	safe.Password.SymbolSet = safeSymbols
	python := Default()
	python.Password = PasswordSettings{Length: 10, Lower: Class{Use: true, Min: 1}, Upper: Class{Use: true, Min: 1}, Digits: Class{Use: true, Min: 3}}
	return []Preset{
		{Name: "alnum", Mode: Password, Settings: alnum, Builtin: true, About: "letters and digits"},
		{Name: "safe", Mode: Password, Settings: safe, Builtin: true, About: "letters, digits and -._: nothing to quote anywhere"},
		{Name: "python", Mode: Password, Settings: python, Builtin: true,
			About: "the Python docs' recipe: 10 letters and digits, at least 1 lower, 1 upper, 3 digits"},
	}
}

// presetName is what a saved preset may be called. It is compiled when
// first needed, not at every start of every command (0.05 ms and 380
// allocations: most of what this package's initialisation allocated).
var presetName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`) })

// Apply puts the preset's settings of its mode onto s, and makes that
// mode the current one.
func (p Preset) Apply(s *Settings) {
	for _, d := range Of(p.Mode) {
		d.Copy(s, &p.Settings)
	}
	s.Mode = p.Mode
}

// Presets returns the built-in presets and those saved in the file at
// path (nil path: none), built-in first, and a one-line warning about
// saved ones that could not be read, or about the file.
func Presets(path string) ([]Preset, string) {
	out := BuiltinPresets()
	if path == "" {
		return out, ""
	}
	f, err := readFile(path)
	if err != nil {
		return out, err.Error() + "; its presets are left out, and sesame will not write over it"
	}
	saved, warn := savedPresets(f, path)
	return append(out, saved...), warn
}

// FindPreset returns the preset of that name, and Presets' warning.
func FindPreset(path, name string) (Preset, string, error) {
	all, warn := Presets(path)
	for _, p := range all {
		if p.Name == name {
			return p, warn, nil
		}
	}
	var names []string
	for _, p := range all {
		names = append(names, p.Name)
	}
	if c := Closest(name, names); c != "" {
		return Preset{}, warn, fmt.Errorf("no preset %q: did you mean %s? (sesame presets lists them)", name, c)
	}
	return Preset{}, warn, fmt.Errorf("no preset %q: use %s, or save one with --save-preset (sesame presets lists them)", name, OrList(names))
}

// PresetName turns what is typed into a name a preset can have, as it is
// typed: lower case, a space becomes '-', a character no name may hold
// is dropped, as is a '-' or '_' at the start, and the name stops at 32
// characters. A non-empty result passes CheckPresetName unless a built-in
// preset has it.
func PresetName(typed string) string {
	var b strings.Builder
	n := 0
	for _, r := range strings.ToLower(typed) {
		if r == ' ' {
			r = '-'
		}
		ok := 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || (r == '-' || r == '_') && n > 0
		if ok && n < 32 {
			b.WriteRune(r)
			n++
		}
	}
	return b.String()
}

// CheckPresetName says why name cannot name a saved preset, if it cannot.
func CheckPresetName(name string) error {
	if !presetName().MatchString(name) {
		return fmt.Errorf("%q cannot name a preset: use up to 32 lower-case letters, digits, - and _, starting with a letter or digit", name)
	}
	for _, b := range BuiltinPresets() {
		if b.Name == name {
			return fmt.Errorf("%q is a built-in preset: choose another name", name)
		}
	}
	return nil
}

// SavePreset saves mode m's settings in s as a preset named name, in the
// file at path, replacing a saved one of the name (replaced says so);
// everything else in the file is kept as it is. A bad name and settings
// no secret can satisfy are refused, and a file that cannot be read whole
// is never written over (a *FileError). As in Save, a site is kept as its
// host name alone.
func SavePreset(path, name string, m Mode, s Settings) (_ Preset, replaced bool, _ error) {
	if err := CheckPresetName(name); err != nil {
		return Preset{}, false, err
	}
	if _, _, err := s.Generator(m); err != nil {
		var pe *generator.PolicyError
		if errors.As(err, &pe) {
			return Preset{}, false, fmt.Errorf("not saved as preset %q: %w", name, err)
		}
	}
	fileMu.Lock()
	defer fileMu.Unlock()
	f, err := readFile(path)
	if err != nil {
		return Preset{}, false, err
	}
	var saved map[string]json.RawMessage
	if raw, ok := f.top["presets"]; ok && json.Unmarshal(raw, &saved) != nil {
		return Preset{}, false, &FileError{Path: path, Why: `its "presets" is not an object`}
	}
	_, replaced = saved[name]
	s, _ = s.Storable()
	p := Preset{Name: name, Mode: m, Settings: s.Only(m)}
	preset := []member{{"mode", literal(m.String())}}
	for _, o := range Modes() {
		if o == m {
			preset = append(preset, member{o.String(), modeMembers(&p.Settings, m)})
		} else {
			preset = append(preset, member{o.String(), nil}) // from a preset of another mode it replaces
		}
	}
	root := f.tree()
	patchObject(root.Value.(*hujson.Object), []member{
		{"version", literal(max(fileVersion, fileVersionOf(f.top)))},
		{"presets", []member{{name, preset}}},
	}, 0)
	return p, replaced, write(path, root.Pack())
}

// savedPresets reads the presets saved in the file: each from the
// defaults, with what the file says on top. A value that is invalid, or
// that no secret could satisfy with the rest, falls back to its default
// alone, as the settings do; a preset that cannot be read at all is left
// out. Either way, with a one-line warning.
func savedPresets(f *file, path string) ([]Preset, string) {
	var presets map[string]json.RawMessage
	if raw, ok := f.top["presets"]; ok && json.Unmarshal(raw, &presets) != nil {
		return nil, fmt.Sprintf(`%s has a "presets" that is not an object; it is left out`, path)
	}
	var out []Preset
	var bad, fellBack []string
	for name, raw := range presets {
		var obj map[string]json.RawMessage
		var modeName string
		if json.Unmarshal(raw, &obj) != nil || json.Unmarshal(obj["mode"], &modeName) != nil {
			bad = append(bad, name)
			continue
		}
		m, err := ParseMode(modeName)
		var fields map[string]json.RawMessage
		if err != nil || !presetName().MatchString(name) || json.Unmarshal(obj[m.String()], &fields) != nil {
			bad = append(bad, name)
			continue
		}
		s := Default()
		invalid := decode(&s, fields, Of(m))
		s, more := Valid(s, Default())
		for _, v := range append(invalid, more...) {
			fellBack = append(fellBack, v+" in "+name)
		}
		out = append(out, Preset{Name: name, Mode: m, Settings: s.Only(m)})
	}
	slices.SortFunc(out, func(a, b Preset) int { return strings.Compare(a.Name, b.Name) })
	var warns []string
	if len(bad) > 0 {
		slices.Sort(bad)
		warns = append(warns, fmt.Sprintf("%s has presets that cannot be used (%s); they are left out", path, AndList(bad)))
	}
	if len(fellBack) > 0 {
		slices.Sort(fellBack)
		warns = append(warns, fmt.Sprintf("%s has presets with invalid settings (%s); using the defaults for them", path, AndList(fellBack)))
	}
	return out, strings.Join(warns, "; ")
}
