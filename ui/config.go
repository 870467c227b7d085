package ui

import (
	"errors"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// Settings, never secrets, are remembered between runs. A change is saved
// shortly after the last of a burst of edits (saveDelay), off the event
// loop; whatever is left unsaved at quit is saved by Run. A failed save is
// a note on the status line, never a crash. A settings file that could not
// be read whole is never written over: the program says once that the
// settings will not be saved this time, and saves nothing more.

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
	// refused is why nothing is saved this time: the file could not be
	// read (a *settings.FileError), at the start or on a save.
	refused error
	// toldSite is the site last said to be stored as its host alone.
	toldSite string
}

func newSaver(path string, start settings.Settings, refused error) *saver {
	// The starting settings count as saved: flags given for one run are
	// remembered only once the user changes something.
	return &saver{path: path, last: start, refused: refused}
}

// save writes snapshot s of the given version unless a newer one was
// written already or nothing changed. Settings no secret can satisfy are
// never written: each goes back to what the file holds, so a half-typed
// edit at quitting cannot spoil the next start. note is what the user
// should hear once: that a URL's site was stored as its host alone.
func (sv *saver) save(version int, s settings.Settings) (note string, _ error) {
	if sv == nil || sv.path == "" {
		return "", nil
	}
	sv.mu.Lock()
	defer sv.mu.Unlock()
	s, _ = settings.Valid(s, sv.last)
	if sv.refused != nil || version <= sv.version || s == sv.last {
		return "", nil
	}
	if err := settings.Save(sv.path, s); err != nil {
		var fe *settings.FileError
		if errors.As(err, &fe) {
			sv.refused = err
			return "", fmt.Errorf("%w; settings will not be saved this time", err)
		}
		return "", err
	}
	sv.version, sv.last = version, s
	if _, site := s.Storable(); site != "" && site != sv.toldSite {
		sv.toldSite = site
		return settings.DroppedURL(site), nil
	}
	return "", nil
}

// refusal is why nothing is saved this time, or nil.
func (sv *saver) refusal() error {
	if sv == nil {
		return nil
	}
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.refused
}

// refuse stops saving: the file could not be read.
func (sv *saver) refuse(err error) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	sv.refused = err
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
		note    string
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
	return func() tea.Msg {
		note, err := sv.save(v, s)
		return savedMsg{version: v, note: note, err: err}
	}
}

func (m *model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus("settings not saved: "+msg.err.Error(), statusWarn)
	}
	if msg.note != "" {
		return m.setStatus(msg.note, statusInfo)
	}
	return nil
}

// finalSave writes what is left unsaved when the program ends, and says
// what the user should hear (see saver.save).
func (m *model) finalSave() (note string, _ error) {
	if !m.saver.unsaved(m.s) {
		return "", nil
	}
	return m.saver.save(m.saveVersion+1, m.s)
}
