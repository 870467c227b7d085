package rules

import (
	"strings"
	"unicode/utf8"
)

// classList reads the value of a required or allowed rule: classes
// separated by ',' up to the ';' or the end that closes the rule. It
// returns the union of their characters, and whether unicode was listed.
//
// A custom class with no printable ASCII character ("[]", "[é]") is
// dropped with a warning when the list has other classes, as Apple's
// parser drops it; alone, it would leave the rule saying nothing, and the
// rule meant something, so it is refused.
func (p *parser) classList(name string) (set charset, unicode bool, err error) {
	var emptyErr error // the first empty class, if every class is empty
	listed := false    // a class with characters was listed
	for {
		start := p.pos
		switch {
		case p.peekIs('['):
			s, dropped, err := p.customClass()
			if err != nil {
				return set, false, err
			}
			if s.empty() {
				if emptyErr == nil {
					emptyErr = p.emptyClassError(start, dropped)
				}
				p.warnf(start, "ignoring %q: a class needs a printable ASCII character", p.s[start:p.pos])
				break
			}
			if len(dropped) > 0 {
				p.warnf(start, "ignoring %q in a class: sesame uses printable ASCII characters only", dropped)
			}
			set, listed = set.union(s), true
		case !p.atEnd() && isIdentChar(p.s[p.pos]):
			word := p.identifier()
			c, ok := lookupClass(word)
			if !ok {
				return set, false, p.errorAt(start, "expected a class name (%s), found %q", classNames, word)
			}
			set, listed = set.union(c.set), true
			unicode = unicode || c.name == "unicode"
		default:
			return set, false, p.errorAt(start, "expected a class name (%s) in %q, found %s", classNames, name+":", p.found(start))
		}
		p.skipSpace()
		if p.atEnd() || p.peekIs(';') {
			if !listed {
				return set, false, emptyErr
			}
			return set, unicode, nil
		}
		if !p.peekIs(',') {
			return set, false, p.errorAt(p.pos, "expected ',' or ';' after a class, found %s", p.found(p.pos))
		}
		p.pos++
		p.skipSpace()
	}
}

// emptyClassError explains a class with nothing sesame can use.
func (p *parser) emptyClassError(open int, dropped []byte) error {
	if len(dropped) > 0 {
		return p.errorAt(open, "expected at least one printable ASCII character in the class")
	}
	return p.errorAt(open, "expected at least one character between '[' and ']'")
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
// not printable ASCII are returned in dropped for the caller to warn about.
func (p *parser) customClass() (set charset, dropped []byte, err error) {
	open := p.pos
	p.pos++ // '['
	for first := true; ; first = false {
		if p.atEnd() {
			return set, nil, p.errorAt(p.pos, "expected ']' to close the class opened %s", position(p.s, open))
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
			return set, dropped, nil
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
