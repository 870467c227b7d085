package pattern

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Limits that keep a pattern's automaton small enough to build between
// keystrokes.
const (
	// MaxLength is the longest pattern, in characters.
	MaxLength = 1024
	// MaxRepeat is the largest repeat count, the longest password sesame
	// makes.
	MaxRepeat = 4096
	// MaxDepth is how deeply groups may nest.
	MaxDepth = 64
)

// SyntaxError is a pattern that does not parse. Its message says what is
// wrong where and what would work.
type SyntaxError struct {
	Pos int // the character of the pattern at fault, from 1
	Msg string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("at character %d: %s", e.Pos, e.Msg)
}

// Parse parses a pattern. The result spells the strings of the pattern
// (README, "Patterns"); it may spell only the empty string, which the
// generator refuses.
func Parse(src string) (Node, error) {
	if src == "" {
		return nil, &SyntaxError{Pos: 1, Msg: "the pattern is empty: write one such as cvcv-dd"}
	}
	if !utf8.ValidString(src) {
		return nil, &SyntaxError{Pos: 1, Msg: "the pattern is not valid UTF-8: use printable ASCII characters"}
	}
	rs := []rune(src)
	if len(rs) > MaxLength {
		return nil, &SyntaxError{Pos: MaxLength + 1, Msg: fmt.Sprintf("the pattern is %d characters long: use at most %d, with repeats such as c{20}", len(rs), MaxLength)}
	}
	for i, r := range rs {
		if r < 0x20 || r > 0x7e {
			return nil, &SyntaxError{Pos: i + 1, Msg: fmt.Sprintf("%s is not printable ASCII: patterns spell printable ASCII characters only", quote(r))}
		}
	}
	p := &parser{src: rs}
	n, err := p.alt(0)
	if err != nil {
		return nil, err
	}
	if p.i < len(p.src) { // only a ")" stops the top level early
		return nil, p.errAt(p.i, `")" closes no "(": remove it or escape it as \)`)
	}
	return n, nil
}

type parser struct {
	src []rune
	i   int
}

func (p *parser) errAt(i int, format string, args ...any) error {
	return &SyntaxError{Pos: i + 1, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) more() bool { return p.i < len(p.src) }
func (p *parser) peek() rune { return p.src[p.i] }

// alt parses choices separated by |, up to a ")" or the end.
func (p *parser) alt(depth int) (Node, error) {
	var choices Alt
	for {
		seq, err := p.seq(depth)
		if err != nil {
			return nil, err
		}
		choices = append(choices, seq)
		if p.more() && p.peek() == '|' {
			p.i++
			continue
		}
		break
	}
	if len(choices) == 1 {
		return choices[0], nil
	}
	return choices, nil
}

// seq parses elements up to a "|", a ")" or the end.
func (p *parser) seq(depth int) (Node, error) {
	var out Concat
	for p.more() {
		c := p.peek()
		if c == '|' || c == ')' {
			break
		}
		start := p.i
		var n Node
		switch c {
		case '(':
			if depth >= MaxDepth {
				return nil, p.errAt(start, "groups nest more than %d deep: flatten the pattern", MaxDepth)
			}
			p.i++
			sub, err := p.alt(depth + 1)
			if err != nil {
				return nil, err
			}
			if !p.more() {
				return nil, p.errAt(start, `unbalanced "(": close it with ")" or escape it as \(`)
			}
			p.i++ // the ")"
			n = sub
		case '[':
			s, err := p.set()
			if err != nil {
				return nil, err
			}
			n = s
		case ']':
			return nil, p.errAt(start, `"]" closes no "[": remove it or escape it as \]`)
		case '{':
			return nil, p.errAt(start, `a repeat {…} must follow something to repeat: write c{3}, or escape the brace as \{`)
		case '}':
			return nil, p.errAt(start, `"}" closes no "{": remove it or escape it as \}`)
		case '\\':
			r, err := p.escaped()
			if err != nil {
				return nil, err
			}
			var cs CharSet
			cs.Add(byte(r))
			n = &Set{Chars: cs, Pos: start + 1}
		default:
			p.i++
			if isClassLetter(c) {
				n = &Class{Letter: byte(c), Pos: start + 1}
			} else {
				var cs CharSet
				cs.Add(byte(c))
				n = &Set{Chars: cs, Pos: start + 1}
			}
		}
		if p.more() && p.peek() == '{' {
			r, err := p.repeat(n)
			if err != nil {
				return nil, err
			}
			n = r
			if p.more() && p.peek() == '{' {
				return nil, p.errAt(p.i, "a repeat cannot be repeated again: group it first, as (c{2}){3}")
			}
		}
		out = append(out, n)
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return out, nil
}

// escaped reads \ and the character it makes literal.
func (p *parser) escaped() (rune, error) {
	start := p.i
	p.i++
	if !p.more() {
		return 0, p.errAt(start, `"\" at the end escapes nothing: write \\ for a backslash`)
	}
	r := p.peek()
	p.i++
	return r, nil
}

// set reads a bracketed set: [abc], [a-z0-9_], [\]\-].
func (p *parser) set() (Node, error) {
	start := p.i
	p.i++ // the [
	if p.more() && p.peek() == '^' {
		return nil, p.errAt(p.i, `sets cannot be negated: list the characters to use, or escape the "^" as \^`)
	}
	var cs CharSet
	for {
		if !p.more() {
			return nil, p.errAt(start, `unbalanced "[": close the set with "]" or escape it as \[`)
		}
		c := p.peek()
		if c == ']' {
			p.i++
			break
		}
		lo, loPos := c, p.i
		if c == '\\' {
			r, err := p.escaped()
			if err != nil {
				return nil, err
			}
			lo = r
		} else {
			p.i++
		}
		// A "-" between two characters makes a range; one at either end
		// of the set is itself.
		if p.i+1 < len(p.src) && p.peek() == '-' && p.src[p.i+1] != ']' {
			p.i++
			hi := p.peek()
			if hi == '\\' {
				r, err := p.escaped()
				if err != nil {
					return nil, err
				}
				hi = r
			} else {
				p.i++
			}
			if hi < lo {
				return nil, p.errAt(loPos, "the range %s-%s runs backwards: write %s-%s", string(lo), string(hi), string(hi), string(lo))
			}
			for r := lo; r <= hi; r++ {
				cs.Add(byte(r))
			}
			continue
		}
		cs.Add(byte(lo))
	}
	if cs.Empty() {
		return nil, p.errAt(start, `the set "[]" is empty: list at least one character, as [abc], or escape the bracket as \[`)
	}
	return &Set{Chars: cs, Pos: start + 1}, nil
}

// repeat reads {n} or {m,n} after the element n.
func (p *parser) repeat(sub Node) (Node, error) {
	start := p.i
	end := start + 1
	for end < len(p.src) && p.src[end] != '}' {
		end++
	}
	if end == len(p.src) {
		return nil, p.errAt(start, `unbalanced "{": close the repeat with "}", as c{3} or c{2,4}, or escape it as \{`)
	}
	body := string(p.src[start+1 : end])
	p.i = end + 1
	lo, hi, ok := parseRange(body)
	switch {
	case !ok && len(body) > 0 && body[len(body)-1] == ',':
		return nil, p.errAt(start, "the repeat {%s} has no upper bound: give one, as {%s%d}", body, body, 8)
	case !ok && len(body) > 0 && body[0] == ',':
		return nil, p.errAt(start, "the repeat {%s} has no lower bound: write {0%s}", body, body)
	case !ok:
		return nil, p.errAt(start, "the repeat {%s} is not a count: write {n} or {m,n} with whole numbers, as c{3} or c{2,4}", body)
	case lo > MaxRepeat || hi > MaxRepeat:
		return nil, p.errAt(start, "the repeat {%s} is too large: use counts of at most %d", body, MaxRepeat)
	case lo > hi:
		return nil, p.errAt(start, "the repeat {%s} has its minimum above its maximum: write {%d,%d}", body, hi, lo)
	}
	return &Repeat{Sub: sub, Min: lo, Max: hi, Pos: start + 1}, nil
}

// parseRange reads "n" or "m,n" as whole numbers.
func parseRange(s string) (lo, hi int, ok bool) {
	num := func(t string) (int, bool) {
		if t == "" || len(t) > 9 {
			if len(t) > 9 && allDigits(t) {
				return MaxRepeat + 1, true // too large, said as such
			}
			return 0, false
		}
		if !allDigits(t) {
			return 0, false
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			a, ok1 := num(s[:i])
			b, ok2 := num(s[i+1:])
			return a, b, ok1 && ok2
		}
	}
	n, ok := num(s)
	return n, n, ok
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isClassLetter(r rune) bool {
	for i := 0; i < len(ClassLetters); i++ {
		if rune(ClassLetters[i]) == r {
			return true
		}
	}
	return false
}

// quote writes a character for a message: "é", or U+0009 for one that
// cannot be seen.
func quote(r rune) string {
	if r < 0x20 || r == 0x7f || r == utf8.RuneError {
		return fmt.Sprintf("U+%04X", r)
	}
	return strconv.QuoteRune(r)
}
