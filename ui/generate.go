package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// Generation runs off the event loop. Compiling a policy and drawing a
// secret is usually well under a millisecond, but heavy settings (length
// 4096 with large minimums on every class) take tens to hundreds of
// milliseconds, and a wordlist file must be read. So every change asks for
// a job; one job runs at a time (the Rand is not safe for concurrent use,
// and piling up jobs while a key repeats would only waste time); requests
// made while it runs collapse into one, started when it finishes; and a
// result is kept only if the settings that made it are still the current
// ones. Meanwhile the last valid result stays on screen.

// genRequest asks for one secret of one mode.
type genRequest struct {
	mode settings.Mode
	s    settings.Settings // a copy: the job never sees later edits
	key  any               // the mode's part of s; see modeKey
	// reuse is the compiled generator of these very settings, if any.
	reuse      generator.Generator
	reuseWarns []generator.Warning
}

// genQueue is the one running job and the request waiting behind it.
type genQueue struct {
	busy    bool
	pending *genRequest
}

// genDoneMsg carries a job's outcome back to Update.
type genDoneMsg struct {
	req      genRequest
	gen      generator.Generator
	warns    []generator.Warning
	secret   string
	strength generator.Strength
	err      error
}

// result is one secret on screen and what is known about it.
type result struct {
	key      any // the settings that made it
	mode     settings.Mode
	secret   string
	strength generator.Strength
	gen      generator.Generator
	shownAt  time.Time
	copied   bool
}

// modeResult is a mode's last valid result and the state of its current
// settings.
type modeResult struct {
	res *result
	// err explains why the settings in errKey cannot make a secret.
	err    error
	errKey any
	warns  []generator.Warning
	// compiled caches the generator of the last good settings, so that
	// regenerating does not recompile.
	compiled    generator.Generator
	compiledKey any
	compiledW   []generator.Warning
}

// modeKey is the part of the settings that decides a mode's output: equal
// keys make the same generator.
func modeKey(s *settings.Settings, mode settings.Mode) any {
	switch mode {
	case settings.Password:
		return s.Password
	case settings.Phrase:
		return s.Phrase
	case settings.Token:
		return s.Token
	}
	return s.PIN
}

// current reports whether the mode's result was made by its settings as
// they are now.
func (m *model) current(mode settings.Mode) bool {
	r := m.results[mode].res
	return r != nil && r.key == modeKey(&m.s, mode)
}

// failing returns the error of the mode's current settings, if any.
func (m *model) failing(mode settings.Mode) error {
	mr := &m.results[mode]
	if mr.err != nil && mr.errKey == modeKey(&m.s, mode) {
		return mr.err
	}
	return nil
}

// request asks for a new secret of a mode: always when fresh (the r key),
// otherwise only if its settings changed since its last result or error.
func (m *model) request(mode settings.Mode, fresh bool) tea.Cmd {
	key := modeKey(&m.s, mode)
	mr := &m.results[mode]
	if !fresh && (m.current(mode) || (mr.err != nil && mr.errKey == key)) {
		if p := m.gen.pending; p != nil && p.mode == mode {
			m.gen.pending = nil // an older request for this mode is moot
		}
		return nil
	}
	if err := m.precheck(mode); err != nil {
		mr.err, mr.errKey, mr.warns = err, key, nil
		if p := m.gen.pending; p != nil && p.mode == mode {
			m.gen.pending = nil
		}
		return nil
	}
	req := &genRequest{mode: mode, s: m.s, key: key}
	if mr.compiled != nil && mr.compiledKey == key {
		req.reuse, req.reuseWarns = mr.compiled, mr.compiledW
	}
	m.gen.pending = req
	if m.gen.busy {
		return nil
	}
	return m.startJob()
}

// startJob runs the pending request.
func (m *model) startJob() tea.Cmd {
	req := *m.gen.pending
	m.gen.pending = nil
	m.gen.busy = true
	r := m.deps.rand
	return func() tea.Msg { return runJob(req, r) }
}

// runJob compiles (unless it can reuse) and draws one secret. It runs in
// its own goroutine, one at a time.
func runJob(req genRequest, r *generator.Rand) genDoneMsg {
	out := genDoneMsg{req: req, gen: req.reuse, warns: req.reuseWarns}
	if out.gen == nil {
		if err := checkWordlistFile(req); err != nil {
			out.err = err
			return out
		}
		g, warns, err := req.s.Generator(req.mode)
		out.warns = warns
		if err != nil {
			out.err = err
			return out
		}
		out.gen = g
	}
	secret, err := out.gen.Generate(r)
	if err != nil {
		out.err = err
		return out
	}
	out.secret = secret
	out.strength = generator.Assess(out.gen.Entropy())
	return out
}

// checkWordlistFile refuses a wordlist path that is not a regular file
// before anything opens it: opening a FIFO would block the job for good,
// and a directory or device is never a wordlist.
func checkWordlistFile(req genRequest) error {
	if req.mode != settings.Phrase || isBuiltinList(req.s.Phrase.Wordlist) {
		return nil
	}
	info, err := os.Stat(req.s.Phrase.Wordlist)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		if info.IsDir() {
			return &generator.PolicyError{Field: "wordlist", Msg: "that is a folder: give the path of a file"}
		}
		return &generator.PolicyError{Field: "wordlist", Msg: "that is not a regular file: give the path of a wordlist file"}
	}
	return nil
}

// generated takes a job's outcome.
func (m *model) generated(msg genDoneMsg) tea.Cmd {
	m.gen.busy = false
	var cmds []tea.Cmd
	mode := msg.req.mode
	mr := &m.results[mode]
	if msg.req.key == modeKey(&m.s, mode) {
		switch {
		case errors.Is(msg.err, generator.ErrRandomness):
			// Not the settings' fault: say so, keep the last result.
			cmds = append(cmds, m.setStatus("could not make a secret: the random source failed", statusErr))
		case msg.err != nil:
			mr.err, mr.errKey, mr.warns = msg.err, msg.req.key, msg.warns
		default:
			mr.err, mr.errKey, mr.warns = nil, nil, msg.warns
			mr.compiled, mr.compiledKey, mr.compiledW = msg.gen, msg.req.key, msg.warns
			m.replaceResult(mode, &result{
				key: msg.req.key, mode: mode, secret: msg.secret, strength: msg.strength,
				gen: msg.gen, shownAt: m.deps.now(),
			})
		}
	}
	if m.gen.pending != nil {
		cmds = append(cmds, m.startJob())
	}
	return tea.Batch(cmds...)
}

// replaceResult puts a new result on screen; the one it replaces goes to
// the history if the user had it long enough to have seen it.
func (m *model) replaceResult(mode settings.Mode, r *result) {
	mr := &m.results[mode]
	if old := mr.res; old != nil && (old.copied || m.deps.now().Sub(old.shownAt) >= seenAfter) {
		m.history.add(old, m.deps.now())
	}
	mr.res = r
}

// seenAfter is how long a result must have been on screen to be kept in
// the history when it is replaced.
const seenAfter = time.Second

// precheck catches settings the form can express but the generator should
// never see.
func (m *model) precheck(mode settings.Mode) error {
	switch mode {
	case settings.Phrase:
		if m.phraseFile && m.phrasePath == "" {
			return &generator.PolicyError{Field: "wordlist", Msg: "type the path of a wordlist file, or choose a built-in list"}
		}
	case settings.Token:
		if m.s.Token.Format == generator.TokenRaw {
			return &generator.PolicyError{Field: "format", Msg: "raw bytes cannot be shown on screen: choose a text format (the command line writes raw tokens to files)"}
		}
	}
	return nil
}

// errorField returns the form field an error belongs to (nil if none) and
// the message to show there, in words.
func (m *model) errorField(mode settings.Mode, err error) (*field, string) {
	f := m.forms[mode]
	var pe *generator.PolicyError
	if errors.As(err, &pe) {
		id := pe.Field
		if id == "wordlist" && m.phraseFile {
			id = "wordlist-file"
		}
		return f.byID(id), pe.Msg
	}
	if mode == settings.Phrase { // the only file a mode reads
		if m.phraseFile {
			return f.byID("wordlist-file"), fileErrorText(err)
		}
		return f.byID("wordlist"), fileErrorText(err)
	}
	return nil, err.Error()
}

// fileErrorText says in words why a file could not be read.
func fileErrorText(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: sesame cannot read that file"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("cannot read that file: %v", pe.Err)
	}
	return fmt.Sprintf("cannot read that file: %v", err)
}
