package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/ui/cli"
)

// manDate is the date the man pages carry: fixed, so that regenerating them
// changes nothing unless the commands changed.
var manDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// manPage is one generated page.
type manPage struct {
	name string // sesame-password: the file is name.1
	text string
}

// writeManPages writes one man page per documented command into dir (make
// man).
func writeManPages(dir string, date time.Time) error {
	for _, p := range renderPages(date) {
		if err := os.WriteFile(filepath.Join(dir, p.name+".1"), []byte(p.text), 0o644); err != nil {
			return fmt.Errorf("writing the man page %s: %w", p.name, err)
		}
	}
	return nil
}

// renderPages renders the page of sesame and of each documented command.
func renderPages(date time.Time) []manPage {
	root := cli.Command()
	docs := documented(root)
	have := map[*cobra.Command]bool{}
	for _, c := range docs {
		have[c] = true
		// --help lists these, so the pages do too.
		c.InitDefaultHelpFlag()
		c.InitDefaultVersionFlag()
	}
	pages := make([]manPage, 0, len(docs))
	for _, c := range docs {
		pages = append(pages, manPage{pageName(c), render(c, have, date)})
	}
	return pages
}

// documented lists sesame and the commands --help offers, but for the
// shell completion command: its scripts are for shells, not for readers,
// and sesame(1) names it.
func documented(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && !isCompletion(c) {
			out = append(out, documented(c)...)
		}
	}
	return out
}

// isCompletion reports whether c is cobra's shell completion command, the
// one sesame adds with InitDefaultCompletionCmd (cobra names it so).
func isCompletion(c *cobra.Command) bool {
	return c.HasParent() && !c.Parent().HasParent() && c.Name() == "completion"
}

// pageName is a command's page: sesame, sesame-password.
func pageName(c *cobra.Command) string { return strings.ReplaceAll(c.CommandPath(), " ", "-") }

// render writes one command's page.
func render(c *cobra.Command, have map[*cobra.Command]bool, date time.Time) string {
	p := &page{}
	p.line(`.\" Generated from sesame's command definitions by make man; do not edit.`)
	p.header(strings.ToUpper(pageName(c)), date.Format("2006-01-02"), "sesame", "User Commands")
	p.section("NAME")
	p.line("%s \\- %s", escape(pageName(c), true), escape(c.Short, false))
	p.section("SYNOPSIS")
	p.line("%s", strings.Join(synopsis(c), "\n.br\n"))
	p.section("DESCRIPTION")
	long := c.Long
	if long == "" {
		long = c.Short
	}
	p.paragraphs(long)
	if subs := subcommands(c); len(subs) > 0 {
		p.section("COMMANDS")
		for _, s := range subs {
			body := proseLine(s.Short)
			if have[s] {
				body += "; see " + pageRef(s)
			}
			p.tagged(commandTag(s), body)
		}
	}
	if opts := options(c, acceptor(c.CommandPath())); len(opts) > 0 {
		p.section("OPTIONS")
		for _, o := range opts {
			p.tagged(o.tag, o.help)
		}
	}
	if !c.HasParent() {
		programSections(p)
	}
	if c.Example != "" {
		p.section("EXAMPLES")
		p.example(c.Example)
	}
	if refs := seeAlso(c, have); len(refs) > 0 {
		p.section("SEE ALSO")
		p.line("%s", strings.Join(refs, ",\n"))
	}
	return p.String()
}

// synopsis writes how c is typed: its names (aliases too), its arguments
// and [flags]; and, if it has commands, how they are typed after it.
func synopsis(c *cobra.Command) []string {
	flags := ""
	if c.HasAvailableFlags() {
		flags = " [" + italic("flags") + "]"
	}
	line := alternatives(names(c), "") + usageArgs(c) + flags
	if c.HasParent() {
		line = bold(c.Parent().CommandPath()) + " " + line
	}
	lines := []string{line}
	if c.HasAvailableSubCommands() {
		lines = append(lines, bold(c.CommandPath())+" "+italic("command")+flags)
	}
	return lines
}

// commandTag writes a command's names, then its arguments: those its usage
// line names, or else its own commands' names.
func commandTag(c *cobra.Command) string {
	tag := alternatives(names(c), "")
	if args := usageArgs(c); args != "" {
		return tag + args
	}
	var subs []string
	for _, s := range subcommands(c) {
		subs = append(subs, s.Name())
	}
	if len(subs) > 0 {
		tag += " " + alternatives(subs, "")
	}
	return tag
}

// names are the names c is typed by: its own, then its aliases.
func names(c *cobra.Command) []string { return append([]string{c.Name()}, c.Aliases...) }

// usageArgs writes the arguments c's usage line names (LO HI), each
// after a space.
func usageArgs(c *cobra.Command) string {
	var b strings.Builder
	for _, a := range strings.Fields(c.Use)[1:] {
		b.WriteString(" " + italic(a))
	}
	return b.String()
}

// subcommands lists the commands --help offers under c.
func subcommands(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, s := range c.Commands() {
		if s.IsAvailableCommand() {
			out = append(out, s)
		}
	}
	return out
}

// seeAlso refers to the pages of c's parent and of its documented
// commands: only pages that are generated.
func seeAlso(c *cobra.Command, have map[*cobra.Command]bool) []string {
	var refs []string
	if c.HasParent() && have[c.Parent()] {
		refs = append(refs, pageRef(c.Parent()))
	}
	for _, s := range c.Commands() {
		if have[s] {
			refs = append(refs, pageRef(s))
		}
	}
	return refs
}

func pageRef(c *cobra.Command) string { return bold(pageName(c)) + "(1)" }

// acceptor reports whether a flag of the command at path takes a value,
// asking each time a command tree of its own, so that the pages' tree
// and the answers never depend on what was asked before.
func acceptor(path string) func(flag, value string) bool {
	return func(flag, value string) bool {
		c := find(cli.Command(), path)
		if c == nil {
			return false
		}
		f := c.Flags().Lookup(flag)
		return f != nil && f.Value.Set(value) == nil
	}
}

// find returns the command at path in the tree under c.
func find(c *cobra.Command, path string) *cobra.Command {
	if c.CommandPath() == path {
		return c
	}
	for _, s := range c.Commands() {
		if found := find(s, path); found != nil {
			return found
		}
	}
	return nil
}
