package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sesame-sh/sesame/ui/cli"
)

// The committed man pages are exactly what the commands generate: adding or
// changing a flag without running make man fails here.
func TestManPagesAreUpToDate(t *testing.T) {
	fresh := generated(t)
	committed, _ := filepath.Glob(filepath.Join("..", "..", "..", "assets", "man", "*.1"))
	if len(fresh) != len(committed) || len(fresh) < 6 {
		t.Fatalf("%d pages generated, %d committed (run make man)", len(fresh), len(committed))
	}
	for name, want := range fresh {
		got, err := os.ReadFile(filepath.Join("..", "..", "..", "assets", "man", name))
		if err != nil || !bytes.Equal(got, []byte(want)) {
			t.Errorf("%s is out of date (run make man)", name)
		}
	}
}

// tree is sesame's command tree as --help sees it: with the help and
// version flags cobra adds when it runs.
func tree() *cobra.Command {
	root := cli.Command()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		c.InitDefaultVersionFlag()
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return root
}

// wantPages lists the commands that must have a page: sesame and every
// command --help offers, but for shell completion.
func wantPages(root *cobra.Command) map[string]*cobra.Command {
	out := map[string]*cobra.Command{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		out[strings.ReplaceAll(c.CommandPath(), " ", "-")+".1"] = c
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() && s.Name() != "completion" {
				walk(s)
			}
		}
	}
	walk(root)
	return out
}

func TestEveryCommandHasAPageAndNoOtherPageIsWritten(t *testing.T) {
	pages := generated(t)
	want := wantPages(tree())
	for name := range want {
		if _, ok := pages[name]; !ok {
			t.Errorf("no page %s", name)
		}
	}
	for name := range pages {
		if _, ok := want[name]; !ok {
			t.Errorf("page %s is not a command's", name)
		}
	}
	for _, name := range []string{"sesame.1", "sesame-password.1", "sesame-phrase.1", "sesame-token.1", "sesame-pin.1", "sesame-number.1"} {
		if _, ok := pages[name]; !ok {
			t.Errorf("no page %s", name)
		}
	}
}

var pageRefRe = regexp.MustCompile(`([\w.-]+)\(1\)`)

// A page refers only to pages that exist, and each has a SEE ALSO.
func TestReferencedPagesExist(t *testing.T) {
	pages := generated(t)
	for name, text := range pages {
		if section(text, "SEE ALSO") == "" {
			t.Errorf("%s has no SEE ALSO", name)
		}
		for _, m := range pageRefRe.FindAllStringSubmatch(plain(text), -1) {
			if _, ok := pages[m[1]+".1"]; !ok {
				t.Errorf("%s refers to %s, which is not generated", name, m[0])
			}
		}
	}
}

// No default the program would refuse, or that means nothing, is shown.
func TestNoMeaninglessDefaults(t *testing.T) {
	bad := []*regexp.Regexp{
		regexp.MustCompile(`\[=(true|false)\]`),    // a switch shown as taking a value
		regexp.MustCompile(`--[\w-]+=(\s|"|\)|$)`), // an empty default
		regexp.MustCompile(`--min-bits\S*=0`),      // a refused one
		regexp.MustCompile(`(?m)--min-bits.*\n.*default`),
		regexp.MustCompile(`default:? "?fixed|=fixed`), // a choice the command line refuses
	}
	for name, text := range generated(t) {
		p := plain(text)
		for _, re := range bad {
			if m := re.FindString(p); m != "" {
				t.Errorf("%s shows %q", name, m)
			}
		}
	}
}

var (
	entryFlagRe = regexp.MustCompile(`--(\[no-\])?([\w-]+)`)
	defaultRe   = regexp.MustCompile(`\(default (.*)\)$`)
)

// Every default shown is one the flag accepts when typed.
func TestShownDefaultsAreAccepted(t *testing.T) {
	want := wantPages(tree())
	for name, text := range generated(t) {
		for _, e := range entries(section(text, "OPTIONS")) {
			m := defaultRe.FindStringSubmatch(e.body)
			if m == nil {
				continue
			}
			flag := entryFlagRe.FindStringSubmatch(e.tag)[2]
			value := m[1]
			if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
				value = value[1 : len(value)-1]
			}
			c := find(cli.Command(), want[name].CommandPath())
			if err := c.Flags().Set(flag, value); err != nil {
				t.Errorf("%s: --%s shows default %q, which it refuses: %v", name, flag, value, err)
			}
		}
	}
}

// optionFlags maps each OPTIONS entry to the flags it documents: a
// --[no-]NAME entry documents NAME and no-NAME.
func optionFlags(t *testing.T, text string) (names []string, tags map[string]string) {
	t.Helper()
	tags = map[string]string{}
	for _, e := range entries(section(text, "OPTIONS")) {
		m := entryFlagRe.FindStringSubmatch(e.tag)
		if m == nil {
			t.Errorf("entry %q names no flag", e.tag)
			continue
		}
		names = append(names, m[2])
		tags[m[2]] = e.tag
		if m[1] != "" {
			tags["no-"+m[2]] = e.tag
		}
	}
	return names, tags
}

// Every visible flag of every command has an entry in its page, and no
// hidden flag has one.
func TestEveryVisibleFlagHasAnEntry(t *testing.T) {
	pages := generated(t)
	for name, c := range wantPages(tree()) {
		_, tags := optionFlags(t, pages[name])
		c.Flags().VisitAll(func(f *pflag.Flag) {
			_, listed := tags[f.Name]
			if visible := !f.Hidden && f.Deprecated == ""; visible != listed {
				t.Errorf("%s: --%s visible %v, listed %v", name, f.Name, visible, listed)
			}
			if listed && f.Shorthand != "" && !strings.HasPrefix(tags[f.Name], "-"+f.Shorthand+", ") {
				t.Errorf("%s: --%s without -%s: %q", name, f.Name, f.Shorthand, tags[f.Name])
			}
		})
	}
}

var helpFlagRe = regexp.MustCompile(`(?m)^\s+(?:-\w, )?--([\w-]+)`)

// The entries come in the order --help lists the flags, a --no-NAME twin
// folded into NAME's entry.
func TestOptionsInHelpOrder(t *testing.T) {
	pages := generated(t)
	for name, c := range wantPages(tree()) {
		got, tags := optionFlags(t, pages[name])
		var want []string
		for _, m := range helpFlagRe.FindAllStringSubmatch(c.LocalFlags().FlagUsages(), -1) {
			if base, ok := strings.CutPrefix(m[1], "no-"); ok && tags[m[1]] == tags[base] && tags[base] != "" {
				continue
			}
			want = append(want, m[1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s lists\n%v\n--help lists\n%v", name, got, want)
		}
	}
}

// A switch takes no value and shows no default value; a switch with a
// --no- twin is one entry that says in words whether it is on.
func TestSwitchesTakeNoValue(t *testing.T) {
	pages := generated(t)
	folded := 0
	for name, c := range wantPages(tree()) {
		byTag := map[string]string{}
		for _, e := range entries(section(pages[name], "OPTIONS")) {
			byTag[e.tag] = e.body
		}
		_, tags := optionFlags(t, pages[name])
		c.Flags().VisitAll(func(f *pflag.Flag) {
			tag, ok := tags[f.Name]
			if !ok || f.Value.Type() != "bool" || f.NoOptDefVal == "" {
				return
			}
			if !strings.HasSuffix(tag, "--"+f.Name) && !strings.HasSuffix(tag, "]"+strings.TrimPrefix(f.Name, "no-")) {
				t.Errorf("%s: switch shown with a value: %q", name, tag)
			}
			if strings.Contains(byTag[tag], "(default") {
				t.Errorf("%s: switch %q shows a default: %q", name, tag, byTag[tag])
			}
			if strings.Contains(tag, "[no-]") && !strings.HasPrefix(f.Name, "no-") {
				folded++
				if w := map[string]string{"true": "(on by default)", "false": "(off by default)"}[f.DefValue]; !strings.HasSuffix(byTag[tag], w) {
					t.Errorf("%s: %q does not end %q: %q", name, tag, w, byTag[tag])
				}
			}
		})
	}
	if folded == 0 {
		t.Error("no --[no-]NAME entry at all")
	}
}

// The synopsis names the command by all its names; the description and
// examples are the command's help, word for word.
func TestSynopsisDescriptionExamples(t *testing.T) {
	pages := generated(t)
	space := regexp.MustCompile(`\s+`)
	for name, c := range wantPages(tree()) {
		text := pages[name]
		path := c.CommandPath()
		if c.HasParent() {
			path = c.Parent().CommandPath() + " " + strings.Join(append([]string{c.Name()}, c.Aliases...), "|")
		}
		if syn := plain(section(text, "SYNOPSIS")); !strings.HasPrefix(syn, path+" ") {
			t.Errorf("%s: synopsis %q does not start %q", name, syn, path)
		}
		desc := space.ReplaceAllString(plain(strings.ReplaceAll(section(text, "DESCRIPTION"), ".PP\n", "")), " ")
		if long := space.ReplaceAllString(c.Long, " "); strings.TrimSpace(desc) != strings.TrimSpace(long) {
			t.Errorf("%s: description\n%s\nis not the help\n%s", name, desc, long)
		}
		ex := section(text, "EXAMPLES")
		ex = strings.TrimSuffix(strings.TrimPrefix(ex, ".EX\n"), ".EE\n")
		if got := plain(ex); got != strings.TrimRight(c.Example, "\n")+"\n" {
			t.Errorf("%s: examples\n%s\nare not the help's\n%s", name, got, c.Example)
		}
	}
}
