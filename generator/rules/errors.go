package rules

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// SyntaxError reports a rules string that does not follow the language. A
// browser would quietly replace such a string with "any printable ASCII
// character", which may produce passwords the site refuses; sesame refuses
// the string instead and says where it went wrong.
type SyntaxError struct {
	Offset int    // byte offset into the input of the first character that does not fit
	Msg    string // what was expected there, and what was found if that helps
	input  string
}

// Error returns one line: the 1-based character position, a short quoted
// excerpt of the input around it, and Msg. For example
//
//	at character 25 ("…required: uper;"): expected a class name (…), found "uper"
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s (%s): %s", position(e.input, e.Offset), excerpt(e.input, e.Offset), e.Msg)
}

// position names where offset falls in s: "at character N", counting
// characters rather than bytes because that is what a person counts, or
// "at the end".
func position(s string, offset int) string {
	if offset >= len(s) {
		return "at the end"
	}
	return "at character " + strconv.Itoa(utf8.RuneCountInString(s[:offset])+1)
}

// Characters of context an excerpt shows before and from the offset.
const (
	excerptBefore = 12
	excerptAfter  = 10
)

// excerpt quotes the text around offset, with "…" where it is cut. It is
// quoted with Go escapes so that a newline or an invalid byte in the input
// cannot break the message's single line.
func excerpt(s string, offset int) string {
	offset = min(max(offset, 0), len(s))
	start := offset
	for n := 0; n < excerptBefore && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	end := offset
	for n := 0; n < excerptAfter && end < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	text := s[start:end]
	if start > 0 {
		text = "…" + text
	}
	if end < len(s) {
		text += "…"
	}
	return strconv.Quote(text)
}
