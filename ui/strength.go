package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// The strength panel: a bar, the exact bits to 0.01 (the figure the
// command line's --json prints), the rating as a word, what the figure is
// (exact, or a bound), the alphabet or list in use, and the expected time
// to guess for each attacker of generator.Attackers.

// fullBarBits is the strength at which the bar is full.
const fullBarBits = 128

// bitsText is the figure as reported: two decimals, with ≥ or ≤ when it
// is a bound.
func bitsText(e generator.Entropy) string {
	s := strconv.FormatFloat(e.Rounded(), 'f', 2, 64) + " bits"
	switch e.Bound {
	case generator.LowerBound:
		return "≥ " + s
	case generator.UpperBound:
		return "≤ " + s
	}
	return s
}

// boundText says what the figure is.
func boundText(e generator.Entropy) string {
	switch e.Bound {
	case generator.LowerBound:
		return "lower bound (estimate)"
	case generator.UpperBound:
		return "upper bound"
	}
	return "exact"
}

// bar draws the strength bar width cells wide.
func (m *model) bar(st generator.Strength, width int) string {
	filled := int(math.Round(math.Min(st.Entropy.Rounded(), fullBarBits) / fullBarBits * float64(width)))
	if st.Entropy.Rounded() > 0 {
		filled = max(filled, 1)
	}
	filled = min(filled, width)
	return m.styles.rating[st.Rating].Render(strings.Repeat("█", filled)) +
		m.styles.barEmpty.Render(strings.Repeat("░", width-filled))
}

// sizeText describes the alphabet or list behind the figure.
func sizeText(gen generator.Engine) string {
	switch g := gen.(type) {
	case *generator.Password:
		return commas(g.AlphabetSize()) + "-character alphabet"
	case *generator.Phrase:
		return commas(g.ListSize()) + "-word list"
	case *generator.Token:
		return plural(g.Policy().Bytes, "random byte")
	case *generator.Pattern:
		if left := settings.LeftOutCount(g); left != "" {
			return left
		}
		return "every string of the pattern"
	case *generator.PIN:
		if g.Policy().NoTrivial {
			return "30 trivial PINs excluded"
		}
		return "10 digits per position"
	}
	return ""
}

// attackerLabel names an attacker briefly or in full.
func attackerLabel(i int, full bool) string {
	if full {
		return generator.Attackers()[i].Name
	}
	return [...]string{"online, 100/hour", "online, 10/s", "offline, 1e4/s", "offline, 1e10/s"}[i]
}

// strengthPanel is the full panel for the wide layout.
func (m *model) strengthPanel(width, height int, detail strengthDetail) []string {
	st := m.styles
	var lines []string
	if detail == strengthFull {
		lines = append(lines, st.heading.Render("Strength"))
	}
	s, g, ofSettings := m.strengthOf(m.s.Mode)
	if g == nil {
		return append(lines, st.faint.Render(m.noResultText()))
	}
	barW := min(width, 24)
	if detail != strengthBits {
		lines = append(lines, m.bar(s, barW))
	}
	lines = append(lines, st.rating[s.Rating].Render(bitsText(s.Entropy))+"  "+st.rating[s.Rating].Render(s.Rating.String()))
	if detail == strengthBits {
		return clipLines(lines, height)
	}
	if info := boundText(s.Entropy) + " · " + sizeText(g); len([]rune(info)) <= width {
		lines = append(lines, st.faint.Render(info))
	} else {
		lines = append(lines, st.faint.Render(truncate(boundText(s.Entropy), width)), st.faint.Render(truncate(sizeText(g), width)))
	}
	if !ofSettings {
		lines = append(lines, st.warnText.Render(truncate("of the previous settings", width)))
	}
	if detail != strengthFull {
		return clipLines(lines, height)
	}
	lines = append(lines, "", st.heading.Render("Time to guess")+st.faint.Render(" (average)"))
	full := width >= 44
	labelW := 0
	for i := range generator.Attackers() {
		labelW = max(labelW, len(attackerLabel(i, full)))
	}
	for i, ct := range s.CrackTimes {
		label := fmt.Sprintf("%-*s", labelW, attackerLabel(i, full))
		lines = append(lines, truncate(st.label.Render(label)+"  "+st.value.Render(humanDuration(ct)), width))
	}
	return clipLines(lines, height)
}

// noResultText stands in for a secret or a figure not made yet.
func (m *model) noResultText() string {
	if m.failing(m.s.Mode) != nil {
		return "none yet"
	}
	return "working…"
}

// strengthCompact is the panel for the stacked layout: bar, figure and
// rating on one line, then what it is, then the guessing times.
func (m *model) strengthCompact(width int, detail strengthDetail) []string {
	st := m.styles
	s, g, ofSettings := m.strengthOf(m.s.Mode)
	if g == nil {
		return []string{st.faint.Render(m.noResultText())}
	}
	head := st.rating[s.Rating].Render(bitsText(s.Entropy)) + " " + st.rating[s.Rating].Render(s.Rating.String())
	barW := min(20, width-lipgloss.Width(head)-1)
	line1 := head
	if barW >= 6 {
		line1 = m.bar(s, barW) + " " + head
	}
	if detail == strengthBits {
		return []string{line1}
	}
	info := boundText(s.Entropy) + " · " + sizeText(g)
	if !ofSettings {
		info = "of the previous settings · " + info
	}
	lines := []string{line1, st.faint.Render(truncate(info, width))}
	if detail != strengthFull {
		return lines
	}
	// The four times, two to a line when they fit.
	items := make([]string, len(s.CrackTimes))
	plain := make([]string, len(s.CrackTimes))
	short := [...]string{"online 100/h", "online 10/s", "offline 1e4/s", "offline 1e10/s"}
	for i, ct := range s.CrackTimes {
		plain[i] = short[i] + ": " + humanDuration(ct)
		items[i] = st.label.Render(short[i]+":") + " " + st.value.Render(humanDuration(ct))
	}
	colW := 0
	for _, p := range plain {
		colW = max(colW, len([]rune(p)))
	}
	if 2*colW+3 <= width {
		for i := 0; i < len(items); i += 2 {
			pad := strings.Repeat(" ", colW-len([]rune(plain[i]))+3)
			lines = append(lines, items[i]+pad+items[i+1])
		}
	} else {
		for _, it := range items {
			lines = append(lines, truncate(it, width))
		}
	}
	return lines
}

// humanDuration says an expected guessing time in words: "instantly",
// "3 hours", "41 centuries", "10^22 years".
func humanDuration(ct generator.CrackTime) string {
	l := ct.Log10Seconds
	if math.IsNaN(l) || l < 0 {
		return "instantly"
	}
	const (
		minute  = 60.0
		hour    = 60 * minute
		day     = 24 * hour
		year    = 365.25 * day
		month   = year / 12
		century = 100 * year
	)
	units := []struct {
		size      float64
		one, many string
		below     float64 // the unit serves below this many seconds
	}{
		{1, "second", "seconds", minute},
		{minute, "minute", "minutes", hour},
		{hour, "hour", "hours", day},
		{day, "day", "days", month},
		{month, "month", "months", year},
		{year, "year", "years", century},
		{century, "century", "centuries", 1e5 * year},
	}
	if l < 13 { // seconds still exact enough as a float64 here
		s := ct.Seconds
		if math.IsInf(s, 0) || math.IsNaN(s) || s <= 0 {
			s = math.Pow(10, l)
		}
		s *= 1 + 1e-9 // 59.9999999 s is a minute
		for _, u := range units {
			if s < u.below {
				return count(max(1, int(math.Round(s/u.size))), u.one, u.many)
			}
		}
	}
	// Beyond 100,000 years only the order of magnitude means anything.
	return fmt.Sprintf("10^%d years", int(math.Floor(l-math.Log10(year))))
}

// plural says "1 word", "2 words".
func plural(n int, word string) string { return count(n, word, word+"s") }

// count says "1 century", "41 centuries".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return commas(n) + " " + many
}

// commas writes 7776 as 7,776.
func commas(n int) string { return settings.Group(n) }
