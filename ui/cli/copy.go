package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/ui/clipboard"
)

// copySecret puts the last secret on the clipboard, says so on stderr (in
// words, without the secret), and leaves the clearing to a detached helper
// so the prompt comes back at once.
func copySecret(env *environment, secret string, clearAfter int) error {
	if secret == "" {
		return fmt.Errorf("nothing was generated to copy")
	}
	where := clipboard.Detect(env.getenv)
	tty, _ := env.openTTY() // OSC 52 goes to the terminal, never to stdout
	c := clipboard.Copier{Where: where, System: env.system}
	if tty != nil {
		defer tty.Close()
		c.Term = tty
	}
	res, err := c.Copy(secret)
	if err != nil {
		return err
	}
	// A copy sesame serves itself (X11) is served after it exits by the
	// clearer, even with clearing off.
	if clearAfter > 0 || res.Served() {
		var ttyFile *os.File
		if res.Channel == clipboard.Terminal {
			ttyFile = tty
		}
		after := clearAfter
		if after <= 0 {
			after = clipboard.Keep
		}
		if err := env.startClearer(res, where, secret, after, ttyFile); err != nil {
			if res.Served() {
				return fmt.Errorf("the copy ended with sesame: %w", err)
			}
			say(env.stderr, fmt.Sprintf("%s%s, but %v: clear it yourself", clipboard.Copied(res, 0), clipboard.Skipped(res), err))
			return nil
		}
	}
	say(env.stderr, clipboard.Copied(res, clearAfter)+clipboard.Skipped(res))
	return nil
}

// openTTY opens the controlling terminal for writing, or fails when there
// is none.
func openTTY() (*os.File, error) { return os.OpenFile("/dev/tty", os.O_WRONLY, 0) }

// newClearerCommand is the hidden command the detached clearer runs as.
func newClearerCommand(env *environment) *cobra.Command {
	var (
		after                       int
		system, terminal, tmux, x11 bool
	)
	cmd := &cobra.Command{
		Use:    clipboard.ClearerCommand,
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			o := clipboard.ClearerOptions{After: time.Duration(after) * time.Second, Terminal: terminal, Tmux: tmux, System: env.system,
				X11: x11, Display: env.getenv("DISPLAY"), Owned: env.stdout}
			if terminal {
				o.Term = os.NewFile(3, "tty") // handed over by StartClearer
			}
			// Nobody is there to read an error: the clearer stays silent.
			_ = clipboard.RunClearer(env.stdin, o)
			return nil
		},
	}
	cmd.Flags().IntVar(&after, "after", 30, "")
	cmd.Flags().BoolVar(&system, "system", false, "")
	cmd.Flags().BoolVar(&terminal, "terminal", false, "")
	cmd.Flags().BoolVar(&tmux, "tmux", false, "")
	cmd.Flags().BoolVar(&x11, "x11", false, "")
	return cmd
}
