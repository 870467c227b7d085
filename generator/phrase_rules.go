package generator

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/sesame-sh/sesame/generator/rules"
)

// Passphrases for a website's password rules (README, "Website rules").
//
// The passphrase follows the rules through its own random choices: the
// words and their case, the separators, the number's digit and word. The
// rules' length range decides how many words fit; a choice holding a
// character the rules do not allow is never made; a requirement is met
// because some of the choices meet it, and the passphrases counted are
// exactly those whose choices do (phrase_rules_count.go), drawn uniformly
// (phrase_rules_sample.go). Nothing is put in a fixed place to meet a
// rule, so the figure is the exact size of the set drawn from.
//
// Settings the user left to sesame (PhraseFree) may be changed when the
// rules need it: the fewest of them, and among equally few changes the
// one allowing the most passphrases, so a site that requires an
// upper-case letter gets random case rather than a refusal.

// PhraseFree says which passphrase settings the rules may choose, because
// the user left them to sesame.
type PhraseFree struct {
	Words, Case, Separator, Number bool
}

// PhraseRulesAsApplied describes website rules as a passphrase follows
// them.
type PhraseRulesAsApplied struct {
	RulesAsApplied
	// Policy is the settings the passphrase follows: the user's, with
	// the free ones the rules needed changed, and the word count that
	// fits.
	Policy PhrasePolicy
	// Chosen says what the rules chose, for the note: "4 words",
	// "random case", "a random symbol between words", "a number".
	Chosen []string
}

// Describe says in a sentence which rules apply, what they ask and what
// they chose: "the rules of chase.com: 8–32 characters; …; chosen for
// them: 4 words, random case".
func (d PhraseRulesAsApplied) Describe() string {
	out := d.Name() + ": " + d.Applied.Summary()
	if len(d.Chosen) > 0 {
		out += "; chosen for them: " + strings.Join(d.Chosen, ", ")
	}
	return out
}

// maxPhraseRequirements bounds the requirements a passphrase follows: a
// bitmask of them is part of each counted state.
const maxPhraseRequirements = 24

// phraseCandidate is one way of setting the free settings.
type phraseCandidate struct {
	pol     PhrasePolicy
	changes int
	counter *phraseCounter
	k       int
	count   *big.Int
}

// NewPhraseForRules returns a passphrase generator for the policy pol, the
// one a user asked for, that makes only passphrases the rules w accept,
// uniformly, with the exact number of them as its entropy. Settings free
// says the user left to sesame may be changed where the rules need it;
// the word count, when free, is the one from 3 to 6 that allows the
// most passphrases (6 unless the rules' maximum length squeezes them).
// When no passphrase can follow the rules, the error is a *PolicyError
// naming the rule that blocks it.
//
// The description is filled even when err is not nil.
func NewPhraseForRules(pol PhrasePolicy, free PhraseFree, w WebsiteRules) (*Phrase, PhraseRulesAsApplied, error) {
	d := PhraseRulesAsApplied{RulesAsApplied: RulesAsApplied{WebsiteRules: w, Applied: w.Rules}, Policy: pol}
	if pol.List == nil {
		pol.List = defaultList()
	}
	if _, err := NewPhrase(pol); err != nil {
		return nil, d, err
	}
	if err := w.checkRange(); err != nil {
		return nil, d, err
	}
	lo, _ := w.LengthRange()
	if len(w.Rules.Required) > maxPhraseRequirements {
		return nil, d, PolicyErrorf(rulesSetting, "%s list %d requirements; a passphrase follows at most %d", w.Subject(), len(w.Rules.Required), maxPhraseRequirements)
	}
	noSepChar := len(allowedOnly(splitChars(symbolSeparators+"0123456789 "), w.Rules.Allowed)) == 0
	space := strings.Contains(w.Rules.Allowed, " ")
	cands := phraseCandidates(pol, free, space, noSepChar)
	forms := allowedForms{}
	shared := sharedGroups{m: map[sharedGroupKey][]choiceGroup{}}
	var best *phraseCandidate
	for i := range cands {
		c := &cands[i]
		if best != nil && c.changes > best.changes {
			break
		}
		c.counter = newRuledCounter(c.pol, w, allRules, &forms)
		if c.counter != nil {
			c.counter.shared = &shared
		}
		if c.counter == nil || !c.counter.canMeetAll() {
			c.counter = nil
			continue
		}
		c.k, c.count = fitWords(c.counter, c.pol.Words, free.Words, lo)
		if c.count.Sign() > 0 && (best == nil || c.count.Cmp(best.count) > 0) {
			best = c
		}
	}
	if best == nil {
		return nil, d, refusePhrase(pol, free, w, cands, &forms)
	}
	fitted := best.pol
	fitted.Words = best.k
	d.Policy, d.Chosen = fitted, chosen(pol, fitted, free)
	ph, err := NewPhrase(fitted)
	if err != nil {
		return nil, d, err
	}
	own := ambiguityWarning(fitted.List.Name, ph.Entropy()).String() // the figure of the settings alone
	ph.ruled = &ruledPhrase{counter: best.counter, k: best.k, lo: lo, applied: d}
	ph.choices = best.count
	ph.bits = log2Big(best.count)
	ph.size = wordsInUse(fitted.List, fitted.Case, w.Rules.Allowed)
	for i, wn := range ph.warns {
		if wn.String() == own {
			ph.warns[i] = ambiguityWarning(fitted.List.Name, ph.Entropy())
		}
	}
	return ph, d, nil
}

// ruledPhrase is a Phrase's engine under website rules.
type ruledPhrase struct {
	counter *phraseCounter
	k, lo   int
	applied PhraseRulesAsApplied
}

// RulesApplied describes the website rules the passphrases follow, and
// false when they follow none ([NewPhraseForRules]).
func (p *Phrase) RulesApplied() (PhraseRulesAsApplied, bool) {
	if p.ruled == nil {
		return PhraseRulesAsApplied{}, false
	}
	return p.ruled.applied, true
}

// phraseCandidates lists the ways to set the free settings, fewest
// changes first; the user's own settings come first of all.
// A space is tried when the rules allow it (a space between words is
// never at either end, where sites trim it), and no separator at all
// only when they allow no character to separate with.
func phraseCandidates(pol PhrasePolicy, free PhraseFree, space, noSepChar bool) []phraseCandidate {
	cases := []CaseMode{pol.Case}
	if free.Case {
		cases = appendNew(cases, CaseRandom, CaseTitle, CaseUpper, CaseLower)
	}
	type sep struct {
		kind SeparatorKind
		text string
	}
	seps := []sep{{pol.RandomSeparator, pol.Separator}}
	if free.Separator {
		seps = appendNew(seps, sep{SepSymbol, ""}, sep{SepDigit, ""})
		if space {
			seps = appendNew(seps, sep{SepFixed, " "})
		}
		if noSepChar {
			// Words in title or random case still read apart.
			seps = appendNew(seps, sep{SepFixed, ""})
		}
	}
	numbers := []bool{pol.Number}
	if free.Number {
		numbers = appendNew(numbers, true)
	}
	var out []phraseCandidate
	for ci, c := range cases {
		for si, s := range seps {
			for ni, n := range numbers {
				p := pol
				p.Case, p.RandomSeparator, p.Number = c, s.kind, n
				if s.kind != SepFixed {
					p.Separator = ""
				} else {
					p.Separator = s.text
				}
				out = append(out, phraseCandidate{pol: p, changes: min(ci, 1) + min(si, 1) + min(ni, 1)})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b phraseCandidate) int { return a.changes - b.changes })
	return out
}

// appendNew appends the values not yet in s.
func appendNew[T comparable](s []T, vs ...T) []T {
	for _, v := range vs {
		if !slices.Contains(s, v) {
			s = append(s, v)
		}
	}
	return s
}

// Which of the rules a count follows: all of them, or some, to find the
// rule that blocks.
type ruleSubset int

const (
	allRules     ruleSubset = iota
	withoutRuns             // no run limits
	charsAndSize            // only the characters and the length
)

// newRuledCounter prepares the count of the passphrases pol makes that
// follow the rules w (those of the subset). It is nil when the separator
// holds a character the rules do not allow, or no word does.
func newRuledCounter(pol PhrasePolicy, w WebsiteRules, subset ruleSubset, forms *allowedForms) *phraseCounter {
	allowed := w.Rules.Allowed
	words := forms.of(pol.List, pol.Case, allowed)
	var seps []string
	switch pol.RandomSeparator {
	case SepDigit:
		seps = allowedOnly(splitChars("0123456789"), allowed)
	case SepSymbol:
		seps = allowedOnly(splitChars(symbolSeparators), allowed)
	default:
		sep, err := checkSeparator(pol.Separator)
		if err != nil {
			return nil
		}
		seps = allowedOnly([]string{sep}, allowed)
	}
	if len(words) == 0 || len(seps) == 0 {
		return nil
	}
	var digits []string
	if pol.Number {
		if digits = allowedOnly(splitChars("0123456789"), allowed); len(digits) == 0 {
			return nil
		}
	}
	_, hi := w.LengthRange()
	switch subset {
	case charsAndSize:
		return newPhraseCounter(words, seps, digits, nil, runLimits{}, hi)
	case withoutRuns:
		return newPhraseCounter(words, seps, digits, w.Rules.Required, runLimits{}, hi)
	}
	lim := runLimits{r: w.Rules.MaxRepeating, s: w.Rules.MaxSequential}
	return newPhraseCounter(words, seps, digits, w.Rules.Required, lim, hi)
}

// allowedForms keeps, per case, the word forms the rules allow, while
// the ways of setting the free settings are tried.
type allowedForms map[CaseMode][]string

func (f *allowedForms) of(l *Wordlist, c CaseMode, allowed string) []string {
	if forms, ok := (*f)[c]; ok {
		return forms
	}
	forms := allowedOnly(l.tokenSet(c).tokens, allowed)
	(*f)[c] = forms
	return forms
}

// allowedOnly keeps the strings made only of allowed characters; an
// empty string stays (an empty separator).
func allowedOnly(ss []string, allowed string) []string {
	var set byteSet
	for i := 0; i < len(allowed); i++ {
		set.add(allowed[i])
	}
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		ok := true
		for i := 0; i < len(s) && ok; i++ {
			ok = s[i] < 0x80 && set.has(s[i])
		}
		if ok {
			out = append(out, s)
		}
	}
	return out
}

func splitChars(s string) []string {
	out := make([]string, len(s))
	for i := range s {
		out[i] = s[i : i+1]
	}
	return out
}

// Word counts under rules: the default, and the fewest a free count may
// fall to. Fewer words than 3 make a passphrase hardly stronger than a
// short password, so the user must ask for them.
const (
	defaultRuledWords = 6
	minRuledWords     = 3
)

// fitWords picks the word count: want when it is fixed. When free, the
// count from 3 to 6 that allows the most passphrases: 6 unless the
// maximum length squeezes the words, when fewer but freely chosen words
// beat more short ones. More than 6 only when the minimum length needs
// them. The count is 0 when none fits.
func fitWords(c *phraseCounter, want int, free bool, lo int) (int, *big.Int) {
	if !free {
		return want, c.count(want, lo)
	}
	bestK, best := defaultRuledWords, new(big.Int)
	for k := defaultRuledWords; k >= minRuledWords; k-- {
		if n := c.count(k, lo); n.Cmp(best) > 0 {
			bestK, best = k, n
		}
	}
	if best.Sign() > 0 {
		return bestK, best
	}
	// Too short for the minimum length? Then from the fewest words
	// whose longest passphrase reaches it, a few more (the longest
	// words are few, and a requirement may need room).
	first := defaultRuledWords + 1
	for first <= MaxWords && c.longest(first) < lo {
		first++
	}
	for k := first; k <= min(first+3, MaxWords); k++ {
		if n := c.count(k, lo); n.Sign() > 0 {
			return k, n
		}
	}
	return defaultRuledWords, new(big.Int)
}

// longest is the length of the longest passphrase of k words: the
// longest word each time, the longest separator between, and the number.
func (c *phraseCounter) longest(k int) int {
	longestOf := func(ss []string) int {
		n := 0
		for _, s := range ss {
			n = max(n, len(s))
		}
		return n
	}
	n := k*longestOf(c.segs[0].choices) + (k-1)*longestOf(c.segs[1].choices)
	if len(c.segs) > 2 {
		n++
	}
	return n
}

// wordsInUse counts the words of the list with a form the rules allow.
func wordsInUse(l *Wordlist, c CaseMode, allowed string) int {
	if c != CaseRandom {
		return len(allowedOnly(l.tokenSet(c).tokens, allowed))
	}
	n := 0
	for _, w := range l.Words {
		if len(allowedOnly([]string{w, titleCase(w)}, allowed)) > 0 {
			n++
		}
	}
	return n
}

// chosen says what the rules changed of the free settings, for the note.
func chosen(own, fitted PhrasePolicy, free PhraseFree) []string {
	var out []string
	if free.Words && fitted.Words != own.Words {
		out = append(out, plural(fitted.Words, "word"))
	}
	if fitted.Case != own.Case {
		out = append(out, fitted.Case.String()+" case")
	}
	if fitted.RandomSeparator != own.RandomSeparator || fitted.Separator != own.Separator {
		switch {
		case fitted.RandomSeparator == SepDigit:
			out = append(out, "a random digit between words")
		case fitted.RandomSeparator == SepSymbol:
			out = append(out, "a random symbol between words")
		case fitted.Separator == "":
			out = append(out, "no separator")
		case fitted.Separator == " ":
			out = append(out, "a space between words")
		default:
			out = append(out, fmt.Sprintf("%q between words", fitted.Separator))
		}
	}
	if fitted.Number && !own.Number {
		out = append(out, "a number")
	}
	return out
}

// appendSecret draws one passphrase under the rules.
func (rp *ruledPhrase) appendSecret(dst []byte, r *Rand) ([]byte, error) {
	start := len(dst)
	dst = rp.counter.sample(dst, r, rp.k, rp.lo)
	if err := r.Err(); err != nil {
		clear(dst[start:])
		return dst[:start], err
	}
	return dst, nil
}

// ruleText writes one rule in the rules language, to name it: "required:
// digit", "maxlength: 16".
func ruleText(r rules.Rules) string {
	return strings.TrimSuffix(r.String(), ";")
}
