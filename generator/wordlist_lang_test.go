package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sesame-sh/sesame/assets"
)

// The lists of other languages as make wordlists writes them; the sums
// are those in assets/wordlists/ATTRIBUTION-diceware.md and
// ATTRIBUTION-bip39.md.
var languageLists = []struct {
	name, file, sha256 string
	words              int
}{
	{"cs", assets.Czech, "7e80e161c3e93d9554c2efb78d4e3cebf8fc727e9c52e03b83b94406bdcc95fc", 2048},
	{"de", assets.German, "dc384a9c07454a2708eab76bb27b84d1f41a735493e454ef0b884efd1e90364f", 7776},
	{"es", assets.Spanish, "0c639b0d58b6e56c18dcf418017ff341418a129e45fbf303361e8569edb02efe", 2048},
	{"fr", assets.French, "431c1d074225d2b7e82db857d7c3ea58051df546e7c8b74c1f6dcab36351fd56", 2048},
	{"it", assets.Italian, "d392c49fdb700a24cd1fceb237c1f65dcc128f6b34a8aacb58b59384b5c648c2", 2048},
	{"pt", assets.Portuguese, "2685e9c194c82ae67e10ba59d9ea5345a23dc093e92276fc5361f6667d79cd3f", 2048},
	{"pt-br", assets.BrazilianPortuguese, "e03a241cb53f251c9124ca85886e0316490319cca0eaea2c53883e89cefcafba", 7776},
}

func TestLanguageListsEmbedded(t *testing.T) {
	for _, e := range languageLists {
		data, err := assets.Wordlists.ReadFile(e.file)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != e.sha256 {
			t.Errorf("SHA-256 of %s = %s, want %s", e.file, got, e.sha256)
		}
		attribution := ""
		for _, a := range assets.WordlistAttributions {
			text, _ := assets.Wordlists.ReadFile(a)
			attribution += string(text)
		}
		if !strings.Contains(attribution, e.sha256+"  "+e.name+".txt") {
			t.Errorf("no attribution file gives the sum of %s.txt", e.name)
		}
	}
	// BIP-39's lists tell their words apart by the first four letters.
	for _, b := range BuiltinLists() {
		if b.Source != "BIP-39" {
			continue
		}
		wl, _ := BuiltinWordlist(b.Name)
		starts := map[string]string{}
		for _, w := range wl.Words {
			start := string([]rune(w)[:min(4, utf8.RuneCountInString(w))])
			if other, dup := starts[start]; dup {
				t.Errorf("%s: %q and %q both start %q", b.Name, other, w, start)
			}
			starts[start] = w
		}
	}
	var names []string
	for _, b := range BuiltinLists() {
		if b.Source != "EFF" {
			names = append(names, b.Name)
		}
	}
	if len(names) != len(languageLists) {
		t.Fatalf("built-in lists of other languages %v, but %d are pinned here", names, len(languageLists))
	}
}

// Every built-in list has the size its description says, and so the bits
// per word the completions and the form show.
func TestBuiltinListSizes(t *testing.T) {
	for _, b := range BuiltinLists() {
		wl, err := BuiltinWordlist(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		if len(wl.Words) != b.Words {
			t.Errorf("%s: %d words, described as %d", b.Name, len(wl.Words), b.Words)
		}
		if want := math.Floor(math.Log2(float64(len(wl.Words)))*100) / 100; b.Bits() != want {
			t.Errorf("%s: %.4f bits per word, want %.2f", b.Name, b.Bits(), want)
		}
		if got, ok := LookupBuiltinList(b.Name); !ok || got != b {
			t.Errorf("LookupBuiltinList(%q) = %v, %v", b.Name, got, ok)
		}
	}
	if _, ok := LookupBuiltinList("klingon"); ok {
		t.Error("LookupBuiltinList found an unknown name")
	}
}

// For every bundled list, the default passphrase's figure is exactly
// words × log2(size), and so it is for every case, separator and number
// setting unless the list's words can run together: then the figure must
// be labelled an upper bound and a warning must say why. What the lists
// give (the closing note of the issue): all exact with a separator; the
// verdicts without one are logged.
func TestLanguageListFigures(t *testing.T) {
	for _, e := range languageLists {
		wl, err := BuiltinWordlist(e.name)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range wl.Words {
			if strings.Contains(w, DefaultPhrasePolicy().Separator) {
				t.Errorf("%s: %q holds the default separator", e.name, w)
			}
		}
		pol := DefaultPhrasePolicy()
		pol.List = wl
		p := mustPhrase(t, pol)
		want := new(big.Int).Exp(big.NewInt(int64(e.words)), big.NewInt(int64(pol.Words)), nil)
		ent := p.Entropy()
		if ent.Bound != Exact || ent.Count.Cmp(want) != 0 || math.Abs(ent.Bits-6*math.Log2(float64(e.words))) > 1e-9 {
			t.Errorf("%s: %v (%.4f bits, count %v), want exactly %d^6", e.name, ent.Bound, ent.Bits, ent.Count, e.words)
		}
		var verdicts []string
		for c := range CaseMode(numCaseModes) {
			for _, sep := range []struct {
				kind SeparatorKind
				sep  string
			}{{SepFixed, "-"}, {SepFixed, " "}, {SepFixed, ""}, {SepDigit, ""}, {SepSymbol, ""}} {
				for _, number := range []bool{false, true} {
					pol := PhrasePolicy{Words: 4, List: wl, Case: c, Separator: sep.sep, RandomSeparator: sep.kind, Number: number}
					p := mustPhrase(t, pol)
					ent := p.Entropy()
					name := fmt.Sprintf("%s %v %v%q number=%v", e.name, c, sep.kind, sep.sep, number)
					// The tokens of each case: the words, once each, as the
					// brute-force count in TestCaseCollisionsCountOnce checks.
					tokens := len(wl.tokenSet(c).tokens)
					if c != CaseRandom && tokens != e.words || c == CaseRandom && tokens > 2*e.words {
						t.Errorf("%s: %d tokens", name, tokens)
					}
					wantBits := 4*math.Log2(float64(tokens)) + 3*math.Log2(float64(separatorCount(sep.kind)))
					if number {
						wantBits += math.Log2(40)
					}
					if math.Abs(ent.Bits-wantBits) > 1e-9 {
						t.Errorf("%s: %.4f bits, want %.4f", name, ent.Bits, wantBits)
					}
					switch ent.Bound {
					case Exact:
					case UpperBound:
						if sep.sep != "" || sep.kind != SepFixed {
							t.Errorf("%s: only an upper bound with a separator", name)
						}
						if ws := p.Warnings(); len(ws) == 0 || !strings.Contains(ws[len(ws)-1].String(), "upper bound") {
							t.Errorf("%s: an upper bound without a warning saying so: %v", name, ws)
						}
						verdicts = append(verdicts, fmt.Sprintf("%v%q number=%v", c, sep.sep, number))
					default:
						t.Errorf("%s: bound %v", name, ent.Bound)
					}
				}
			}
		}
		t.Logf("%s: %d words, %.2f bits each, prefix-free %v; upper bounds: %v", e.name, e.words, math.Log2(float64(e.words)), wl.PrefixFree(), verdicts)
	}
}

// What a phrase of a bundled list prints is NFC, in every case mode, and
// is made of the list's words in that case.
func TestLanguageListOutputIsNFC(t *testing.T) {
	r := seededRand(19)
	for _, e := range languageLists {
		wl, _ := BuiltinWordlist(e.name)
		for _, w := range wl.Words {
			if !norm.NFC.IsNormalString(w) {
				t.Fatalf("%s: %q is not NFC", e.name, w)
			}
		}
		for c := range CaseMode(numCaseModes) {
			p := mustPhrase(t, PhrasePolicy{Words: 8, List: wl, Case: c, Separator: " "})
			for range 200 {
				s, err := p.Generate(r)
				if err != nil {
					t.Fatal(err)
				}
				if !norm.NFC.IsNormalString(s) {
					t.Fatalf("%s %v: %q is not NFC", e.name, c, s)
				}
				for w := range strings.SplitSeq(s, " ") {
					if lower := lowerCase(w); !slices.Contains(wl.Words, lower) {
						t.Fatalf("%s %v: %q (%q) is not a word of the list", e.name, c, w, lower)
					}
				}
			}
		}
	}
	// The accents of Spanish and French survive casing, composed.
	es, _ := BuiltinWordlist("es")
	up := newCaser(CaseUpper)
	if i := slices.Index(es.Words, "ábaco"); i < 0 {
		t.Fatal("es lacks ábaco")
	} else if got, _ := up.forms(es.Words[i]); got != "ÁBACO" || len(got) != len("ÁBACO") {
		t.Fatalf("upper ábaco = %q", got)
	}
}

// Casing by Unicode's full mappings, in NFC.
func TestCaseForms(t *testing.T) {
	cases := []struct {
		word, upper, title string
	}{
		{"maße", "MASSE", "Maße"},
		{"über", "ÜBER", "Über"},
		{"ßa", "SSA", "Ssa"},
		{"éa", "ÉA", "Éa"},
		{"ǆa", "ǄA", "ǅa"},
		{"ſun", "SUN", "Sun"},
		{"3d", "3D", "3d"},
		{"drop-down", "DROP-DOWN", "Drop-down"},
		{"ŉa", "ʼNA", "ʼNa"},
		{"ΐx", norm.NFC.String("\u0399\u0308\u0301X"), norm.NFC.String("\u0399\u0308\u0301x")},
		{"çà", "ÇÀ", "Çà"},
	}
	up, title, random := newCaser(CaseUpper), newCaser(CaseTitle), newCaser(CaseRandom)
	for _, c := range cases {
		if got, _ := up.forms(c.word); got != c.upper || !norm.NFC.IsNormalString(got) {
			t.Errorf("upper %q = %q, want %q", c.word, got, c.upper)
		}
		if got, _ := title.forms(c.word); got != c.title || !norm.NFC.IsNormalString(got) {
			t.Errorf("title %q = %q, want %q", c.word, got, c.title)
		}
		a, b := random.forms(c.word)
		wantB := c.title
		if c.title == c.word {
			wantB = ""
		}
		if a != c.word || b != wantB {
			t.Errorf("random %q = %q, %q; want %q, %q", c.word, a, b, c.word, wantB)
		}
	}
	// Lists are read in lower case by the same mappings: "ÜBER" and
	// "über" are one word, and a capital sigma at the end is final.
	wl, warns, err := ParseWordlist("t", strings.NewReader("ÜBER\nüber\nΟΔΟΣ\nMASSE\n"))
	if err != nil || !slices.Equal(wl.Words, []string{"über", "οδος", "masse"}) || len(warns) != 2 || !strings.Contains(warns[0].String(), "1 duplicate") {
		t.Fatalf("parsed %q, %v, %v", wl.Words, warns, err)
	}
	// A hand-built list must be NFC, like a parsed one.
	_, err = NewPhrase(PhrasePolicy{Words: 2, List: &Wordlist{Name: "nfd", Words: []string{"e\u0301a", "b"}}})
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Field != "wordlist" || !strings.Contains(err.Error(), "NFC") {
		t.Fatalf("an NFD word in a hand-built list: %v", err)
	}
}

// Two words whose cased forms coincide count once, and the figure is
// the number of distinct phrases, by brute force over every choice of
// word and case written out here by hand (not by the casing code).
func TestCaseCollisionsCountOnce(t *testing.T) {
	// "Über" and "über" are one word when read; "maße" and "masse" meet in
	// upper case (MASSE), "ßa" and "ssa" in upper and title case (SSA, Ssa).
	wl := mustList(t, "de-like", "über Über maße masse ßa ssa")
	if !slices.Equal(wl.Words, []string{"über", "maße", "masse", "ßa", "ssa"}) {
		t.Fatalf("words %q", wl.Words)
	}
	forms := map[CaseMode][][]string{ // per word, its forms
		CaseLower:  {{"über"}, {"maße"}, {"masse"}, {"ßa"}, {"ssa"}},
		CaseUpper:  {{"ÜBER"}, {"MASSE"}, {"MASSE"}, {"SSA"}, {"SSA"}},
		CaseTitle:  {{"Über"}, {"Maße"}, {"Masse"}, {"Ssa"}, {"Ssa"}},
		CaseRandom: {{"über", "Über"}, {"maße", "Maße"}, {"masse", "Masse"}, {"ßa", "Ssa"}, {"ssa", "Ssa"}},
	}
	for c, perWord := range forms {
		for _, sep := range []string{"-", ""} {
			const k = 3
			distinct := map[string]bool{}
			var rec func(i int, s string)
			rec = func(i int, s string) {
				if i == k {
					distinct[s] = true
					return
				}
				for _, fs := range perWord {
					for _, f := range fs {
						if i == 0 {
							rec(1, f)
						} else {
							rec(i+1, s+sep+f)
						}
					}
				}
			}
			rec(0, "")
			p := mustPhrase(t, PhrasePolicy{Words: k, List: wl, Case: c, Separator: sep})
			ent := p.Entropy()
			name := fmt.Sprintf("%v sep %q", c, sep)
			if ent.Bound != Exact || ent.Count.Cmp(big.NewInt(int64(len(distinct)))) != 0 {
				t.Errorf("%s: %v count %v, brute force %d", name, ent.Bound, ent.Count, len(distinct))
			}
			// Every output is one of them.
			r := seededRand(uint64(c))
			for range 300 {
				s, _ := p.Generate(r)
				if !distinct[s] {
					t.Fatalf("%s: %q is none of the %d phrases", name, s, len(distinct))
				}
			}
			if merged := len(wl.Words) - len(wl.tokenSet(c).tokens); c != CaseRandom && merged > 0 {
				if ws := p.Warnings(); len(ws) == 0 || !strings.Contains(ws[0].String(), fmt.Sprintf("%d word", merged)) {
					t.Errorf("%s: %d words merge, warnings %v", name, merged, ws)
				}
			}
		}
	}
}

// Decodability is judged on the cased forms: "ss", "ßx" and "x" run
// together unambiguously in lower case, but upper case makes "SS"+"X" and
// "SSX" one string.
func TestDecodableOnCasedForms(t *testing.T) {
	wl := mustList(t, "eszett", "ss ßx x")
	lower := mustPhrase(t, PhrasePolicy{Words: 2, List: wl, Separator: ""})
	upper := mustPhrase(t, PhrasePolicy{Words: 2, List: wl, Separator: "", Case: CaseUpper})
	if lower.Entropy().Bound != Exact || upper.Entropy().Bound != UpperBound {
		t.Fatalf("lower %v, upper %v", lower.Entropy().Bound, upper.Entropy().Bound)
	}
}

// A diceware file with dice numbers, words with digits and punctuation,
// and duplicates after lower-casing and normalisation: each distinct word
// counts once, and a word holding the separator (or a digit, with a
// number) makes the figure a labelled bound.
func TestDicewareFileExactly(t *testing.T) {
	file := "11111 abc\n11112 ABC\n11113 a1\n11114 a-b\n11115 x!\n11116 e\u0301\n11121 é\n11122 a\n11123 b\n"
	wl, warns, err := ParseWordlist("dice", strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"abc", "a1", "a-b", "x!", "é", "a", "b"}; !slices.Equal(wl.Words, want) {
		t.Fatalf("words %q, want %q", wl.Words, want)
	}
	if len(warns) < 2 || !strings.Contains(fmt.Sprint(warns), "2 duplicate words") {
		t.Fatalf("warnings %v", warns)
	}
	one := mustPhrase(t, PhrasePolicy{Words: 1, List: wl, Separator: "-"})
	if c := one.Entropy().Count; c == nil || c.Int64() != 7 {
		t.Fatalf("one word: count %v, want 7", c)
	}
	// "a-b" is one word and "a", "-", "b" three atoms: a bound.
	dash := mustPhrase(t, PhrasePolicy{Words: 2, List: wl, Separator: "-"})
	if e := dash.Entropy(); e.Bound != UpperBound || e.Count != nil || !strings.Contains(fmt.Sprint(dash.Warnings()), "upper bound") {
		t.Fatalf("separator inside a word: %v %v", e, dash.Warnings())
	}
	space := mustPhrase(t, PhrasePolicy{Words: 2, List: wl, Separator: " "})
	if c := space.Entropy().Count; space.Entropy().Bound != Exact || c.Int64() != 49 {
		t.Fatalf("space: %v", space.Entropy())
	}
	// "a" with the digit 1 is "a1", a word of its own.
	num := mustPhrase(t, PhrasePolicy{Words: 2, List: wl, Separator: " ", Number: true})
	if num.Entropy().Bound != UpperBound {
		t.Fatalf("a digit inside a word with a number: %v", num.Entropy())
	}
}

// Random case draws uniformly from the distinct phrases even when words
// share a form: in "ßa ssa" the title forms meet (Ssa), so the 3 forms are
// ßa, ssa and Ssa, each 1/3 a word; a coin per word would give Ssa 1/2.
// With 2 words there are 9 phrases: 90,000 draws put 10,000 in each, and
// the coin's bias (Ssa-Ssa at 1/4 instead of 1/9) is over a hundred
// standard deviations away, while p < 1e-6 leaves chance alone a
// one-in-a-million false alarm.
func TestStatRandomCaseCollisionsUniform(t *testing.T) {
	wl := mustList(t, "eszett", "ßa ssa")
	p := mustPhrase(t, PhrasePolicy{Words: 2, List: wl, Case: CaseRandom, Separator: "-"})
	forms := []string{"ßa", "ssa", "Ssa"}
	index := map[string]int{}
	for i, a := range forms {
		for j, b := range forms {
			index[a+"-"+b] = 3*i + j
		}
	}
	if c := p.Entropy().Count; c == nil || c.Int64() != int64(len(index)) {
		t.Fatalf("count %v, want %d", c, len(index))
	}
	r := seededRand(2026)
	const n = 90000
	obs := make([]int64, len(index))
	for range n {
		s, _ := p.Generate(r)
		i, ok := index[s]
		if !ok {
			t.Fatalf("unexpected phrase %q", s)
		}
		obs[i]++
	}
	requireChi(t, "random case with a shared form", obs, uniform(len(obs), n))
}

// A word that starts with a combining mark would join the word before it
// ("e" then "\u0301x" reads "éx", not NFC): refused, so that every phrase
// is NFC and typed as it is counted.
func TestWordJoiningTheOneBeforeRefused(t *testing.T) {
	var pe *PolicyError
	_, _, err := ParseWordlist("marks", strings.NewReader("e\n\u0301x\nab\n"))
	if !errors.As(err, &pe) || pe.Field != "wordlist" || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "U+0301") {
		t.Fatalf("parsed: %v", err)
	}
	_, err = NewPhrase(PhrasePolicy{Words: 2, List: &Wordlist{Name: "hand", Words: []string{"e", "\u0301x"}}})
	if !errors.As(err, &pe) || pe.Field != "wordlist" || !strings.Contains(err.Error(), "U+0301") {
		t.Fatalf("hand-built: %v", err)
	}
	// A mark inside a word is the word's own.
	if _, _, err := ParseWordlist("inside", strings.NewReader("e\u0301\nx\u0301y\n")); err != nil {
		t.Fatal(err)
	}
}

func TestTitleCaseOfOneWord(t *testing.T) {
	for w, want := range map[string]string{"ßa": "Ssa", "über": "Über", "3d": "3d", "abc": "Abc", "ǆa": "ǅa"} {
		if got := titleCase(w); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", w, got, want)
		}
	}
}
