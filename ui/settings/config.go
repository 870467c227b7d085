package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"github.com/tailscale/hujson"

	"github.com/sesame-sh/sesame/generator"
)

// The interactive program remembers its settings (never a secret) in
// $XDG_CONFIG_HOME/sesame/config.json, or the operating system's
// equivalent (os.UserConfigDir), and saved presets live there too, for
// the command line as well. The file holds the common settings at the top
// and each mode's settings in an object named after the mode, every key a
// setting's JSON key from the table. It may hold comments and trailing
// commas, which saving keeps (file.go, patch.go). It is replaced
// atomically, so a crash mid-write leaves the old settings, and it is
// private to the user.

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
// could satisfy with the rest, falls back to its default alone, with a
// one-line warning. A file that cannot be read whole (not a regular file,
// over maxFileSize, not JSON even with comments) gives the defaults and a
// *FileError: the caller warns with it and must not save over the file
// (Save and SavePreset refuse to). Nothing in the file can stop sesame
// from starting.
func Load(path string) (Settings, string, error) {
	def := Default()
	f, err := readFile(path)
	if err != nil {
		return def, "", err
	}
	top := f.top
	if fileVersionOf(top) <= 1 {
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
		return s, fmt.Sprintf("%s has invalid settings (%s); using the defaults for them", path, AndList(bad)), nil
	}
	return s, "", nil
}

func fileVersionOf(top map[string]json.RawMessage) int {
	var version int
	json.Unmarshal(top["version"], &version)
	return version
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
func decode(s *Settings, obj map[string]json.RawMessage, ds []*Descriptor) []string {
	var bad []string
	for _, d := range ds {
		if d.Alias() {
			continue
		}
		if raw, ok := obj[d.JSONKey()]; ok {
			if err := d.setJSON(s, raw); err != nil {
				bad = append(bad, d.Name)
			}
		}
	}
	return bad
}

// migrateV1 renames the keys of a version 1 file to today's: each class
// was one object {"use", "min", "max"} (a max of 0 or null meant no
// limit), and a few settings had other names. It reports whether any key
// was renamed.
func migrateV1(top map[string]json.RawMessage) bool {
	changed := rename(top, "clear_after_seconds", "clear_after")
	changed = rename(top, "masked", "mask") || changed
	var pw map[string]json.RawMessage
	if json.Unmarshal(top["password"], &pw) != nil || pw == nil {
		return changed
	}
	changed = rename(pw, "max_consecutive", "max_repeating") || changed
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
		changed = true
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
	return changed
}

func rename(m map[string]json.RawMessage, from, to string) bool {
	v, ok := m[from]
	if ok {
		delete(m, from)
		m[to] = v
	}
	return ok
}

// settingsMembers are the keys Save owns: the version, the common
// settings, and each mode's settings as an object.
func settingsMembers(s *Settings, version int) []member {
	ms := []member{{"version", literal(version)}}
	for _, d := range Of(Common) {
		ms = append(ms, member{d.JSONKey(), literal(d.JSON(s))})
	}
	for _, m := range Modes() {
		ms = append(ms, member{m.String(), modeMembers(s, m)})
	}
	return ms
}

// modeMembers are mode m's settings, as one object.
func modeMembers(s *Settings, m Mode) []member {
	var ms []member
	for _, d := range Of(m) {
		if !d.Alias() {
			ms = append(ms, member{d.JSONKey(), literal(d.JSON(s))})
		}
	}
	return ms
}

// Save writes the settings into the file, atomically, keeping everything
// else it holds (see patch.go); the site of website rules is kept as its
// host name alone (Storable). A file that cannot be read whole is never
// written over: Save returns its *FileError.
func Save(path string, s Settings) error {
	fileMu.Lock()
	defer fileMu.Unlock()
	f, err := readFile(path)
	if err != nil {
		return err
	}
	s, _ = s.Storable()
	root := f.tree()
	patchObject(root.Value.(*hujson.Object), settingsMembers(&s, max(fileVersion, fileVersionOf(f.top))), 0)
	return write(path, root.Pack())
}

// fileMu makes each read, change and write of the file one step within
// the process: the interactive program saves its settings and a preset
// from different goroutines, and neither may undo the other.
var fileMu sync.Mutex

// tree is the syntax tree to write back: the file's own, or, for a
// version 1 file whose keys had other names, the file with them renamed
// (its comments, if it had any, are lost).
func (f *file) tree() hujson.Value {
	top := maps.Clone(f.top)
	if fileVersionOf(top) > 1 || !migrateV1(top) {
		return f.root
	}
	data, _ := json.MarshalIndent(top, "", "  ")
	root, err := hujson.Parse(data)
	if err != nil {
		panic("settings: re-encoded settings do not parse: " + err.Error())
	}
	return root
}

// write replaces the file atomically: a temporary file in the same
// directory, private to the user, synced, then renamed over the old one.
// A settings file that is a link (to a dotfiles repository) stays one:
// the file it links to is replaced. What is written must read back.
func write(path string, data []byte) error {
	if _, err := parseFile(path, data); err != nil {
		return fmt.Errorf("saving settings: the new file would not read back (%w)", err)
	}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
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
