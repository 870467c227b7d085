package rules

import (
	"strings"
	"unicode/utf8"
)

// classList reads the value of a required or allowed rule: classes
// separated by ',' up to the ';' or the end that closes the rule. It
// returns the union of their characters, and whether unicode was listed.
func (p *parser) classList(name string) (set charset, unicode bool, err error) {
	for {
		start := p.pos
		switch {
		case p.peekIs('['):
			s, err := p.customClass()
			if err != nil {
				return set, false, err
			}
			set = set.union(s)
		case !p.atEnd() && isIdentChar(p.s[p.pos]):
			word := p.identifier()
			c, ok := lookupClass(word)
			if !ok {
				return set, false, p.errorAt(start, "expected a class name (%s), found %q", classNames, word)
			}
			set = set.union(c.set)
			unicode = unicode || c.name == "unicode"
		default:
			return set, false, p.errorAt(start, "expected a class name (%s) in %q, found %s", classNames, name+":", p.found(start))
		}
		p.skipSpace()
		if p.atEnd() || p.peekIs(';') {
			return set, unicode, nil
		}
		if !p.peekIs(',') {
			return set, false, p.errorAt(p.pos, "expected ',' or ';' after a class, found %s", p.found(p.pos))
		}
		p.pos++
		p.skipSpace()
	}
}

// lookupClass finds a class keyword; keywords ignore case.
func lookupClass(word string) (namedClass, bool) {
	for _, c := range namedClasses {
		if strings.EqualFold(word, c.name) {
			return c, true
		}
	}
	return namedClass{}, false
}

// customClass reads "[...]". Inside, every character stands for itself,
// with two exceptions that keep the notation unambiguous: '-' only as the
// first character (elsewhere it would look like a range, so it is dropped
// with a warning, as Apple's parser does), and ']' only as the last one,
// written "]]". A '[' inside is an ordinary character. Characters that are
// not printable ASCII are dropped with a warning.
func (p *parser) customClass() (charset, error) {
	open := p.pos
	p.pos++ // '['
	var set charset
	var dropped []byte // characters that are not printable ASCII, warned about once
	defer func() {
		if len(dropped) > 0 {
			p.warnf(open, "ignoring %q in a class: sesame uses printable ASCII characters only", dropped)
		}
	}()
	for first := true; ; first = false {
		if p.atEnd() {
			return set, p.errorAt(p.pos, "expected ']' to close the class opened %s", position(p.s, open))
		}
		at := p.pos
		c := p.s[at]
		switch {
		case c == ']':
			p.pos++
			if p.peekIs(']') {
				set.add(']')
				p.pos++
			}
			if set.empty() {
				if len(dropped) > 0 {
					return set, p.errorAt(open, "expected at least one printable ASCII character in the class")
				}
				return set, p.errorAt(open, "expected at least one character between '[' and ']'")
			}
			return set, nil
		case c >= utf8.RuneSelf:
			_, size := utf8.DecodeRuneInString(p.s[at:])
			p.pos += size
			dropped = append(dropped, p.s[at:p.pos]...)
		case c < firstPrintable || c > lastPrintable:
			p.pos++
			dropped = append(dropped, c)
		case c == '-' && !first:
			p.pos++
			p.warnf(at, "ignoring '-': in a class it stands for itself only as the first character")
		default:
			p.pos++
			set.add(c)
		}
	}
}
