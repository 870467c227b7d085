package generator

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CaseMode says how the words of a passphrase are capitalised.
type CaseMode int

const (
	// CaseLower leaves words in lower case (the default).
	CaseLower CaseMode = iota
	// CaseUpper upper-cases every word.
	CaseUpper
	// CaseTitle upper-cases the first letter of every word.
	CaseTitle
	// CaseRandom writes each word, independently, in lower or title case.
	// Each word is drawn uniformly from all distinct lower and title forms
	// of the list's words: the same as a coin flip per word when every word
	// has two forms, but a word with one form (such as "3d") is then not
	// drawn twice as often as the others.
	CaseRandom

	numCaseModes = iota
)

var caseNames = [numCaseModes]string{"lower", "upper", "title", "random"}

// String returns the mode's name as the command line spells it.
func (c CaseMode) String() string { return enumName("CaseMode", caseNames[:], int(c)) }

// ParseCase parses "lower", "upper", "title" or "random".
func ParseCase(s string) (CaseMode, error) {
	if i, ok := parseEnum(caseNames[:], s); ok {
		return CaseMode(i), nil
	}
	return 0, policyErr("case", "unknown case %q: use lower, upper, title or random", s)
}

// SeparatorKind says what goes between the words of a passphrase.
type SeparatorKind int

const (
	// SepFixed puts PhrasePolicy.Separator between words (the default).
	SepFixed SeparatorKind = iota
	// SepDigit puts a random digit 0-9 between each pair of words.
	SepDigit
	// SepSymbol puts a random ASCII punctuation character between each
	// pair of words.
	SepSymbol

	numSepKinds = iota
)

var sepKindNames = [numSepKinds]string{"fixed", "digit", "symbol"}

// String returns "fixed", "digit" or "symbol".
func (k SeparatorKind) String() string {
	return enumName("SeparatorKind", sepKindNames[:], int(k))
}

// ParseSeparatorKind parses the value of --random-separator: "digit" or
// "symbol". It also accepts "fixed", the String of SepFixed, so that a
// saved setting reads back.
func ParseSeparatorKind(s string) (SeparatorKind, error) {
	if i, ok := parseEnum(sepKindNames[:], s); ok {
		return SeparatorKind(i), nil
	}
	return 0, policyErr("random-separator", "unknown random separator %q: use digit or symbol", s)
}

// symbolSeparators are the random symbol separators: all 32 ASCII
// punctuation characters, the same set as the password symbol class. None
// is left out for shells' sake: a passphrase is copied or typed into a
// password field, and quoting it for a shell is the caller's job, which
// dropping a few characters would not do anyway.
const symbolSeparators = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// maxSeparatorBytes bounds a fixed separator: longer ones are surely a
// mistake and would only make passphrases unwieldy.
const maxSeparatorBytes = 256

// PhrasePolicy is the settings of a passphrase.
type PhrasePolicy struct {
	// Words is the number of words, 1..MaxWords.
	Words int
	// List is the wordlist; nil means the default built-in list.
	List *Wordlist
	// Separator goes between words when RandomSeparator is SepFixed. It may
	// be empty.
	Separator string
	// RandomSeparator, when not SepFixed, replaces Separator by a random
	// digit or symbol between each pair of words.
	RandomSeparator SeparatorKind
	// Case is the capitalisation of the words.
	Case CaseMode
	// Number appends one random digit to one randomly chosen word.
	Number bool
}

// DefaultPhrasePolicy returns 6 words from eff-large, separated by "-", in
// lower case, without a number: 77.54 bits.
//
// List is left nil, which means the default list: it is parsed only when a
// passphrase generator is built, so programs that never make one (sesame pw)
// don't pay for it.
func DefaultPhrasePolicy() PhrasePolicy {
	return PhrasePolicy{Words: 6, Separator: "-"}
}

func defaultList() *Wordlist {
	wl, err := BuiltinWordlist(DefaultWordlist())
	if err != nil {
		panic(err) // the default name is always built in
	}
	return wl
}

var _ Engine = (*Phrase)(nil)

// Phrase generates passphrases under a validated PhrasePolicy. It is
// immutable and safe for concurrent use; give each goroutine its own Rand.
type Phrase struct {
	policy  PhrasePolicy
	tokens  []string // what each word is drawn from, uniformly
	sepKind SeparatorKind
	sep     string
	maxLen  int      // upper bound of a passphrase's length in bytes
	choices *big.Int // number of equally likely draws
	bound   Bound
	bits    float64
	size    int // distinct words in use, for ListSize
	warns   []Warning
	ruled   *ruledPhrase // under website rules (phrase_rules.go), or nil
}

// Warnings notes settings that were accepted but weaken or blur the
// result.
func (p *Phrase) Warnings() []Warning { return p.warns }

// NewPhrase validates a policy and prepares a generator for it. Invalid
// settings give a *PolicyError naming the field ("words", "separator",
// "case", "random-separator", "wordlist"); [Phrase.Warnings] notes settings
// that were accepted but weaken or blur the result.
//
// The entropy is log2 of the exact number of distinct passphrases:
//
//	T^k · S^(k−1) · (10·k if Number)
//
// for k words, T distinct word forms under the case mode (words, or for
// random case every distinct lower and title form), and S possible
// separators (1, 10 or 32). Words are drawn uniformly from those T forms,
// so the output is uniform and the figure is exact, unless two different
// draws might spell the same passphrase: then Bound is UpperBound, Count is
// nil and a warning says so. One word is always exact; for more, the
// settings must be proven uniquely decodable (decodable.go), which all
// built-in lists are under every setting but one: "es" with no separator
// (some of its words begin others) outside title case.
func NewPhrase(p PhrasePolicy) (*Phrase, error) {
	if p.Words < 1 || p.Words > MaxWords {
		return nil, policyErr("words", "words must be from 1 to %d, not %d", MaxWords, p.Words)
	}
	if p.Case < 0 || p.Case >= numCaseModes {
		return nil, policyErr("case", "unknown case mode %d: use lower, upper, title or random", int(p.Case))
	}
	if p.RandomSeparator < 0 || p.RandomSeparator >= numSepKinds {
		return nil, policyErr("random-separator", "unknown random separator %d: use digit or symbol", int(p.RandomSeparator))
	}
	var sepWarns []Warning
	if p.RandomSeparator == SepFixed {
		sep, err := checkSeparator(p.Separator)
		if err != nil {
			return nil, err
		}
		if sep != p.Separator {
			sepWarns = append(sepWarns, warningf("separator", "the %v %q is used as %q, as passwords are compared after preparation (RFC 8265)", SettingName("separator"), p.Separator, sep))
			p.Separator = sep
		}
		sepWarns = append(sepWarns, separatorLookAlikes(sep)...)
	}
	if p.List == nil {
		p.List = defaultList()
	}
	if err := p.List.check(); err != nil {
		return nil, err
	}
	ts := p.List.tokenSet(p.Case)
	if len(ts.tokens) < 2 {
		return nil, policyErr("case", "%s case leaves wordlist %q with only %s; use another case or list",
			p.Case, p.List.Name, plural(len(ts.tokens), "distinct word"))
	}
	var warns []Warning
	if ts.merged > 0 {
		warns = append(warns, warningf("case",
			"%s case makes %s of wordlist %q identical to others; each distinct form counts once",
			p.Case, plural(ts.merged, "word"), p.List.Name))
	}

	ph := &Phrase{policy: p, tokens: ts.tokens, sepKind: p.RandomSeparator, sep: p.Separator, bound: Exact}
	ph.size = len(p.List.Words)
	if p.Case == CaseUpper || p.Case == CaseTitle {
		ph.size = len(ts.tokens)
	}
	sepLen := 1
	if ph.sepKind == SepFixed {
		sepLen = len(ph.sep)
	}
	ph.maxLen = p.Words*ts.maxLen + (p.Words-1)*sepLen
	if p.Number {
		ph.maxLen++
	}
	ph.choices = phraseChoices(len(ts.tokens), separatorCount(ph.sepKind), p.Number, p.Words)
	ph.bits = log2Big(ph.choices)
	if p.Words > 1 && !p.List.decodable(udKey{p.Case, ph.sepKind, ph.sep, p.Number}) {
		ph.bound = UpperBound
		warns = append(warns, ambiguityWarning(p.List.Name, ph.Entropy()))
	}
	ph.warns = append(sepWarns, warns...)
	return ph, nil
}

// ambiguityWarning says that the figure e of passphrases from the list
// named is an upper bound, and what would make it exact.
func ambiguityWarning(list string, e Entropy) Warning {
	return warningf("separator",
		"with wordlist %q and these settings two different draws can spell the same passphrase, so %.2f bits is an upper bound; "+
			"a one-character separator that occurs in no word (and, with a number, words without digits) makes it exact",
		list, e.Rounded())
}

// checkSeparator rejects fixed separators that could hide in a terminal or
// break a line, and returns the separator as passwords are compared
// (prepare.go): a no-break space becomes a space, a zero-width joiner on
// its own is refused.
func checkSeparator(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", policyErr("separator", "%v is not valid UTF-8", SettingName("separator"))
	}
	if len(s) > maxSeparatorBytes {
		return "", policyErr("separator", "%v is %d bytes long; use at most %d", SettingName("separator"), len(s), maxSeparatorBytes)
	}
	for _, c := range s {
		if forbiddenRune(c) {
			return "", policyErr("separator", "%v contains the control character %U; use visible characters or spaces", SettingName("separator"), c)
		}
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.Is(unicode.M, r) {
		return "", policyErr("separator", "%v starts with %s, a combining mark, which would join the word before it: start with a visible character", SettingName("separator"), describeRune(r))
	}
	return prepareText("separator", s)
}

func separatorCount(k SeparatorKind) int {
	switch k {
	case SepDigit:
		return 10
	case SepSymbol:
		return len(symbolSeparators)
	}
	return 1
}

// phraseChoices is the number of equally likely draws of a passphrase:
// tokens^k · seps^(k−1), times 10·k for the number's digit and word.
func phraseChoices(tokens, seps int, number bool, k int) *big.Int {
	n := new(big.Int).Exp(big.NewInt(int64(tokens)), big.NewInt(int64(k)), nil)
	if seps > 1 && k > 1 {
		n.Mul(n, new(big.Int).Exp(big.NewInt(int64(seps)), big.NewInt(int64(k-1)), nil))
	}
	if number {
		n.Mul(n, big.NewInt(int64(10*k)))
	}
	return n
}

// Generate returns one passphrase, or an error wrapping [ErrRandomness] if
// the source failed.
//
// Draw order, which the enumeration tests mirror: with Number, the word
// that gets the digit and then the digit; then the first word, and for each
// further word its separator (when random) followed by the word.
func (p *Phrase) Generate(r *Rand) (string, error) {
	b, err := p.appendSecret(make([]byte, 0, p.maxLen), r, nil)
	defer clear(b)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// appendSecret appends one passphrase to dst, allocating nothing beyond
// dst's growth: bulk output writes results straight into its buffer. It
// draws in the order Generate documents. On error dst comes back as it was.
func (p *Phrase) appendSecret(dst []byte, r *Rand, _ *scratch) ([]byte, error) {
	if p.ruled != nil {
		return p.ruled.appendSecret(dst, r)
	}
	start := len(dst)
	k := p.policy.Words
	numAt, digit := -1, byte(0)
	if p.policy.Number {
		numAt = r.intn(k)
		digit = byte('0' + r.intn(10))
	}
	for i := range k {
		if i > 0 {
			switch p.sepKind {
			case SepFixed:
				dst = append(dst, p.sep...)
			case SepDigit:
				dst = append(dst, byte('0'+r.intn(10)))
			case SepSymbol:
				dst = append(dst, symbolSeparators[r.intn(len(symbolSeparators))])
			}
		}
		dst = append(dst, p.tokens[r.intn(len(p.tokens))]...)
		if i == numAt {
			dst = append(dst, digit)
		}
	}
	if err := r.Err(); err != nil {
		clear(dst[start:])
		return dst[:start], err
	}
	return dst, nil
}

// newScratch is the space appendSecret needs: none.
func (p *Phrase) newScratch() *scratch { return &scratch{} }

// work is how much randomness and output one passphrase takes, to size a
// one-shot run's buffers: at most 8 bytes a draw.
func (p *Phrase) work() (random, out int) { return 8 * (2*p.policy.Words + 2), p.maxLen + 1 }

// Entropy returns log2 of the number of distinct passphrases. It is exact
// unless different draws can coincide; then it is an upper bound with a nil
// Count.
func (p *Phrase) Entropy() Entropy {
	if p.bound != Exact {
		return Entropy{Bits: p.bits, Bound: p.bound}
	}
	return Entropy{Bits: p.bits, Count: new(big.Int).Set(p.choices), Bound: Exact}
}

// Policy returns the policy the Phrase was made from, with List filled in
// when it was nil.
func (p *Phrase) Policy() PhrasePolicy { return p.policy }

// ListSize returns the number of distinct words in use: the list's size,
// or fewer when upper or title case makes some words identical.
func (p *Phrase) ListSize() int { return p.size }

// MinWords returns the smallest word count, from 1 to MaxWords, whose
// entropy under the other settings of p (p.Words is ignored) reaches bits.
// The entropy compared is the figure NewPhrase would report, unrounded. If
// even MaxWords words fall short, the error is a *PolicyError for the field
// "min-bits" that says the most that is reachable.
func MinWords(p PhrasePolicy, bits float64) (int, error) {
	if math.IsNaN(bits) || math.IsInf(bits, 1) {
		return 0, policyErr("min-bits", "%v must be a finite number of bits", SettingName("min-bits"))
	}
	p.Words = 1
	ph, err := NewPhrase(p)
	if err != nil {
		return 0, err
	}
	if bits > ph.bits {
		// More than one word is needed: refuse when the figure of more
		// words would only be an upper bound, which could miss the target.
		p.Words = 2
		if two, err := NewPhrase(p); err == nil && two.bound == UpperBound {
			return 0, policyErr("min-bits", "words of wordlist %q can run together ambiguously with these settings, so their figure is only an upper bound and %v cannot rely on it: use a separator that occurs in no word (and words without digits, with a number)", p.List.Name, SettingName("min-bits"))
		}
	}
	tokens := big.NewInt(int64(len(ph.tokens)))
	step := new(big.Int).Mul(tokens, big.NewInt(int64(separatorCount(ph.sepKind))))
	base := new(big.Int).Set(tokens) // tokens^k · seps^(k−1)
	count := new(big.Int)
	var got float64
	for k := 1; k <= MaxWords; k++ {
		if k > 1 {
			base.Mul(base, step)
		}
		count.Set(base)
		if p.Number {
			count.Mul(count, big.NewInt(int64(10*k)))
		}
		if got = log2Big(count); (Entropy{Bits: got, Bound: ph.bound}).Reaches(bits) {
			return k, nil
		}
	}
	return 0, policyErr("min-bits",
		"%.2f bits is out of reach: %d words give at most %.2f bits with these settings; use a larger list, random case, a random separator or a number",
		bits, MaxWords, got)
}

// enumName is the String of an enumeration: its name, or the type and
// number when out of range.
func enumName(typ string, names []string, i int) string {
	if i < 0 || i >= len(names) {
		return fmt.Sprintf("%s(%d)", typ, i)
	}
	return names[i]
}

// parseEnum finds s among names, ignoring case and surrounding space.
func parseEnum(names []string, s string) (int, bool) {
	for i, n := range names {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return i, true
		}
	}
	return 0, false
}
