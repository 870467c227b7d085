package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// The secret is drawn in groups (4 characters for passwords, 8 for tokens,
// 3 for long PINs; passphrases by word) so that it can be read out and
// compared, each character coloured by its class, spaces drawn as ␣, and
// wrapped to the box. A secret too long for the box (length 4096) shows
// its start and its end with the number of characters in between.

type cell struct {
	r   rune
	cls charClass
}

// secretGroups splits a secret into display groups.
func secretGroups(secret string, mode settings.Mode, s *settings.Settings, masked bool) (groups [][]cell, gap string) {
	classify := func(r rune) charClass {
		if masked {
			return chMask
		}
		return classStyle[generator.ClassOf(r)]
	}
	cells := func(text string, fixed charClass) []cell {
		out := make([]cell, 0, len(text))
		for _, r := range text {
			c := cell{r: r, cls: classify(r)}
			if fixed >= 0 && !masked {
				c.cls = fixed
			}
			if masked {
				c.r = '•'
			} else if r == ' ' {
				c.r = '␣'
			}
			out = append(out, c)
		}
		return out
	}
	chunk := func(cs []cell, n int) [][]cell {
		var out [][]cell
		for len(cs) > n {
			out = append(out, cs[:n])
			cs = cs[n:]
		}
		if len(cs) > 0 {
			out = append(out, cs)
		}
		return out
	}

	switch mode {
	case settings.Phrase:
		// A group is a word with the separator after it; words and
		// separators are told apart by class.
		var cur []cell
		inSep := false
		for _, r := range secret {
			c := cell{r: r, cls: chWord}
			switch {
			case masked:
				c = cell{r: '•', cls: chMask}
			case unicode.IsDigit(r):
				c.cls = chDigit
			case !unicode.IsLetter(r):
				c.cls = chSep
			}
			isSep := !masked && c.cls == chSep
			if !isSep && inSep && len(cur) > 0 {
				groups = append(groups, cur)
				cur = nil
			}
			inSep = isSep
			if !masked && r == ' ' {
				c.r = '␣'
			}
			cur = append(cur, c)
		}
		if len(cur) > 0 {
			groups = append(groups, cur)
		}
		return groups, ""
	case settings.Token:
		body := secret
		var prefix, check string
		if p := s.Token.Prefix; p != "" && strings.HasPrefix(body, p) {
			prefix, body = p, body[len(p):]
		}
		if n := generator.ChecksumLength(s.Token.Format); s.Token.Checksum && len(body) > n {
			body, check = body[:len(body)-n], body[len(body)-n:]
		}
		if prefix != "" {
			groups = append(groups, cells(prefix, chFixed))
		}
		groups = append(groups, chunk(cells(body, -1), 8)...)
		if check != "" {
			groups = append(groups, cells(check, chFixed))
		}
		return groups, " "
	case settings.PIN:
		all := cells(secret, -1)
		if len(all) <= 4 {
			return [][]cell{all}, " "
		}
		return chunk(all, 3), " "
	}
	if mode == settings.Password && s != nil && s.Password.Styled() {
		if groups, gap := styleGroups(secret, s.Password.Style, masked, cells); groups != nil {
			return groups, gap
		}
	}
	return chunk(cells(secret, -1), 4), " "
}

// styleGroups splits a password of a memorable style into the style's
// own groups rather than fours, which would cut across them: apple's three
// groups with their hyphens; a phone password's runs of one keyboard
// layer; a pronounceable password's syllables, and the digits and
// symbols between them. Masked, only apple's groups stay, as they are
// the same for every password: the others would show where the
// syllables and layers of the hidden secret change. nil when the secret
// is not of the style's shape (one made before the style changed).
func styleGroups(secret string, style generator.Style, masked bool, cells func(string, charClass) []cell) ([][]cell, string) {
	switch {
	case style == generator.StyleApple:
		parts := strings.Split(secret, "-")
		if len(parts) != 3 {
			return nil, ""
		}
		// The hyphens stand where they do in every apple password, so
		// they are shown even masked.
		hyphen := cell{r: '-', cls: chSymbol}
		return [][]cell{append(cells(parts[0], -1), hyphen), append(cells(parts[1], -1), hyphen), cells(parts[2], -1)}, ""
	case masked:
		return nil, ""
	case style == generator.StylePhone:
		var groups [][]cell
		for _, run := range letterRuns(secret) {
			groups = append(groups, cells(run, -1))
		}
		return groups, " "
	case style == generator.StylePronounceable:
		var groups [][]cell
		for _, run := range letterRuns(secret) {
			syl := generator.Syllables(run)
			if syl == nil {
				syl = []string{run}
			}
			for _, x := range syl {
				groups = append(groups, cells(x, -1))
			}
		}
		return groups, " "
	}
	return nil, ""
}

// letterRuns splits s into runs of letters and runs of other characters.
func letterRuns(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if first, _ := utf8.DecodeRuneInString(s[start:]); i > start && unicode.IsLetter(r) != unicode.IsLetter(first) {
			out = append(out, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// classStyle is how each character class of a secret is drawn.
var classStyle = [...]charClass{
	generator.Lower:   chLower,
	generator.Upper:   chUpper,
	generator.Digits:  chDigit,
	generator.Symbols: chSymbol,
	generator.Space:   chSpace,
}

// wrapGroups lays groups out in lines of at most width cells, splitting a
// group only when it is wider than a line.
func wrapGroups(groups [][]cell, gap string, width int) [][]cell {
	width = max(width, 1)
	var lines [][]cell
	var cur []cell
	gapCells := make([]cell, 0, len(gap))
	for _, r := range gap {
		gapCells = append(gapCells, cell{r: r, cls: chLower})
	}
	for _, g := range groups {
		for len(g) > width { // a group wider than a line is split
			if len(cur) > 0 {
				lines = append(lines, cur)
				cur = nil
			}
			lines = append(lines, g[:width])
			g = g[width:]
		}
		need := len(g)
		if len(cur) > 0 {
			need += len(gapCells)
		}
		if len(cur)+need > width && len(cur) > 0 {
			lines = append(lines, cur)
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, gapCells...)
		}
		cur = append(cur, g...)
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// renderCells draws one line, one style call per run of a class.
func (m *model) renderCells(line []cell) string {
	var b strings.Builder
	i := 0
	for i < len(line) {
		j := i
		var run strings.Builder
		for j < len(line) && line[j].cls == line[i].cls {
			run.WriteRune(line[j].r)
			j++
		}
		if line[i].r == ' ' && line[i].cls == chLower { // a gap between groups
			b.WriteString(run.String())
		} else {
			sgr := m.styles.charSGR[line[i].cls]
			b.WriteString(sgr[0])
			b.WriteString(run.String())
			b.WriteString(sgr[1])
		}
		i = j
	}
	return b.String()
}

// secretSummary says how long the secret is, for the box's title.
func secretSummary(r *result, s *settings.Settings, short bool) string {
	n := utf8.RuneCountInString(r.secret)
	chars := plural(n, "character")
	if short {
		chars = plural(n, "char")
	}
	switch r.mode {
	case settings.Phrase:
		words := r.key.Phrase.Words
		if ph, ok := r.gen.(*generator.Phrase); ok {
			words = ph.Policy().Words // the count website rules chose
		}
		return plural(words, "word") + " · " + chars
	case settings.Token:
		bytes := r.key.Token.Bytes
		return plural(bytes, "byte") + " · " + chars
	case settings.PIN:
		return plural(n, "digit")
	}
	return chars
}
