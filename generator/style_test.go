package generator

import (
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/sesame-sh/sesame/generator/pattern"
	"github.com/sesame-sh/sesame/generator/rules"
	"github.com/sesame-sh/sesame/internal/stattest"
)

// The syllable grammar as README.md documents it, written out word by
// word rather than from style_grammar.go's sets, so a set that drifts from
// the documentation fails here.
var (
	docOnsets = "b c d f g h j k l m n p r s t v w y z bl br cl cr fl fr gl gr kl kr pl pr dr tr ch sh th wh sc sk sl sm sn sp st sw qu tw"
	docNuclei = "a e i o u ai au ea ee ie oa oo ou"
	docCodas  = "b d f g k l m n p r s t x z ld lt nd nt rd rt lk nk rk sk lp rp sp rm rn ng mp ck ct ft st"
)

func alternation(words string) string { return "(?:" + strings.ReplaceAll(words, " ", "|") + ")" }

// docSyllable matches one syllable of the documented grammar.
var docSyllable = alternation(docOnsets) + alternation(docNuclei) + alternation(docCodas) + "?"

// stylePolicy is the policy of a style with the class switches on and no
// minimums: a style's lower-case letters alone.
func stylePolicy(st Style, length int) StylePolicy {
	pol := DefaultPasswordPolicy()
	pol.Length = length
	return StylePolicy{Style: st, Policy: pol}
}

func styleCount(t *testing.T, sp StylePolicy) *big.Int {
	t.Helper()
	p, err := NewStyle(sp)
	if err != nil {
		t.Fatalf("%v: %v", sp.Style, err)
	}
	return p.Entropy().Count
}

// each calls f with every string of length n over the alphabet.
func each(alphabet string, n int, f func(string)) {
	buf := make([]byte, n)
	var rec func(int)
	rec = func(i int) {
		if i == n {
			f(string(buf))
			return
		}
		for j := 0; j < len(alphabet); j++ {
			buf[i] = alphabet[j]
			rec(i + 1)
		}
	}
	rec(0)
}

func TestStylePatternsParse(t *testing.T) {
	// Longer than the styles go: refused, naming the length.
	for _, st := range []Style{StylePronounceable, StylePhone} {
		_, _, err := stylePolicy(st, MaxStyleLength+1).PatternPolicy()
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "length" {
			t.Errorf("%v at %d: %v, want a PolicyError naming the length", st, MaxStyleLength+1, err)
		}
	}
	for _, st := range []Style{StylePronounceable, StyleApple, StylePhone} {
		for mask := range 8 {
			for _, n := range []int{2, 20, MaxStyleLength} {
				sp := stylePolicy(st, n)
				for i, c := range styleClasses {
					if mask&(1<<i) != 0 {
						sp.Policy.Class(c).Min = 1
					}
				}
				pp, _, err := sp.PatternPolicy()
				if err != nil {
					t.Fatalf("%v %d %b: %v", st, n, mask, err)
				}
				if _, err := pattern.Parse(pp.Pattern); err != nil {
					t.Errorf("%v %d %b: %q: %v", st, n, mask, pp.Pattern, err)
				}
			}
		}
	}
}

// The pronounceable style spells exactly the strings the documented
// grammar does: counted by brute force over every string of four letters,
// then with one capital, then with one digit between syllables.
func TestPronounceableIsTheDocumentedGrammar(t *testing.T) {
	words := regexp.MustCompile("^(?:" + docSyllable + ")+$")
	var want int64
	each(LowerChars, 4, func(s string) {
		if words.MatchString(s) {
			want++
		}
	})
	sp := stylePolicy(StylePronounceable, 4)
	if got := styleCount(t, sp); got.Cmp(big.NewInt(want)) != 0 {
		t.Fatalf("pronounceable, 4 letters: %v strings, the grammar spells %d", got, want)
	}
	// One capital, anywhere: each string, with any one of its 4 letters
	// upper-case.
	sp.Policy.Upper.Min = 1
	if got := styleCount(t, sp); got.Cmp(big.NewInt(4*want)) != 0 {
		t.Errorf("pronounceable, 4 letters, --min-upper 1: %v strings, want %d", got, 4*want)
	}
	// One digit, at a syllable's edge: 3 letters and the digit 7 (the ten
	// digits count alike).
	gapped := regexp.MustCompile("^(?:7?" + docSyllable + ")+7?$")
	var withDigit int64
	each(LowerChars+"7", 4, func(s string) {
		if strings.Count(s, "7") == 1 && gapped.MatchString(s) {
			withDigit++
		}
	})
	sp = stylePolicy(StylePronounceable, 4)
	sp.Policy.Digits.Min = 1
	if got := styleCount(t, sp); got.Cmp(big.NewInt(10*withDigit)) != 0 {
		t.Errorf("pronounceable, 4 characters, --min-digits 1: %v strings, want %d", got, 10*withDigit)
	}
}

// Apple's shape, counted by hand: two groups cvccvc, one group of five
// letters cvcvc with the digit before or after, the group in any of three
// places, and one of the 17 letters a capital.
func TestAppleCount(t *testing.T) {
	plain := big.NewInt(21 * 21 * 21 * 21 * 5 * 5)
	digit := big.NewInt(2 * 10 * 21 * 21 * 21 * 5 * 5)
	want := new(big.Int).Mul(plain, plain)
	want.Mul(want, digit).Mul(want, big.NewInt(3*17))
	if got := styleCount(t, stylePolicy(StyleApple, 20)); got.Cmp(want) != 0 {
		t.Fatalf("apple: %v strings, want %v", got, want)
	}
	shape := regexp.MustCompile(`^[a-zA-Z0-9]{6}-[a-zA-Z0-9]{6}-[a-zA-Z0-9]{6}$`)
	p, err := NewStyle(stylePolicy(StyleApple, 20))
	if err != nil {
		t.Fatal(err)
	}
	r := seededRand(18)
	for range 1000 {
		s, err := p.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		if !shape.MatchString(s) || countIn(s, UpperChars) != 1 || countIn(s, DigitChars) != 1 || countIn(s, LowerChars) != 16 {
			t.Fatalf("%q is not Apple's shape", s)
		}
	}
	// The shape has one capital: a class setting asking another number is
	// refused, naming it.
	for name, edit := range map[SettingName]func(*PasswordPolicy){
		"min-upper": func(p *PasswordPolicy) { p.Upper.Min = 2 },
		"max-upper": func(p *PasswordPolicy) { p.Upper = p.Upper.AtMost(0) },
	} {
		sp := stylePolicy(StyleApple, 20)
		edit(&sp.Policy)
		_, err := NewStyle(sp)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != name {
			t.Errorf("apple with %s: %v, want a PolicyError naming it", name, err)
		}
	}
}

func countIn(s, set string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(set, r) {
			n++
		}
	}
	return n
}

// The phone style: letters, then the number layer's characters, then
// letters; counted by hand.
func TestPhoneCount(t *testing.T) {
	sp := stylePolicy(StylePhone, 4)
	sp.Policy.Digits.Min = 2
	// The two digits side by side at 3 places, 26² letters, 10² digits.
	if got, want := styleCount(t, sp), big.NewInt(3*26*26*100); got.Cmp(want) != 0 {
		t.Errorf("phone, 4 with 2 digits: %v, want %v", got, want)
	}
	sp = stylePolicy(StylePhone, 3)
	sp.Policy.Symbols.Min = 1
	// One of the 15 phone symbols at any of 3 places.
	if got, want := styleCount(t, sp), big.NewInt(3*26*26*int64(len(phoneSymbols))); got.Cmp(want) != 0 {
		t.Errorf("phone, 3 with a symbol: %v, want %v", got, want)
	}
	// A digit and a symbol are two characters of the number layer: side
	// by side, in either order, at 2 places of 3.
	sp.Policy.Digits.Min = 1
	if got, want := styleCount(t, sp), big.NewInt(2*2*26*10*int64(len(phoneSymbols))); got.Cmp(want) != 0 {
		t.Errorf("phone, 3 with a digit and a symbol: %v, want %v", got, want)
	}
	// A symbol set without phone symbols leaves the symbol nowhere to go.
	sp = stylePolicy(StylePhone, 3)
	sp.Policy.Symbols.Min = 1
	sp.Policy.SymbolSet = "#%"
	if _, err := NewStyle(sp); err == nil {
		t.Error("phone with --symbol-set '#%' and a symbol: no error")
	}
	no := stylePolicy(StylePhone, 3)
	if got, want := styleCount(t, no), big.NewInt(26*26*26); got.Cmp(want) != 0 {
		t.Errorf("phone, 3 letters: %v, want %v", got, want)
	}
}

// The words a style drops from the blocklist change nothing: over random
// strings, the reduced list and the whole one leave out the same.
func TestSpellableBlocklistLeavesOutTheSame(t *testing.T) {
	full := BundledBlocklist()
	chars := LowerChars + DigitChars + "-"
	reduced := &Blocklist{Words: spellableBlocklist(full.Words, chars)}
	if reduced.Len() >= full.Len() {
		t.Fatalf("nothing dropped: %d of %d", reduced.Len(), full.Len())
	}
	r := seededRand(7)
	for i := range 200000 {
		n := 3 + i%10
		b := make([]byte, n)
		for j := range b {
			k := r.intn(len(chars) + 26)
			if k < len(chars) {
				b[j] = chars[k]
			} else {
				b[j] = UpperChars[k-len(chars)]
			}
		}
		// Plant a word now and then, so both answers occur.
		s := string(b)
		if i%3 == 0 {
			w := full.Words[i%full.Len()]
			s = s[:n/2] + strings.ToUpper(w) + s[n/2:]
		}
		if full.Contains(s) != reduced.Contains(s) && strings.Trim(strings.ToLower(s), chars) == "" {
			t.Fatalf("%q: the whole list says %v, the reduced one %v", s, full.Contains(s), reduced.Contains(s))
		}
	}
}

// Every style leaves the bundled list's words out, and says how many
// strings that took: the count with the list plus those left out is the
// count without it.
func TestStylesLeaveBlockedWordsOut(t *testing.T) {
	bl := BundledBlocklist()
	for _, st := range []Style{StylePronounceable, StyleApple, StylePhone} {
		sp := stylePolicy(st, 8)
		sp.Policy.Digits.Min = 1
		without := styleCount(t, sp)
		sp.Blocklist = bl.Words
		p, err := NewStyle(sp)
		if err != nil {
			t.Fatal(err)
		}
		if sum := new(big.Int).Add(p.Entropy().Count, p.LeftOut()); sum.Cmp(without) != 0 || p.LeftOut().Sign() <= 0 {
			t.Errorf("%v: %v left, %v left out, %v without the list", st, p.Entropy().Count, p.LeftOut(), without)
		}
		r := seededRand(uint64(st))
		for range 3000 {
			s, err := p.Generate(r)
			if err != nil {
				t.Fatal(err)
			}
			if bl.Contains(s) {
				t.Fatalf("%v drew %q, which holds a blocked word", st, s)
			}
		}
	}
}

// Website rules: a required class the style's letters do not give comes
// in once; a rule the shape cannot meet is refused, naming the rules.
func TestStylesFollowRules(t *testing.T) {
	must := func(s string) *WebsiteRules {
		r, _, err := rules.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return &WebsiteRules{Rules: r}
	}
	for _, st := range []Style{StylePronounceable, StylePhone, StyleApple} {
		sp := stylePolicy(st, 12)
		sp.Rules = must("minlength: 8; maxlength: 24; required: upper; required: digit; required: lower; allowed: [-]")
		p, err := NewStyle(sp)
		if err != nil {
			t.Fatalf("%v: %v", st, err)
		}
		r := seededRand(3)
		for range 500 {
			s, _ := p.Generate(r)
			if countIn(s, UpperChars) == 0 || countIn(s, DigitChars) == 0 {
				t.Fatalf("%v drew %q without a capital and a digit", st, s)
			}
		}
	}
	// Two required sets of symbols bring two symbols in.
	sp := stylePolicy(StylePronounceable, 12)
	sp.Rules = must("required: lower; required: [-]; required: [!@#]")
	p, err := NewStyle(sp)
	if err != nil {
		t.Fatalf("two symbol requirements: %v", err)
	}
	if s, _ := p.Generate(seededRand(4)); countIn(s, "-") != 1 || countIn(s, "!@#") != 1 {
		t.Errorf("two symbol requirements: drew %q", s)
	}
	for _, tc := range []struct {
		st    Style
		rules string
	}{
		{StyleApple, "allowed: lower, upper, digit"},
		{StylePronounceable, "required: upper; required: digit"},
		{StylePhone, "allowed: digit"},
	} {
		sp := stylePolicy(tc.st, 20)
		sp.Rules = must(tc.rules)
		_, err := NewStyle(sp)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != "rules" {
			t.Errorf("%v with %q: %v, want a PolicyError naming the rules", tc.st, tc.rules, err)
		}
	}
}

// Pronounceable passwords of three letters, with a two-letter word left
// out, are drawn uniformly from the set the documented grammar spells
// without it, found by brute force: about 1,600 cells, 200,000 draws
// (about 125 a cell). Cells drawn 1.2 times as often as they should,
// making up a tenth of the mass, raise χ² by about N·0.1·0.2² = 800, far
// above the ~270 over the degrees of freedom that p < 1e-6 needs; make
// test-long draws ten times as many.
func TestStatPronounceableUniform(t *testing.T) {
	words := regexp.MustCompile("^(?:" + docSyllable + ")+$")
	index := map[string]int{}
	each(LowerChars, 3, func(s string) {
		if words.MatchString(s) && !strings.Contains(s, "ba") {
			index[s] = len(index)
		}
	})
	sp := stylePolicy(StylePronounceable, 3)
	sp.Blocklist = []string{"BA"}
	p, err := NewStyle(sp)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Entropy().Count; got.Cmp(big.NewInt(int64(len(index)))) != 0 {
		t.Fatalf("%v strings, brute force finds %d", got, len(index))
	}
	n := deep(200000)
	obs := make([]int64, len(index))
	r := seededRand(18)
	for range n {
		s, err := p.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		i, ok := index[s]
		if !ok {
			t.Fatalf("drew %q, outside the set", s)
		}
		obs[i]++
	}
	exp := make([]float64, len(obs))
	for i := range exp {
		exp[i] = float64(n) / float64(len(obs))
	}
	if stat, df, pv := stattest.ChiSquare(obs, exp); pv < alarmP {
		t.Errorf("χ² = %.1f on %d degrees of freedom, p = %.2g", stat, df, pv)
	}
}

func TestSyllables(t *testing.T) {
	for in, want := range map[string]string{
		"zaxfebweltebviprielk": "zax feb wel teb vip rielk",
		"Bakyuf":               "Bak yuf",
		"a":                    "",
		"bcd":                  "",
		"strand":               "",
		"quoat":                "quoat",
	} {
		if got := strings.Join(Syllables(in), " "); got != want {
			t.Errorf("Syllables(%q) = %q, want %q", in, got, want)
		}
	}
	// Every pronounceable password splits.
	p, err := NewStyle(stylePolicy(StylePronounceable, 20))
	if err != nil {
		t.Fatal(err)
	}
	r := seededRand(5)
	for range 2000 {
		s, _ := p.Generate(r)
		if strings.Join(Syllables(s), "") != s {
			t.Fatalf("%q does not split into syllables: %q", s, Syllables(s))
		}
	}
}

// A style's refusals speak of the style, never of a pattern the user did
// not write or of its character positions, and name the setting at fault.
func TestStyleRefusalsSpeakOfTheStyle(t *testing.T) {
	must := func(s string) *WebsiteRules {
		r, _, err := rules.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return &WebsiteRules{Rules: r}
	}
	for _, tc := range []struct {
		edit  func(*StylePolicy)
		field SettingName
	}{
		{func(sp *StylePolicy) { sp.Rules = must("allowed: digit") }, "rules"},
		{func(sp *StylePolicy) { sp.Policy.Lower = sp.Policy.Lower.AtMost(3) }, "max-lower"},
		{func(sp *StylePolicy) { sp.Policy.Exclude = "aeiou" }, "exclude"},
		{func(sp *StylePolicy) { sp.Policy.Digits.Min = 19 }, "min-digits"},
	} {
		sp := stylePolicy(StylePronounceable, 20)
		tc.edit(&sp)
		_, err := NewStyle(sp)
		var pe *PolicyError
		if !errors.As(err, &pe) || pe.Field != tc.field {
			t.Errorf("%v: want a PolicyError naming %s", err, tc.field)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "pattern") || strings.Contains(msg, "character %") || !strings.Contains(msg, "pronounceable") {
			t.Errorf("%q speaks of the pattern, not of the style", msg)
		}
	}
}
