package generator

import (
	"strings"

	"github.com/sesame-sh/sesame/generator/rules"
)

// Refusing a passphrase no setting can make follow the rules, naming the
// rule that blocks it: the characters, the length, a requirement no
// choice meets, the run limits, in that order, each found by counting
// again without the rules after it.

// refusePhrase explains why none of the candidates, the ways of setting
// the free settings, gives a passphrase that follows w.
func refusePhrase(pol PhrasePolicy, free PhraseFree, w WebsiteRules, cands []phraseCandidate, forms *allowedForms) error {
	lo, hi := w.LengthRange()
	need := pol.Words
	if free.Words {
		need = minRuledWords
	}
	list := pol.List.Name
	allowed := w.Rules.Allowed
	var loose []*phraseCounter
	anyWord := false
	for _, c := range cands {
		if len(forms.of(c.pol.List, c.pol.Case, allowed)) > 0 {
			anyWord = true
		}
		if lc := newRuledCounter(c.pol, w, charsAndSize, forms); lc != nil {
			loose = append(loose, lc)
		}
	}
	switch {
	case !anyWord:
		return PolicyErrorf(rulesSetting, "%s (%s) allow no word of wordlist %q: make a password instead",
			w.Subject(), ruleText(rules.Rules{Allowed: allowed}), list)
	case len(loose) == 0 && pol.RandomSeparator == SepFixed && !free.Separator:
		return PolicyErrorf("separator", "%s (%s) do not allow the %v %q: choose one they allow, or %v symbol",
			w.Subject(), ruleText(rules.Rules{Allowed: allowed}), SettingName("separator"), pol.Separator, SettingName("random-separator"))
	case len(loose) == 0:
		return PolicyErrorf(rulesSetting, "%s (%s) allow none of the characters these settings put between words or as the number: make a password instead",
			w.Subject(), ruleText(rules.Rules{Allowed: allowed}))
	}

	// The length: does any candidate fit need words at all?
	most, fits := 0, false
	for _, lc := range loose {
		for k := max(need, defaultRuledWords); k > most; k-- {
			if lc.count(k, 0).Sign() > 0 {
				most = k
				break
			}
		}
		fits = fits || lc.count(need, lo).Sign() > 0
	}
	if !fits {
		if most < need {
			// Shorter words help only if they fit.
			alt := message{"make a password instead", nil}
			if short, err := BuiltinWordlist("eff-short"); err == nil && short != pol.List && fitsWith(short, cands, w, need) {
				alt = message{"use %v eff-short (shorter words) or make a password", []any{SettingName("wordlist")}}
			}
			if !free.Words {
				return PolicyErrorf("words", "%s allow at most %d characters (%s): room for %s of wordlist %q, not %d; use fewer %v, or %v",
					w.Subject(), hi, ruleText(rules.Rules{MaxLength: hi}), atMostWords(most), list, need, SettingName("words"), alt)
			}
			return PolicyErrorf(rulesSetting, "%s allow at most %d characters (%s): room for %s of wordlist %q, and a passphrase needs %d; %v",
				w.Subject(), hi, ruleText(rules.Rules{MaxLength: hi}), atMostWords(most), list, minRuledWords, alt)
		}
		if free.Words {
			return PolicyErrorf(rulesSetting, "%s ask for at least %d characters (%s), more than %d words of wordlist %q make: make a password instead",
				w.Subject(), lo, ruleText(rules.Rules{MinLength: lo}), MaxWords, list)
		}
		return PolicyErrorf("words", "%s ask for at least %d characters (%s), more than %s of wordlist %q make: use more %v",
			w.Subject(), lo, ruleText(rules.Rules{MinLength: lo}), plural(need, "word"), list, SettingName("words"))
	}

	// A requirement no choice meets.
	for _, q := range w.Rules.Required {
		met := false
		for _, lc := range loose {
			for _, seg := range lc.segs {
				for _, ch := range seg.choices {
					met = met || strings.ContainsAny(ch, q)
				}
			}
		}
		if !met {
			return PolicyErrorf(rulesSetting, "%s require %s (%s), which no passphrase with these settings holds: %v",
				w.Subject(), withArticle(rules.Requirement(q)), ruleText(rules.Rules{Required: []string{q}, Allowed: q}), requirementHint(q, free))
		}
	}

	// The run limits, or everything at once.
	for _, c := range cands {
		if nc := newRuledCounter(c.pol, w, withoutRuns, forms); nc != nil {
			if _, n := fitWords(nc, c.pol.Words, free.Words, lo); n.Sign() > 0 {
				return PolicyErrorf(rulesSetting, "%s limit runs (%s) so that no passphrase with these settings follows them: make a password instead",
					w.Subject(), ruleText(rules.Rules{MaxRepeating: w.Rules.MaxRepeating, MaxSequential: w.Rules.MaxSequential}))
			}
		}
	}
	return PolicyErrorf(rulesSetting, "%s leave no passphrase of %s of wordlist %q with these settings, as together their length and requirements are too tight: make a password instead",
		w.Subject(), plural(need, "word"), list)
}

// fitsWith reports whether need words of list l fit the rules' length
// and characters with one of the candidates' settings.
func fitsWith(l *Wordlist, cands []phraseCandidate, w WebsiteRules, need int) bool {
	lo, _ := w.LengthRange()
	forms := allowedForms{}
	for _, c := range cands {
		c.pol.List = l
		if lc := newRuledCounter(c.pol, w, charsAndSize, &forms); lc != nil && lc.count(need, lo).Sign() > 0 {
			return true
		}
	}
	return false
}

// atMostWords writes a number of words that fit: "2 words", "no word".
func atMostWords(n int) string {
	if n == 0 {
		return "no word"
	}
	return "at most " + plural(n, "word")
}

// requirementHint says which settings would give a character of the
// required set q, among those the user fixed.
func requirementHint(q string, free PhraseFree) message {
	var hints []message
	if strings.ContainsAny(q, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && !free.Case {
		hints = append(hints, message{"%v random, title or upper", []any{SettingName("case")}})
	}
	if strings.ContainsAny(q, "abcdefghijklmnopqrstuvwxyz") && !free.Case {
		hints = append(hints, message{"%v lower, title or random", []any{SettingName("case")}})
	}
	if strings.ContainsAny(q, "0123456789") && (!free.Number || !free.Separator) {
		hints = append(hints, message{"%v or %v digit", []any{SettingName("number"), SettingName("random-separator")}})
	}
	if strings.ContainsAny(q, symbolSeparators) && !free.Separator {
		hints = append(hints, message{"%v symbol", []any{SettingName("random-separator")}})
	}
	if strings.Contains(q, " ") && !free.Separator {
		hints = append(hints, message{"%v ' '", []any{SettingName("separator")}})
	}
	if len(hints) == 0 {
		return message{"make a password instead", nil}
	}
	out := message{"try ", nil}
	for i, h := range hints {
		if i > 0 {
			out.format += " or "
		}
		out.format += h.format
		out.args = append(out.args, h.args...)
	}
	return out
}
