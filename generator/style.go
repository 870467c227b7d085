package generator

// Named styles of password (README, "Memorable passwords"): random is
// today's password, drawn by the password engine; the others are patterns
// that style_pattern.go writes for the settings at hand and the pattern
// engine counts and draws exactly, with the blocklist subtracted.

// Style is a named kind of password.
type Style int

const (
	// StyleRandom is a password of independent characters from the
	// classes (the default): the password engine's.
	StyleRandom Style = iota
	// StylePronounceable is letters in syllables (style_grammar.go).
	StylePronounceable
	// StyleApple is the shape of Apple's Strong Password: three groups of
	// six separated by hyphens, one capital, one digit.
	StyleApple
	// StylePhone is typeable on a phone's on-screen keyboard with at
	// most two switches between its letter and number layers.
	StylePhone

	numStyles = iota
)

var styleNames = [numStyles]string{"random", "pronounceable", "apple", "phone"}

// String returns the style's name as the command line spells it.
func (s Style) String() string { return enumName("Style", styleNames[:], int(s)) }

// Styles returns the styles' names in order, random first.
func Styles() []string { return styleNames[:] }

// ParseStyle parses "random", "pronounceable", "apple" or "phone".
func ParseStyle(s string) (Style, error) {
	if i, ok := parseEnum(styleNames[:], s); ok {
		return Style(i), nil
	}
	return 0, policyErr("style", "unknown style %q: use random, pronounceable, apple or phone", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Style) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Style) UnmarshalText(b []byte) error {
	v, err := ParseStyle(string(b))
	*s = v
	return err
}
