package settings

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

// Whatever the settings file holds, Load returns settings from which every
// mode builds (a missing wordlist file aside), with at most a one-line
// warning; and what it returns saves and loads back unchanged, silently.
func FuzzLoad(f *testing.F) {
	f.Add(`{"version":1,"mode":"token","password":{"length":32}}`)
	f.Add(`{"mode":"phrase","phrase":{"words":0,"case":"shout"}}`)
	f.Add(`{"password":{"length":4,"digits":{"use":true,"min":9}},"clear_after":-3}`)
	f.Add(`{"mode":7,"pin":{"length":-1}}`)
	f.Add(`{"phrase":{"wordlist":"/nonexistent\n"}}`)
	f.Add(`{"version":2,"password":{"rules":"chase.com","length":40}}`)
	f.Add(`{"version":2,"password":{"rules":"required: uper; minlength: 3"}}`)
	f.Add(`{"version":2,"password":{"rules":"minlength: 8; maxlength: 12; required: digit","max_digits":0}}`)
	f.Add("not json at all")
	f.Add("")
	f.Fuzz(func(t *testing.T, data string) {
		dir := t.TempDir()
		path := filepath.Join(dir, "config.json")
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		s, warn := Load(path)
		if strings.ContainsAny(warn, "\n\r") {
			t.Fatalf("warning spans lines: %q", warn)
		}
		for _, m := range Modes() {
			_, _, err := s.Generator(m)
			var pe *generator.PolicyError
			if err != nil && !(errors.As(err, &pe) && pe.Field == "wordlist") {
				t.Fatalf("%s: loaded settings do not build: %v", m, err)
			}
		}
		if err := Save(path, s); err != nil {
			t.Fatal(err)
		}
		again, warn := Load(path)
		if warn != "" {
			t.Fatalf("saved settings warn on load: %s", warn)
		}
		a, _ := json.Marshal(s)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("round trip changed the settings:\n%s\n%s", a, b)
		}
	})
}
