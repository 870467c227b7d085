package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sesame-sh/sesame/internal/regularfile"
	"golang.org/x/text/unicode/norm"
)

// Limits on user wordlists. A list this big is already far past the point
// where more words help (2^20 words is 20 bits per word); the caps keep a
// wrong path (a disk image, /dev/zero) from eating memory.
const (
	maxWordlistBytes = 16 << 20
	maxWordlistWords = 1 << 20
	// MaxWordBytes bounds one word. The longest word of the built-in lists
	// has 10 letters and diceware lists in any language stay far below 64
	// bytes (64 Latin letters, 32 Cyrillic or Greek, 21 of most Asian
	// scripts); a longer "word" is a file that is not a wordlist, and a
	// phrase of 256 of them would cost memory and time for nothing.
	MaxWordBytes = 64
	// Lists shorter than this get a warning: each word then carries under
	// 10 bits, so passphrases must be long to be strong.
	fewWords = 1000
)

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
		if b.Name == nameOrPath {
			wl, err := BuiltinWordlist(nameOrPath)
			return wl, nil, err
		}
	}
	// Only a regular file is read: opening a FIFO would wait for a writer
	// for good, and a device (/dev/zero) or a folder is never a wordlist.
	info, err := os.Stat(nameOrPath)
	if errors.Is(err, fs.ErrNotExist) { // a misspelt name, as far as the user is concerned
		e := policyErr("wordlist", "%v %q is neither a built-in list (%s) nor an existing file", SettingName("wordlist"), nameOrPath, builtinChoices())
		if strings.HasPrefix(nameOrPath, "~") {
			e = policyErr("wordlist", "%v %q is neither a built-in list (%s) nor an existing file (the shell does not expand ~ after =: write %v ~/words.txt, with a space)",
				SettingName("wordlist"), nameOrPath, builtinChoices(), SettingName("wordlist"))
		}
		e.Err = err
		return nil, nil, e
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading wordlist %q: %w", nameOrPath, err)
	}
	switch {
	case info.IsDir():
		return nil, nil, policyErr("wordlist", "%v %q is a directory: give a file of words", SettingName("wordlist"), nameOrPath)
	case !info.Mode().IsRegular():
		return nil, nil, policyErr("wordlist", "%v %q is not a regular file (a pipe or a device): give the path of a file of words, or - to read them from standard input",
			SettingName("wordlist"), nameOrPath)
	}
	f, err := regularfile.Open(nameOrPath) // refuses a pipe put there since the Stat
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
// endings, a leading byte-order mark and lines starting with # (comments)
// are ignored. Invalid UTF-8 and
// control or invisible formatting characters are errors naming the line.
//
// Words are lower-cased (case is applied when generating) and then
// prepared as passwords are compared (prepare.go: the PRECIS OpaqueString
// profile of RFC 8265), which makes canonical equivalents one word and
// refuses words with invisible characters, then deduplicated, keeping the
// first occurrence; warnings say how many words were prepared differently
// and how many duplicates were dropped. Fewer than 2 distinct words is an error, fewer than 1000 a
// warning; files over 16 MiB, with over 2^20 distinct words or with a word
// over [MaxWordBytes] bytes are refused.
//
// Read errors are wrapped with %w; everything wrong with the contents is a
// *PolicyError for the field "wordlist".
func ParseWordlist(name string, r io.Reader) (*Wordlist, []Warning, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxWordlistBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading wordlist %q: %w", name, err)
	}
	if len(data) > maxWordlistBytes {
		return nil, nil, policyErr("wordlist", "%v %q is larger than %d MiB; use a smaller list", SettingName("wordlist"), name, maxWordlistBytes>>20)
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
	prepared := 0
	for line := range strings.Lines(string(data)) {
		lineNo++
		word, err := parseLine(name, lineNo, line)
		if err != nil {
			return nil, nil, err
		}
		if word == "" {
			continue
		}
		if !strings.Contains(lowerCase(line), word) {
			prepared++ // the profile changed it
		}
		if _, ok := seen[word]; ok {
			dups++
			continue
		}
		if len(words) == maxWordlistWords {
			return nil, nil, policyErr("wordlist", "%v %q has more than %d distinct words; use a smaller list", SettingName("wordlist"), name, maxWordlistWords)
		}
		seen[word] = struct{}{}
		words = append(words, word)
	}
	if len(words) < 2 {
		return nil, nil, policyErr("wordlist", "%v %q has %s; a wordlist needs at least 2 (and 1000 or more for strong passphrases)", SettingName("wordlist"),
			name, plural(len(words), "distinct word"))
	}
	var warns []Warning
	if prepared > 0 {
		warns = append(warns, warningf("wordlist", "%v %q: %s written as passwords are compared (RFC 8265)", SettingName("wordlist"), name, plural(prepared, "word")))
	}
	if dups > 0 {
		warns = append(warns, warningf("wordlist",
			"%v %q: removed %s (words are compared in lower case)", SettingName("wordlist"), name, plural(dups, "duplicate word")))
	}
	if len(words) < fewWords {
		warns = append(warns, warningf("wordlist",
			"%v %q has only %d distinct words, %.2f bits per word; a list of %d or more words needs fewer words for the same strength",
			SettingName("wordlist"), name, len(words), math.Log2(float64(len(words))), fewWords))
	}
	return &Wordlist{Name: name, Words: words, parsed: true}, warns, nil
}

// parseLine returns the lower-cased word on a line, or "" for a blank line.
func parseLine(name string, lineNo int, line string) (string, error) {
	if !utf8.ValidString(line) {
		return "", policyErr("wordlist", "%v %q: line %d is not valid UTF-8; save the list as UTF-8", SettingName("wordlist"), name, lineNo)
	}
	s := strings.TrimSpace(line)
	if strings.HasPrefix(s, "#") { // a comment
		return "", nil
	}
	for _, c := range s {
		if c != '\t' && forbiddenRune(c) {
			return "", policyErr("wordlist", "%v %q: line %d contains the control character %U; remove it", SettingName("wordlist"), name, lineNo, c)
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
	word := lowerCase(fields[len(fields)-1])
	if len(word) > MaxWordBytes {
		return "", longWordErr(name, lineNo, len(word))
	}
	prepared, err := prepareText("wordlist", word)
	if err != nil {
		var pe *PolicyError
		errors.As(err, &pe)
		return "", policyErr("wordlist", "%v %q: line %d (%.40q): %s", SettingName("wordlist"), name, lineNo, word, strings.TrimPrefix(pe.Error(), "wordlist "))
	}
	if len(prepared) > MaxWordBytes {
		return "", longWordErr(name, lineNo, len(prepared))
	}
	if r, ok := joinsBefore(prepared); ok {
		return "", policyErr("wordlist", "%v %q: line %d (%.40q) starts with %s, which would join the end of the word before it (a combining mark, or a Hangul vowel or final jamo): start each word with a letter of its own",
			SettingName("wordlist"), name, lineNo, prepared, describeRune(r))
	}
	return prepared, nil
}

// joinsBefore reports a word whose first character can combine with what
// comes before it ("\u0301x" after "e" reads "éx", and is not NFC): two
// words could then run together into a string no word spells, and a
// phrase would not be typed as it is counted. Every other NFC word keeps
// a phrase NFC, whatever precedes it.
func joinsBefore(word string) (rune, bool) {
	r, _ := utf8.DecodeRuneInString(word)
	return r, !norm.NFC.PropertiesString(word).BoundaryBefore()
}

// longWordErr refuses a word over MaxWordBytes, saying why the bound is
// there: the word itself is not quoted, as it may be megabytes long.
func longWordErr(name string, lineNo, n int) error {
	return policyErr("wordlist", "%v %q: line %d holds a word of %d bytes; words may have at most %d (no real wordlist comes near), so this does not look like a list of words",
		SettingName("wordlist"), name, lineNo, n, MaxWordBytes)
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
		return policyErr("wordlist", "%v %q has %s; a wordlist needs at least 2", SettingName("wordlist"), name, plural(len(words), "word"))
	}
	if len(words) > maxWordlistWords {
		return policyErr("wordlist", "%v %q has more than %d words; use a smaller list", SettingName("wordlist"), name, maxWordlistWords)
	}
	seen := make(map[string]struct{}, len(words))
	for i, word := range words {
		bad := word == "" || !utf8.ValidString(word) || lowerCase(word) != word || !norm.NFC.IsNormalString(word) ||
			strings.IndexFunc(word, func(c rune) bool { return unicode.IsSpace(c) || forbiddenRune(c) }) >= 0
		if bad {
			return policyErr("wordlist", "%v %q: word %d (%.40q) must be non-empty, lower-case UTF-8 in NFC without spaces or control characters; load the list with ParseWordlist", SettingName("wordlist"), name, i+1, word)
		}
		if len(word) > MaxWordBytes {
			return policyErr("wordlist", "%v %q: word %d has %d bytes; words may have at most %d", SettingName("wordlist"), name, i+1, len(word), MaxWordBytes)
		}
		if r, ok := joinsBefore(word); ok {
			return policyErr("wordlist", "%v %q: word %d (%.40q) starts with %s, which would join the word before it; start each word with a letter of its own", SettingName("wordlist"), name, i+1, word, describeRune(r))
		}
		if _, dup := seen[word]; dup {
			return policyErr("wordlist", "%v %q: word %q appears twice; words must be distinct", SettingName("wordlist"), name, word)
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
		ts.tokens = words // already distinct, lower-case and NFC
	} else {
		seen := make(map[string]struct{}, 2*len(words))
		add := func(s string) bool {
			if _, ok := seen[s]; ok || s == "" {
				return false
			}
			seen[s] = struct{}{}
			ts.tokens = append(ts.tokens, s)
			return true
		}
		k := newCaser(c)
		for _, word := range words {
			a, b := k.forms(word)
			if added := add(a); !add(b) && !added {
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
