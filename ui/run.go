// Package ui is sesame's interactive generator, a Bubble Tea program.
//
// The files split by idea: model.go (state, Init, Update), handle.go (keys
// by focus), keys.go (the key map), forms.go (the forms, built from the
// settings table) and field.go with field_*.go (one small type per kind of
// setting), generate.go (generation off the event loop), secret.go,
// strength.go and formview.go and view.go (drawing), styles.go (colours),
// history.go, clipboard.go, status.go and config.go (remembered settings).
package ui

import (
	"context"
	"fmt"
	"os"

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
	final, err := tea.NewProgram(m, tea.WithContext(ctx), tea.WithFPS(120)).Run()
	if fm, ok := final.(*model); ok {
		if serr := fm.finalSave(); serr != nil {
			fmt.Fprintf(os.Stderr, "sesame: warning: settings not saved: %v\n", serr)
		}
		if fm.clearFailure != nil {
			fmt.Fprintf(os.Stderr, "sesame: warning: could not clear the clipboard: %v\n", fm.clearFailure)
		}
	}
	if err != nil {
		return fmt.Errorf("interactive program: %w", err)
	}
	return nil
}
