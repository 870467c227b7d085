package generator

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// From a style and the settings at hand to the pattern the engine counts
// and draws (README, "Memorable passwords"). A style's letters are
// lower-case; capitals, digits and symbols join in only as the class
// settings ask: a style holds exactly the --min- number of each, or up to
// its --max- when one is given, and one where website rules require a
// class its letters do not give (pronounceable and phone; apple has its
// own fixed shape, which the class settings and rules must accept).

// StylePolicy describes passwords of a named style.
type StylePolicy struct {
	Style Style
	// Policy holds the class limits and every other constraint with
	// their PasswordPolicy meanings; Length is the length (apple
	// passwords are 20 characters whatever it says). A class switched
	// off (Use false) without a minimum is left out.
	Policy PasswordPolicy
	// Blocklist lists words no password may contain, in any case.
	Blocklist []string
	// Rules, when not nil, are website rules the passwords must follow.
	Rules *WebsiteRules
}

// AppleLength is the length of an apple-style password.
const AppleLength = 20

// MaxStyleLength is the longest pronounceable or phone password. Their
// patterns spell strings longer than the length asked, cut to it by the
// length bound (a syllable has up to six letters, so n/2 syllables may
// run to 3.5n characters; a phone password's three parts to 3n), and the
// pattern engine takes no pattern whose strings can exceed MaxLength.
// A thousand characters is far past what anyone reads aloud or types on
// a phone.
const MaxStyleLength = 1024

// phoneSymbols are the symbols on the first page of the number layer of
// both iOS's and Android's (Gboard's) keyboards, which the phone style may
// use without a third layer (README, "Memorable passwords").
const phoneSymbols = `-/:;()$&@".,?!'`

// PatternPolicy returns the pattern policy of the style, with the website
// rules applied when there are any, and how they apply. The random style
// has none: it is the password engine's, a *PolicyError says so.
func (sp StylePolicy) PatternPolicy() (PatternPolicy, RulesAsApplied, error) {
	pol := sp.Policy
	var pp PatternPolicy
	switch sp.Style {
	case StylePronounceable, StylePhone:
		if sp.Style == StylePronounceable && pol.Length < 2 {
			return pp, RulesAsApplied{}, policyErr("length", "a pronounceable password is at least one syllable: make %v 2 or more", SettingName("length"))
		}
		if pol.Length > MaxStyleLength {
			return pp, RulesAsApplied{}, policyErr("length", "a %s password has at most %d characters: make %v %d or less, or use the random style",
				sp.Style, MaxStyleLength, SettingName("length"), MaxStyleLength)
		}
		admitted := sp.admitClasses(&pol)
		if sp.Style == StylePronounceable {
			pp.Pattern = pronounceablePattern(pol.Length, admitted)
		} else {
			pp.Pattern = phonePattern(pol.Length, admitted, pol.symbolSet())
		}
		pp.MinLength, pp.MaxLength = pol.Length, pol.Length
	case StyleApple:
		if err := appleClasses(&pol); err != nil {
			return pp, RulesAsApplied{}, err
		}
		pp.Pattern = applePattern()
		pp.MinLength, pp.MaxLength = AppleLength, AppleLength
	default:
		return pp, RulesAsApplied{}, policyErr("style", "the %s style is not a pattern", sp.Style)
	}
	if err := sp.checkShape(); err != nil {
		return pp, RulesAsApplied{}, err
	}
	pp.Policy = pol
	// No style spells a space or a character outside the classes and
	// apple's hyphen: the words it could never hold are dropped before
	// the engine sees them.
	pp.Blocklist = spellableBlocklistKept(sp.Blocklist, LowerChars+DigitChars+pol.symbolSet()+"-")
	if sp.Rules == nil {
		return pp, RulesAsApplied{}, nil
	}
	return ApplyPatternRules(pp, *sp.Rules)
}

// NewStyle compiles the style's pattern policy (see
// [StylePolicy.PatternPolicy] and [NewPattern]).
func NewStyle(sp StylePolicy) (*Pattern, error) {
	pp, _, err := sp.PatternPolicy()
	if err != nil {
		return nil, styleError(err, sp.Style)
	}
	p, err := NewPattern(pp)
	if err != nil {
		return nil, styleError(err, sp.Style)
	}
	return p, nil
}

// styleClasses are the classes a style's letters do not give.
var styleClasses = [...]Class{Upper, Digits, Symbols}

// admitClasses gives each class of styleClasses its maximum where the
// settings give none: the minimum, raised to one when the website rules
// require a set that holds the class's characters and no lower-case
// letter; none for a class switched off without a minimum. It returns
// which classes may appear.
func (sp StylePolicy) admitClasses(pol *PasswordPolicy) map[Class]bool {
	admitted := map[Class]bool{}
	for _, c := range styleClasses {
		cp := pol.Class(c)
		if !cp.HasMax {
			n := cp.Min
			if !cp.Use && cp.Min == 0 {
				n = 0
			} else {
				n = max(n, sp.rulesNeed(c, pol))
			}
			*cp = cp.AtMost(n)
		}
		admitted[c] = cp.Max > 0
	}
	return admitted
}

// rulesNeed counts the website rules' required sets of characters that
// hold some of class c's and no lower-case letter, which the style's
// letters would otherwise never meet: one character of the class for
// each (ubisoft.com requires a - and one of !@#$%^&*()+, two symbols).
func (sp StylePolicy) rulesNeed(c Class, pol *PasswordPolicy) int {
	if sp.Rules == nil || sp.Rules.Rules == nil {
		return 0
	}
	chars := defaultChars(c)
	if c == Symbols {
		chars = pol.symbolSet()
	}
	n := 0
	for _, req := range sp.Rules.Rules.Required {
		if !strings.ContainsAny(req, LowerChars) && strings.ContainsAny(req, chars) {
			n++
		}
	}
	return n
}

// symbolSet is what the symbol class spells under the policy.
func (p *PasswordPolicy) symbolSet() string {
	if p.SymbolSet != "" {
		return p.SymbolSet
	}
	return SymbolChars
}

// pronounceablePattern writes syllables for n characters, with a digit or
// symbol allowed between syllables and at either end where those classes
// are admitted: (B S){1,n/2}B, where a syllable S has two letters or more
// and B is one admitted character or none.
func pronounceablePattern(n int, admitted map[Class]bool) string {
	var gap []string
	if admitted[Digits] {
		gap = append(gap, "d")
	}
	if admitted[Symbols] {
		gap = append(gap, "s")
	}
	b := ""
	if len(gap) > 0 {
		b = "(" + strings.Join(gap, "|") + "|)"
	}
	return "(" + b + syllablePattern(admitted[Upper]) + "){1," + strconv.Itoa(max(n/2, 1)) + "}" + b
}

// phonePattern writes n characters typed on a phone keyboard with at
// most two switches of layer: letters, then characters of the number
// layer, then letters again (L*N*L*), each part possibly empty. The
// number layer holds the digits and the phone symbols of the symbol set
// where those classes are admitted; with neither, the password is all
// letters.
func phonePattern(n int, admitted map[Class]bool, symbolSet string) string {
	letters := "l"
	if admitted[Upper] {
		letters = "(l|u)"
	}
	var layer []string
	if admitted[Digits] {
		layer = append(layer, "d")
	}
	if admitted[Symbols] {
		var set strings.Builder
		for _, r := range phoneSymbols {
			if strings.ContainsRune(symbolSet, r) {
				set.WriteString(`\` + string(r))
			}
		}
		if set.Len() > 0 {
			layer = append(layer, "["+set.String()+"]")
		}
	}
	count := "{" + strconv.Itoa(n) + "}"
	if len(layer) == 0 {
		return letters + count
	}
	upTo := "{0," + strconv.Itoa(n) + "}"
	return letters + upTo + "(" + strings.Join(layer, "|") + ")" + upTo + letters + upTo
}

// applePattern writes Apple's shape: three groups of six joined by
// hyphens; two groups are two syllables of consonant, vowel, consonant
// (cvccvc), and one holds the digit at its start or its end beside five
// letters (cvcvc), so the password has 17 letters. The one capital among
// them is a class limit (appleClasses), not part of the pattern.
func applePattern() string {
	const (
		c     = "(c|C)"
		v     = "(v|V)"
		plain = c + v + c + c + v + c
		five  = c + v + c + v + c
		digit = "(d" + five + "|" + five + "d)"
	)
	return "(" + digit + "-" + plain + "-" + plain + "|" + plain + "-" + digit + "-" + plain + "|" + plain + "-" + plain + "-" + digit + ")"
}

// appleClasses makes the policy's capitals exactly one, as Apple's shape
// has, or says which class setting asks for another number; the digit and
// the hyphens are in the pattern, where the class limits meet them.
func appleClasses(pol *PasswordPolicy) error {
	up := pol.Class(Upper)
	switch {
	case up.Min > 1:
		return policyErr("min-upper", "an apple-style password has exactly one capital: %v %d asks for more; use another style", SettingName("min-upper"), up.Min)
	case up.HasMax && up.Max < 1:
		return policyErr("max-upper", "an apple-style password has exactly one capital: %v %d leaves it out; use another style", SettingName("max-upper"), up.Max)
	}
	*up = ClassPolicy{Use: true, Min: 1}.AtMost(1)
	return nil
}

// checkShape refuses website rules that leave out a character a style's
// shape cannot do without, naming the rules and the style: the
// lower-case letters every style is made of, apple's hyphens and digit.
func (sp StylePolicy) checkShape() error {
	if sp.Rules == nil || sp.Rules.Rules == nil {
		return nil
	}
	allowed := sp.Rules.Rules.Allowed
	if !strings.ContainsAny(allowed, LowerChars) {
		return policyErr(rulesSetting, "%s allow no lower-case letters, which a %s password is made of: choose another %v", sp.Rules.Subject(), sp.Style, SettingName("style"))
	}
	if sp.Style != StyleApple {
		return nil
	}
	switch {
	case !strings.Contains(allowed, "-"):
		return policyErr(rulesSetting, "%s do not allow '-', which separates the groups of an apple-style password: choose another %v", sp.Rules.Subject(), SettingName("style"))
	case !strings.ContainsAny(allowed, DigitChars):
		return policyErr(rulesSetting, "%s do not allow digits, and an apple-style password has one: choose another %v", sp.Rules.Subject(), SettingName("style"))
	}
	return nil
}

// styleError says a pattern engine's refusal in a style's words: the user
// gave a style, not a pattern, so "change the pattern" would name nothing
// they wrote, and the pattern's character positions mean nothing to them.
func styleError(err error, st Style) error {
	var pe *PolicyError
	if !errors.As(err, &pe) {
		return err
	}
	out := *pe
	format, args := pe.msg.format, slices.Clone(pe.msg.args)
	if i := strings.Index(format, " at character %d"); i >= 0 {
		// Drop the position and its argument: the verbs before it say
		// which argument it is.
		n := strings.Count(format[:i], "%") - 2*strings.Count(format[:i], "%%")
		if n < len(args) {
			args = slices.Delete(args, n, n+1)
			format = format[:i] + format[i+len(" at character %d"):]
		}
	}
	name := st.String()
	format = strings.NewReplacer(
		"shorten the pattern or its repeats", "shorten the password",
		"change the pattern or the rules", "choose another style or change the rules",
		"change the pattern or the setting", "choose another style or change the setting",
		"change the pattern or turn", "choose another style or turn",
		"or change the pattern", "or choose another style",
		"change the pattern", "choose another style",
		"every string the pattern spells", "every "+name+" password",
		"the pattern with", "a "+name+" password with",
		"the pattern", "the "+name+" style",
	).Replace(format)
	out.msg = message{format, args}
	if out.Field == patternSetting {
		out.Field = "style"
	}
	return &out
}
