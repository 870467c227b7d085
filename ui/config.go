package ui

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Settings, never secrets, are remembered between runs. A change is saved
// shortly after the last of a burst of edits (saveDelay), off the event
// loop; whatever is left unsaved at quit is saved by Run. A failed save is
// a note on the status line, never a crash.

// saveDelay is how long after the last change the settings are written.
const saveDelay = 700 * time.Millisecond

// saver writes the settings file. Saves come from job goroutines and from
// Run at exit; the mutex and the version make sure an older snapshot never
// overwrites a newer one.
type saver struct {
	path string

	mu      sync.Mutex
	version int               // of the last snapshot written
	last    settings.Settings // what the file holds, as far as we know
}

func newSaver(path string, start settings.Settings) *saver {
	// The starting settings count as saved: flags given for one run are
	// remembered only once the user changes something.
	return &saver{path: path, last: start}
}

// save writes snapshot s of the given version unless a newer one was
// written already or nothing changed. Settings no secret can satisfy are
// never written: each goes back to what the file holds, so a half-typed
// edit at quitting cannot spoil the next start.
func (sv *saver) save(version int, s settings.Settings) error {
	if sv == nil || sv.path == "" {
		return nil
	}
	sv.mu.Lock()
	defer sv.mu.Unlock()
	s, _ = settings.Valid(s, sv.last)
	if version <= sv.version || s == sv.last {
		return nil
	}
	if err := settings.Save(sv.path, s); err != nil {
		return err
	}
	sv.version, sv.last = version, s
	return nil
}

// unsaved reports whether s differs from what was last written.
func (sv *saver) unsaved(s settings.Settings) bool {
	if sv == nil || sv.path == "" {
		return false
	}
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return s != sv.last
}

type (
	saveDueMsg struct{ version int }
	savedMsg   struct {
		version int
		err     error
	}
)

// markDirty schedules a save of the settings as they will be after the
// current burst of changes.
func (m *model) markDirty() tea.Cmd {
	if m.saver == nil || m.saver.path == "" {
		return nil
	}
	m.saveVersion++
	return m.deps.after(saveDelay, saveDueMsg{version: m.saveVersion})
}

// saveDue saves if no change came since the timer was set.
func (m *model) saveDue(msg saveDueMsg) tea.Cmd {
	if msg.version != m.saveVersion {
		return nil
	}
	sv, s, v := m.saver, m.s, msg.version
	return func() tea.Msg { return savedMsg{version: v, err: sv.save(v, s)} }
}

func (m *model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus("settings not saved: "+msg.err.Error(), statusWarn)
	}
	return nil
}

// finalSave writes what is left unsaved when the program ends.
func (m *model) finalSave() error {
	if !m.saver.unsaved(m.s) {
		return nil
	}
	return m.saver.save(m.saveVersion+1, m.s)
}
