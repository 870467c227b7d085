package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sesame-sh/sesame/generator"
)

// The interactive program remembers its settings (never a secret) in
// $XDG_CONFIG_HOME/sesame/config.json, or the operating system's
// equivalent (os.UserConfigDir). The file holds the common settings at the
// top and each mode's settings in an object named after the mode, every
// key a setting's JSON key from the table. It is replaced atomically, so a
// crash mid-write leaves the old settings, and it is private to the user.

// fileVersion is written into the file. Version 1 files (sesame before the
// settings table) are read too; a file from a newer sesame is read as far
// as it is understood.
const fileVersion = 2

// Path returns the settings file's location.
func Path() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the config directory: %w", err)
	}
	return filepath.Join(dir, "sesame", "config.json"), nil
}

// Load reads the remembered settings. A missing file gives the defaults
// and no warning. A value that is invalid on its own, or that no password
// could satisfy with the rest, falls back to its default alone, and an
// unreadable or corrupt file gives the defaults; either way Load returns a
// one-line warning, never an error, so a bad file can never stop sesame
// from starting.
func Load(path string) (Settings, string) {
	def := Default()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return def, ""
	}
	if err != nil {
		return def, fmt.Sprintf("could not read %s (%v); using the defaults", path, unwrapPath(err))
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil || top == nil {
		why := "not a JSON object"
		if err != nil {
			why = err.Error()
		}
		return def, fmt.Sprintf("%s is not valid settings (%s); using the defaults", path, why)
	}
	var version int
	json.Unmarshal(top["version"], &version)
	if version <= 1 {
		migrateV1(top)
	}
	s := def
	bad := decode(&s, top, Of(Common))
	for _, m := range Modes() {
		var obj map[string]json.RawMessage
		json.Unmarshal(top[m.String()], &obj)
		bad = append(bad, decode(&s, obj, Of(m))...)
	}
	s, more := Valid(s, def)
	if bad = append(bad, more...); len(bad) > 0 {
		return s, fmt.Sprintf("%s has invalid settings (%s); using the defaults for them", path, AndList(bad))
	}
	return s, ""
}

// Valid returns s with each setting that makes its mode impossible put
// back to its value in fallback, one at a time, as the library names them,
// so that invalid settings are never remembered; a mode whose error names
// no setting of its own (or one already at its fallback) goes back whole.
// A missing wordlist file is left alone: the interactive program shows it
// on its field. Valid reports what it put back.
func Valid(s, fallback Settings) (Settings, []string) {
	var back []string
	for _, m := range Modes() {
		for range len(Of(m)) + 1 {
			_, _, err := s.Generator(m)
			var pe *generator.PolicyError
			if err == nil || !errors.As(err, &pe) || pe.Field == "wordlist" {
				break
			}
			d := Lookup(m, string(pe.Field))
			if d == nil || d.Mode != m || d.Equal(&s, &fallback) {
				for _, d := range Of(m) {
					d.Copy(&s, &fallback)
				}
				back = append(back, m.String()+" settings")
				break
			}
			d.Copy(&s, &fallback)
			back = append(back, d.Name)
		}
	}
	return s, back
}

// decode sets the settings ds from their keys in obj, and returns the
// names of those whose value was invalid (they keep their value).
func decode(s *Settings, obj map[string]json.RawMessage, ds []*Setting) []string {
	var bad []string
	for _, d := range ds {
		if d.Alias() {
			continue
		}
		if raw, ok := obj[d.JSONKey()]; ok {
			if err := d.SetJSON(s, raw); err != nil {
				bad = append(bad, d.Name)
			}
		}
	}
	return bad
}

// migrateV1 renames the keys of a version 1 file to today's: each class
// was one object {"use", "min", "max"} (a max of 0 or null meant no
// limit), and a few settings had other names.
func migrateV1(top map[string]json.RawMessage) {
	rename(top, "clear_after_seconds", "clear_after")
	rename(top, "masked", "mask")
	var pw map[string]json.RawMessage
	if json.Unmarshal(top["password"], &pw) != nil || pw == nil {
		return
	}
	rename(pw, "max_consecutive", "max_repeating")
	for _, c := range generator.Classes() {
		var cl struct {
			Use json.RawMessage `json:"use"`
			Min json.RawMessage `json:"min"`
			Max *int            `json:"max"`
		}
		if json.Unmarshal(pw[c.String()], &cl) != nil {
			continue
		}
		delete(pw, c.String())
		if cl.Use != nil {
			pw[c.String()] = cl.Use
		}
		if cl.Min != nil {
			pw["min_"+c.String()] = cl.Min
		}
		if cl.Max != nil && *cl.Max > 0 {
			pw["max_"+c.String()], _ = json.Marshal(*cl.Max)
		}
	}
	top["password"], _ = json.Marshal(pw)
}

func rename(m map[string]json.RawMessage, from, to string) {
	if v, ok := m[from]; ok {
		delete(m, from)
		m[to] = v
	}
}

// Encode writes the settings as the settings file holds them, in table
// order, with the saved presets (see Preset) after them.
func Encode(s Settings, presets []Preset) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"version\": %d", fileVersion)
	for _, d := range Of(Common) {
		fmt.Fprintf(&b, ",\n  %q: %s", d.JSONKey(), jsonValue(d.JSON(&s)))
	}
	for _, m := range Modes() {
		fmt.Fprintf(&b, ",\n  %q: ", m.String())
		encodeMode(&b, &s, m, "  ")
	}
	if len(presets) > 0 {
		b.WriteString(",\n  \"presets\": {")
		for i, p := range presets {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n    %q: {\n      \"mode\": %q,\n      %q: ", p.Name, p.Mode.String(), p.Mode.String())
			encodeMode(&b, &p.Settings, p.Mode, "      ")
			b.WriteString("\n    }")
		}
		b.WriteString("\n  }")
	}
	b.WriteString("\n}\n")
	return b.Bytes()
}

// encodeMode writes mode m's settings as one JSON object.
func encodeMode(b *bytes.Buffer, s *Settings, m Mode, indent string) {
	b.WriteString("{")
	sep := ""
	for _, d := range Of(m) {
		if !d.Alias() {
			fmt.Fprintf(b, "%s\n%s  %q: %s", sep, indent, d.JSONKey(), jsonValue(d.JSON(s)))
			sep = ","
		}
	}
	b.WriteString("\n" + indent + "}")
}

// jsonValue encodes one value without HTML escaping (symbol sets are full
// of < > &).
func jsonValue(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

// Save writes the settings atomically, keeping the presets the file holds.
func Save(path string, s Settings) error {
	presets, _ := savedPresets(path)
	return write(path, Encode(s, presets))
}

// write replaces the file atomically: a temporary file in the same
// directory, synced, then renamed over the old one.
func write(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".config-*.json")
	if err != nil {
		return fmt.Errorf("saving settings: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("saving settings: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("saving settings: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving settings: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("saving settings: %w", err)
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
