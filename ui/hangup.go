package ui

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// quitOnHangup quits p when the terminal goes away (SIGHUP: the window or
// tmux pane closed, the SSH connection dropped), as Bubble Tea itself does
// for SIGINT and SIGTERM. Left to its default, SIGHUP would end sesame at
// once, before Run hands the clipboard's countdown to the detached clearer,
// and the secret would stay on the clipboard. The returned stop ends the
// watch; until then a hang-up during that hand-over cannot cut it short
// either.
func quitOnHangup(p *tea.Program) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			p.Quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
