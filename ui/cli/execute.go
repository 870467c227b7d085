package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui"
	"github.com/sesame-sh/sesame/ui/settings"
)

// execute carries out a parsed request: the interactive program, or
// printing. Its errors name settings as the flags the user gave.
func execute(ctx context.Context, env *environment, req *request) (err error) {
	defer func() {
		if err != nil {
			err = &spelledError{err, req.flagName}
		}
	}()
	if err := findPreset(env, req); err != nil {
		return err
	}
	if req.interactive {
		return startTUI(ctx, env, req)
	}
	if err := req.checkOutput(env.stdoutTTY); err != nil {
		return err
	}
	if req.number != nil {
		return emitNumbers(env, req)
	}
	return generate(env, req)
}

// generate applies --min-bits, builds the mode's generator and prints.
func generate(env *environment, req *request) error {
	s := req.settings()
	var early []generator.Warning
	if s.Mode == settings.Phrase && s.Phrase.Wordlist == "-" {
		if env.stdinTTY {
			// Not an error (a list can be typed or pasted), but a program
			// that waits silently looks hung.
			say(env.stderr, "reading the wordlist from standard input, one word a line (ctrl+d to end)")
		}
		list, warns, err := generator.ParseWordlist("stdin", env.stdin)
		if err != nil {
			return withWarnings(err, warns)
		}
		early = warns // said with the others, or joined to an error
		settings.UseWordlist("-", list)
	}
	var notes []string
	if s.Mode == settings.Password && !req.gave("length") {
		// Rules fix a length range; a length nobody gave fits into it.
		s.Password.FitLength()
	}
	if req.out.minBitsSet && s.Mode == settings.Password && s.Password.Pattern != "" {
		// The pattern sets the length: --min-bits can only check it.
		if err := patternReaches(&s, req.out.minBits); err != nil {
			return withWarnings(err, early)
		}
	} else if req.out.minBitsSet {
		size := settings.SizeOf(s.Mode)
		n, err := minSize(&s, req.out.minBits)
		if err != nil {
			// The rules' warnings (a part of a rules string dropped, a
			// site with no bundled rules) may explain the error.
			warns := early
			switch s.Mode {
			case settings.Password:
				_, warns, _ = s.Password.AppliedRules()
			case settings.Phrase:
				_, rw, _ := s.Phrase.AppliedRules()
				warns = append(warns, rw...)
			}
			return withWarnings(err, warns)
		}
		notes = append(notes, fmt.Sprintf("--%s %d chosen for --min-bits %s", size.Name, n, strconv.FormatFloat(req.out.minBits, 'f', -1, 64)))
	}
	g, warns, err := s.Generator(s.Mode)
	warns = append(early, warns...)
	if err != nil {
		return withWarnings(err, warns)
	}
	if err := savePreset(env, req, s); err != nil {
		return withWarnings(err, warns)
	}
	warn(env.stderr, warns)
	if s.Mode == settings.Password {
		if a, _, _ := s.Password.AppliedRules(); a != nil {
			notes = append(notes, a.Describe(s.Password, "--space"))
		}
		if left := settings.LeftOutText(g); left != "" {
			notes = append(notes, "the blocklist: "+left)
		}
		if u := s.Password.ChangePasswordURL(); u != "" {
			notes = append(notes, "change it at "+u)
		}
	}
	if ph, ok := g.(*generator.Phrase); ok {
		if d, ok := ph.RulesApplied(); ok {
			notes = append(notes, d.Describe())
		}
		if u := s.Phrase.ChangePasswordURL(); u != "" {
			notes = append(notes, "change it at "+u)
		}
	}
	res := result{mode: s.Mode.String(), gen: g, details: func() []field { return details(s, g) }, note: strings.Join(notes, "; ")}
	if s.Mode == settings.Token && s.Token.Format == generator.TokenRaw {
		res.binary = true
	}
	return emit(env, &req.out, res, s.ClearAfter)
}

// minSize sets the mode's size to the smallest reaching bits.
func minSize(s *settings.Settings, bits float64) (int, error) {
	switch s.Mode {
	case settings.Password:
		return minPasswordLength(&s.Password, bits)
	case settings.Phrase:
		s.Phrase.Given.Words = true // chosen for --min-bits: the rules keep it
		if a, _, err := s.Phrase.AppliedRules(); err != nil {
			return 0, err
		} else if a != nil {
			return minRuledWords(s, a, bits)
		}
		pp, _, err := s.Phrase.Policy()
		if err != nil {
			return 0, err
		}
		n, err := generator.MinWords(pp, bits)
		s.Phrase.Words = n
		return n, err
	case settings.Token:
		n, err := generator.MinTokenBytes(bits)
		s.Token.Bytes = n
		return n, err
	}
	n, err := generator.MinPINLength(s.PIN.NoTrivial, bits)
	s.PIN.Length = n
	return n, err
}

// minRuledWords sets the passphrase's word count to the smallest whose
// passphrases under the rules reach bits, and says the best those rules
// allow when none does.
func minRuledWords(s *settings.Settings, a *settings.AppliedRules, bits float64) (int, error) {
	best, bestWords := -1.0, 0
	var last error
	for n := 1; n <= generator.MaxWords; n++ {
		s.Phrase.Words = n
		g, _, err := s.Generator(settings.Phrase)
		if err != nil {
			if best >= 0 {
				break // the rules' length ends the words that fit
			}
			last = err
			if n >= 8 {
				return 0, last
			}
			continue
		}
		e := g.Entropy()
		if e.Reaches(bits) {
			return n, nil
		}
		if e.Bits > best {
			best, bestWords = e.Bits, n
		}
	}
	if best < 0 {
		return 0, last
	}
	s.Phrase.Words = bestWords
	return 0, usagef("no passphrase %s allow reaches %s bits: the best, %d words, gives %.2f; lower --min-bits or make a password",
		a.Name(), strconv.FormatFloat(bits, 'f', -1, 64), bestWords, generator.Entropy{Bits: best}.Rounded())
}

// startTUI builds the starting settings (defaults < remembered < flags) and
// runs the interactive program.
func startTUI(ctx context.Context, env *environment, req *request) error {
	s := settings.Default()
	var warnings []string
	var configErr error
	path := ""
	if !req.out.noConfig {
		p, err := configPath(env)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("settings will not be remembered: %v", err))
		} else {
			path = p
			var w string
			s, w, configErr = settings.Load(path)
			if configErr != nil {
				warnings = append(warnings, configErr.Error()+"; using the defaults, and settings will not be saved this time")
			}
			if w != "" {
				warnings = append(warnings, w)
			}
		}
	}
	req.apply(&s)
	if req.gave("wordlist") && s.Phrase.Wordlist == "-" {
		return usagef("--wordlist - reads the words from standard input, but the interactive program reads keys from it: give the list's path, or print passphrases (sesame phrase --wordlist - < words.txt)")
	}
	if !req.gave("length") {
		s.Password.FitLength()
	}
	if err := savePreset(env, req, s); err != nil {
		return err
	}
	return env.runTUI(ctx, ui.Options{Settings: s, ConfigPath: path, ConfigError: configErr, Warnings: warnings})
}

func configPath(env *environment) (string, error) {
	if env.configDir != nil {
		dir, err := env.configDir()
		if err != nil {
			return "", err
		}
		return dir + "/sesame/config.json", nil
	}
	return settings.Path()
}

// findPreset finds the preset --preset names, among the built-in ones and
// those saved in the settings file, and settles the mode: a command's
// preset must be of its mode; sesame itself takes the preset's.
func findPreset(env *environment, req *request) error {
	name := req.out.preset
	if name == "" {
		return nil
	}
	path := ""
	if !req.out.noConfig {
		path, _ = configPath(env)
	}
	p, warning, err := settings.FindPreset(path, name)
	if warning != "" && (!req.interactive || err != nil) {
		// The interactive program says it on its status line, if it
		// starts.
		say(env.stderr, "warning: "+warning)
	}
	if err != nil {
		return usagef("--preset: %v", err)
	}
	switch {
	case !req.root && p.Mode != req.mode:
		return usagef("preset %s is for %ss: use it with sesame %s --preset %s", name, p.Mode.Noun(), p.Mode, name)
	case req.root && req.modeChosen && req.mode != p.Mode:
		return usagef("preset %s is for %ss, but the flags given are for %ss: give one", name, p.Mode.Noun(), req.mode.Noun())
	}
	req.mode, req.modeChosen, req.preset = p.Mode, true, &p
	return nil
}

// savePreset saves the settings as the preset --save-preset names, and
// says so, and what it left out. Not being able to write it is a failure
// at run time; a settings file that could not be read is never written
// over.
func savePreset(env *environment, req *request, s settings.Settings) error {
	name := req.out.savePreset
	if name == "" {
		return nil
	}
	if req.out.noConfig {
		return usagef("--save-preset saves in the settings file, which --no-config ignores: drop one of them")
	}
	path, err := configPath(env)
	if err != nil {
		return fmt.Errorf("saving preset %s: %w", name, err)
	}
	p, replaced, err := settings.SavePreset(path, name, s.Mode, s)
	var pe *generator.PolicyError
	var fe *settings.FileError
	switch {
	case errors.As(err, &pe):
		return usagef("%v", err)
	case errors.As(err, &fe):
		return fmt.Errorf("preset %s not saved: %w, and sesame never writes over a file it cannot read", name, err)
	case err != nil:
		return fmt.Errorf("preset %s not saved: %w", name, err)
	}
	if _, site := s.Only(s.Mode).Storable(); site != "" {
		say(env.stderr, settings.DroppedURL(site))
	}
	verb := "saved"
	if replaced {
		verb = "replaced"
	}
	say(env.stderr, fmt.Sprintf("%s preset %s: %s", verb, name, presetSummary(p)))
	return nil
}

// patternReaches refuses a pattern whose passwords fall short of bits,
// as --min-bits cannot lengthen a pattern.
func patternReaches(s *settings.Settings, bits float64) error {
	g, _, err := s.Generator(settings.Password)
	if err != nil {
		return err
	}
	if e := g.Entropy(); !e.Reaches(bits) {
		return usagef("the pattern gives %.2f bits, below --min-bits %s: lengthen the pattern or lower --min-bits",
			e.Rounded(), strconv.FormatFloat(bits, 'f', -1, 64))
	}
	return nil
}

// minPasswordLength sets the password length to the smallest reaching
// bits, within the length range of any website rules, and says the best
// those rules allow when no length in it does.
func minPasswordLength(p *settings.PasswordSettings, bits float64) (int, error) {
	applied, _, err := p.AppliedRules()
	if err != nil {
		return 0, err
	}
	lo, hi := 1, generator.MaxLength
	if p.Styled() {
		if applied != nil {
			lo, hi = applied.LengthRange()
		}
		sp, _, err := p.StylePolicy()
		if err != nil {
			return 0, err
		}
		n, err := generator.MinStyleLength(sp, bits, lo, hi)
		p.Length = n
		return n, err
	}
	if applied != nil {
		lo, hi = applied.LengthRange()
		p.Length = hi
		pol, _, err := p.Policy()
		if err != nil {
			return 0, err
		}
		if e, err := generator.PasswordEntropy(pol); err != nil {
			return 0, err
		} else if !e.Reaches(bits) {
			return 0, usagef("no password %s allow reaches %s bits: the longest, %d characters, gives %.2f; lower --min-bits",
				applied.Name(), strconv.FormatFloat(bits, 'f', -1, 64), hi, e.Rounded())
		}
	}
	pol, _, err := p.Policy()
	if err != nil {
		return 0, err
	}
	n, err := generator.MinLengthIn(pol, bits, lo, hi)
	p.Length = n
	return n, err
}
