package generator

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
)

// Passphrases under website rules, checked against brute force: every
// draw the settings allow is built here, without the engine, and judged
// by rules.Check, which shares nothing with the generator.

// ruledCase is a small list, settings and rules small enough to
// enumerate.
type ruledCase struct {
	name   string
	words  string
	pol    PhrasePolicy // List is filled from words
	rules  string
	expect int // passphrases the rules accept, worked out by hand where small; -1: whatever enumeration finds, if nonzero
}

var ruledCases = []ruledCase{
	{
		// A digit comes only from the words that hold one, between
		// random symbols the rules allow: "!" and "#".
		name: "required digit", words: "a1 bc d2e fg",
		pol:   PhrasePolicy{Words: 3, RandomSeparator: SepSymbol},
		rules: "required: digit; allowed: lower, [!#]", expect: (64 - 8) * 4,
	},
	{
		// Random case: at least one word in title case, so 2^3 − 1 of
		// the case patterns, over 4^3 word choices.
		name: "required upper", words: "ab cd ef gh",
		pol:   PhrasePolicy{Words: 3, Separator: "-", Case: CaseRandom},
		rules: "required: upper; allowed: lower, [-]", expect: 7 * 64,
	},
	{
		// maxlength 11 with "-": the 6-letter word fits only beside
		// two 2-letter ones, and the digit must fit too.
		name: "maxlength excludes long words", words: "ab cd efg hijk lmnopq",
		pol:   PhrasePolicy{Words: 3, Separator: "-", Number: true},
		rules: "maxlength: 11; allowed: lower, digit, [-]", expect: -1,
	},
	{
		// No separator: "ac"+"ce" repeats c, "ac"+"db" steps c→d.
		name: "max-consecutive across a boundary", words: "ac ce eg db bd",
		pol:   PhrasePolicy{Words: 3, Separator: ""},
		rules: "max-consecutive: 1; allowed: lower", expect: -1,
	},
	{
		// The number and a digit separator meet: "ax3"+"4" is a step,
		// "ax3"+"3" a repeat.
		name: "max-consecutive between the number and a digit separator", words: "ax qz mo ki",
		pol:   PhrasePolicy{Words: 2, RandomSeparator: SepDigit, Number: true},
		rules: "max-consecutive: 1; allowed: lower, digit", expect: -1,
	},
	{
		// Everything at once, with a minimum length and two
		// requirements met by different choices.
		name: "upper, digit and length together", words: "ab cde fgh mn",
		pol:   PhrasePolicy{Words: 3, Separator: "-", Case: CaseRandom, Number: true},
		rules: "minlength: 11; maxlength: 12; required: upper; required: digit; allowed: lower, [-]; max-repeating: 1", expect: -1,
	},
}

// enumerateRuled builds every draw of the settings, as NewPhrase documents
// them, and keeps those rules.Check accepts; it returns each accepted
// passphrase with the number of draws spelling it.
func enumerateRuled(t *testing.T, list []string, pol PhrasePolicy, r *rules.Rules) map[string]int {
	t.Helper()
	var forms []string
	for _, w := range list {
		title := strings.ToUpper(w[:1]) + w[1:]
		switch pol.Case {
		case CaseLower:
			forms = append(forms, w)
		case CaseUpper:
			forms = append(forms, strings.ToUpper(w))
		case CaseTitle:
			forms = append(forms, title)
		case CaseRandom:
			forms = append(forms, w, title)
		}
	}
	seps := []string{pol.Separator}
	switch pol.RandomSeparator {
	case SepDigit:
		seps = strings.Split("0123456789", "")
	case SepSymbol:
		seps = strings.Split(`!"#$%&'()*+,-./:;<=>?@[\]^_`+"`{|}~", "")
	}
	numAts := []int{-1}
	if pol.Number {
		numAts = []int{0, 1, 2, 3, 4, 5, 6, 7}[:pol.Words]
	}
	out := map[string]int{}
	var build func(prefix string, i, numAt int, digit byte)
	build = func(prefix string, i, numAt int, digit byte) {
		if i == pol.Words {
			if r.Check(prefix) == nil {
				out[prefix]++
			}
			return
		}
		for _, f := range forms {
			s := f
			if i == numAt {
				s += string(digit)
			}
			if i == pol.Words-1 {
				build(prefix+s, i+1, numAt, digit)
				continue
			}
			for _, sep := range seps {
				build(prefix+s+sep, i+1, numAt, digit)
			}
		}
	}
	for _, at := range numAts {
		digits := "0"
		if at >= 0 {
			digits = "0123456789"
		}
		for _, d := range []byte(digits) {
			build("", 0, at, d)
		}
	}
	return out
}

// fixedFree leaves no setting to the rules.
var fixedFree = PhraseFree{}

func buildRuledCase(t *testing.T, c ruledCase) (*Phrase, WebsiteRules, map[string]int) {
	t.Helper()
	pol := c.pol
	pol.List = mustList(t, c.name, c.words)
	w := parsedRules(t, c.rules)
	ph, _, err := NewPhraseForRules(pol, fixedFree, w)
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return ph, w, enumerateRuled(t, strings.Fields(c.words), pol, w.Rules)
}

// The figure is the exact number of passphrases the settings make and
// the rules accept, and each is spelt by one draw only.
func TestPhraseRulesCountByBruteForce(t *testing.T) {
	for _, c := range ruledCases {
		ph, _, all := buildRuledCase(t, c)
		e := ph.Entropy()
		if e.Bound != Exact || e.Count == nil {
			t.Fatalf("%s: entropy %+v, want an exact count", c.name, e)
		}
		if len(all) == 0 {
			t.Fatalf("%s: the rules accept nothing; the case tests nothing", c.name)
		}
		if c.expect >= 0 && len(all) != c.expect {
			t.Errorf("%s: enumeration found %d, worked out %d", c.name, len(all), c.expect)
		}
		if e.Count.Cmp(big.NewInt(int64(len(all)))) != 0 {
			t.Errorf("%s: count %v, brute force %d", c.name, e.Count, len(all))
		}
		for s, n := range all {
			if n != 1 {
				t.Fatalf("%s: %q is spelt by %d draws", c.name, s, n)
			}
		}
		// The settings alone make more: the rules filter.
		if own := mustPhrase(t, ph.Policy()).Entropy().Count; own.Cmp(e.Count) <= 0 {
			t.Errorf("%s: the rules remove nothing (%v of %v): the case tests nothing", c.name, e.Count, own)
		}
	}
}

// Every passphrase drawn is one the enumeration found, so the rules
// accept it.
func TestPhraseRulesDrawsOnlyAccepted(t *testing.T) {
	r := seededRand(19)
	for _, c := range ruledCases {
		ph, w, all := buildRuledCase(t, c)
		for range 2000 {
			s, err := ph.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := all[s]; !ok {
				t.Fatalf("%s: drew %q, which the settings and rules do not make (%v)", c.name, s, w.Rules.Check(s))
			}
		}
	}
}

// Uniformity over the whole set, against the exact law (every accepted
// passphrase equally likely): χ² over all cells, 100 draws a cell. Power:
// a bias making a share f of the cells (1+δ) times as likely adds about
// 100·f·cells·δ² to χ², and the p < 1e-6 critical value lies about
// 5·√(2·df) above df (150 for the 448 cells of "required upper"). So a
// bias of 8% on half the cells of that case, or 4% on half the 6,720
// cells of the last one, fails the test; so does any case whose backward
// step weights groups wrongly, which moves whole blocks of cells by far
// more (a choice drawn from n+1 instead of n, tried once, gave χ² = 9,059
// on df 223).
func TestStatPhraseRulesUniform(t *testing.T) {
	r := seededRand(1919)
	for _, c := range ruledCases {
		ph, _, all := buildRuledCase(t, c)
		cells := make(map[string]int, len(all))
		for s := range all {
			cells[s] = len(cells)
		}
		n := deep(100 * len(all))
		obs := make([]int64, len(all))
		for range n {
			s, err := ph.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			obs[cells[s]]++
		}
		exp := make([]float64, len(all))
		for i := range exp {
			exp[i] = float64(n) / float64(len(all))
		}
		requireChi(t, c.name, obs, exp)
	}
}

// The same on the real source, for one case.
func TestStatPhraseRulesUniformCrypto(t *testing.T) {
	c := ruledCases[1]
	ph, _, all := buildRuledCase(t, c)
	cells := map[string]int{}
	for s := range all {
		cells[s] = len(cells)
	}
	r := NewRand(CryptoSource())
	n := 200 * len(all)
	obs := make([]int64, len(all))
	for range n {
		s, _ := ph.Generate(r)
		obs[cells[s]]++
	}
	exp := make([]float64, len(all))
	for i := range exp {
		exp[i] = float64(n) / float64(len(all))
	}
	requireChi(t, c.name, obs, exp)
}

// A failing source gives an error and no passphrase.
func TestPhraseRulesFailingSource(t *testing.T) {
	ph, _, _ := buildRuledCase(t, ruledCases[5])
	for good := 0; good < 64; good += 7 {
		s, err := ph.Generate(NewRand(&failingSource{good: good}))
		if !errors.Is(err, ErrRandomness) || s != "" {
			t.Fatalf("after %d good bytes: %q, %v", good, s, err)
		}
	}
}

// A Phrase under rules is safe for concurrent use: the first draws of
// several goroutines build its predecessor tables at once (run with
// -race), and every passphrase still meets the rules.
func TestPhraseRulesConcurrentDraws(t *testing.T) {
	w := bundledRules(t, "chase.com")
	ph, _, err := NewPhraseForRules(DefaultPhrasePolicy(), allFree, w)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			r := seededRand(uint64(g))
			for range 200 {
				s, err := ph.Generate(r)
				if err == nil {
					err = w.Rules.Check(s)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// Settings under which two draws can spell one passphrase keep their
// figure an upper bound under rules, and the warning gives the ruled
// figure, not that of the settings alone.
func TestPhraseRulesUpperBoundWhenAmbiguous(t *testing.T) {
	pol := PhrasePolicy{Words: 3, Separator: "", List: mustList(t, "ambiguous", "a ab b bc c")}
	ph, _, err := NewPhraseForRules(pol, fixedFree, parsedRules(t, "maxlength: 5; allowed: lower"))
	if err != nil {
		t.Fatal(err)
	}
	e := ph.Entropy()
	own := mustPhrase(t, pol).Entropy()
	if e.Bound != UpperBound || e.Count != nil || e.Bits >= own.Bits {
		t.Fatalf("entropy %+v, want an upper bound below the settings' %.2f", e, own.Bits)
	}
	found := false
	for _, w := range ph.Warnings() {
		found = found || strings.Contains(w.String(), fmt.Sprintf("%.2f bits is an upper bound", e.Rounded()))
	}
	if !found {
		t.Errorf("warnings %v do not give the ruled figure %.2f", ph.Warnings(), e.Rounded())
	}
}
