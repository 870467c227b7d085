package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/sesame-sh/sesame/ui/qr"
)

// The QR code of the secret on screen fills the screen until any key is
// pressed, for a phone's camera; then the screen is as it was. It lives
// only in the view: nothing of it is kept once closed.

// qrView is the code while it is shown.
type qrView struct {
	lines []string // nil: not shown
}

// showQR draws the current secret's code, or says why it cannot.
func (m *model) showQR() tea.Cmd {
	r := m.result().res
	if r == nil {
		return m.setStatus("nothing to show yet", statusInfo)
	}
	w, h, err := qr.Size(r.secret)
	if err != nil {
		return m.setStatus("no QR code: the "+r.mode.Noun()+" is "+err.Error(), statusWarn)
	}
	if w > m.width || h+1 > m.height {
		return m.setStatus(fmt.Sprintf("the QR code needs %d×%d; enlarge the terminal (it is %d×%d)", w, h+1, m.width, m.height), statusWarn)
	}
	// Colours of its own, black on white, unless colour is off: then the
	// code follows the background (light blocks on a dark one).
	opt := qr.Options{Paint: !m.styles.noColor, Invert: m.styles.noColor && m.isDark}
	lines, err := qr.Lines(r.secret, opt)
	if err != nil {
		return m.setStatus("no QR code: "+err.Error(), statusWarn)
	}
	m.qr.lines = lines
	return nil
}

// qrScreen is the whole screen while the code shows.
func (m *model) qrScreen() string {
	lines := append(append([]string{}, m.qr.lines...), m.styles.faint.Render("scan it, then press any key"))
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}
