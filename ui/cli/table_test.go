package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/ui/settings"
)

// The settings table is the only place a setting is named. This test walks
// every descriptor and finds it on every surface it claims — a flag on its
// command (and on sesame itself), a key in the settings file that
// round-trips, a key in --json output, completion values for a choice, an
// entry in the shipped man page — and then walks every surface and finds
// nothing the table does not describe. The fields of the forms are checked
// the same way in ui (form_fields_test.go).

// commandOf returns the mode's command.
func commandOf(t *testing.T, root *cobra.Command, m settings.Mode) *cobra.Command {
	t.Helper()
	for _, c := range root.Commands() {
		if c.Name() == m.String() {
			return c
		}
	}
	t.Fatalf("no command for %v", m)
	return nil
}

func TestEveryDescriptorIsOnEverySurface(t *testing.T) {
	root := newRoot(&environment{}, nil)
	for _, d := range settings.All() {
		t.Run(d.Mode.String()+"/"+d.Name, func(t *testing.T) {
			// A flag on its command, and on sesame itself.
			cmds := []*cobra.Command{root}
			if d.Mode != settings.Common {
				cmds = append(cmds, commandOf(t, root, d.Mode))
			} else if !d.RootOnly {
				for _, m := range settings.Modes() {
					cmds = append(cmds, commandOf(t, root, m))
				}
			}
			for _, c := range cmds {
				fl := c.Flags().Lookup(d.Name)
				if fl == nil {
					t.Fatalf("no --%s on %s", d.Name, c.CommandPath())
				}
				if fl.Shorthand != d.Short {
					t.Errorf("--%s on %s: shorthand %q, want %q", d.Name, c.CommandPath(), fl.Shorthand, d.Short)
				}
				if d.Negatable && c.Flags().Lookup("no-"+d.Name) == nil {
					t.Errorf("no --no-%s on %s", d.Name, c.CommandPath())
				}
			}
			// Completion values for a choice: exactly its names.
			if d.Kind() == settings.ChoiceKind {
				for _, c := range cmds {
					complete, ok := c.GetFlagCompletionFunc(d.Name)
					if !ok {
						t.Fatalf("--%s on %s completes nothing", d.Name, c.CommandPath())
					}
					got, _ := complete(c, nil, "")
					if !slices.Equal(got, d.ChoiceNames(true)) {
						t.Errorf("--%s completes %v, want %v", d.Name, got, d.ChoiceNames(true))
					}
				}
			}
			// An entry in the man page of its command.
			page := "sesame.1"
			if d.Mode != settings.Common {
				page = "sesame-" + d.Mode.String() + ".1"
			}
			man, err := os.ReadFile(filepath.Join("..", "..", "assets", "man", page))
			if err != nil {
				t.Fatal(err)
			}
			entry := `\fB--` + d.Name + `\fP`
			if d.Negatable {
				entry = `\fB--[no-]` + d.Name + `\fP`
			}
			if !strings.Contains(strings.ReplaceAll(string(man), `\-`, "-"), entry) {
				t.Errorf("%s has no entry for --%s", page, d.Name)
			}
			if d.Alias() {
				return // a shorthand has a flag and nothing else
			}
			// A key in the settings file that round-trips a value other
			// than the default.
			// (From the defaults with the space class on, so that its
			// minimum can be raised.)
			s := settings.Default()
			s.Password.Space.Use = true
			changed := otherValue(t, d, &s)
			path := filepath.Join(t.TempDir(), "config.json")
			if err := settings.Save(path, s); err != nil {
				t.Fatal(err)
			}
			var file map[string]json.RawMessage
			data, _ := os.ReadFile(path)
			json.Unmarshal(data, &file)
			if d.Mode != settings.Common {
				var obj map[string]json.RawMessage
				json.Unmarshal(file[d.Mode.String()], &obj)
				file = obj
			}
			if _, ok := file[d.JSONKey()]; !ok {
				t.Fatalf("the settings file has no %q:\n%s", d.JSONKey(), data)
			}
			back, warn, _ := settings.Load(path)
			if changed && !d.Equal(&back, &s) || warn != "" {
				t.Fatalf("%s: saved %s, loaded %s (%s)", d.Name, d.Format(&s), d.Format(&back), warn)
			}
		})
	}
}

// otherValue gives the setting a valid value other than its default, when
// it has one, and reports whether it did.
func otherValue(t *testing.T, d *settings.Descriptor, s *settings.Settings) bool {
	t.Helper()
	var err error
	switch d.Kind() {
	case settings.IntKind:
		err = d.SetInt(s, min(d.Int(s)+1, d.Max))
	case settings.LimitKind:
		err = d.SetLimit(s, settings.AtMost(d.Max))
	case settings.SwitchKind:
		d.SetBool(s, !d.Bool(s))
	case settings.ChoiceKind:
		err = d.SetInt(s, (d.Int(s)+1)%len(d.Choices))
	case settings.TextKind:
		v := "#$"
		switch {
		case d.Suggest != nil:
			v = d.Suggest()[len(d.Suggest())-1]
		case d.Complete != nil:
			// The first value that builds with the other settings as
			// they are (a site's rules may not allow the length).
			for _, c := range d.Complete() {
				if d.SetText(s, c) == nil {
					if _, _, err := s.Generator(d.Mode); err == nil {
						v = c
						break
					}
				}
			}
		}
		err = d.SetText(s, v)
	}
	if err != nil {
		t.Fatalf("%s: %v", d.Name, err)
	}
	if _, _, err := s.Generator(d.Mode); d.Mode != settings.Common && err != nil {
		t.Fatalf("%s = %s does not build: %v", d.Name, d.Format(s), err)
	}
	return true
}

// --json writes every setting of the mode under its key, and nothing that
// is not a setting but the documented figures.
func TestJSONKeysAreTheTable(t *testing.T) {
	figures := map[string]bool{
		"secret": true, "mode": true, "entropy_bits": true, "entropy_bound": true, "estimate": true, "rating": true,
		"alphabet_size": true, "list_size": true, "length": true, "body_length": true, "site": true, "rules": true,
		"change_password_url": true,
	}
	for _, m := range settings.Modes() {
		f := newFake(t, false)
		if code := f.run(m.String(), "--json"); code != 0 {
			t.Fatalf("%v: %s", m, f.stderr.String())
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(f.stdout.Bytes(), &obj); err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for _, d := range settings.Of(m) {
			if !d.NoJSON && !d.Alias() {
				want[d.JSONKey()] = true
				if _, ok := obj[d.JSONKey()]; !ok {
					t.Errorf("%v --json lacks %q", m, d.JSONKey())
				}
			}
		}
		for k := range obj {
			if !want[k] && !figures[k] {
				t.Errorf("%v --json has %q, which no setting describes", m, k)
			}
		}
	}
}

// No flag exists that the table (or the short list of run options) does
// not describe.
func TestNoFlagOutsideTheTable(t *testing.T) {
	root := newRoot(&environment{}, nil)
	known := map[string]bool{"help": true, "version": true}
	for _, o := range runOptions {
		known[o.name] = true
	}
	for _, d := range settings.All() {
		known[d.Name] = true
		if d.Negatable {
			known["no-"+d.Name] = true
		}
	}
	commandOnly := map[string]map[string]bool{"number": {"unique": true}}
	// pwgen's options are pwgen's (README, "A drop-in for pwgen"), each
	// turned into table settings by ui/cli/pwgen.go.
	commandOnly["pwgen"] = map[string]bool{}
	for _, name := range []string{"capitalize", "no-capitalize", "numerals", "no-numerals", "symbols", "remove-chars", "secure",
		"ambiguous", "no-vowels", "columns", "one-per-line", "num-passwords", "alt-phonics", "sha1"} {
		commandOnly["pwgen"][name] = true
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "completion" || c.Name() == "help" {
			return
		}
		c.Flags().VisitAll(func(fl *pflag.Flag) {
			if !known[fl.Name] && !commandOnly[c.Name()][fl.Name] {
				t.Errorf("%s has --%s, which the settings table does not describe", c.CommandPath(), fl.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// --max-<class> 0 means none of the class, with a custom alphabet too: no
// output holds one, and the figure is log2 of the brute-force count of the
// strings without them.
func TestMaxZeroWithACustomAlphabet(t *testing.T) {
	for _, c := range []struct {
		alphabet, flag, forbidden string
		length                    int
	}{
		{"abc1", "--max-digits", "1", 4},
		{"ab1!", "--max-symbols", "!", 6},
		{"aB1!", "--max-upper", "B", 5},
	} {
		f := newFake(t, false)
		if code := f.run("pw", "--alphabet", c.alphabet, "-l", strconv.Itoa(c.length), c.flag, "0", "--json", "-n", "2000"); code != 0 {
			t.Fatalf("%v: %s", c, f.stderr.String())
		}
		want := math.Floor(100*math.Log2(float64(bruteForce(c.alphabet, c.length, func(s string) bool {
			return !strings.Contains(s, c.forbidden)
		})))) / 100
		for _, line := range strings.Split(strings.TrimSpace(f.stdout.String()), "\n") {
			var obj struct {
				Secret string  `json:"secret"`
				Bits   float64 `json:"entropy_bits"`
			}
			if err := json.Unmarshal([]byte(line), &obj); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(obj.Secret, c.forbidden) {
				t.Fatalf("%s 0 with --alphabet %s gave %q", c.flag, c.alphabet, obj.Secret)
			}
			if math.Abs(obj.Bits-want) > 0.01 {
				t.Fatalf("%s 0 with --alphabet %s: %.2f bits, brute force %.2f", c.flag, c.alphabet, obj.Bits, want)
			}
		}
	}
}

// bruteForce counts the strings of length n over alphabet that keep.
func bruteForce(alphabet string, n int, keep func(string) bool) int {
	if n == 0 {
		if keep("") {
			return 1
		}
		return 0
	}
	count := 0
	var walk func(prefix string)
	walk = func(prefix string) {
		if len(prefix) == n {
			if keep(prefix) {
				count++
			}
			return
		}
		for _, r := range alphabet {
			walk(prefix + string(r))
		}
	}
	walk("")
	return count
}
