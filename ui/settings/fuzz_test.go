package settings

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator"
)

// Whatever the settings file holds, Load returns settings from which every
// mode builds (a missing wordlist file aside), with at most a one-line
// warning. If the file could not be read, Save refuses and leaves it as it
// was; otherwise what Load returns saves and loads back unchanged,
// silently, and the saved presets are what they were.
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
	f.Add("{\n  // a comment\n  \"password\": {\"length\": 30,},\n}")
	f.Add(`{"presets": {"work": {"mode": "password", "password": {"length": 99999, "digits": false}}}, "mine": 1}`)
	f.Add(`{"presets": [1]}`)
	f.Add(`[]`)
	f.Add(`{"version": 1, "password": {"lower": {"use": false}}, "presets": {"p": {"mode": "pin", "pin": {"length": 6}}}}`)
	f.Fuzz(func(t *testing.T, data string) {
		dir := t.TempDir()
		path := filepath.Join(dir, "config.json")
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		s, warn, ferr := Load(path)
		if strings.ContainsAny(warn, "\n\r") || ferr != nil && strings.ContainsAny(ferr.Error(), "\n\r") {
			t.Fatalf("warning spans lines: %q %v", warn, ferr)
		}
		for _, m := range Modes() {
			_, _, err := s.Generator(m)
			var pe *generator.PolicyError
			if err != nil && !(errors.As(err, &pe) && pe.Field == "wordlist") {
				t.Fatalf("%s: loaded settings do not build: %v", m, err)
			}
		}
		if ferr != nil {
			if err := Save(path, s); err == nil {
				t.Fatalf("saved over a file that could not be read (%v)", ferr)
			}
			if after, _ := os.ReadFile(path); string(after) != data {
				t.Fatalf("an unreadable file changed:\n%q", after)
			}
			return
		}
		presets, _ := Presets(path)
		if err := Save(path, s); err != nil {
			t.Fatal(err)
		}
		again, warn, err := Load(path)
		if warn != "" || err != nil {
			t.Fatalf("saved settings warn on load: %s %v", warn, err)
		}
		if after, _ := Presets(path); !reflect.DeepEqual(after, presets) {
			t.Fatalf("saving changed the presets:\n%+v\n%+v", presets, after)
		}
		a, _ := json.Marshal(s)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("round trip changed the settings:\n%s\n%s", a, b)
		}
	})
}
