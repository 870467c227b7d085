package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sesame-sh/sesame/ui/cli"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"
)

// manDate is the date the man pages carry: fixed, so that regenerating them
// changes nothing unless the commands changed.
var manDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// writeManPages writes one man page per command into dir (make man).
func writeManPages(dir string, date time.Time) error {
	root := cli.Command()
	root.DisableAutoGenTag = true
	var pages []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			return
		}
		// The help texts are written for terminals; the man page generator
		// reads them as Markdown, where _ ` * < > [ ] would turn into markup.
		c.Long = escapeMarkdown(c.Long)
		c.Flags().VisitAll(func(f *pflag.Flag) { f.Usage = escapeMarkdown(f.Usage) })
		pages = append(pages, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, c := range pages {
		name := strings.ReplaceAll(c.CommandPath(), " ", "-")
		header := &doc.GenManHeader{Title: strings.ToUpper(name), Section: "1", Source: "sesame", Manual: "User Commands", Date: &date}
		f, err := os.Create(filepath.Join(dir, name+".1"))
		if err != nil {
			return err
		}
		err = doc.GenMan(c, header, f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing the man page of %s: %w", c.CommandPath(), err)
		}
	}
	return nil
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "<", `\<`, ">", `\>`, "[", `\[`, "]", `\]`)

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
