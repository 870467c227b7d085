package generator

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"
)

func mustList(t testing.TB, name, words string) *Wordlist {
	t.Helper()
	wl, _, err := ParseWordlist(name, strings.NewReader(strings.ReplaceAll(words, " ", "\n")))
	if err != nil {
		t.Fatal(err)
	}
	return wl
}

func mustPhrase(t testing.TB, p PhrasePolicy) *Phrase {
	t.Helper()
	ph, err := NewPhrase(p)
	if err != nil {
		t.Fatal(err)
	}
	return ph
}

// scriptSource serves a fixed script of bytes once, then fails, so that a
// Rand over it makes exactly the draws the script encodes.
type scriptSource struct {
	script []byte
	used   bool
}

func (s *scriptSource) Fill(p []byte) error {
	if s.used || len(p) != len(s.script) {
		return errors.New("script exhausted")
	}
	copy(p, s.script)
	s.used = true
	return nil
}

// drawRanges lists the ranges of the Intn calls Generate makes, in the
// order phrase.go documents. Every range is at most 256 in these tests, so
// each draw takes exactly one byte, equal to the value drawn.
func drawRanges(p *Phrase) []int {
	pol := p.Policy()
	var r []int
	if pol.Number {
		if pol.Words > 1 { // Intn(1) draws nothing
			r = append(r, pol.Words)
		}
		r = append(r, 10)
	}
	for i := range pol.Words {
		if i > 0 && pol.RandomSeparator != SepFixed {
			r = append(r, separatorCount(pol.RandomSeparator))
		}
		r = append(r, len(p.tokens))
	}
	return r
}

// enumerate runs Generate on every possible draw and returns the number of
// draws and of distinct passphrases.
func enumerate(t *testing.T, p *Phrase) (draws int, distinct int) {
	ranges := drawRanges(p)
	draws = 1
	for _, n := range ranges {
		if n > 256 {
			t.Fatalf("range %d too large to script", n)
		}
		draws *= n
	}
	seen := make(map[string]struct{}, draws)
	script := make([]byte, len(ranges))
	for i := range draws {
		for j, v := len(ranges)-1, i; j >= 0; j-- {
			script[j] = byte(v % ranges[j])
			v /= ranges[j]
		}
		r := newRandSize(&scriptSource{script: script}, len(script))
		s, err := p.Generate(r)
		if err != nil {
			t.Fatalf("draw %v: %v", script, err)
		}
		if r.pos != len(script) {
			t.Fatalf("Generate used %d bytes of randomness, the script has %d: draw order changed?", r.pos, len(script))
		}
		seen[s] = struct{}{}
	}
	return draws, len(seen)
}

// TestStatPhraseEntropyByEnumeration checks the entropy figure and its Bound
// against brute force: every draw is made, and the distinct results are
// counted. Exact figures must equal the count; upper bounds must not be
// below it.
func TestStatPhraseEntropyByEnumeration(t *testing.T) {
	t.Parallel()
	lists := []*Wordlist{
		mustList(t, "prefix-free", "a bc de fgh"),
		mustList(t, "not-prefix-free", "a ab b ba abc c"),
		mustList(t, "separators-inside", "a-b a b c1 1 -x"),
		mustList(t, "hyphens", "drop-down up felt-tip t"),
		mustList(t, "case-collisions", "sun ſun 3d ǆa"),
		mustList(t, "eszett", "maße masse ßa ssa"),
	}
	seps := []struct {
		kind SeparatorKind
		sep  string
	}{{SepFixed, "-"}, {SepFixed, ""}, {SepFixed, " "}, {SepFixed, "ab"}, {SepDigit, ""}, {SepSymbol, ""}}
	const maxDraws = 100000
	var exact, upper, collided, conservative, total int
	for _, wl := range lists {
		for _, sep := range seps {
			for c := range CaseMode(numCaseModes) {
				for _, number := range []bool{false, true} {
					for k := 1; k <= 3; k++ {
						pol := PhrasePolicy{Words: k, List: wl, Separator: sep.sep, RandomSeparator: sep.kind, Case: c, Number: number}
						p := mustPhrase(t, pol)
						name := fmt.Sprintf("%s/%v%q/%v/number=%v/k=%d", wl.Name, sep.kind, sep.sep, c, number, k)
						if p.choices.Cmp(big.NewInt(maxDraws)) > 0 {
							if k < 3 {
								t.Fatalf("%s: %v draws, too many to enumerate", name, p.choices)
							}
							continue
						}
						draws, distinct := enumerate(t, p)
						total += draws
						e := p.Entropy()
						if int64(draws) != p.choices.Int64() || math.Abs(e.Bits-math.Log2(float64(draws))) > 1e-9 {
							t.Fatalf("%s: %d draws, but choices %v and %.4f bits", name, draws, p.choices, e.Bits)
						}
						switch e.Bound {
						case Exact:
							exact++
							if e.Count == nil || e.Count.Cmp(big.NewInt(int64(distinct))) != 0 {
								t.Errorf("%s: exact count %v, but %d distinct passphrases", name, e.Count, distinct)
							}
						case UpperBound:
							upper++
							if e.Count != nil || distinct > draws {
								t.Errorf("%s: upper bound with count %v, %d distinct of %d", name, e.Count, distinct, draws)
							}
							if distinct < draws {
								collided++
							} else {
								conservative++
							}
						default:
							t.Errorf("%s: bound %v", name, e.Bound)
						}
					}
				}
			}
		}
	}
	t.Logf("%d draws enumerated: %d exact, %d upper bounds (%d with real collisions, %d conservative)",
		total, exact, upper, collided, conservative)
	if collided == 0 || exact < 100 {
		t.Fatal("the cases do not exercise both outcomes")
	}
}

func TestPhraseEntropyFigures(t *testing.T) {
	large, _ := BuiltinWordlist("eff-large")
	short, _ := BuiltinWordlist("eff-short")
	base := DefaultPhrasePolicy()
	with := func(f func(*PhrasePolicy)) PhrasePolicy { p := base; f(&p); return p }
	// Figures from the generator notes, §3 (EFF large, 6 words).
	cases := []struct {
		name string
		p    PhrasePolicy
		bits float64
	}{
		{"default", base, 77.55},
		{"digit separators", with(func(p *PhrasePolicy) { p.RandomSeparator = SepDigit }), 77.55 + 16.61},
		{"symbol separators", with(func(p *PhrasePolicy) { p.RandomSeparator = SepSymbol }), 77.55 + 25.00},
		{"random case", with(func(p *PhrasePolicy) { p.Case = CaseRandom }), 77.55 + 6},
		{"number", with(func(p *PhrasePolicy) { p.Number = true }), 77.55 + 5.91},
		{"upper", with(func(p *PhrasePolicy) { p.Case = CaseUpper }), 77.55},
		{"no separator", with(func(p *PhrasePolicy) { p.Separator = "" }), 77.55},
		{"eff-short", with(func(p *PhrasePolicy) { p.List = short }), 62.04},
		{"one word", with(func(p *PhrasePolicy) { p.Words = 1 }), 12.92},
	}
	for _, c := range cases {
		p, err := NewPhrase(c.p)
		warns := p.Warnings()
		if err != nil || len(warns) != 0 {
			t.Fatalf("%s: %v %v", c.name, err, warns)
		}
		e := p.Entropy()
		if e.Bound != Exact || math.Abs(e.Rounded()-c.bits) > 0.011 {
			t.Errorf("%s: %.4f bits (%v), want %.2f", c.name, e.Bits, e.Bound, c.bits)
		}
	}
	p := mustPhrase(t, base)
	want := new(big.Int).Exp(big.NewInt(7776), big.NewInt(6), nil)
	if e := p.Entropy(); e.Count.Cmp(want) != 0 {
		t.Fatalf("count %v, want 7776^6", e.Count)
	}
	p.Entropy().Count.SetInt64(1) // callers cannot corrupt the Phrase
	if p.Entropy().Count.Cmp(want) != 0 {
		t.Fatal("Entropy shares its Count")
	}
	if p.ListSize() != 7776 || p.Policy().List != large || p.Policy().Words != 6 {
		t.Fatalf("ListSize %d, policy %+v", p.ListSize(), p.Policy())
	}
	if p := mustPhrase(t, PhrasePolicy{Words: 6}); p.Policy().List != large {
		t.Fatal("nil List is not the default list")
	}
	if got := Assess(p.Entropy()).Rating; got != Good {
		t.Fatalf("default rating %v", got)
	}
}

func TestPhraseUpperBoundWarns(t *testing.T) {
	wl := mustList(t, "nfp", "a ab b ba abc c")
	p, err := NewPhrase(PhrasePolicy{Words: 3, List: wl})
	warns := p.Warnings()
	if err != nil || p.Entropy().Bound != UpperBound || len(warns) != 1 || warns[0].Field != "separator" ||
		!strings.Contains(warns[0].String(), "7.75 bits is an upper bound") /* 7.7549, rounded down as every figure */ {
		t.Fatalf("%v %v %v", p.Entropy(), warns, err)
	}
	if p, _ := NewPhrase(PhrasePolicy{Words: 1, List: wl}); p.Entropy().Bound != Exact || len(p.Warnings()) != 0 {
		t.Fatal("one word is always exact")
	}
	if p, _ := NewPhrase(PhrasePolicy{Words: 3, List: wl, Separator: "-"}); p.Entropy().Bound != Exact {
		t.Fatal("a separator outside the words makes it exact")
	}
}

func TestNewPhraseValidation(t *testing.T) {
	cases := []struct {
		p     PhrasePolicy
		field string
		msg   string
	}{
		{PhrasePolicy{Words: 0}, "words", "from 1 to 256, not 0"},
		{PhrasePolicy{Words: 257}, "words", "not 257"},
		{PhrasePolicy{Words: 6, Separator: "a\x1bb"}, "separator", "U+001B"},
		{PhrasePolicy{Words: 6, Separator: "\n"}, "separator", "control"},
		{PhrasePolicy{Words: 6, Separator: "\u200b"}, "separator", "U+200B"},
		{PhrasePolicy{Words: 6, Separator: "\u200d"}, "separator", "U+200D"},
		{PhrasePolicy{Words: 6, Separator: "\u2800"}, "separator", "no visible glyph"},
		{PhrasePolicy{Words: 6, Separator: "·"}, "separator", "RFC 8265"}, // a middle dot only between l and l
		{PhrasePolicy{Words: 6, Separator: "\xff"}, "separator", "UTF-8"},
		{PhrasePolicy{Words: 6, Separator: strings.Repeat("-", 257)}, "separator", "at most 256"},
		{PhrasePolicy{Words: 6, Case: 4}, "case", "lower, upper, title or random"},
		{PhrasePolicy{Words: 6, RandomSeparator: -1}, "random-separator", "digit or symbol"},
	}
	for _, c := range cases {
		_, err := NewPhrase(c.p)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != SettingName(c.field) || !strings.Contains(pe.Error(), c.msg) {
			t.Errorf("%+v: %v, want %s error containing %q", c.p, err, c.field, c.msg)
		}
	}
	// A control character in an unused fixed separator does not matter.
	if _, err := NewPhrase(PhrasePolicy{Words: 6, Separator: "\x00", RandomSeparator: SepDigit}); err != nil {
		t.Fatal(err)
	}
	for _, ok := range []string{"", " ", "•", "--", "\u00a0"} {
		if _, err := NewPhrase(PhrasePolicy{Words: 6, Separator: ok}); err != nil {
			t.Errorf("separator %q: %v", ok, err)
		}
	}
}

// A separator is prepared as passwords are compared: a no-break space is a
// space, and the phrase says so.
func TestSeparatorIsPrepared(t *testing.T) {
	ph := mustPhrase(t, PhrasePolicy{Words: 3, Separator: "\u00a0"})
	s, err := ph.Generate(NewRand(CryptoSource()))
	if err != nil || strings.Count(s, " ") != 2 || strings.Contains(s, "\u00a0") {
		t.Fatalf("%q %v", s, err)
	}
	if w := ph.Warnings(); len(w) != 1 || w[0].Field != "separator" || !strings.Contains(w[0].String(), "RFC 8265") {
		t.Fatalf("warnings %v", w)
	}
}

func TestParseCaseAndSeparatorKind(t *testing.T) {
	for c := range CaseMode(numCaseModes) {
		if got, err := ParseCase(c.String()); err != nil || got != c {
			t.Errorf("ParseCase(%q) = %v, %v", c.String(), got, err)
		}
	}
	if c, err := ParseCase(" Title "); err != nil || c != CaseTitle {
		t.Errorf("ParseCase(Title) = %v %v", c, err)
	}
	var pe *PolicyError
	if _, err := ParseCase("camel"); !errors.As(err, &pe) || pe.Field != "case" || !strings.Contains(err.Error(), `"camel": use lower, upper, title or random`) {
		t.Errorf("ParseCase(camel): %v", err)
	}
	for k := range SeparatorKind(numSepKinds) {
		if got, err := ParseSeparatorKind(k.String()); err != nil || got != k {
			t.Errorf("ParseSeparatorKind(%q) = %v, %v", k.String(), got, err)
		}
	}
	if k, _ := ParseSeparatorKind("digit"); k != SepDigit {
		t.Error("digit")
	}
	if k, _ := ParseSeparatorKind("symbol"); k != SepSymbol {
		t.Error("symbol")
	}
	if _, err := ParseSeparatorKind("emoji"); !errors.As(err, &pe) || pe.Field != "random-separator" || !strings.Contains(err.Error(), "digit or symbol") {
		t.Errorf("ParseSeparatorKind(emoji): %v", err)
	}
	if CaseMode(9).String() != "CaseMode(9)" || SeparatorKind(-1).String() != "SeparatorKind(-1)" {
		t.Error("String of invalid values")
	}
	if len(symbolSeparators) != 32 {
		t.Fatalf("%d symbols", len(symbolSeparators))
	}
	for i := range 128 {
		c := rune(i)
		isPunct := c > ' ' && c < 127 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
		if strings.ContainsRune(symbolSeparators, c) != isPunct {
			t.Errorf("symbol set and ASCII punctuation disagree on %q", c)
		}
	}
}

func TestMinWords(t *testing.T) {
	def := DefaultPhrasePolicy()
	cases := []struct {
		f    func(*PhrasePolicy)
		bits float64
		want int
	}{
		{nil, 77, 6},
		{nil, 77.54, 6},
		{nil, 77.55, 7}, // 6 words are 77.5489…: the target compares with the exact figure
		{nil, 77.56, 7},
		{nil, 78, 7},
		{nil, 0, 1},
		{nil, -5, 1},
		{nil, 12.92, 1},
		{nil, 12.93, 2},
		{func(p *PhrasePolicy) { p.Number = true }, 83, 6},                // 77.55 + 5.91
		{func(p *PhrasePolicy) { p.Number = true }, 84, 7},                //
		{func(p *PhrasePolicy) { p.Case = CaseRandom }, 83.5, 6},          // 13.925 per word
		{func(p *PhrasePolicy) { p.Case = CaseRandom }, 77.56, 6},         // where lower needs 7
		{func(p *PhrasePolicy) { p.RandomSeparator = SepSymbol }, 100, 6}, // 77.55 + 25
		{func(p *PhrasePolicy) { p.RandomSeparator = SepSymbol }, 128, 8}, // 17.925·8 − 5 = 138.4; 7 words 120.5
		{func(p *PhrasePolicy) { p.Words = 200 }, 77, 6},                  // Words is ignored
		{func(p *PhrasePolicy) { p.Case = CaseRandom; p.Number = true }, 256, 18},
	}
	for _, c := range cases {
		p := def
		if c.f != nil {
			c.f(&p)
		}
		got, err := MinWords(p, c.bits)
		if err != nil || got != c.want {
			t.Errorf("MinWords(%+v, %v) = %d, %v; want %d", p, c.bits, got, err, c.want)
			continue
		}
		// The answer is minimal, and reaches the target, by NewPhrase's own
		// exact figure.
		p.Words = got
		if e := mustPhrase(t, p).Entropy(); e.Bits < c.bits {
			t.Errorf("%d words give %.3f < %v bits", got, e.Bits, c.bits)
		}
		if got > 1 {
			p.Words = got - 1
			if e := mustPhrase(t, p).Entropy(); e.Bits >= c.bits {
				t.Errorf("%d words already give %.3f ≥ %v bits", got-1, e.Bits, c.bits)
			}
		}
	}
	var pe *PolicyError
	_, err := MinWords(def, 4000)
	if !errors.As(err, &pe) || pe.Field != "min-bits" || !strings.Contains(err.Error(), "3308.75 bits") {
		t.Fatalf("unreachable: %v", err) // 256 · log2(7776) = 3308.752
	}
	if _, err := MinWords(def, math.NaN()); !errors.As(err, &pe) || pe.Field != "min-bits" {
		t.Fatalf("NaN: %v", err)
	}
	if _, err := MinWords(PhrasePolicy{Case: 7}, 10); !errors.As(err, &pe) || pe.Field != "case" {
		t.Fatalf("invalid policy: %v", err)
	}
	if got, err := MinWords(def, 3308.75); err != nil || got != 256 {
		t.Fatalf("MaxWords: %d %v", got, err)
	}
}

// letterList is a list of all two-letter words: fixed-length words make
// the separators and the number easy to find in a passphrase.
func letterList(t testing.TB) *Wordlist {
	var b strings.Builder
	for i := 'a'; i <= 'z'; i++ {
		for j := 'a'; j <= 'z'; j++ {
			b.WriteString(string([]rune{i, j, '\n'}))
		}
	}
	wl, _, err := ParseWordlist("two-letter", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return wl
}

func uniform(cells int, total float64) []float64 {
	exp := make([]float64, cells)
	for i := range exp {
		exp[i] = total / float64(cells)
	}
	return exp
}

func TestStatPhraseWordFrequencies(t *testing.T) {
	t.Parallel()
	short, _ := BuiltinWordlist("eff-short")
	index := map[string]int{}
	for i, w := range short.Words {
		index[w] = i
	}
	const k = 6
	p := mustPhrase(t, PhrasePolicy{Words: k, List: short, Separator: " "})
	r := seededRand(11)
	n := 2_000_000 / k
	all := make([]int64, len(short.Words))
	pos := make([]int64, k*len(short.Words))
	for range n {
		s, err := p.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Split(s, " ")
		if len(words) != k {
			t.Fatalf("%d words in %q", len(words), s)
		}
		for j, w := range words {
			i, ok := index[w]
			if !ok {
				t.Fatalf("%q is not in the list", w)
			}
			all[i]++
			pos[j*len(short.Words)+i]++
		}
	}
	requireChi(t, "word frequencies", all, uniform(len(all), float64(n*k)))
	requireChi(t, "word frequencies by position", pos, uniform(len(pos), float64(n*k)))
}

func TestPhraseRandomCase(t *testing.T) {
	// "3d" has a single form: drawing a word and then a case would give it
	// twice the weight of the other forms; drawing forms does not.
	wl := mustList(t, "mixed", "3d ab cd ef gh")
	p := mustPhrase(t, PhrasePolicy{Words: 4, List: wl, Separator: " ", Case: CaseRandom})
	tokens := map[string]int{}
	for i, s := range []string{"3d", "ab", "Ab", "cd", "Cd", "ef", "Ef", "gh", "Gh"} {
		tokens[s] = i
	}
	if math.Abs(p.Entropy().Bits-4*math.Log2(9)) > 1e-12 || p.ListSize() != 5 {
		t.Fatalf("%v bits, list size %d", p.Entropy().Bits, p.ListSize())
	}
	r := seededRand(12)
	const n = 100000
	obs := make([]int64, 4*len(tokens))
	for range n {
		s, _ := p.Generate(r)
		for j, w := range strings.Split(s, " ") {
			obs[j*len(tokens)+tokens[w]]++
		}
	}
	requireChi(t, "random case forms by position", obs, uniform(len(obs), 4*n))

	// And on a real list: lower versus title, per position.
	short, _ := BuiltinWordlist("eff-short")
	p = mustPhrase(t, PhrasePolicy{Words: 6, List: short, Separator: " ", Case: CaseRandom})
	caseObs := make([]int64, 12)
	forms := make([]int64, 2*len(short.Words))
	index := map[string]int{}
	k := newCaser(CaseTitle)
	for i, w := range short.Words {
		index[w] = 2 * i
		index[k.titleCase(w)] = 2*i + 1
	}
	for range n * 2 {
		s, _ := p.Generate(r)
		for j, w := range strings.Split(s, " ") {
			f, ok := index[w]
			if !ok {
				t.Fatalf("unexpected form %q", w)
			}
			forms[f]++
			caseObs[2*j+f%2]++
		}
	}
	requireChi(t, "lower/title by position", caseObs, uniform(12, 12*n))
	requireChi(t, "case forms", forms, uniform(len(forms), 12*n))
}

func TestPhraseRandomSeparators(t *testing.T) {
	wl := letterList(t)
	for _, c := range []struct {
		kind  SeparatorKind
		chars string
	}{{SepSymbol, symbolSeparators}, {SepDigit, "0123456789"}} {
		const k, n = 5, 60000
		p := mustPhrase(t, PhrasePolicy{Words: k, List: wl, RandomSeparator: c.kind})
		r := seededRand(13)
		obs := make([]int64, (k-1)*len(c.chars))
		for range n {
			s, err := p.Generate(r)
			if err != nil || len(s) != 3*k-1 {
				t.Fatalf("%q %v", s, err)
			}
			for g := range k - 1 {
				i := strings.IndexByte(c.chars, s[3*g+2])
				if i < 0 {
					t.Fatalf("separator %q in %q", s[3*g+2], s)
				}
				obs[g*len(c.chars)+i]++
			}
		}
		requireChi(t, c.kind.String()+" separators by gap", obs, uniform(len(obs), float64(n*(k-1))))
	}
}

func TestPhraseNumber(t *testing.T) {
	const k, n = 5, 200000
	p := mustPhrase(t, PhrasePolicy{Words: k, List: letterList(t), Separator: " ", Number: true})
	r := seededRand(14)
	obs := make([]int64, 10*k)
	for range n {
		s, _ := p.Generate(r)
		found := 0
		for j, w := range strings.Split(s, " ") {
			if len(w) == 3 {
				obs[10*j+int(w[2]-'0')]++
				found++
			}
		}
		if found != 1 {
			t.Fatalf("%q: %d words with a digit", s, found)
		}
	}
	requireChi(t, "number digit and position", obs, uniform(len(obs), n))
}

// The one statistical check on the real source: word frequencies.
func TestPhraseCryptoSource(t *testing.T) {
	short, _ := BuiltinWordlist("eff-short")
	index := map[string]int{}
	for i, w := range short.Words {
		index[w] = i
	}
	p := mustPhrase(t, PhrasePolicy{Words: 8, List: short, Separator: " "})
	r := NewRand(CryptoSource())
	obs := make([]int64, len(short.Words))
	const n = 40000
	for range n {
		s, err := p.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(s) {
			obs[index[w]]++
		}
	}
	requireChi(t, "crypto word frequencies", obs, uniform(len(obs), 8*n))
}

func TestPhraseFailingSource(t *testing.T) {
	for _, pol := range []PhrasePolicy{
		DefaultPhrasePolicy(),
		{Words: 256, Number: true, Case: CaseRandom, RandomSeparator: SepSymbol},
	} {
		p := mustPhrase(t, pol)
		s, err := p.Generate(NewRand(&failingSource{}))
		if s != "" || !errors.Is(err, ErrRandomness) {
			t.Fatalf("failing source: %q, %v", s, err)
		}
		// A failure in the middle of a phrase returns nothing either.
		r := NewRand(&failingSource{good: blockSize})
		var failed bool
		for range 2000 {
			s, err := p.Generate(r)
			if err != nil {
				if s != "" || !errors.Is(err, errBrokenSource) {
					t.Fatalf("mid-phrase failure: %q, %v", s, err)
				}
				failed = true
				break
			}
		}
		if !failed {
			t.Fatal("the source never failed")
		}
	}
}

func TestPhraseConcurrentUse(t *testing.T) {
	p := mustPhrase(t, DefaultPhrasePolicy())
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			r := seededRand(uint64(100 + g))
			for range 500 {
				if s, err := p.Generate(r); err != nil || len(strings.Split(s, "-")) < 6 {
					t.Errorf("%q %v", s, err)
					return
				}
			}
		})
	}
	// New phrases on the shared built-in list, with its caches, meanwhile.
	for c := range CaseMode(numCaseModes) {
		wg.Go(func() {
			pol := DefaultPhrasePolicy()
			pol.Case, pol.Separator = c, ""
			if _, err := NewPhrase(pol); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

// A large list that is not prefix-free: every word starts with "w" and no
// "w" occurs elsewhere, so it is uniquely decodable even with no separator,
// and the search must prove it quickly. With a tiny budget the search gives
// up, and the figure must then be an upper bound.
func TestDecodableBudget(t *testing.T) {
	var b strings.Builder
	for i := range 200000 {
		fmt.Fprintf(&b, "w%x\n", i) // w1 is a prefix of w10…w1ffff
	}
	wl, _, err := ParseWordlist("big", strings.NewReader(b.String()))
	if err != nil || wl.PrefixFree() {
		t.Fatal(err)
	}
	for _, sep := range []string{"", "-", "0"} {
		start := time.Now()
		p, err := NewPhrase(PhrasePolicy{Words: 4, List: wl, Separator: sep})
		if err != nil || p.Entropy().Bound != Exact {
			t.Fatalf("separator %q: %v %v", sep, p.Entropy(), err)
		}
		t.Logf("separator %q: proven decodable in %v", sep, time.Since(start))
	}
	defer func(w, s int) { maxDecodeWork, maxDecodeSteps = w, s }(maxDecodeWork, maxDecodeSteps)
	maxDecodeWork, maxDecodeSteps = 1000, 1<<30
	if p, _ := NewPhrase(PhrasePolicy{Words: 4, List: wl, Separator: "", Number: true}); p.Entropy().Bound != UpperBound {
		t.Fatal("exhausted work budget: not an upper bound")
	}
	maxDecodeWork, maxDecodeSteps = 1<<30, 1000
	if p, _ := NewPhrase(PhrasePolicy{Words: 4, List: wl, Separator: "-", Number: true}); p.Entropy().Bound != UpperBound {
		t.Fatal("exhausted step budget: not an upper bound")
	}
}

func BenchmarkPhrase(b *testing.B) {
	p, err := NewPhrase(DefaultPhrasePolicy())
	if err != nil {
		b.Fatal(err)
	}
	r := NewRand(CryptoSource())
	for b.Loop() {
		if _, err := p.Generate(r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "phrases/s")
}

func BenchmarkNewPhrase(b *testing.B) {
	pol := DefaultPhrasePolicy()
	pol.Case, pol.Number = CaseRandom, true
	if _, err := NewPhrase(pol); err != nil { // fill the list's caches
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		pol.Separator = string(rune('a' + i%26)) // a new separator each time, as when typing
		if _, err := NewPhrase(pol); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodable is the uncached cost of the decodability check that
// NewPhrase runs once per list and setting: eff-large in random case with a
// number and a separator that occurs in many words.
func BenchmarkDecodable(b *testing.B) {
	large, _ := BuiltinWordlist("eff-large")
	ts := large.tokenSet(CaseRandom)
	seps := separatorAtoms(SepFixed, "a")
	for b.Loop() {
		if !uniquelyDecodable(ts, seps, true) {
			b.Fatal("not decodable")
		}
	}
}

// --min-bits cannot rely on an upper bound: a list whose words can run
// together without a separator is refused, with the cause and the cure.
func TestMinWordsRefusesAnUpperBound(t *testing.T) {
	wl := mustList(t, "nfp", "a ab b ba abc c")
	_, err := MinWords(PhrasePolicy{List: wl}, 20)
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Field != "min-bits" || !strings.Contains(err.Error(), "run together") || !strings.Contains(err.Error(), "separator") {
		t.Fatalf("%v", err)
	}
	// With a separator the figure is exact, and --min-bits works.
	if n, err := MinWords(PhrasePolicy{List: wl, Separator: "-"}, 20); err != nil || n != 8 {
		t.Fatalf("with a separator: %d words, %v", n, err)
	}
	// One word is exact even without a separator.
	if n, err := MinWords(PhrasePolicy{List: wl}, 2); err != nil || n != 1 {
		t.Fatalf("one word: %d, %v", n, err)
	}
}
