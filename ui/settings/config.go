package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/sesame-sh/sesame/generator"
)

// The interactive program remembers its settings (never a secret) in
// $XDG_CONFIG_HOME/sesame/config.json, or the operating system's
// equivalent (os.UserConfigDir). The file is replaced atomically, so a
// crash mid-write leaves the old settings, and it is private to the user.

// fileVersion is written into the file; a file from a newer sesame is
// read as far as it is understood.
const fileVersion = 1

type file struct {
	Version int `json:"version"`
	Settings
}

// Path returns the settings file's location.
func Path() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the config directory: %w", err)
	}
	return filepath.Join(dir, "sesame", "config.json"), nil
}

// Load reads the remembered settings. A missing file gives the defaults
// and no warning; an unreadable, corrupt or invalid file gives the
// defaults (for the parts that are wrong) and a one-line warning, never an
// error, so a bad file can never stop sesame from starting.
func Load(path string) (Settings, string) {
	def := Default()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return def, ""
	}
	if err != nil {
		return def, fmt.Sprintf("could not read %s (%v); using the defaults", path, unwrapPath(err))
	}
	f := file{Settings: def}
	if err := json.Unmarshal(data, &f); err != nil {
		return def, fmt.Sprintf("%s is not valid settings (%v); using the defaults", path, err)
	}
	s, bad := f.Settings.repaired()
	if len(bad) > 0 {
		return s, fmt.Sprintf("%s has invalid %s settings; using the defaults for them", path, joinAnd(bad))
	}
	return s, ""
}

// repaired replaces the settings of any mode that cannot build a generator
// (other than because of a missing wordlist file, which the program shows
// as an error on the field) with the defaults, and reports which.
func (s Settings) repaired() (Settings, []string) {
	def := Default()
	var bad []string
	if s.Mode < 0 || s.Mode >= numModes {
		s.Mode = def.Mode
		bad = append(bad, "mode")
	}
	if s.ClearAfter < 0 || s.ClearAfter > MaxClearAfter {
		s.ClearAfter = def.ClearAfter
		bad = append(bad, "clipboard")
	}
	for _, m := range Modes() {
		_, _, err := s.Generator(m)
		var pe *generator.PolicyError
		if err == nil || !errors.As(err, &pe) || pe.Field == "wordlist" {
			continue
		}
		switch m {
		case Password:
			s.Password = def.Password
		case Phrase:
			s.Phrase = def.Phrase
		case Token:
			s.Token = def.Token
		case PIN:
			s.PIN = def.PIN
		}
		bad = append(bad, m.String())
	}
	return s, bad
}

// Save writes the settings atomically: a temporary file in the same
// directory, synced, then renamed over the old one.
func Save(path string, s Settings) error {
	data, err := json.MarshalIndent(file{Version: fileVersion, Settings: s}, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding settings: %w", err)
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
	if _, err := tmp.Write(append(data, '\n')); err != nil {
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

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	out := xs[0]
	for _, x := range xs[1 : len(xs)-1] {
		out += ", " + x
	}
	return out + " and " + xs[len(xs)-1]
}
