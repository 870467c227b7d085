package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/sesame-sh/sesame/generator"
)

// Colours and text attributes live here and nowhere else. Styles are built
// for a dark background until the terminal says otherwise
// (tea.BackgroundColorMsg), and without any colour when the colour profile
// has none or NO_COLOR is set. Nothing on screen relies on colour alone:
// the active tab is underlined, the focused field carries a marker and
// brackets, the rating is a word, errors and warnings carry a sign, and
// in the colourless styles the character classes of a secret differ by
// weight, underline and inverse video.

// charClass is how one character of a secret is drawn.
type charClass int

const (
	chLower  charClass = iota // a–z and other lower-case letters
	chUpper                   // A–Z
	chDigit                   // 0–9
	chSymbol                  // punctuation and symbols
	chSpace                   // a space, drawn as a visible mark
	chWord                    // a passphrase word
	chSep                     // a passphrase separator
	chFixed                   // text that is not random: a token's prefix and checksum
	chMask                    // a masked character
	numCharClasses
)

// styles are every style the program draws with.
type styles struct {
	isDark, noColor bool

	chars [numCharClasses]lipgloss.Style
	// charSGR is each class's style as the escape codes before and after
	// the text: a long secret is drawn in hundreds of short runs, too many
	// for Style.Render each.
	charSGR [numCharClasses][2]string

	title       lipgloss.Style // the program's name in the tab bar
	tabActive   lipgloss.Style
	tabInactive lipgloss.Style
	tabRule     lipgloss.Style // the line under the tabs
	tabRuleOn   lipgloss.Style // the part of that line under the active tab

	box        lipgloss.Style // the result box's border, unfocused
	boxFocused lipgloss.Style // the result box's border while keys act on it
	boxTitle   lipgloss.Style
	boxTag     lipgloss.Style // the preset and site in the box's lower edge

	heading      lipgloss.Style // section titles: "Strength", "Settings"
	label        lipgloss.Style // a form row's label
	labelFocused lipgloss.Style
	value        lipgloss.Style // a field's value
	valueFocused lipgloss.Style
	placeholder  lipgloss.Style
	marker       lipgloss.Style // the "›" before the focused row
	faint        lipgloss.Style

	errText  lipgloss.Style
	warnText lipgloss.Style
	okText   lipgloss.Style

	rating   [generator.Excellent + 1]lipgloss.Style
	barEmpty lipgloss.Style

	help  help.Styles
	input textinput.Styles
}

// newStyles builds the styles for a dark or light background, with or
// without colour.
func newStyles(isDark, noColor bool) styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) lipgloss.Style {
		if noColor {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(ld(lipgloss.Color(light), lipgloss.Color(dark)))
	}
	s := styles{isDark: isDark, noColor: noColor}

	accent := c("#5A3FC0", "#A78BFA")
	dim := c("#6C6C6C", "#8A8A8A")

	s.chars[chLower] = c("#1C1C1C", "#E4E4E4")
	s.chars[chUpper] = c("#005FAF", "#5FAFFF")
	s.chars[chDigit] = c("#AF5F00", "#FFB454")
	s.chars[chSymbol] = c("#AF005F", "#FF6FB5")
	s.chars[chSpace] = dim
	s.chars[chWord] = c("#1C1C1C", "#E4E4E4")
	s.chars[chSep] = c("#AF005F", "#FF6FB5")
	s.chars[chFixed] = dim
	s.chars[chMask] = dim
	if noColor {
		// Classes told apart without colour: upper bold, digits
		// underlined, symbols in inverse video; separators likewise.
		s.chars[chUpper] = s.chars[chUpper].Bold(true)
		s.chars[chDigit] = s.chars[chDigit].Underline(true)
		s.chars[chSymbol] = s.chars[chSymbol].Reverse(true)
		s.chars[chSep] = s.chars[chSep].Reverse(true)
		s.chars[chFixed] = s.chars[chFixed].Faint(true)
		s.chars[chSpace] = s.chars[chSpace].Faint(true)
	} else {
		s.chars[chDigit] = s.chars[chDigit].Bold(true)
	}

	for i, st := range s.chars {
		const mark = "\uE000" // a private-use character, never in escape codes
		before, after, _ := strings.Cut(st.Render(mark), mark)
		s.charSGR[i] = [2]string{before, after}
	}

	s.title = accent.Bold(true)
	s.tabActive = accent.Bold(true)
	s.tabInactive = dim
	s.tabRule = dim
	s.tabRuleOn = accent.Bold(true)

	s.box = dim
	s.boxFocused = accent.Bold(true)
	s.boxTitle = dim
	if noColor {
		s.boxTitle = s.boxTitle.Faint(true)
	}
	s.boxTag = accent // the rules in force stand out from the frame

	s.heading = accent.Bold(true)
	s.label = dim
	s.labelFocused = c("#1C1C1C", "#F5F5F5").Bold(true)
	s.value = c("#303030", "#D0D0D0")
	s.valueFocused = accent.Bold(true)
	s.placeholder = dim.Faint(true)
	s.marker = accent.Bold(true)
	s.faint = dim
	if noColor {
		s.label = lipgloss.NewStyle()
		s.value = lipgloss.NewStyle()
		s.valueFocused = lipgloss.NewStyle().Reverse(true)
	}

	s.errText = c("#D70000", "#FF6B6B")
	s.warnText = c("#AF5F00", "#FFB454")
	s.okText = c("#008700", "#5FD787")

	s.rating[generator.Weak] = c("#D70000", "#FF6B6B").Bold(true)
	s.rating[generator.Fair] = c("#D75F00", "#FF9F43").Bold(true)
	s.rating[generator.Good] = c("#AF8700", "#F5D547").Bold(true)
	s.rating[generator.Strong] = c("#008700", "#5FD787").Bold(true)
	s.rating[generator.Excellent] = c("#00875F", "#3FE0B0").Bold(true)
	s.barEmpty = dim
	if noColor {
		s.barEmpty = s.barEmpty.Faint(true)
	}

	s.help = help.DefaultStyles(isDark)
	if noColor {
		plain := lipgloss.NewStyle()
		s.help = help.Styles{
			Ellipsis: plain, ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain,
		}
	}

	s.input = textinput.DefaultStyles(isDark)
	s.input.Cursor.Blink = false // a steady cursor: no redraws while idle
	if noColor {
		plain := lipgloss.NewStyle()
		s.input.Focused = textinput.StyleState{Text: plain, Placeholder: plain.Faint(true), Suggestion: plain, Prompt: plain}
		s.input.Blurred = s.input.Focused
		s.input.Cursor.Color = nil
	}
	return s
}
