package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/clipboard"
	"github.com/sesame-sh/sesame/ui/settings"
)

// deps are the model's links to the outside world, injected so that tests
// can replace each of them.
type deps struct {
	// source is the only randomness; one generation job at a time reads it
	// (see generate.go).
	source generator.Source
	// clip is the clipboard.
	clip Clipboard
	// now tells the time (history entries, how long a result was shown).
	now func() time.Time
	// after delivers msg after d; tests replace it to fire timers by hand.
	after func(d time.Duration, msg tea.Msg) tea.Cmd
	// raw writes escape sequences (OSC 52) to the terminal; tests record
	// them.
	raw func(seq string) tea.Cmd
	// tmux runs tmux commands for copies inside tmux; nil runs tmux itself
	// (and only for the server this program runs in).
	tmux clipboard.Runner
}

func realAfter(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// focusArea is where keys go.
type focusArea int

const (
	focusResult focusArea = iota // single keys act on the result
	focusForm                    // keys edit the focused field
)

// model is the interactive program's state. Its methods have pointer
// receivers: Update changes it in place and returns it.
type model struct {
	deps deps

	// s is every setting; the forms read and write it.
	s settings.Settings
	// rulesSeen is the website rules the length was last fitted to.
	rulesSeen string

	forms   [settings.NumModes]*form
	results [settings.NumModes]modeResult
	gen     genQueue

	focus   focusArea
	field   field // the focused field while focus is focusForm
	history history
	qr      qrView
	// presets are the built-in and saved presets; prompt is a preset's
	// name being typed.
	presets []settings.Preset
	prompt  promptState

	// copy is the latest copy to a clipboard; clipGuard serialises the
	// clipboards.
	copy      copyState
	clipGuard *guardedClipboard

	keys keyMap
	help help.Model
	// helpPage is the page of the full help on screen, of helpPageCount
	// (as last drawn: the count depends on the terminal's size).
	helpPage, helpPageCount int
	// formScroll is how far the user scrolled the form from where focus
	// puts it; formOverflow and formRows are as last drawn: whether the
	// form was taller than its room, and that room.
	formScroll   int
	formOverflow bool
	formRows     int
	styles       styles
	// isDark and noColor decide the styles: dark until the terminal says
	// otherwise; no colour under NO_COLOR or a colourless profile.
	isDark         bool
	profileNoColor bool
	envNoColor     bool
	// env is the environment the program runs in (tea.EnvMsg), kept for
	// the clipboard's choice of channel.
	env tea.EnvMsg

	width, height int

	status      status
	saver       *saver
	saveVersion int // the latest change; a save timer for an older one is moot

	quitting bool
}

// newModel builds the starting state from the options.
func newModel(opts Options, d deps) *model {
	m := &model{
		deps:   d,
		s:      opts.Settings,
		keys:   defaultKeyMap(),
		help:   help.New(),
		isDark: true,
		saver:  newSaver(opts.ConfigPath, opts.Settings, opts.ConfigError),
	}
	m.rulesSeen = m.s.Password.Rules
	if m.deps.now == nil {
		m.deps.now = time.Now
	}
	if m.deps.after == nil {
		m.deps.after = realAfter
	}
	if m.deps.raw == nil {
		m.deps.raw = func(seq string) tea.Cmd { return tea.Raw(seq) }
	}
	if m.s.Mode < settings.Password || m.s.Mode > settings.PIN {
		m.s.Mode = settings.Password
	}
	m.styles = newStyles(m.isDark, false)
	m.help.Styles = m.styles.help
	m.help.FullSeparator = "   "
	m.forms = newForms(&m.s, &m.styles)
	m.presets, _ = settings.Presets(opts.ConfigPath)
	if len(opts.Warnings) > 0 {
		m.status = status{text: joinWarnings(opts.Warnings), kind: statusWarn}
	}
	return m
}

// Init implements tea.Model: ask the terminal for its background colour
// (never waiting for the answer), make the first secret, and time out a
// starting warning.
func (m *model) Init() tea.Cmd {
	return tea.Batch(
		tea.RequestBackgroundColor,
		m.request(m.s.Mode, false),
		m.expireStatus(10*time.Second),
	)
}

// Update implements tea.Model.
func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		return m, nil
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.restyle()
		return m, nil
	case tea.ColorProfileMsg:
		m.profileNoColor = msg.Profile <= colorprofile.ASCII
		m.restyle()
		return m, nil
	case tea.EnvMsg:
		m.env = msg
		m.envNoColor = msg.Getenv("NO_COLOR") != ""
		m.restyle()
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		if m.focus == focusForm && m.field != nil && m.field.paste(msg.Content, &m.s) {
			return m, m.settingsChanged()
		}
		return m, nil
	case slowJobMsg:
		m.slowJob(msg)
		return m, nil
	case compiledMsg:
		return m, m.compiled(msg)
	case genDoneMsg:
		return m, m.generated(msg)
	case copiedMsg:
		return m, m.copied(msg)
	case sentMsg:
		return m, m.sent(msg)
	case clipTickMsg:
		return m, m.tick(msg)
	case heldMsg:
		return m, m.held(msg)
	case clearedMsg:
		return m, m.cleared(msg)
	case statusExpiredMsg:
		if msg.seq == m.status.seq {
			m.status = status{seq: m.status.seq}
		}
		return m, nil
	case saveDueMsg:
		return m, m.saveDue(msg)
	case savedMsg:
		return m, m.saved(msg)
	case presetSavedMsg:
		return m, m.presetSaved(msg)
	}
	return m, nil
}

// restyle rebuilds every style after the background or colour support
// became known.
func (m *model) restyle() {
	m.styles = newStyles(m.isDark, m.profileNoColor || m.envNoColor)
	m.help.Styles = m.styles.help
	for _, f := range m.forms {
		for _, r := range f.rows {
			for _, c := range r.fields {
				if t, ok := c.(interface{ restyle(*styles) }); ok {
					t.restyle(&m.styles)
				}
			}
		}
	}
}

// form is the current mode's form.
func (m *model) form() *form { return m.forms[m.s.Mode] }

// result is the current mode's result state.
func (m *model) result() *modeResult { return &m.results[m.s.Mode] }

// setMode switches tabs, generating for the new mode if its settings
// changed since its last result.
func (m *model) setMode(mode settings.Mode) tea.Cmd {
	if mode == m.s.Mode {
		return nil
	}
	m.leaveForm()
	m.s.Mode = mode
	return tea.Batch(m.request(mode, false), m.markDirty())
}

// settingsChanged regenerates the current mode and schedules a save.
func (m *model) settingsChanged() tea.Cmd {
	if m.s.Password.Rules != m.rulesSeen {
		// New rules bound the length: one outside their range moves in,
		// as the command line fits a length nobody gave.
		m.rulesSeen = m.s.Password.Rules
		m.s.Password.FitLength()
	}
	return tea.Batch(m.request(m.s.Mode, false), m.markDirty())
}

// quit leaves the program, with an empty view first so that no secret
// stays on screen. A copy's countdown goes on after the program (Run hands
// it to the detached clearer). An interrupt (ctrl+c) makes Run return
// tea.ErrInterrupted.
func (m *model) quit(interrupt bool) tea.Cmd {
	m.quitting = true
	if interrupt {
		return tea.Interrupt
	}
	return tea.Quit
}
