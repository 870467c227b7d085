package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// Generation runs off the event loop. Compiling a policy and drawing a
// secret usually take well under a millisecond, but heavy settings (length
// 4096 with large minimums on every class) take tens of milliseconds to
// compile and up to seconds to draw, and a wordlist file must be read. So
// every change asks for a job, in two steps: compile (the strength is
// known, and shown, as soon as this is done), then draw. One job runs at a
// time; requests made meanwhile collapse into one, which starts when the
// job ends; and a request cancels a running draw whose result could no
// longer be shown (its settings changed, or another tab is wanted),
// through the draw's random source. A result is kept only if the settings
// that made it are still the current ones; the last valid result stays on
// screen until then.

// genRequest asks for one secret of one mode.
type genRequest struct {
	mode settings.Mode
	s    settings.Settings // a copy: the job never sees later edits
	key  settings.Settings // the mode's part of s; see modeKey
	// reuse is the compiled generator of these very settings, if any.
	reuse      generator.Engine
	reuseWarns []generator.Warning
}

// genQueue is the one running job and the request waiting behind it.
type genQueue struct {
	busy    bool
	running genRequest
	cancel  *atomic.Bool // stops the running draw
	pending *genRequest
	// seq numbers jobs; slow is set when job seq has run for slowAfter,
	// and only then does the screen say it is updating (a usual job ends
	// long before, and the note would only flicker).
	seq  int
	slow bool
}

// slowAfter is how long a job runs before the screen says so.
const slowAfter = 150 * time.Millisecond

// slowJobMsg says job seq has been running for slowAfter.
type slowJobMsg struct{ seq int }

// compiledMsg carries a job's first step back to Update.
type compiledMsg struct {
	req   genRequest
	gen   generator.Engine
	warns []generator.Warning
	err   error
}

// genDoneMsg carries a job's outcome back to Update.
type genDoneMsg struct {
	req      genRequest
	gen      generator.Engine
	warns    []generator.Warning
	secret   string
	strength generator.Strength
	err      error
}

// errCancelled ends a draw nobody waits for any more.
var errCancelled = errors.New("cancelled")

// cancelSource lets a job's draw be stopped: once cancelled it fails, and
// every sampler returns at its next read.
type cancelSource struct {
	src    generator.Source
	cancel *atomic.Bool
}

// Fill implements generator.Source.
func (c cancelSource) Fill(p []byte) error {
	if c.cancel.Load() {
		return errCancelled
	}
	return c.src.Fill(p)
}

// result is one secret on screen and what is known about it.
type result struct {
	key      settings.Settings // the settings that made it (see modeKey)
	mode     settings.Mode
	secret   string
	strength generator.Strength
	gen      generator.Engine
	shownAt  time.Time
	// copying: the user asked to copy it, which keeps it in the history
	// however briefly shown; copied: a copy of it landed.
	copying, copied bool
}

// modeResult is a mode's last valid result and the state of its current
// settings.
type modeResult struct {
	res *result
	// err explains why the settings in errKey cannot make a secret.
	err    error
	errKey settings.Settings
	warns  []generator.Warning
	// compiled is the generator of the last good settings and its
	// strength: shown at once, and reused when regenerating.
	compiled    generator.Engine
	compiledKey settings.Settings
	compiledW   []generator.Warning
	strength    generator.Strength
}

// modeKey is the part of the settings that decides a mode's output: equal
// keys make the same generator.
func modeKey(s *settings.Settings, mode settings.Mode) settings.Settings { return s.Only(mode) }

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

// strengthOf is what the strength panel shows: the current settings'
// strength and generator once they are compiled, else the result's on
// screen. ofSettings reports whether it is the current settings' figure.
func (m *model) strengthOf(mode settings.Mode) (st generator.Strength, g generator.Engine, ofSettings bool) {
	mr := &m.results[mode]
	if m.failing(mode) == nil && mr.compiled != nil && mr.compiledKey == modeKey(&m.s, mode) {
		return mr.strength, mr.compiled, true
	}
	if mr.res != nil {
		return mr.res.strength, mr.res.gen, m.current(mode)
	}
	return generator.Strength{}, nil, false
}

// request asks for a new secret of a mode: always when fresh (the r key),
// otherwise only if its settings changed since its last result or error.
func (m *model) request(mode settings.Mode, fresh bool) tea.Cmd {
	key := modeKey(&m.s, mode)
	mr := &m.results[mode]
	dropPending := func() {
		if p := m.gen.pending; p != nil && p.mode == mode {
			m.gen.pending = nil // an older request for this mode is moot
		}
		m.cancelStale()
	}
	if !fresh && (m.current(mode) || (mr.err != nil && mr.errKey == key)) {
		dropPending()
		return nil
	}
	if err := m.precheck(mode); err != nil {
		mr.err, mr.errKey, mr.warns = err, key, nil
		dropPending()
		return nil
	}
	req := &genRequest{mode: mode, s: m.s, key: key}
	if mr.compiled != nil && mr.compiledKey == key {
		req.reuse, req.reuseWarns = mr.compiled, mr.compiledW
	}
	m.gen.pending = req
	if m.gen.busy {
		m.cancelStale()
		return nil
	}
	return m.startJob()
}

// cancelStale stops the running draw if its result could not be shown:
// its settings changed, or it is for another tab than the one in view.
func (m *model) cancelStale() {
	q := &m.gen
	if !q.busy || q.cancel == nil {
		return
	}
	if q.running.mode != m.s.Mode || q.running.key != modeKey(&m.s, q.running.mode) {
		q.cancel.Store(true)
	}
}

// startJob runs the pending request's first step: compile, unless the
// generator can be reused.
func (m *model) startJob() tea.Cmd {
	req := *m.gen.pending
	m.gen.pending = nil
	m.gen.busy, m.gen.running, m.gen.cancel = true, req, new(atomic.Bool)
	m.gen.seq++
	slow := m.deps.after(slowAfter, slowJobMsg{seq: m.gen.seq})
	if req.reuse != nil {
		return tea.Batch(m.drawCmd(req, req.reuse, req.reuseWarns), slow)
	}
	return tea.Batch(slow, func() tea.Msg {
		out := compiledMsg{req: req}
		if err := checkWordlistFile(req); err != nil {
			out.err = err
			return out
		}
		out.gen, out.warns, out.err = req.s.Generator(req.mode)
		return out
	})
}

// slowJob notes that the running job takes long, if it still runs.
func (m *model) slowJob(msg slowJobMsg) {
	if m.gen.busy && msg.seq == m.gen.seq {
		m.gen.slow = true
	}
}

// drawCmd runs a job's second step: one secret from a compiled generator,
// with a random source the job can be cancelled through.
func (m *model) drawCmd(req genRequest, g generator.Engine, warns []generator.Warning) tea.Cmd {
	r := generator.NewRand(cancelSource{src: m.deps.source, cancel: m.gen.cancel})
	return func() tea.Msg {
		out := genDoneMsg{req: req, gen: g, warns: warns}
		secret, err := g.Generate(r)
		r.Wipe()
		if err != nil {
			out.err = err
			return out
		}
		out.secret = secret
		out.strength = generator.Assess(g.Entropy())
		return out
	}
}

// compiled takes a job's first step: show the new strength, or the
// error, then draw, unless the settings moved on meanwhile.
func (m *model) compiled(msg compiledMsg) tea.Cmd {
	mode := msg.req.mode
	mr := &m.results[mode]
	if msg.req.key != modeKey(&m.s, mode) || m.gen.cancel == nil || m.gen.cancel.Load() {
		return m.jobEnded()
	}
	if msg.err != nil {
		mr.err, mr.errKey, mr.warns = msg.err, msg.req.key, msg.warns
		return m.jobEnded()
	}
	mr.compiled, mr.compiledKey, mr.compiledW = msg.gen, msg.req.key, msg.warns
	mr.strength = generator.Assess(msg.gen.Entropy())
	mr.err, mr.errKey, mr.warns = nil, settings.Settings{}, msg.warns
	return m.drawCmd(msg.req, msg.gen, msg.warns)
}

// jobEnded frees the queue and starts what waits.
func (m *model) jobEnded() tea.Cmd {
	m.gen.busy, m.gen.cancel, m.gen.slow = false, nil, false
	if m.gen.pending != nil {
		return m.startJob()
	}
	return nil
}

// generated takes a job's outcome.
func (m *model) generated(msg genDoneMsg) tea.Cmd {
	var cmds []tea.Cmd
	mode := msg.req.mode
	mr := &m.results[mode]
	if msg.req.key == modeKey(&m.s, mode) {
		switch {
		case errors.Is(msg.err, errCancelled):
		case errors.Is(msg.err, generator.ErrRandomness):
			// Not the settings' fault: say so, keep the last result.
			cmds = append(cmds, m.setStatus("could not make a secret: the random source failed", statusErr))
		case msg.err != nil:
			mr.err, mr.errKey, mr.warns = msg.err, msg.req.key, msg.warns
		default:
			mr.err, mr.errKey, mr.warns = nil, settings.Settings{}, msg.warns
			mr.compiled, mr.compiledKey, mr.compiledW = msg.gen, msg.req.key, msg.warns
			mr.strength = msg.strength
			m.replaceResult(mode, &result{
				key: msg.req.key, mode: mode, secret: msg.secret, strength: msg.strength,
				gen: msg.gen, shownAt: m.deps.now(),
			})
		}
	}
	cmds = append(cmds, m.jobEnded())
	return tea.Batch(cmds...)
}

// checkWordlistFile refuses a wordlist path that is not a regular file
// before anything opens it: opening a FIFO would block the job for good,
// and a directory or device is never a wordlist.
func checkWordlistFile(req genRequest) error {
	if req.mode != settings.Phrase || settings.IsBuiltinList(req.s.Phrase.Wordlist) {
		return nil
	}
	if req.s.Phrase.Wordlist == "-" {
		// The keys come from standard input here.
		return generator.PolicyErrorf("wordlist", "- (standard input) only works on the command line: give the path of a file")
	}
	info, err := os.Stat(req.s.Phrase.Wordlist)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		if info.IsDir() {
			return generator.PolicyErrorf("wordlist", "that is a folder: give the path of a file")
		}
		return generator.PolicyErrorf("wordlist", "that is not a regular file: give the path of a wordlist file")
	}
	return nil
}

// replaceResult puts a new result on screen; the one it replaces goes to
// the history if the user had it long enough to have seen it.
func (m *model) replaceResult(mode settings.Mode, r *result) {
	mr := &m.results[mode]
	if old := mr.res; old != nil && (old.copying || m.deps.now().Sub(old.shownAt) >= seenAfter) {
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
	if err := m.forms[mode].problem(); err != nil {
		return err
	}
	if mode == settings.Token && m.s.Token.Format == generator.TokenRaw {
		return generator.PolicyErrorf("format", "raw bytes cannot be shown on screen: choose a text format (the command line writes raw tokens to files)")
	}
	return nil
}

// errorField returns the form field an error belongs to (nil if none) and
// the message to show there, in words.
func (m *model) errorField(mode settings.Mode, err error) (field, string) {
	f := m.forms[mode]
	var pe *generator.PolicyError
	if errors.As(err, &pe) {
		name := string(pe.Field)
		if name == "alphabet" && mode == settings.Password && m.s.Password.Alphabet == "" {
			// The alphabet the classes and exclusions leave, not a custom
			// one: point at what made it so.
			name = "lower"
			if m.s.Password.Exclude != "" || m.s.Password.NoAmbiguous {
				name = "exclude"
			}
		}
		return f.of(name, &m.s), pe.Text(settingWords)
	}
	if mode == settings.Phrase { // the only file a mode reads
		return f.of("wordlist", &m.s), fileErrorText(err)
	}
	return nil, err.Error()
}

// settingWords spells a setting the library names in a message as the
// form knows it: by its name.
func settingWords(s generator.SettingName) string { return string(s) }

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
