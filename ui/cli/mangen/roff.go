package main

import (
	"fmt"
	"strings"
	"unicode"
)

// The pages are plain ASCII roff using the man macros only, so that groff,
// mandoc and every pager show the same thing. Text from the commands is
// escaped here, once; nothing else writes roff.

// page builds one man page.
type page struct{ b strings.Builder }

func (p *page) String() string { return p.b.String() }

// line writes raw roff: a request, or text already escaped.
func (p *page) line(format string, args ...any) {
	fmt.Fprintf(&p.b, format, args...)
	p.b.WriteByte('\n')
}

// header writes the title line. Hyphenation and justification are off:
// both would break or stretch option names and secrets' alphabets.
func (p *page) header(title, date, source, manual string) {
	p.line(`.TH %s 1 %s %s %s`, quoteArg(title), quoteArg(date), quoteArg(source), quoteArg(manual))
	p.line(".nh")
	p.line(".ad l")
}

func (p *page) section(title string) { p.line(".SH %s", quoteArg(title)) }

func (p *page) subsection(title string) { p.line(".SS %s", quoteArg(title)) }

// paragraphs writes prose: blank lines separate paragraphs, and each line
// is refilled by the formatter.
func (p *page) paragraphs(text string) {
	for i, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			p.line(".PP")
		}
		for l := range strings.SplitSeq(strings.TrimSpace(para), "\n") {
			// A line starting with a space would break the filled text.
			p.line("%s", proseLine(strings.TrimSpace(l)))
		}
	}
}

// tagged writes an indented entry; tag and body are roff.
func (p *page) tagged(tag, body string) { p.taggedIn(0, tag, body) }

// taggedIn writes an entry whose body is indented by width characters
// (0: the usual indent), so that a column of short tags lines up.
func (p *page) taggedIn(width int, tag, body string) {
	if width > 0 {
		p.line(".TP %dn", width)
	} else {
		p.line(".TP")
	}
	p.line("%s", tag)
	p.line("%s", guardLine(body))
}

// example writes text verbatim, line for line, as typed at a shell.
func (p *page) example(text string) {
	p.line(".EX")
	for l := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		p.line("%s", literalLine(l))
	}
	p.line(".EE")
}

// quoteArg makes s one macro argument.
func quoteArg(s string) string { return `"` + escape(s, false) + `"` }

// proseLine escapes one line of prose as a text line.
func proseLine(s string) string { return guardLine(escape(s, false)) }

// literalLine escapes one line of a command or key, every hyphen a minus.
func literalLine(s string) string { return guardLine(escape(s, true)) }

// bold and italic escape s and set it in that font.
func bold(s string) string   { return `\fB` + escape(s, true) + `\fP` }
func italic(s string) string { return `\fI` + escape(s, true) + `\fP` }

// guardLine keeps a text line that starts with a control character (. or
// ') from being read as a request.
func guardLine(s string) string {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

// escape makes s printable by roff. Characters roff would reinterpret or
// typeset differently (curly quotes, a tilde accent) are named; any other
// non-ASCII character is named by code point, so the page is ASCII and
// needs no input encoding. A hyphen is typed as a minus (\-), so it can be
// searched for and pasted, everywhere in literal text and, in prose, in
// options and other words that start with one (--min-bits, -n, -100, a
// lone - for standard input); hyphens inside words (lower-case) stay
// hyphens.
func escape(s string, literal bool) string {
	var b strings.Builder
	word := false   // inside a run of word characters and hyphens
	option := false // that run started with a hyphen
	for _, r := range s {
		wordRune := r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
		if wordRune && !word {
			option = r == '-'
		}
		word = wordRune
		switch {
		case r == '-' && (literal || option):
			b.WriteString(`\-`)
		case r == '\\':
			b.WriteString(`\e`)
		case r == '\'':
			b.WriteString(`\(aq`)
		case r == '`':
			b.WriteString(`\(ga`)
		case r == '"':
			b.WriteString(`\(dq`)
		case r == '~':
			b.WriteString(`\(ti`)
		case r == '^':
			b.WriteString(`\(ha`)
		case r > unicode.MaxASCII:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
