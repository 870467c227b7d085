// Package ui is sesame's interactive generator, a Bubble Tea program.
package ui

import (
	"context"
	"errors"

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

// Run runs the interactive program until the user quits.
func Run(ctx context.Context, opts Options) error {
	return errors.New("the interactive program is not built yet")
}
