package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"

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

// SafeSymbols are the symbols of the "safe" preset: the punctuation that
// needs no quoting or escaping in a shell word, a URL (RFC 3986's
// unreserved characters), a .env value, a YAML plain scalar or a JSON
// string. Every other ASCII symbol fails one of them: space, ! " # $ & '
// ( ) * ; < > ? [ \ ] ` { | } ~ mean something to a shell (~ expands at
// the start of a word); % + / : = @ , have a meaning in URLs (and : , in
// YAML); # starts a comment in .env and YAML; " and \ need escaping in
// JSON.
const SafeSymbols = "-._"

// BuiltinPresets are the presets every sesame has.
func BuiltinPresets() []Preset {
	alnum := Default()
	alnum.Password.Symbols.Use = false
	safe := Default()
	safe.Password.SymbolSet = SafeSymbols
	python := Default()
	python.Password = PasswordSettings{Length: 10, Lower: Class{Use: true, Min: 1}, Upper: Class{Use: true, Min: 1}, Digits: Class{Use: true, Min: 3}}
	return []Preset{
		{Name: "alnum", Mode: Password, Settings: alnum, Builtin: true, About: "letters and digits"},
		{Name: "safe", Mode: Password, Settings: safe, Builtin: true, About: "letters, digits and -._: nothing to quote anywhere"},
		{Name: "python", Mode: Password, Settings: python, Builtin: true,
			About: "the Python docs' recipe: 10 letters and digits, at least 1 lower, 1 upper, 3 digits"},
	}
}

// presetName is what a saved preset may be called.
var presetName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`)

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
// saved ones that could not be read.
func Presets(path string) ([]Preset, string) {
	out := BuiltinPresets()
	if path == "" {
		return out, ""
	}
	saved, warn := savedPresets(path)
	return append(out, saved...), warn
}

// FindPreset returns the preset of that name.
func FindPreset(path, name string) (Preset, error) {
	all, _ := Presets(path)
	for _, p := range all {
		if p.Name == name {
			return p, nil
		}
	}
	var names []string
	for _, p := range all {
		names = append(names, p.Name)
	}
	if c := Closest(name, names); c != "" {
		return Preset{}, fmt.Errorf("no preset %q: did you mean %s? (sesame presets lists them)", name, c)
	}
	return Preset{}, fmt.Errorf("no preset %q: use %s, or save one with --save-preset (sesame presets lists them)", name, OrList(names))
}

// SavePreset saves mode m's settings in s as a preset named name, in the
// file at path, replacing a saved one of the name; the file's settings
// are kept. Settings no secret can satisfy are refused.
func SavePreset(path, name string, m Mode, s Settings) (Preset, error) {
	if !presetName.MatchString(name) {
		return Preset{}, fmt.Errorf("%q cannot name a preset: use up to 32 lower-case letters, digits, - and _, starting with a letter or digit", name)
	}
	for _, b := range BuiltinPresets() {
		if b.Name == name {
			return Preset{}, fmt.Errorf("%q is a built-in preset: choose another name", name)
		}
	}
	if _, _, err := s.Generator(m); err != nil {
		var pe *generator.PolicyError
		if errors.As(err, &pe) {
			return Preset{}, fmt.Errorf("not saved as preset %q: %w", name, err)
		}
	}
	p := Preset{Name: name, Mode: m, Settings: s.Only(m)}
	current, _ := Load(path)
	saved, _ := savedPresets(path)
	saved = slices.DeleteFunc(saved, func(q Preset) bool { return q.Name == name })
	saved = append(saved, p)
	return p, write(path, Encode(current, saved))
}

// savedPresets reads the presets saved in the file: each from the
// defaults, with what the file says on top; one that cannot be read, or
// that no secret could satisfy, is left out with a warning.
func savedPresets(path string) ([]Preset, string) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	if err != nil {
		return nil, fmt.Sprintf("could not read the presets in %s (%v)", path, unwrapPath(err))
	}
	var top struct {
		Presets map[string]json.RawMessage `json:"presets"`
	}
	if json.Unmarshal(data, &top) != nil {
		return nil, ""
	}
	var out []Preset
	var bad []string
	for name, raw := range top.Presets {
		var obj map[string]json.RawMessage
		var modeName string
		if json.Unmarshal(raw, &obj) != nil || json.Unmarshal(obj["mode"], &modeName) != nil {
			bad = append(bad, name)
			continue
		}
		m, err := ParseMode(modeName)
		var fields map[string]json.RawMessage
		if err != nil || !presetName.MatchString(name) || json.Unmarshal(obj[m.String()], &fields) != nil {
			bad = append(bad, name)
			continue
		}
		s := Default()
		if len(decode(&s, fields, Of(m))) > 0 {
			bad = append(bad, name)
			continue
		}
		if _, _, err := s.Generator(m); err != nil {
			var pe *generator.PolicyError
			if errors.As(err, &pe) && pe.Field != "wordlist" {
				bad = append(bad, name)
				continue
			}
		}
		out = append(out, Preset{Name: name, Mode: m, Settings: s.Only(m)})
	}
	slices.SortFunc(out, func(a, b Preset) int { return strings.Compare(a.Name, b.Name) })
	if len(bad) > 0 {
		slices.Sort(bad)
		return out, fmt.Sprintf("%s has presets that cannot be used (%s); they are left out", path, AndList(bad))
	}
	return out, ""
}
