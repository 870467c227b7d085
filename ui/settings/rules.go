package settings

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// A website's password rules, applied to the password settings. The rules
// setting holds either a site (a domain or a URL, whose bundled rules
// apply) or a rules string; rules.Host tells them apart, since a rules
// string never reads as a domain. How the rules narrow, fit and describe
// the password is the library's (generator.ApplyRules); this file turns
// the setting into the library's values and spells the form's notes.

// AppliedRules are the rules that apply to the password settings.
type AppliedRules struct {
	generator.WebsiteRules
}

// FitLength moves the length into the range of the rules that apply, if
// any: what a length nobody chose should do when rules are chosen.
func (p *PasswordSettings) FitLength() {
	if a, _, err := p.AppliedRules(); err == nil && a != nil {
		p.Length = a.Clamp(p.Length)
	}
}

// rulesSetting is how errors and warnings about the rules name the setting.
const rulesSetting = generator.SettingName("rules")

// AppliedRules resolves the rules setting. It returns nil when the setting
// is empty, and nil with a warning when it names a site whose rules are
// not bundled: the defaults apply, as they would with no rules. A rules
// string that does not follow the language is a *generator.PolicyError
// saying where it went wrong.
func (p PasswordSettings) AppliedRules() (*AppliedRules, []generator.Warning, error) {
	return appliedRules(p.Rules)
}

// appliedRules resolves a rules setting's text, for either mode.
func appliedRules(text string) (*AppliedRules, []generator.Warning, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil, nil
	}
	lastResolved.Lock()
	defer lastResolved.Unlock()
	if r := &lastResolved.resolution; r.text == text && r.done {
		return r.applied, slices.Clone(r.warns), r.err
	}
	a, warns, err := resolveRules(text)
	lastResolved.resolution = resolution{text: text, done: true, applied: a, warns: warns, err: err}
	return a, slices.Clone(warns), err
}

// lastResolved keeps the last rules setting resolved: one request asks for
// its rules from the length fitting, the policy, the description and the
// notes, and each would otherwise look the site up or parse the rules
// again. The values are never changed after resolving (the library copies
// rules before narrowing them), so sharing them is safe.
var lastResolved struct {
	sync.Mutex
	resolution
}

type resolution struct {
	text    string
	done    bool
	applied *AppliedRules
	warns   []generator.Warning
	err     error
}

// resolveRules turns the trimmed, non-empty rules setting into rules.
func resolveRules(text string) (*AppliedRules, []generator.Warning, error) {
	if host, ok := rules.Host(text); ok {
		m, found := rules.Find(host)
		if !found {
			w := generator.Warningf(rulesSetting, "no rules are bundled for %s, so the usual settings apply", host)
			if near := rules.Near(host); near != "" {
				w = generator.Warningf(rulesSetting, "no rules are bundled for %s (did you mean %s?), so the usual settings apply", host, near)
			}
			return nil, []generator.Warning{w}, nil
		}
		var warns []generator.Warning
		if note := m.Note(); note != "" {
			// A guess at what the user meant: say which rules apply.
			warns = append(warns, generator.Warningf(rulesSetting, "%s", note))
		}
		return &AppliedRules{generator.WebsiteRules{Site: m.Site, Rules: m.Rules}}, append(warns, unicodeWarning(m.Rules)...), nil
	}
	if _, err := rules.ReadHost(text); rules.IsPortError(err) {
		// A site with a bad port reads as neither a site nor rules: say
		// what is wrong with the port, not with the rules' syntax.
		pe := generator.PolicyErrorf(rulesSetting, "%v: %q is a site with a bad port (%v)", rulesSetting, text, err)
		pe.Err = err
		return nil, nil, pe
	}
	r, notes, err := rules.Parse(text)
	if err != nil {
		// The rules string is the user's own text, never a secret, so
		// the message may quote it.
		pe := generator.PolicyErrorf(rulesSetting, "%v: %s", rulesSetting, err.Error())
		pe.Err = err
		return nil, nil, pe
	}
	var warns []generator.Warning
	for _, n := range notes {
		warns = append(warns, generator.Warningf(rulesSetting, "%v: %s", rulesSetting, n))
	}
	return &AppliedRules{generator.WebsiteRules{Rules: r}}, append(warns, unicodeWarning(r)...), nil
}

func unicodeWarning(r *rules.Rules) []generator.Warning {
	if !r.Unicode {
		return nil
	}
	return []generator.Warning{generator.Warningf(rulesSetting,
		"the rules allow any Unicode character; sesame draws from printable ASCII only")}
}

// apply makes the policy, the one the settings ask for, follow the rules
// (generator.ApplyRules).
func (a *AppliedRules) apply(pol *generator.PasswordPolicy) error {
	var err error
	*pol, _, err = generator.ApplyRules(*pol, a.WebsiteRules)
	return err
}

// asApplied describes how the rules apply with the settings p.
func (a *AppliedRules) asApplied(p PasswordSettings) generator.RulesAsApplied {
	_, d, _ := generator.ApplyRules(p.ownPolicy(), a.WebsiteRules)
	return d
}

// Describe says in a sentence which rules apply and what they ask with
// the settings p (generator.RulesAsApplied.Describe); space names the way
// to let the space in on the reader's surface (the --space flag, the
// form's switch).
func (a *AppliedRules) Describe(p PasswordSettings, space string) string {
	return a.asApplied(p).Describe(space)
}

// rangeText writes a length range: "8–32 characters", "exactly 6".
func rangeText(lo, hi int) string {
	if lo == hi {
		return fmt.Sprintf("exactly %d characters", lo)
	}
	return fmt.Sprintf("%d–%d characters", lo, hi)
}

// rulesNote is the form's note beside the rules: what they fix. (Why
// they do not apply, the form shows as the error or warning it is.)
func rulesNote(s *Settings) string {
	a, _, err := s.Password.AppliedRules()
	if err != nil || a == nil {
		return changePasswordNote(s.Password)
	}
	return a.Note(s.Password)
}

// Note is the form's note on the rules: Describe, for the form, where the
// space switch lets the space in.
func (a *AppliedRules) Note(p PasswordSettings) string {
	text := a.Describe(p, "the space switch")
	if a.Site != "" {
		// The form names the site in the field beside it.
		return joinNotes(a.Site+strings.TrimPrefix(text, a.Name()), changePasswordNote(p))
	}
	return strings.TrimPrefix(text, a.Name()+": ")
}

// ruledLimit is the run limit in force, of the rules as they apply (the
// stricter of the setting's and the rules'), and, when the rules' is the
// one, a note saying so.
func ruledLimit(s *Settings, own int, of func(*rules.Rules) int) (int, string) {
	a, _, _ := s.Password.AppliedRules()
	if a == nil {
		return own, ""
	}
	n := of(a.asApplied(s.Password).Applied)
	if n != own {
		return n, " (" + a.Subject() + ")"
	}
	return n, ""
}

// checkSite refuses, for --site, a value that names no domain.
func checkSite(text string) *ValueError {
	_, err := rules.ReadHost(text)
	if err == nil {
		return nil
	}
	e := &ValueError{Want: "takes a domain or a URL, such as chase.com or https://www.chase.com/login"}
	switch {
	case rules.IsPortError(err):
		e.Hint = err.Error()
	case strings.Contains(text, ":") && !strings.Contains(text, "://"):
		e.Hint = "for a rules string, use --rules"
	}
	return e
}

// runExample shows a sequential run of n characters: abcd for 4.
func runExample(n int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	if n <= len(letters) {
		return letters[:n]
	}
	return fmt.Sprintf("%d letters in alphabetical order", n)
}
