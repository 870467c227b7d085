package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sesame-sh/sesame/assets"
)

// Limits on user wordlists. A list this big is already far past the point
// where more words help (2^20 words is 20 bits per word); the caps keep a
// wrong path (a disk image, /dev/zero) from eating memory.
const (
	maxWordlistBytes = 16 << 20
	maxWordlistWords = 1 << 20
	// Lists shorter than this get a warning: each word then carries under
	// 10 bits, so passphrases must be long to be strong.
	fewWords = 1000
)

// Built-in lists, in display order, and their embedded files.
var builtinLists = []struct{ name, file string }{
	{"eff-large", assets.EFFLarge},
	{"eff-short", assets.EFFShort},
	{"eff-short2", assets.EFFShort2},
}

// builtinCache parses each embedded list once: the interactive program asks
// for the current list on every keystroke.
var builtinCache [3]struct {
	once sync.Once
	list *Wordlist
}

// BuiltinWordlists returns the names of the built-in wordlists in display
// order: "eff-large" (the default), "eff-short", "eff-short2".
func BuiltinWordlists() []string {
	names := make([]string, len(builtinLists))
	for i, b := range builtinLists {
		names[i] = b.name
	}
	return names
}

// DefaultWordlist returns the name of the default wordlist, "eff-large".
func DefaultWordlist() string { return builtinLists[0].name }

// builtinChoices is the list of built-in names for error messages.
func builtinChoices() string { return strings.Join(BuiltinWordlists(), ", ") }

// Wordlist is a list of distinct words to draw passphrases from.
//
// Make one with [BuiltinWordlist], [ParseWordlist] or [LoadWordlist]; they
// guarantee that the words are distinct, lower-case, non-empty and free of
// whitespace and control characters. A Wordlist built by hand is checked
// against the same rules when a [Phrase] first uses it. Do not modify Words
// after the list has been used: the list caches what it learns about them.
// A Wordlist is safe for concurrent use.
type Wordlist struct {
	// Name is the built-in name or the path the list was loaded from.
	Name string
	// Words are the distinct words, lower-case, in file order.
	Words []string

	parsed   bool // built by ParseWordlist, so already valid
	validate sync.Once
	invalid  error

	// tokens caches, per case mode, the strings words can appear as.
	tokens [numCaseModes]struct {
		once sync.Once
		set  *tokenSet
	}

	// decodable caches the unique-decodability verdict per setting: it
	// can cost milliseconds on large lists that are not prefix-free.
	udMu sync.Mutex
	ud   map[udKey]bool
}

// BuiltinWordlist returns a built-in list by name ("eff-large", "eff-short"
// or "eff-short2"). The list is parsed once and shared; unknown names give a
// *PolicyError for the field "wordlist".
func BuiltinWordlist(name string) (*Wordlist, error) {
	for i, b := range builtinLists {
		if b.name != name {
			continue
		}
		c := &builtinCache[i]
		c.once.Do(func() { c.list = mustParseEmbedded(b.name, b.file) })
		return c.list, nil
	}
	return nil, policyErr("wordlist", "unknown wordlist %q: use %s or a file path", name, builtinChoices())
}

// mustParseEmbedded reads a list that ships in the binary. Those files are
// pinned by SHA-256 and a test checks that the full parser reads them to
// exactly these words, so they are only split into lines here: that keeps
// the first passphrase of a process (one-shot sesame pp) fast.
func mustParseEmbedded(name, file string) *Wordlist {
	data, err := assets.Wordlists.ReadFile(file)
	if err != nil {
		panic("generator: embedded wordlist missing: " + err.Error())
	}
	return &Wordlist{Name: name, Words: strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"), parsed: true}
}

// LoadWordlist returns the built-in list of that name, or else reads and
// parses the file at that path (see [ParseWordlist]). An empty name means
// the default list; a file named like a built-in list needs a path such as
// "./eff-large". A file that cannot be read gives an error wrapping the
// file system's error (a runtime failure); a file that is not a usable list
// gives a *PolicyError for the field "wordlist".
func LoadWordlist(nameOrPath string) (*Wordlist, []Warning, error) {
	if nameOrPath == "" {
		nameOrPath = DefaultWordlist()
	}
	for _, b := range builtinLists {
		if b.name == nameOrPath {
			wl, err := BuiltinWordlist(nameOrPath)
			return wl, nil, err
		}
	}
	f, err := os.Open(nameOrPath)
	if errors.Is(err, fs.ErrNotExist) { // a misspelt name, as far as the user is concerned
		return nil, nil, &PolicyError{Field: "wordlist", Err: err,
			Msg: fmt.Sprintf("wordlist %q is neither a built-in list (%s) nor an existing file", nameOrPath, builtinChoices())}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading wordlist %q: %w", nameOrPath, err)
	}
	defer f.Close()
	return ParseWordlist(nameOrPath, f)
}

// ParseWordlist reads a wordlist named name from r.
//
// Each non-blank line holds one word, optionally preceded by dice digits as
// in diceware files ("11111<TAB>abacus" or "1 1 1 1 1 abacus"): when a line
// has several whitespace-separated fields, all but the last must be digits
// and the last is the word. Any other line with whitespace inside is an
// error naming the line, since a word with a space in it is almost always
// a mistake in the file. Surrounding whitespace, blank lines, CRLF line
// endings and a leading byte-order mark are ignored. Invalid UTF-8 and
// control or invisible formatting characters are errors naming the line.
//
// Words are lower-cased (case is applied when generating) and then
// deduplicated, keeping the first occurrence; a warning says how many
// duplicates were dropped. No Unicode normalisation is done, so words that
// look alike but differ in bytes stay distinct, as they are distinct
// outputs. Fewer than 2 distinct words is an error, fewer than 1000 a
// warning; files over 16 MiB or with over 2^20 distinct words are refused.
//
// Read errors are wrapped with %w; everything wrong with the contents is a
// *PolicyError for the field "wordlist".
func ParseWordlist(name string, r io.Reader) (*Wordlist, []Warning, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxWordlistBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading wordlist %q: %w", name, err)
	}
	if len(data) > maxWordlistBytes {
		return nil, nil, policyErr("wordlist", "wordlist %q is larger than %d MiB; use a smaller list", name, maxWordlistBytes>>20)
	}
	return parseWordlist(name, data)
}

func parseWordlist(name string, data []byte) (*Wordlist, []Warning, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var (
		words  []string
		seen   = make(map[string]struct{})
		dups   int
		lineNo int
	)
	for line := range strings.Lines(string(data)) {
		lineNo++
		word, err := parseLine(name, lineNo, line)
		if err != nil {
			return nil, nil, err
		}
		if word == "" {
			continue
		}
		if _, ok := seen[word]; ok {
			dups++
			continue
		}
		if len(words) == maxWordlistWords {
			return nil, nil, policyErr("wordlist", "wordlist %q has more than %d distinct words; use a smaller list", name, maxWordlistWords)
		}
		seen[word] = struct{}{}
		words = append(words, word)
	}
	if len(words) < 2 {
		return nil, nil, policyErr("wordlist", "wordlist %q has %s; a wordlist needs at least 2 (and 1000 or more for strong passphrases)",
			name, plural(len(words), "distinct word"))
	}
	var warns []Warning
	if dups > 0 {
		warns = append(warns, Warning{Field: "wordlist", Msg: fmt.Sprintf(
			"wordlist %q: removed %s (words are compared in lower case)", name, plural(dups, "duplicate word"))})
	}
	if len(words) < fewWords {
		warns = append(warns, Warning{Field: "wordlist", Msg: fmt.Sprintf(
			"wordlist %q has only %d distinct words, %.2f bits per word; a list of %d or more words needs fewer words for the same strength",
			name, len(words), math.Log2(float64(len(words))), fewWords)})
	}
	return &Wordlist{Name: name, Words: words, parsed: true}, warns, nil
}

// parseLine returns the lower-cased word on a line, or "" for a blank line.
func parseLine(name string, lineNo int, line string) (string, error) {
	if !utf8.ValidString(line) {
		return "", policyErr("wordlist", "wordlist %q: line %d is not valid UTF-8; save the list as UTF-8", name, lineNo)
	}
	s := strings.TrimSpace(line)
	for _, c := range s {
		if c != '\t' && forbiddenRune(c) {
			return "", policyErr("wordlist", "wordlist %q: line %d contains the control character %U; remove it", name, lineNo, c)
		}
	}
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return "", nil
	}
	for _, f := range fields[:len(fields)-1] {
		if !isDigits(f) {
			return "", policyErr("wordlist",
				"wordlist %q: line %d (%.40q) has spaces inside a word; put one word per line, optionally after its dice number",
				name, lineNo, s)
		}
	}
	return strings.ToLower(fields[len(fields)-1]), nil
}

// forbiddenRune reports characters that must not appear in a word or a
// separator: control characters, and invisible formatting characters (such
// as bidirectional overrides and zero-width spaces) that would make a
// passphrase read differently from what it is. The zero-width (non-)joiners
// are allowed: some scripts need them inside words.
func forbiddenRune(c rune) bool {
	if unicode.IsControl(c) {
		return true
	}
	return unicode.Is(unicode.Cf, c) && c != '\u200c' && c != '\u200d'
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// check verifies a hand-built list against the rules ParseWordlist
// enforces, once.
func (w *Wordlist) check() error {
	if w.parsed {
		return nil
	}
	w.validate.Do(func() { w.invalid = validateWords(w.Name, w.Words) })
	return w.invalid
}

func validateWords(name string, words []string) error {
	if len(words) < 2 {
		return policyErr("wordlist", "wordlist %q has %s; a wordlist needs at least 2", name, plural(len(words), "word"))
	}
	if len(words) > maxWordlistWords {
		return policyErr("wordlist", "wordlist %q has more than %d words; use a smaller list", name, maxWordlistWords)
	}
	seen := make(map[string]struct{}, len(words))
	for i, word := range words {
		bad := word == "" || !utf8.ValidString(word) || strings.ToLower(word) != word ||
			strings.IndexFunc(word, func(c rune) bool { return unicode.IsSpace(c) || forbiddenRune(c) }) >= 0
		if bad {
			return policyErr("wordlist", "wordlist %q: word %d (%.40q) must be non-empty, lower-case UTF-8 without spaces or control characters; load the list with ParseWordlist", name, i+1, word)
		}
		if _, dup := seen[word]; dup {
			return policyErr("wordlist", "wordlist %q: word %q appears twice; words must be distinct", name, word)
		}
		seen[word] = struct{}{}
	}
	return nil
}

// PrefixFree reports whether no word is a proper prefix of another, which
// makes passphrases decodable even with no separator.
func (w *Wordlist) PrefixFree() bool { return w.tokenSet(CaseLower).prefixFree }

// tokenSet is what the words of a list can appear as under one case mode:
// one string per word for lower, upper and title, two for random case
// unless the word's title form is the word itself. Identical strings are
// kept once, so that a phrase drawing uniformly from tokens is uniform over
// its distinct outputs.
type tokenSet struct {
	tokens     []string // distinct, in list order (the sampling order)
	sorted     []string // tokens in byte order, for prefix queries
	maxLen     int      // longest token in bytes
	prefixFree bool     // no token is a proper prefix of another
	merged     int      // words whose transformed form repeats an earlier one
}

func (w *Wordlist) tokenSet(c CaseMode) *tokenSet {
	t := &w.tokens[c]
	t.once.Do(func() { t.set = newTokenSet(w.Words, c) })
	return t.set
}

func newTokenSet(words []string, c CaseMode) *tokenSet {
	ts := &tokenSet{}
	if c == CaseLower {
		ts.tokens = words // already distinct and lower-case
	} else {
		seen := make(map[string]struct{}, 2*len(words))
		add := func(s string) bool {
			if _, ok := seen[s]; ok {
				return false
			}
			seen[s] = struct{}{}
			ts.tokens = append(ts.tokens, s)
			return true
		}
		for _, word := range words {
			var added bool
			switch c {
			case CaseUpper:
				added = add(strings.ToUpper(word))
			case CaseTitle:
				added = add(titleCase(word))
			case CaseRandom:
				added = add(word)
				added = add(titleCase(word)) || added
			}
			if !added {
				ts.merged++
			}
		}
	}
	ts.sorted = slices.Clone(ts.tokens)
	slices.Sort(ts.sorted)
	ts.prefixFree = true
	for i, s := range ts.sorted {
		ts.maxLen = max(ts.maxLen, len(s))
		if i+1 < len(ts.sorted) && strings.HasPrefix(ts.sorted[i+1], s) {
			ts.prefixFree = false
		}
	}
	return ts
}

// titleCase upper-cases the first letter of a word (in title case, which
// differs from upper case for a few digraphs such as "ǆ"); a word starting
// with anything else is returned unchanged.
func titleCase(word string) string {
	r, size := utf8.DecodeRuneInString(word)
	t := unicode.ToTitle(r)
	if t == r {
		return word
	}
	return string(t) + word[size:]
}

// Unique decodability.
//
// A passphrase is a sequence of atoms: word tokens T, separators S (a fixed
// string, a digit or a symbol; none when the separator is empty) and, with
// Number, one digit D after one word. Its pattern is
//
//	T [D] S T [D] S … T [D]    with exactly one D when Number is set.
//
// The entropy T^k·S^(k−1)·10k counts draws; it counts passphrases only if
// no two draws spell the same string, i.e. if every string of the pattern
// splits into atoms, with their roles, in at most one way. That holds for
// the EFF lists under every setting, but not in general: with no separator
// {a, b, ab} spells "abab" as a·b·ab and as ab·a·b, a word may contain the
// separator ("a-b" next to "a" and "b" with "-"), and a word ending in a
// digit looks like another word with the number appended.
//
// The rule: one word is always exact (tokens are distinct and the number
// is a single trailing digit). For more, decodable runs Sardinas–Patterson
// over the pattern: it follows two parses of one string that differ, as a
// finite automaton over atom classes, recording how far one parse is ahead
// of the other (always a suffix of an atom, so the search is finite). It
// reports ambiguity if the two can end together or fall back in step in the
// same state. The check ignores the word count, so it is conservative: an
// ambiguity between phrases of different lengths also counts. It gives up,
// reporting "not decodable", when its budget runs out, which only huge
// lists that are not prefix-free can reach. In short: Exact only when
// proven, UpperBound otherwise.

// udKey is the settings that decide decodability for one list.
type udKey struct {
	c      CaseMode
	kind   SeparatorKind
	sep    string
	number bool
}

// Budgets of one decodability check: configurations recorded, and
// candidate configurations looked at (most die at once and cost little).
// Together they keep a check to a fraction of a second (the verdict is
// cached per list and setting). They are variables only so that a test can shrink them.
var (
	maxDecodeWork  = 1 << 18
	maxDecodeSteps = 1 << 23
)

// decodable reports whether passphrases from w under these settings are
// proven uniquely decodable, caching the verdict.
func (w *Wordlist) decodable(key udKey) bool {
	w.udMu.Lock()
	v, ok := w.ud[key]
	w.udMu.Unlock()
	if ok {
		return v
	}
	v = uniquelyDecodable(w.tokenSet(key.c), separatorAtoms(key.kind, key.sep), key.number)
	w.udMu.Lock()
	if w.ud == nil || len(w.ud) >= 64 { // a user typing separators must not grow it forever
		w.ud = make(map[udKey]bool)
	}
	w.ud[key] = v
	w.udMu.Unlock()
	return v
}

var digitAtoms = smallAtoms{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

// separatorAtoms returns the possible separators, or nil when there is none.
func separatorAtoms(kind SeparatorKind, sep string) smallAtoms {
	switch kind {
	case SepDigit:
		return digitAtoms
	case SepSymbol:
		a := make(smallAtoms, len(symbolSeparators))
		for i := range a {
			a[i] = symbolSeparators[i : i+1]
		}
		return a
	}
	if sep == "" {
		return nil
	}
	return smallAtoms{sep}
}

// atomSet is one class of atoms, with the prefix queries the search needs.
type atomSet interface {
	small() bool
	all() iter.Seq[string]
	prefixesOf(w string) iter.Seq[string] // atoms that w starts with (w itself included)
	extending(w string) iter.Seq[string]  // atoms longer than w that start with w
	prefixPairs() iter.Seq2[string, string]
}

func (t *tokenSet) small() bool            { return false }
func (t *tokenSet) all() iter.Seq[string]  { return slices.Values(t.tokens) }
func (a smallAtoms) small() bool           { return true }
func (a smallAtoms) all() iter.Seq[string] { return slices.Values(a) }
func (t *tokenSet) prefixesOf(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for n := 1; n <= min(len(w), t.maxLen); n++ {
			if _, ok := slices.BinarySearch(t.sorted, w[:n]); ok && !yield(w[:n]) {
				return
			}
		}
	}
}

func (t *tokenSet) extending(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		i, _ := slices.BinarySearch(t.sorted, w)
		for ; i < len(t.sorted) && strings.HasPrefix(t.sorted[i], w); i++ {
			if len(t.sorted[i]) > len(w) && !yield(t.sorted[i]) {
				return
			}
		}
	}
}

// prefixPairs yields (short, long) for every token that is a proper prefix
// of another; in byte order a token's extensions follow it directly.
func (t *tokenSet) prefixPairs() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if t.prefixFree {
			return
		}
		for i, s := range t.sorted {
			for j := i + 1; j < len(t.sorted) && strings.HasPrefix(t.sorted[j], s); j++ {
				if !yield(s, t.sorted[j]) {
					return
				}
			}
		}
	}
}

// smallAtoms is a class of at most a few dozen atoms (separators, digits).
type smallAtoms []string

func (a smallAtoms) prefixesOf(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, x := range a {
			if strings.HasPrefix(w, x) && !yield(x) {
				return
			}
		}
	}
}

func (a smallAtoms) extending(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, x := range a {
			if len(x) > len(w) && strings.HasPrefix(x, w) && !yield(x) {
				return
			}
		}
	}
}

func (a smallAtoms) prefixPairs() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, s := range a {
			for _, l := range a {
				if len(l) > len(s) && strings.HasPrefix(l, s) && !yield(s, l) {
					return
				}
			}
		}
	}
}

// States of the pattern automaton: expecting a word, just after a word, just
// after the number's digit; the "used" states come after the digit.
const (
	stWord = iota
	stAfter
	stDigit
	stWordUsed
	stAfterUsed
	numPhraseStates
)

// Atom classes.
const (
	classWord = iota
	classSep
	classDigit
)

type phraseEdge struct{ class, to int }

// udConfig is a point where two different parses of one string meet: the
// behind parse is at an atom boundary in state behind; the ahead parse is
// in state ahead and has read rest more. rest == "" means both are at the
// same point (and then behind <= ahead, as the pair is unordered).
type udConfig struct {
	behind, ahead int8
	rest          string
}

type udSearch struct {
	classes   [3]atomSet
	edges     [numPhraseStates][]phraseEdge
	accept    [numPhraseStates]bool
	seen      map[udConfig]struct{}
	todo      []udConfig
	work      int // configurations recorded
	steps     int // configurations considered
	ambiguous bool
}

func uniquelyDecodable(words *tokenSet, seps smallAtoms, number bool) bool {
	s := &udSearch{seen: make(map[udConfig]struct{})}
	s.classes[classWord] = words
	if seps != nil {
		s.classes[classSep] = seps
	}
	s.classes[classDigit] = digitAtoms
	link := func(from, class, to int) { s.edges[from] = append(s.edges[from], phraseEdge{class, to}) }
	gap := func(from, word, after int) { // what may follow a word (or its digit)
		if seps == nil {
			link(from, classWord, after)
		} else {
			link(from, classSep, word)
		}
	}
	link(stWord, classWord, stAfter)
	gap(stAfter, stWord, stAfter)
	s.accept[stAfter] = !number
	if number {
		link(stAfter, classDigit, stDigit)
		gap(stDigit, stWordUsed, stAfterUsed)
		link(stWordUsed, classWord, stAfterUsed)
		gap(stAfterUsed, stWordUsed, stAfterUsed)
		s.accept[stDigit], s.accept[stAfterUsed] = true, true
	}

	// Two parses that differ agree up to some first differing choice, made
	// from the same state at the same point of the string.
	var reached [numPhraseStates]bool
	queue := []int{stWord}
	reached[stWord] = true
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		if !s.diverge(q, q, true) {
			return false
		}
		for _, e := range s.edges[q] {
			if !reached[e.to] {
				reached[e.to] = true
				queue = append(queue, e.to)
			}
		}
	}
	for len(s.todo) > 0 {
		c := s.todo[len(s.todo)-1]
		s.todo = s.todo[:len(s.todo)-1]
		var ok bool
		if c.rest == "" {
			ok = s.diverge(int(c.behind), int(c.ahead), false)
		} else {
			ok = s.advance(c)
		}
		if !ok {
			return false
		}
	}
	return true
}

// push records a new meeting point; false stops the search (ambiguity found
// or budget spent).
func (s *udSearch) push(behind, ahead int, rest string) bool {
	if rest == "" {
		// In step again: ambiguous if both can stop here, or if they are
		// in the same state (then they can go on identically to the end:
		// every state can reach an accepting one).
		if behind == ahead || s.accept[behind] && s.accept[ahead] {
			s.ambiguous = true
			return false
		}
		if behind > ahead {
			behind, ahead = ahead, behind
		}
	} else if s.dead(behind, rest) {
		s.steps++
		return s.steps <= maxDecodeSteps
	}
	c := udConfig{int8(behind), int8(ahead), rest}
	if _, ok := s.seen[c]; ok {
		return true
	}
	if s.work++; s.work > maxDecodeWork {
		return false
	}
	s.seen[c] = struct{}{}
	s.todo = append(s.todo, c)
	return true
}

// dead reports, cheaply, that the behind parse cannot read on from state q
// against rest: no atom it may read next agrees with rest. It answers only
// when every next atom is a separator or digit, which is what lets a large
// list that is not prefix-free be checked quickly when it has a separator:
// its many word-prefix pairs all die here, unrecorded.
func (s *udSearch) dead(q int, rest string) bool {
	for _, e := range s.edges[q] {
		a, ok := s.classes[e.class].(smallAtoms)
		if !ok {
			return false
		}
		for _, x := range a {
			if strings.HasPrefix(rest, x) || strings.HasPrefix(x, rest) {
				return false
			}
		}
	}
	return true
}

// meet records two atoms read by two parses from the same point, one a
// prefix of the other: x taking its parse to state toX, y to toY.
func (s *udSearch) meet(x string, toX int, y string, toY int) bool {
	switch {
	case len(x) == len(y):
		return s.push(toX, toY, "")
	case len(x) < len(y):
		return s.push(toX, toY, y[len(x):])
	default:
		return s.push(toY, toX, x[len(y):])
	}
}

// diverge explores both parses reading their next atoms from states qa and
// qb at the same point. first marks the initial divergence, where the two
// must not make the same choice.
func (s *udSearch) diverge(qa, qb int, first bool) bool {
	for _, ea := range s.edges[qa] {
		for _, eb := range s.edges[qb] {
			if !s.pairUp(ea, eb, first && ea == eb) {
				return false
			}
		}
	}
	return true
}

func (s *udSearch) pairUp(ea, eb phraseEdge, same bool) bool {
	a, b := s.classes[ea.class], s.classes[eb.class]
	if ea.class == eb.class {
		if !same && !s.push(ea.to, eb.to, "") { // both read the same atom
			return false
		}
		for short, long := range a.prefixPairs() {
			if !s.meet(short, ea.to, long, eb.to) || !same && !s.meet(long, ea.to, short, eb.to) {
				return false
			}
		}
		return true
	}
	if !a.small() { // only the word class is large, so b is small
		a, b = b, a
		ea, eb = eb, ea
	}
	for x := range a.all() {
		for y := range b.prefixesOf(x) {
			if !s.meet(x, ea.to, y, eb.to) {
				return false
			}
		}
		for y := range b.extending(x) {
			if !s.meet(x, ea.to, y, eb.to) {
				return false
			}
		}
	}
	return true
}

// advance lets the behind parse read its next atom.
func (s *udSearch) advance(c udConfig) bool {
	for _, e := range s.edges[c.behind] {
		x := s.classes[e.class]
		for a := range x.prefixesOf(c.rest) {
			if !s.meet(a, e.to, c.rest, int(c.ahead)) {
				return false
			}
		}
		for a := range x.extending(c.rest) {
			if !s.meet(a, e.to, c.rest, int(c.ahead)) {
				return false
			}
		}
	}
	return true
}
