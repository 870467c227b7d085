package main

import (
	"strings"
	"unicode/utf8"

	"github.com/sesame-sh/sesame/ui"
)

// The sections only sesame(1) has: what the interactive program and the
// process as a whole do, rather than one command. The keys come from the
// program's own bindings; the rest is written here, and the tests hold it
// to the code (every variable the code reads, every exit status).

// programSections writes INTERACTIVE KEYS, EXIT STATUS, ENVIRONMENT and
// FILES.
func programSections(p *page) {
	interactiveKeys(p)
	p.section("EXIT STATUS")
	for _, s := range exitStatuses {
		p.tagged(bold(s.code), proseLine(s.text))
	}
	p.section("ENVIRONMENT")
	for _, e := range environment {
		tags := make([]string, len(e.vars))
		for i, v := range e.vars {
			tags[i] = bold(v)
		}
		p.tagged(strings.Join(tags, ", "), proseLine(e.text))
	}
	p.section("FILES")
	p.tagged(italic(settingsFile), proseLine(settingsFileText))
}

// interactiveKeys lists the keys by where the focus is, as the program's
// help line shows them.
func interactiveKeys(p *page) {
	p.section("INTERACTIVE KEYS")
	p.paragraphs(`At a terminal, sesame with no command starts the interactive program.
Its help line shows the keys of where the focus is; here they are all.`)
	groups := ui.Keys()
	width := 0 // the widest key, and room after it
	for _, g := range groups {
		for _, k := range g.Keys {
			width = max(width, utf8.RuneCountInString(k[0])+2)
		}
	}
	for _, g := range groups {
		p.subsection(strings.ToUpper(g.Where[:1]) + g.Where[1:])
		p.line(".PD 0") // one key a line, as a table
		for _, k := range g.Keys {
			p.taggedIn(width, bold(k[0]), proseLine(k[1]))
		}
		p.line(".PD")
	}
}

// exitStatuses are the statuses sesame exits with (ui/cli/errors.go).
var exitStatuses = []struct{ code, text string }{
	{"0", "Success, also when the program reading the output stops early, as head does."},
	{"1", "A failure at run time: no randomness, no clipboard, a wordlist that cannot be read, output that cannot be written, a preset that cannot be saved."},
	{"2", "A mistake in what was asked: an unknown flag or command, a value out of range, or settings that no secret can satisfy."},
	{"130", "Interrupted with ctrl+c in the interactive program."},
}

// environment lists the variables sesame reads, and why.
var environment = []struct {
	vars []string
	text string
}{
	{[]string{"XDG_CONFIG_HOME"}, "The directory that holds the settings file (see FILES); " +
		"if it is not set, $HOME/.config. macOS and Windows have a directory of their own instead."},
	{[]string{"NO_COLOR"}, "If set and not empty, the interactive program uses no colour."},
	{[]string{"SSH_TTY", "SSH_CONNECTION", "SSH_CLIENT"}, "If any is set, the session is remote: " +
		"a copy goes to your own terminal's clipboard, with an OSC 52 escape sequence (through tmux inside tmux: see TMUX), " +
		"rather than to the system clipboard, which would be the server's. " +
		"An OSC 52 copy cannot be read back, so clearing it empties the clipboard whatever it holds."},
	{[]string{"TMUX"}, "Inside tmux, a copy that goes to the terminal's clipboard (in a remote session, or without a system clipboard) " +
		"goes through tmux itself: tmux load-buffer -b sesame -w, the secret on standard input, " +
		"keeps it in a paste buffer named sesame and has tmux send it to the terminal; this works with tmux's default options, from tmux 3.2. " +
		"Clearing deletes that buffer if it still holds the secret, and overwrites the terminal's clipboard with a single space " +
		"while the buffer is still tmux's newest. " +
		"If tmux will not take the copy (older than 3.2, or set-clipboard off), it goes out as an OSC 52 sequence wrapped for tmux's passthrough, " +
		"which needs allow-passthrough on (and plain as well, only when tmux could not be asked). " +
		"When tmux lets neither out, nothing is copied, and sesame names the setting that would let it."},
	{[]string{"DISPLAY", "WAYLAND_DISPLAY"}, "On Linux and the BSDs, with neither set (and outside WSL), " +
		"there is no system clipboard: a copy goes to the terminal with OSC 52, as in a remote session."},
}

// settingsFile is where the interactive program remembers its settings
// (settings.Path), as the environment names it.
const settingsFile = "$XDG_CONFIG_HOME/sesame/config.json"

const settingsFileText = "The settings the interactive program remembers between runs, never a secret, " +
	"and the presets saved with --save-preset or S. The interactive program reads and writes it; " +
	"--preset and sesame presets read its presets, and --save-preset writes one. " +
	"It may hold comments and trailing commas; a save changes only the values sesame writes, " +
	"keeping comments, keys it does not know and the other presets. " +
	"A file sesame cannot read whole (not JSON even so, not a regular file, or larger than 1 MiB) is never written over: " +
	"sesame uses its defaults and says so, and --save-preset fails. " +
	"A site given as a URL is stored as its host name alone. It is private to the user and replaced atomically. " +
	`On macOS it is ~/Library/Application Support/sesame/config.json, on Windows %AppData%\sesame\config.json.`
