package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rule names. They are case-sensitive, as in Apple's parser.
const (
	ruleMinLength      = "minlength"
	ruleMaxLength      = "maxlength"
	ruleRequired       = "required"
	ruleAllowed        = "allowed"
	ruleMaxConsecutive = "max-consecutive"
	ruleMaxRepeating   = "max-repeating"
	ruleMaxSequential  = "max-sequential"
)

// ruleNames lists the rule names for error messages.
const ruleNames = "minlength, maxlength, required, allowed, max-consecutive, max-repeating or max-sequential"

// maxNumber caps numeric values so that arithmetic on them cannot overflow.
// A larger number is read as maxNumber, which sesame's limits make the same
// as any larger one: a maxlength or a run limit that large is no limit (as
// in Apple's parser, whose numbers have no cap), and a minlength that large
// is more than sesame makes.
const maxNumber = 999_999_999

// statement is one rule as written, before rules are combined.
type statement struct {
	name    string
	offset  int     // of the rule name, for messages
	number  int     // the value of a numeric rule
	set     charset // the characters of a required or allowed rule
	unicode bool    // a required or allowed rule listed unicode
}

func isNumeric(name string) bool {
	return name != ruleRequired && name != ruleAllowed
}

func isRuleName(name string) bool {
	switch name {
	case ruleMinLength, ruleMaxLength, ruleRequired, ruleAllowed,
		ruleMaxConsecutive, ruleMaxRepeating, ruleMaxSequential:
		return true
	}
	return false
}

// Parse reads a rules string such as
//
//	minlength: 8; maxlength: 32; required: lower, upper; required: digit;
//
// and returns its normalised meaning. A string that breaks the grammar is
// refused with a *SyntaxError; rules that contradict each other (a
// minlength above the maxlength, say) with a plain error. Things Apple's
// parser drops with only a console message (a non-ASCII character or a
// misplaced '-' in a class, a rule with no value, a limit of 0) are dropped
// here too, and each is described by one returned warning.
func Parse(s string) (*Rules, []string, error) {
	p := &parser{s: s}
	stmts, err := p.statements()
	if err != nil {
		return nil, nil, err
	}
	r, err := combine(stmts, p.warnf)
	if err != nil {
		return nil, nil, err
	}
	return r, p.warnings, nil
}

// parser walks the input once, left to right; pos is a byte offset.
type parser struct {
	s        string
	pos      int
	warnings []string
}

func (p *parser) atEnd() bool { return p.pos >= len(p.s) }

// isSpace is the whitespace Apple's parser skips between tokens.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isIdentChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-'
}

func (p *parser) skipSpace() {
	for !p.atEnd() && isSpace(p.s[p.pos]) {
		p.pos++
	}
}

// peekIs reports whether the next byte is c.
func (p *parser) peekIs(c byte) bool { return !p.atEnd() && p.s[p.pos] == c }

// identifier reads a run of letters and '-' (possibly empty).
func (p *parser) identifier() string {
	start := p.pos
	for !p.atEnd() && isIdentChar(p.s[p.pos]) {
		p.pos++
	}
	return p.s[start:p.pos]
}

func (p *parser) errorAt(offset int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: offset, Msg: fmt.Sprintf(format, args...), input: p.s}
}

// warnf records a warning about the text at offset.
func (p *parser) warnf(offset int, format string, args ...any) {
	p.warnings = append(p.warnings, position(p.s, offset)+": "+fmt.Sprintf(format, args...))
}

// found describes the character at offset for an error message.
func (p *parser) found(offset int) string {
	if offset >= len(p.s) {
		return "the end"
	}
	r, _ := utf8.DecodeRuneInString(p.s[offset:])
	return strconv.QuoteRune(r)
}

// statements reads the whole input: rules separated by ';', with an
// optional final ';'. Empty input is valid and means "no rules".
func (p *parser) statements() ([]statement, error) {
	var out []statement
	for {
		p.skipSpace()
		if p.atEnd() {
			return out, nil
		}
		st, ok, err := p.statement()
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, st)
		}
		p.skipSpace()
		if p.atEnd() {
			return out, nil
		}
		if !p.peekIs(';') {
			return nil, p.errorAt(p.pos, "expected ';' between rules, found %s", p.found(p.pos))
		}
		p.pos++
	}
}

// statement reads "name: value". ok is false for a rule with no value,
// which is dropped with a warning as Apple's parser drops it.
func (p *parser) statement() (st statement, ok bool, err error) {
	start := p.pos
	name := p.identifier()
	if name == "" {
		return st, false, p.errorAt(start, "expected a rule name (%s), found %s", ruleNames, p.found(start))
	}
	if !isRuleName(name) {
		msg := fmt.Sprintf("expected a rule name (%s), found %q", ruleNames, name)
		if isRuleName(strings.ToLower(name)) {
			msg += "; rule names are lower-case"
		}
		return st, false, p.errorAt(start, "%s", msg)
	}
	if !p.peekIs(':') {
		return st, false, p.errorAt(p.pos, "expected ':' right after %q, found %s", name, p.found(p.pos))
	}
	p.pos++
	p.skipSpace()
	st = statement{name: name, offset: start}
	if p.atEnd() || p.peekIs(';') {
		p.warnf(start, "ignoring %q: it has no value", name+":")
		return st, false, nil
	}
	if isNumeric(name) {
		st.number, err = p.number(name)
	} else {
		st.set, st.unicode, err = p.classList(name)
	}
	return st, err == nil, err
}

// number reads a decimal integer that must end the rule.
func (p *parser) number(name string) (int, error) {
	start := p.pos
	n := 0
	for !p.atEnd() && '0' <= p.s[p.pos] && p.s[p.pos] <= '9' {
		n = min(10*n+int(p.s[p.pos]-'0'), maxNumber)
		p.pos++
	}
	if p.pos == start {
		return 0, p.errorAt(start, "expected a number after %q, found %s", name+":", p.found(start))
	}
	// Apple's parser silently drops a number followed by a space; the
	// writer plainly meant the number, so sesame keeps it.
	p.skipSpace()
	if !p.atEnd() && !p.peekIs(';') {
		return 0, p.errorAt(p.pos, "expected ';' after %s: %d, found %s", name, n, p.found(p.pos))
	}
	return n, nil
}
