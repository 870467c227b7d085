// Package ui is sesame's interactive generator, a Bubble Tea program.
//
// The files split by idea, each opening with what it is about:
//   - the program: run.go (Run), model.go (state, Init, Update),
//     handle.go (keys by focus), keys.go (the key map), hangup.go (a
//     closed terminal);
//   - the forms, built from the settings table: forms.go, field.go with
//     field_*.go (one small type per kind of setting), presets.go;
//   - making and keeping secrets: generate.go (generation off the event
//     loop), history.go, clipboard.go, config.go (remembered settings);
//   - drawing: view.go, layout.go (small terminals), secret.go,
//     strength.go, formview.go, helpview.go, qrview.go, status.go,
//     styles.go (colours).
package ui

import (
	"context"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/clipboard"
	"github.com/sesame-sh/sesame/ui/settings"
)

// Options starts the interactive program.
type Options struct {
	// Settings is the starting state: defaults, overlaid by the remembered
	// settings, overlaid by command-line flags.
	Settings settings.Settings
	// ConfigPath is where settings are remembered; "" means don't save.
	ConfigPath string
	// ConfigError, when the settings file could not be read whole (a
	// *settings.FileError), means nothing is saved over it this time;
	// Warnings say so.
	ConfigError error
	// Warnings are shown once at start (e.g. an unreadable config file).
	Warnings []string
}

// Run runs the interactive program until the user quits. It returns nil
// on a normal quit and an error wrapping tea.ErrInterrupted after ctrl+c.
// Settings the user changed are remembered in opts.ConfigPath; a failure
// to save them at the end is reported on standard error, after the screen
// is restored, and does not make Run fail.
func Run(ctx context.Context, opts Options) error {
	m := newModel(opts, deps{source: generator.CryptoSource(), clip: clipboard.OS()})
	// Frames go out on a ticker; at the most it allows (120 a second) a
	// key's frame waits at most 8 ms for it, which keeps keystroke to
	// screen under 16 ms, a frame at 60 Hz.
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithFPS(120))
	defer quitOnHangup(p)()
	final, err := p.Run()
	if fm, ok := final.(*model); ok {
		if note, serr := fm.finalSave(); serr != nil {
			fmt.Fprintf(os.Stderr, "sesame: warning: settings not saved: %v\n", serr)
		} else if note != "" {
			fmt.Fprintln(os.Stderr, "sesame: "+note)
		}
		if note := handOffCopy(fm, clipboard.StartClearer); note != "" {
			fmt.Fprintln(os.Stderr, "sesame: "+note)
		}
	}
	if err != nil {
		return fmt.Errorf("interactive program: %w", err)
	}
	return nil
}

// quitWait is how long quitting waits for a copy still being written: the
// clipboard tools and tmux give up after 2 s (package clipboard), so a copy
// that has not landed by then never will, and sesame quits within 3 s
// whatever the tool does.
const quitWait = 2500 * time.Millisecond

// startClearer is clipboard.StartClearer, or a test's stand-in.
type startClearer func(res clipboard.Result, where clipboard.Where, secret string, after int, tty *os.File) error

// handOffCopy gives a copy whose countdown the program did not see out to
// the detached clearer, with the time left, once the screen is restored,
// and returns the line to print: when the clipboard clears, or why it was
// cleared now. The clearer still clears only if the clipboard holds our
// secret; with clearing off nothing is handed over.
func handOffCopy(m *model, start startClearer) string {
	m.guard().waitWrites(quitWait)
	h := m.pendingCopy()
	if h == nil {
		return ""
	}
	var tty *os.File
	if h.res.Channel == clipboard.Terminal {
		// The OSC 52 copy went to the program's output, the terminal.
		f, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
		if err == nil {
			defer f.Close()
			tty = f
		}
	}
	if err := start(h.res, h.where, h.secret, h.seconds, tty); err != nil {
		if h.res.Served() {
			// Nothing to clear: a copy sesame serves itself ends with it.
			return fmt.Sprintf("warning: the copy ends with sesame: %v", err)
		}
		c := clipboard.Copier{Where: h.where, System: m.guard().sys, Term: tty, Tmux: m.deps.tmux}
		o, cerr := c.Uncopy(h.res, h.secret)
		return fmt.Sprintf("warning: could not leave the clipboard's clearing to run after sesame (%v), so: %s", err, clipboard.Uncopied(h.res, o, cerr))
	}
	if h.seconds == clipboard.Keep {
		return "the copy stays on the clipboard until another program copies"
	}
	return "the clipboard clears in " + clipboard.Seconds(h.seconds)
}
