package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The man pages in assets/man are generated (make man); this fails when a
// flag or command is added without regenerating them.
func TestManPagesCoverEveryFlag(t *testing.T) {
	root := Command()
	var check func(c *cobra.Command)
	check = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			return
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		data, err := os.ReadFile(filepath.Join("..", "..", "assets", "man", name))
		if err != nil {
			t.Errorf("%s: %v (run make man)", name, err)
			return
		}
		page := strings.ReplaceAll(string(data), `\-`, "-")
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && !strings.Contains(page, "--"+f.Name) {
				t.Errorf("%s does not document --%s (run make man)", name, f.Name)
			}
		})
		for _, sub := range c.Commands() {
			check(sub)
		}
	}
	check(root)
}
