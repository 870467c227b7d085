package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sesame-sh/sesame/assets"
)

// The EFF lists as Debian's xkcdpass ships them; SHA-256s from the
// generator notes, §3.
var effLists = []struct {
	name, file, sha256 string
	words              int
}{
	{"eff-large", assets.EFFLarge, "6d557f0693958fb5e650b68b5bee585eb82cf4da32965505c789e924743bc522", 7776},
	{"eff-short", assets.EFFShort, "36ecca49e4fa20ca84b176c32f2e9c82f98f446585190e75f9879a95c08247bf", 1296},
	{"eff-short2", assets.EFFShort2, "7aa57a4d3ecf6581729992bad9575bacdebf7c28378af2aec6a50f11aec326f5", 1296},
}

func TestEmbeddedWordlists(t *testing.T) {
	for _, e := range effLists {
		t.Run(e.name, func(t *testing.T) {
			data, err := assets.Wordlists.ReadFile(e.file)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			if got := hex.EncodeToString(sum[:]); got != e.sha256 {
				t.Fatalf("SHA-256 of %s = %s, want %s", e.file, got, e.sha256)
			}
			wl, err := BuiltinWordlist(e.name)
			if err != nil {
				t.Fatal(err)
			}
			if wl.Name != e.name || len(wl.Words) != e.words {
				t.Fatalf("%s: name %q, %d words; want %d", e.name, wl.Name, len(wl.Words), e.words)
			}
			// The parsed words are the file, in order, unchanged.
			if joined := strings.Join(wl.Words, "\n") + "\n"; joined != string(data) {
				t.Fatal("parsed words differ from the embedded file")
			}
			seen := map[string]bool{}
			for _, w := range wl.Words {
				if seen[w] {
					t.Fatalf("duplicate %q", w)
				}
				seen[w] = true
				if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz-") != "" {
					t.Fatalf("unexpected character in %q", w)
				}
			}
			// Prefix-free, and still so with "-" appended (why "-" is a safe
			// separator although some words, drop-down and yo-yo, hold one).
			for _, suffix := range []string{"", "-"} {
				if p, q, ok := findPrefixPair(wl.Words, suffix); ok {
					t.Errorf("%q is a prefix of %q", p, q)
				}
			}
			if !wl.PrefixFree() {
				t.Error("PrefixFree() = false")
			}
		})
	}
	short2, _ := BuiltinWordlist("eff-short2")
	prefixes := map[string]string{}
	for _, w := range short2.Words {
		p := w[:3]
		if other, dup := prefixes[p]; dup {
			t.Fatalf("eff-short2: %q and %q share the prefix %q", other, w, p)
		}
		prefixes[p] = w
	}
	large, _ := BuiltinWordlist("eff-large")
	if _, _, ok := findPrefixPair(append([]string{"drop"}, large.Words...), ""); !ok {
		t.Fatal("findPrefixPair misses drop/drop-down")
	}
}

// findPrefixPair looks for a word+suffix that is a proper prefix of another
// word+suffix, by brute force over a sorted copy.
func findPrefixPair(words []string, suffix string) (string, string, bool) {
	s := make([]string, len(words))
	for i, w := range words {
		s[i] = w + suffix
	}
	slices.Sort(s)
	for i := 0; i+1 < len(s); i++ {
		if strings.HasPrefix(s[i+1], s[i]) {
			return s[i], s[i+1], true
		}
	}
	return "", "", false
}

func TestBuiltinWordlistNames(t *testing.T) {
	names := BuiltinWordlists()
	if !slices.Equal(names, []string{"eff-large", "eff-short", "eff-short2", "cs", "de", "es", "fr", "it", "pt", "pt-br"}) || DefaultWordlist() != "eff-large" {
		t.Fatalf("names %v, default %q", names, DefaultWordlist())
	}
	names[0] = "changed"
	if BuiltinWordlists()[0] != "eff-large" {
		t.Fatal("BuiltinWordlists returned shared state")
	}
	a, _ := BuiltinWordlist("eff-short")
	b, _ := BuiltinWordlist("eff-short")
	if a != b {
		t.Fatal("BuiltinWordlist parses again on every call")
	}
	_, err := BuiltinWordlist("foo")
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Field != "wordlist" {
		t.Fatalf("unknown list: %v", err)
	}
	for _, want := range []string{`"foo"`, "eff-large", "eff-short2", "file path"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestParseWordlist(t *testing.T) {
	many := func(n int) string { // n distinct words, one per line
		var b strings.Builder
		for i := range n {
			b.WriteString(string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + "\n")
		}
		return b.String()
	}
	cases := []struct {
		name  string
		in    string
		words []string // nil: only the count is checked
		count int
		warn  []string // substrings, one per expected warning
		err   string   // substring of the expected PolicyError
	}{
		{name: "plain", in: many(1000), count: 1000},
		{name: "diceware tab", in: "11111\tabacus\n11112\tabdomen\n", words: []string{"abacus", "abdomen"}, warn: []string{"2 distinct words"}},
		{name: "diceware spaces", in: "1 1 1 1 1 abacus\n1 1 1 1 2   abdomen  \n", words: []string{"abacus", "abdomen"}, warn: []string{"1.00 bits"}},
		{name: "blank lines and whitespace", in: "\n  alpha  \n\n\t beta\t\n   \n", words: []string{"alpha", "beta"}, warn: []string{"only 2"}},
		{name: "crlf", in: "alpha\r\nbeta\r\ngamma\r\n", words: []string{"alpha", "beta", "gamma"}, warn: []string{"1.58 bits"}},
		{name: "no final newline", in: "alpha\nbeta", words: []string{"alpha", "beta"}, warn: []string{"only 2"}},
		{name: "bom", in: "\uFEFFalpha\nbeta\n", words: []string{"alpha", "beta"}, warn: []string{"only 2"}},
		{name: "lower-cased and deduplicated", in: "Polish\npolish\nPOLISH\nwarsaw\nalpha\nalpha\n", words: []string{"polish", "warsaw", "alpha"},
			warn: []string{"removed 3 duplicate words", "only 3"}},
		{name: "one duplicate", in: many(1000) + "aaa\n", count: 1000, warn: []string{"removed 1 duplicate word "}},
		{name: "unicode", in: "été\nçà\nЖук\n", words: []string{"été", "çà", "жук"}, warn: []string{"only 3"}},
		{name: "digits are words", in: "42\n7\n", words: []string{"42", "7"}, warn: []string{"only 2"}},
		{name: "one word", in: "alpha\nALPHA\n", err: "1 distinct word;"},
		{name: "empty", in: "\n \n", err: "0 distinct words"},
		{name: "inner space", in: "alpha\nice cream\n", err: "line 2"},
		{name: "word then digits", in: "alpha 11111\nbeta\n", err: "line 1"},
		{name: "control char", in: "alpha\nbe\x1bta\n", err: "line 2 contains the control character U+001B"},
		{name: "nul", in: "alpha\nbeta\x00\n", err: "line 2"},
		{name: "bidi override", in: "alpha\nbe\u202eta\n", err: "U+202E"},
		{name: "lone cr", in: "alpha\rbeta\rgamma\n", err: "line 1 contains the control character U+000D"},
		{name: "invalid utf-8", in: "alpha\nbeta\n\xff\xfe\n", err: "line 3 is not valid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wl, warns, err := ParseWordlist("test", strings.NewReader(c.in))
			if c.err != "" {
				var pe *PolicyError
				if !errors.As(err, &pe) || pe.Field != "wordlist" || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want a wordlist PolicyError containing %q", err, c.err)
				}
				if wl != nil || warns != nil {
					t.Fatal("a list or warnings came back with an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.words != nil && !slices.Equal(wl.Words, c.words) {
				t.Fatalf("words %q, want %q", wl.Words, c.words)
			}
			if c.words == nil && len(wl.Words) != c.count {
				t.Fatalf("%d words, want %d", len(wl.Words), c.count)
			}
			if len(warns) != len(c.warn) {
				t.Fatalf("warnings %v, want %d", warns, len(c.warn))
			}
			for i, w := range c.warn {
				if warns[i].Field != "wordlist" || !strings.Contains(warns[i].String(), w) {
					t.Errorf("warning %q, want one containing %q", warns[i].String(), w)
				}
			}
		})
	}
}

func TestParseWordlistLimits(t *testing.T) {
	var pe *PolicyError
	big := strings.Repeat("abcdefghijklmno\n", (maxWordlistBytes>>4)+1)
	if _, _, err := ParseWordlist("big", strings.NewReader(big)); !errors.As(err, &pe) || !strings.Contains(err.Error(), "16 MiB") {
		t.Fatalf("oversized file: %v", err)
	}
	var b strings.Builder // 2^20 + 1 distinct short words fit in 16 MiB
	for i := range maxWordlistWords + 1 {
		b.WriteString(hex.EncodeToString([]byte{byte(i >> 16), byte(i >> 8), byte(i)}))
		b.WriteByte('\n')
	}
	if _, _, err := ParseWordlist("many", strings.NewReader(b.String())); !errors.As(err, &pe) || !strings.Contains(err.Error(), "more than 1048576") {
		t.Fatalf("too many words: %v", err)
	}
}

type brokenReader struct{}

var errDisk = errors.New("disk on fire")

func (brokenReader) Read([]byte) (int, error) { return 0, errDisk }

func TestLoadWordlist(t *testing.T) {
	wl, warns, err := LoadWordlist("eff-short2")
	if err != nil || warns != nil || len(wl.Words) != 1296 {
		t.Fatalf("builtin by name: %v %v", err, warns)
	}
	if wl, _, err := LoadWordlist(""); err != nil || wl.Name != "eff-large" {
		t.Fatalf("empty name: %v", err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("11111\tone\n11112\ttwo\n11112\ttwo\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wl, warns, err = LoadWordlist(good)
	if err != nil || wl.Name != good || len(wl.Words) != 2 || len(warns) != 2 {
		t.Fatalf("file: %v %v %v", wl, warns, err)
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("only\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var pe *PolicyError
	if _, _, err := LoadWordlist(bad); !errors.As(err, &pe) || pe.Field != "wordlist" {
		t.Fatalf("invalid file: %v", err)
	}
	// A name that is neither built in nor a file is a usage mistake (most
	// likely a misspelt list name), naming the lists that exist.
	_, _, err = LoadWordlist(filepath.Join(dir, "eff-lage"))
	if !errors.As(err, &pe) || pe.Field != "wordlist" || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "eff-large") {
		t.Fatalf("missing file: %v", err)
	}
	// A directory is not a wordlist: a usage mistake, like a missing file.
	if _, _, err := LoadWordlist(dir); !errors.As(err, &pe) || pe.Field != "wordlist" || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("directory: %v", err)
	}
	// Unreadable input is a runtime failure, not a policy error.
	if _, _, err := ParseWordlist("r", brokenReader{}); !errors.Is(err, errDisk) || errors.As(err, &pe) {
		t.Fatalf("read error: %v", err)
	}
}

func TestHandBuiltWordlist(t *testing.T) {
	var pe *PolicyError
	for _, words := range [][]string{{"a"}, {"a", "A"}, {"a", "a"}, {"a", ""}, {"a", "b c"}, {"a", "b\x00"}, {"a", "\xff"}} {
		_, err := NewPhrase(PhrasePolicy{Words: 3, List: &Wordlist{Name: "hand", Words: words}})
		if !errors.As(err, &pe) || pe.Field != "wordlist" {
			t.Errorf("%q: %v, want a wordlist PolicyError", words, err)
		}
	}
	p, err := NewPhrase(PhrasePolicy{Words: 3, List: &Wordlist{Name: "hand", Words: []string{"x", "y"}}})
	if err != nil || p.Entropy().Bits != 3 {
		t.Fatalf("valid hand-built list: %v", err)
	}
}

func TestTokenSets(t *testing.T) {
	// "3d" has one case variant, "ſun" (long s) and "sun" collide in upper
	// and title case, "ǆa" has distinct upper (Ǆ) and title (ǅ) forms.
	wl, _, err := ParseWordlist("t", strings.NewReader("sun\nſun\n3d\nǆa\nx\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[CaseMode][]string{
		CaseLower:  {"sun", "ſun", "3d", "ǆa", "x"},
		CaseUpper:  {"SUN", "3D", "ǄA", "X"},
		CaseTitle:  {"Sun", "3d", "ǅa", "X"},
		CaseRandom: {"sun", "Sun", "ſun", "3d", "ǆa", "ǅa", "x", "X"},
	}
	for c, w := range want {
		ts := wl.tokenSet(c)
		if !slices.Equal(ts.tokens, w) {
			t.Errorf("%v: tokens %q, want %q", c, ts.tokens, w)
		}
		if wantMerged := len(wl.Words) - len(w); c != CaseRandom && ts.merged != wantMerged {
			t.Errorf("%v: merged %d, want %d", c, ts.merged, wantMerged)
		}
	}
	ph, err := NewPhrase(PhrasePolicy{Words: 2, List: wl, Case: CaseUpper, Separator: " "})
	var warns []Warning
	if err == nil {
		warns = ph.Warnings()
	}
	if err != nil || len(warns) < 1 || warns[0].Field != "case" || !strings.Contains(warns[0].String(), "1 word ") {
		t.Fatalf("upper case collision: %v %v", warns, err)
	}
	// A list whose upper case leaves a single word cannot make passphrases.
	one, _, _ := ParseWordlist("one", strings.NewReader("sun\nſun\n"))
	var pe *PolicyError
	if _, err := NewPhrase(PhrasePolicy{Words: 2, List: one, Case: CaseUpper}); !errors.As(err, &pe) || pe.Field != "case" {
		t.Fatalf("collapsing list: %v", err)
	}
}

// uniquelyDecodable against hand-checked cases; the enumeration test in
// phrase_test.go checks it against brute force.
func TestDecodable(t *testing.T) {
	cases := []struct {
		words  string
		kind   SeparatorKind
		sep    string
		number bool
		want   bool
	}{
		{"a ab b ba abc c", SepFixed, "", false, false}, // notes: 185 of 216
		{"a ab b ba abc c", SepFixed, "-", false, true},
		{"a ab b ba abc c", SepDigit, "", true, true},
		{"a b ab", SepFixed, "", false, false},
		{"a b ab", SepFixed, "-", false, true},
		{"a b a-b", SepFixed, "-", false, false}, // a-b-a-b: (a-b, a, b) and (a, b, a-b)
		{"a b a-b", SepFixed, "+", false, true},
		{"a b a-b", SepSymbol, "", false, false},
		{"ab ab1 cd", SepFixed, "-", true, false}, // ab1-ab1: (ab+1, ab1) and (ab1, ab+1)
		{"ab ab1 cd", SepFixed, "-", false, true},
		{"ab cd", SepFixed, "", true, true}, // notes: empty separator + number is exact
		{"ab cd", SepDigit, "", true, true},
		{"a1 b", SepDigit, "", false, true},
		{"a 1b a1 b", SepDigit, "", false, false},  // a11b: (a, 1, 1b) and (a1, 1, b)
		{"x- y x -y", SepFixed, "-", false, false}, // x--y: (x-, y) and (x, -y)
		{"aa ab", SepFixed, "ab", false, true},     // a separator equal to a word
		{"ab abab", SepFixed, "ab", false, false},  // abababab: (abab, ab) and (ab, abab)
		{"drop drop-down down x", SepFixed, "-", false, false},
	}
	for _, c := range cases {
		wl, _, err := ParseWordlist("t", strings.NewReader(strings.ReplaceAll(c.words, " ", "\n")))
		if err != nil {
			t.Fatal(err)
		}
		got := uniquelyDecodable(wl.tokenSet(CaseLower), separatorAtoms(c.kind, c.sep), c.number)
		if brute := bruteDecodable(wl.Words, c.kind, c.sep, c.number, 3); brute != c.want {
			t.Errorf("%q %v %q number=%v: the table says %v, brute force %v", c.words, c.kind, c.sep, c.number, c.want, brute)
		}
		if got != c.want {
			t.Errorf("%q %v %q number=%v: decodable = %v, want %v", c.words, c.kind, c.sep, c.number, got, c.want)
		}
	}
	for _, e := range effLists {
		wl, _ := BuiltinWordlist(e.name)
		for c := range CaseMode(numCaseModes) {
			for _, sep := range []struct {
				k SeparatorKind
				s string
			}{{SepFixed, ""}, {SepFixed, "-"}, {SepFixed, " "}, {SepFixed, "."}, {SepDigit, ""}, {SepSymbol, ""}} {
				for _, number := range []bool{false, true} {
					if !wl.decodable(udKey{c, sep.k, sep.s, number}) {
						t.Errorf("%s %v %v %q number=%v: not decodable", e.name, c, sep.k, sep.s, number)
					}
				}
			}
		}
	}
}

// TestDecodableSoundOnRandomLists compares the decodability check with
// brute force on many random tiny lists built from few letters, where
// words, separators and the number overlap often. A list reported
// decodable must have no collision; the converse is only logged, as the
// check is allowed to be conservative.
func TestDecodableSoundOnRandomLists(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "-", "1"}
	seps := []struct {
		kind SeparatorKind
		sep  string
		maxK int
	}{{SepFixed, "", 4}, {SepFixed, "-", 4}, {SepFixed, "a", 4}, {SepFixed, "ab", 4}, {SepFixed, "-a", 4}, {SepFixed, "1-", 4},
		{SepFixed, "aa", 4}, {SepFixed, "a-a", 4}, {SepFixed, "-1-", 4}, {SepDigit, "", 2}}
	var agree, conservative int
	for range 3000 {
		seen := map[string]bool{}
		var words []string
		for n := 2 + rng.IntN(4); len(words) < n; {
			var w string
			for range 1 + rng.IntN(3) {
				w += alphabet[rng.IntN(len(alphabet))]
			}
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		slices.Sort(words)
		sep := seps[rng.IntN(len(seps))]
		number := rng.IntN(2) == 0
		wl := &Wordlist{Name: "rand", Words: words}
		got := uniquelyDecodable(wl.tokenSet(CaseLower), separatorAtoms(sep.kind, sep.sep), number)
		brute := bruteDecodable(words, sep.kind, sep.sep, number, sep.maxK)
		switch {
		case got && !brute:
			t.Fatalf("%q %v %q number=%v: reported decodable, but two draws collide", words, sep.kind, sep.sep, number)
		case got == brute:
			agree++
		default:
			conservative++
		}
	}
	t.Logf("%d agree with brute force, %d conservative", agree, conservative)
}

// bruteDecodable reports whether no two draws of up to maxK words (with
// the same word count) spell the same passphrase.
func bruteDecodable(words []string, kind SeparatorKind, sep string, number bool, maxK int) bool {
	seps := []string{sep}
	if kind != SepFixed {
		seps = separatorAtoms(kind, "")
	}
	for k := 2; k <= maxK; k++ {
		seen := map[string]bool{}
		var rec func(i int, s string, used bool) bool
		rec = func(i int, s string, used bool) bool {
			if i == k {
				if number && !used {
					return true
				}
				if seen[s] {
					return false
				}
				seen[s] = true
				return true
			}
			for _, w := range words {
				var gaps []string
				if i == 0 {
					gaps = []string{""}
				} else {
					gaps = seps
				}
				for _, g := range gaps {
					if !rec(i+1, s+g+w, used) {
						return false
					}
					if number && !used {
						for d := '0'; d <= '9'; d++ {
							if !rec(i+1, s+g+w+string(d), true) {
								return false
							}
						}
					}
				}
			}
			return true
		}
		if !rec(0, "", false) {
			return false
		}
	}
	return true
}

func FuzzParseWordlist(f *testing.F) {
	for _, seed := range []string{
		"alpha\nbeta\n", "11111\tabacus\n11112\tabdomen\n", "a\nab\nb\nba\n", "Polish\npolish\n",
		"\uFEFFx\r\ny\r\n", "ice cream\n", "a\x00b\n", "\xff\n", "1 2 3 x\n4 5 6 y\n", "ſun\nsun\n3d\nǆa\n",
		"a-b\na\nb\n-\n1\n", "maße\nmasse\nÜber\nüber\nΟΔΟΣ\nßa\nssa\n", "e\u0301a\néa\nǰ\nΐ\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		wl, warns, err := ParseWordlist("fuzz", bytes.NewReader(data))
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.Field != "wordlist" || wl != nil || warns != nil {
				t.Fatalf("bad failure: %v %v %v", err, wl, warns)
			}
			return
		}
		if len(wl.Words) < 2 {
			t.Fatalf("accepted %d words", len(wl.Words))
		}
		seen := map[string]bool{}
		for _, w := range wl.Words {
			if w == "" || seen[w] || !utf8.ValidString(w) || strings.ToLower(w) != w ||
				strings.IndexFunc(w, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsControl(c) }) >= 0 {
				t.Fatalf("accepted bad word %q", w)
			}
			seen[w] = true
		}
		if err := validateWords(wl.Name, wl.Words); err != nil {
			t.Fatalf("parsed list fails validation: %v", err)
		}
		// Every setting must compile and generate without panicking, and
		// the decodability search must stay within its budget.
		r := seededRand(uint64(len(data)))
		for c := range CaseMode(numCaseModes) {
			for kind := range SeparatorKind(numSepKinds) {
				p, err := NewPhrase(PhrasePolicy{Words: 3, List: wl, Case: c, RandomSeparator: kind, Number: c == CaseRandom, Separator: ""})
				if err != nil {
					continue // e.g. upper case leaving one distinct word
				}
				if s, err := p.Generate(r); err != nil || s == "" || !norm.NFC.IsNormalString(s) {
					t.Fatalf("generate: %q %v (NFC: %v)", s, err, norm.NFC.IsNormalString(s))
				}
			}
		}
	})
}

var _ io.Reader = brokenReader{}

// The built-in lists skip validation for speed; the full parser must read
// the same files to exactly the same words, with no warning.
func TestEmbeddedListsMatchFullParser(t *testing.T) {
	for i, b := range builtinLists {
		data, err := assets.Wordlists.ReadFile(b.file)
		if err != nil {
			t.Fatal(err)
		}
		full, warns, err := parseWordlist(b.Name, data)
		if err != nil || len(warns) > 0 {
			t.Fatalf("%s: %v %v", b.Name, err, warns)
		}
		fast, _ := BuiltinWordlist(b.Name)
		if !slices.Equal(full.Words, fast.Words) {
			t.Fatalf("%s: fast split differs from the parser (list %d)", b.Name, i)
		}
	}
}

func TestWordLengthBound(t *testing.T) {
	var pe *PolicyError
	fits := strings.Repeat("a", MaxWordBytes)
	wl, _, err := ParseWordlist("fits", strings.NewReader(fits+"\nb\n"))
	if err != nil || wl.Words[0] != fits {
		t.Fatalf("a word of %d bytes: %v", MaxWordBytes, err)
	}
	// Bytes, not characters: 33 Cyrillic letters are 66 bytes.
	for _, long := range []string{fits + "a", strings.Repeat("д", 33), "11111 " + strings.Repeat("z", 8<<20)} {
		_, _, err := ParseWordlist("long", strings.NewReader("ok\n"+long+"\n"))
		if !errors.As(err, &pe) || pe.Field != "wordlist" || !strings.Contains(err.Error(), "line 2") ||
			!strings.Contains(err.Error(), fmt.Sprintf("at most %d", MaxWordBytes)) || len(err.Error()) > 300 {
			t.Errorf("a word of %d bytes: %.300v", len(long), err)
		}
	}
	_, err = NewPhrase(PhrasePolicy{Words: 3, List: &Wordlist{Name: "hand", Words: []string{"a", fits + "a"}}})
	if !errors.As(err, &pe) || pe.Field != "wordlist" || !strings.Contains(err.Error(), "at most") {
		t.Fatalf("hand-built list with a long word: %v", err)
	}
}

// The bundled lists pass the word bound with room to spare.
func TestEmbeddedWordsWithinBound(t *testing.T) {
	for _, name := range BuiltinWordlists() {
		wl, _ := BuiltinWordlist(name)
		for _, w := range wl.Words {
			if len(w) > MaxWordBytes/4 {
				t.Errorf("%s: %q is %d bytes", name, w, len(w))
			}
		}
	}
}
