package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sesame-sh/sesame/assets"
	"github.com/sesame-sh/sesame/internal/regularfile"
)

// The offensive-word blocklist: words that no memorable password (a
// pattern, or any style but random) may contain, compared in lower case
// (README, "No offensive words"). The pattern engine subtracts them
// exactly: the passwords left are counted and drawn uniformly.

// Limits on a --blocklist file. The engine crosses the pattern's automaton
// with one that recognises every word, whose states are about the words'
// letters together; 64 KiB of words keeps that product small enough to
// count on a keystroke, and no real list of offensive words comes near it
// (the bundled one is under 4 KiB). The caps also keep a wrong path (a
// disk image, /dev/zero) from eating memory.
const (
	maxBlocklistBytes = 64 << 10
	maxBlocklistWords = 8192
)

// blocklistSetting is how errors name the setting of a blocklist file.
const blocklistSetting = SettingName("blocklist")

// Blocklist is a set of words. Make one with [BundledBlocklist],
// [ParseBlocklist] or [LoadBlocklist], which guarantee that the words are
// distinct, lower-case, non-empty, valid UTF-8 and free of control
// characters, and sorted. Do not modify Words.
type Blocklist struct {
	// Words are the distinct words, lower-case and sorted.
	Words []string
}

var bundledBlocklist = sync.OnceValue(func() *Blocklist {
	b, err := parseBlocklist("bundled", []byte(assets.BlocklistEnglish))
	if err != nil {
		panic("generator: the bundled blocklist does not parse: " + err.Error())
	}
	return b
})

// BundledBlocklist returns the bundled English list (assets/blocklist),
// parsed once and shared.
func BundledBlocklist() *Blocklist { return bundledBlocklist() }

// Len is the number of words.
func (b *Blocklist) Len() int {
	if b == nil {
		return 0
	}
	return len(b.Words)
}

// Union returns the words of both lists, either of which may be nil.
func (b *Blocklist) Union(o *Blocklist) *Blocklist {
	switch {
	case o.Len() == 0:
		return b
	case b.Len() == 0:
		return o
	}
	words := append(slices.Clone(b.Words), o.Words...)
	slices.Sort(words)
	return &Blocklist{Words: slices.Compact(words)}
}

// Contains reports whether s contains one of the words, in lower case:
// what the engine's subtraction leaves out, said the slow way, for tests
// and for checking a password from elsewhere.
func (b *Blocklist) Contains(s string) bool {
	s = strings.ToLower(s)
	for _, w := range b.Words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// LoadBlocklist reads the blocklist file at path (see [ParseBlocklist]).
// Only a regular file is read: opening a FIFO would wait for a writer for
// good, and a device or a folder is never a list. A file that cannot be
// read gives an error wrapping the file system's error (a runtime
// failure); one that is not a usable list, a *PolicyError for the setting
// "blocklist".
func LoadBlocklist(path string) (*Blocklist, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		e := policyErr(blocklistSetting, "%v %q does not exist: give the path of a file of words, one a line", blocklistSetting, path)
		e.Err = err
		return nil, e
	}
	if err != nil {
		return nil, fmt.Errorf("reading blocklist %q: %w", path, err)
	}
	switch {
	case info.IsDir():
		return nil, policyErr(blocklistSetting, "%v %q is a directory: give a file of words, one a line", blocklistSetting, path)
	case !info.Mode().IsRegular():
		return nil, policyErr(blocklistSetting, "%v %q is not a regular file (a pipe or a device): give the path of a file of words, one a line", blocklistSetting, path)
	}
	f, err := regularfile.Open(path) // refuses a pipe put there since the Stat
	if err != nil {
		return nil, fmt.Errorf("reading blocklist %q: %w", path, err)
	}
	defer f.Close()
	return ParseBlocklist(path, f)
}

// ParseBlocklist reads a blocklist named name from r: one word (or phrase)
// a line, compared in lower case. Surrounding whitespace, blank lines, CRLF
// line endings, a leading byte-order mark and lines starting with # are
// ignored; repeats count once. Invalid UTF-8 and control characters are
// errors naming the line, and so are files over 64 KiB, over 8192 words or
// with a word over [MaxWordBytes] bytes. Read errors are wrapped with %w;
// everything wrong with the contents is a *PolicyError for the setting
// "blocklist".
func ParseBlocklist(name string, r io.Reader) (*Blocklist, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBlocklistBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading blocklist %q: %w", name, err)
	}
	if len(data) > maxBlocklistBytes {
		return nil, policyErr(blocklistSetting, "%v %q is larger than %d KiB; a list of words to leave out is far smaller", blocklistSetting, name, maxBlocklistBytes>>10)
	}
	return parseBlocklist(name, data)
}

func parseBlocklist(name string, data []byte) (*Blocklist, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var words []string
	lineNo := 0
	for line := range strings.Lines(string(data)) {
		lineNo++
		if !utf8.ValidString(line) {
			return nil, policyErr(blocklistSetting, "%v %q: line %d is not valid UTF-8; save the list as UTF-8", blocklistSetting, name, lineNo)
		}
		w := strings.ToLower(strings.TrimSpace(line))
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		for _, c := range w {
			if forbiddenRune(c) {
				return nil, policyErr(blocklistSetting, "%v %q: line %d contains the control character %U; remove it", blocklistSetting, name, lineNo, c)
			}
		}
		if len(w) > MaxWordBytes {
			return nil, policyErr(blocklistSetting, "%v %q: line %d holds a word of %d bytes; words may have at most %d, so this does not look like a list of words",
				blocklistSetting, name, lineNo, len(w), MaxWordBytes)
		}
		words = append(words, w)
		if len(words) > maxBlocklistWords {
			return nil, policyErr(blocklistSetting, "%v %q has more than %d words; use a smaller list", blocklistSetting, name, maxBlocklistWords)
		}
	}
	slices.Sort(words)
	return &Blocklist{Words: slices.Compact(words)}, nil
}

// Printable returns the words made of printable ASCII alone: those a
// password can hold (passwords of patterns and styles are printable
// ASCII). The bundled list's others (an emoji) are left out quietly; a
// word of the user's own that no password can hold is worth a warning,
// which the engine gives.
func (b *Blocklist) Printable() *Blocklist {
	if b == nil {
		return nil
	}
	out := &Blocklist{}
	for _, w := range b.Words {
		if strings.IndexFunc(w, func(r rune) bool { return r < 0x20 || r > 0x7e }) < 0 {
			out.Words = append(out.Words, w)
		}
	}
	return out
}
