package settings

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/sesame-sh/sesame/generator"
)

// The password's style (README, "Memorable passwords"): random passwords
// are the password engine's; the other styles are patterns
// (generator.StylePolicy) that the pattern engine counts and draws, with
// the blocklist — the bundled list unless no-blocklist, and a file of the
// user's own — subtracted.

// Styled reports whether a style other than random makes the password
// (a pattern, when given, makes it instead).
func (p PasswordSettings) Styled() bool { return p.Style != generator.StyleRandom && p.Pattern == "" }

// Filtered reports whether the blocklist applies: to a pattern and to
// every style but random.
func (p PasswordSettings) Filtered() bool { return p.Pattern != "" || p.Styled() }

// memorableGenerator builds the generator of a pattern (pattern.go) or a
// style, with the blocklist, keeping the last few (compiledStyles).
func (p PasswordSettings) memorableGenerator() (generator.Engine, []generator.Warning, error) {
	if p.Pattern == "" {
		return p.styleGenerator()
	}
	pp, warns, err := p.PatternPolicy()
	if err != nil {
		return nil, warns, err
	}
	bl, err := p.blocklist()
	if err != nil {
		return nil, warns, err
	}
	if bl != nil {
		pp.Blocklist = bl.Words
	}
	key := fmt.Sprintf("pattern|%q|%+v|%d|%d|%s", pp.Pattern, pp.Policy, pp.MinLength, pp.MaxLength, strings.Join(pp.Blocklist, "\n"))
	if g := compiledStyles.get(key); g != nil {
		return g, warns, nil
	}
	g, err := generator.NewPattern(pp)
	if err != nil {
		return nil, warns, err
	}
	compiledStyles.put(key, g)
	return g, warns, nil
}

// StylePolicy returns the generator's style policy: the settings' own
// policy, the website rules resolved and the blocklist loaded, with the
// warnings about the rules.
func (p PasswordSettings) StylePolicy() (generator.StylePolicy, []generator.Warning, error) {
	sp := generator.StylePolicy{Style: p.Style, Policy: p.ownPolicy()}
	applied, warns, err := p.AppliedRules()
	if err != nil {
		return sp, warns, err
	}
	if applied != nil {
		sp.Rules = &applied.WebsiteRules
	}
	bl, err := p.blocklist()
	if err != nil {
		return sp, warns, err
	}
	if bl != nil {
		sp.Blocklist = bl.Words
	}
	return sp, warns, nil
}

// styleGenerator builds the style's generator.
func (p PasswordSettings) styleGenerator() (generator.Engine, []generator.Warning, error) {
	sp, warns, err := p.StylePolicy()
	if err != nil {
		return nil, warns, err
	}
	key := styleKey(sp)
	if g := compiledStyles.get(key); g != nil {
		return g, warns, nil
	}
	g, err := generator.NewStyle(sp)
	if err != nil {
		return nil, warns, err
	}
	compiledStyles.put(key, g)
	return g, warns, nil
}

// Compiled styles are kept for the last few settings: counting a style
// with the blocklist takes the engine tens of milliseconds or more, and
// the interactive program asks again on every change elsewhere in the
// form, on a tab switch and for every new password. A *generator.Pattern
// is safe to share.
var compiledStyles styleCache

const styleCacheSize = 8

type styleCache struct {
	sync.Mutex
	keys []string
	gens []*generator.Pattern
}

func (c *styleCache) get(key string) *generator.Pattern {
	c.Lock()
	defer c.Unlock()
	for i, k := range c.keys {
		if k == key {
			return c.gens[i]
		}
	}
	return nil
}

func (c *styleCache) put(key string, g *generator.Pattern) {
	c.Lock()
	defer c.Unlock()
	if len(c.keys) == styleCacheSize {
		c.keys, c.gens = c.keys[1:], c.gens[1:]
	}
	c.keys, c.gens = append(c.keys, key), append(c.gens, g)
}

// styleKey is everything that decides a style's generator, as text.
func styleKey(sp generator.StylePolicy) string {
	rules := ""
	if sp.Rules != nil && sp.Rules.Rules != nil {
		rules = fmt.Sprintf("%s|%+v", sp.Rules.Site, *sp.Rules.Rules)
	}
	return fmt.Sprintf("%d|%+v|%s|%s", sp.Style, sp.Policy, rules, strings.Join(sp.Blocklist, "\n"))
}

// LeftOut is the number of passwords the blocklist leaves out of what the
// settings allow, or nil when it leaves none out or no blocklist applies.
func LeftOut(g generator.Engine) *big.Int {
	p, ok := g.(*generator.Pattern)
	if !ok {
		return nil
	}
	if n := p.LeftOut(); n.Sign() > 0 {
		return n
	}
	return nil
}

// LeftOutText says how many strings the blocklist left out of g's set,
// and what share of it that was: "1,203 strings left out (0.41%)"; ""
// when it left none out.
func LeftOutText(g generator.Engine) string {
	n := LeftOut(g)
	if n == nil {
		return ""
	}
	all := new(big.Int).Add(n, g.Entropy().Count)
	share, _ := new(big.Rat).SetFrac(new(big.Int).Mul(n, big.NewInt(100)), all).Float64()
	return fmt.Sprintf("%s (%s%%)", LeftOutCount(g), shareText(share))
}

// LeftOutCount says how many strings the blocklist left out of g's set:
// "1,203 strings left out", the count in full up to 15 digits and rounded
// above ("≈2.8×10^23 strings left out"); "" when it left none out.
func LeftOutCount(g generator.Engine) string {
	n := LeftOut(g)
	if n == nil {
		return ""
	}
	return leftOutCount(n)
}

func leftOutCount(n *big.Int) string {
	count := n.String()
	if len(count) <= 15 {
		for i := len(count) - 3; i > 0; i -= 3 {
			count = count[:i] + "," + count[i:]
		}
	} else {
		// Two digits, rounded, read off the decimal digits: the count can
		// be far past what a float64 holds (10^361 and more).
		exp := len(count) - 1
		lead, _ := strconv.Atoi(count[:3])
		lead = (lead + 5) / 10
		if lead == 100 {
			lead, exp = 10, exp+1
		}
		count = fmt.Sprintf("≈%d.%d×10^%d", lead/10, lead%10, exp)
	}
	if n.Cmp(big.NewInt(1)) == 0 {
		return count + " string left out"
	}
	return count + " strings left out"
}

// shareText writes a percentage with two significant digits, never 0 for
// a share that is not.
func shareText(p float64) string {
	switch {
	case p >= 10:
		return fmt.Sprintf("%.0f", p)
	case p >= 0.01:
		return strconv.FormatFloat(p, 'g', 2, 64)
	}
	return "<0.01"
}

// blocklist is the list that applies: the bundled one unless turned off,
// and the words of the settings' file.
func (p PasswordSettings) blocklist() (*generator.Blocklist, error) {
	var out *generator.Blocklist
	if !p.NoBlocklist {
		out = bundledPrintable()
	}
	if p.Blocklist == "" {
		return out, nil
	}
	own, err := loadBlocklist(p.Blocklist)
	if err != nil {
		return nil, err
	}
	return out.Union(own), nil
}

// bundledPrintable is the bundled list without the words no password
// can hold, worked out once.
var bundledPrintable = sync.OnceValue(func() *generator.Blocklist { return generator.BundledBlocklist().Printable() })

// Blocklist files are read once per path: the interactive program
// rebuilds the generator on every keystroke.
var blocklists struct {
	sync.Mutex
	byPath map[string]*generator.Blocklist
}

func loadBlocklist(path string) (*generator.Blocklist, error) {
	blocklists.Lock()
	defer blocklists.Unlock()
	if b, ok := blocklists.byPath[path]; ok {
		return b, nil
	}
	b, err := generator.LoadBlocklist(path)
	if err != nil {
		return nil, err
	}
	if blocklists.byPath == nil {
		blocklists.byPath = map[string]*generator.Blocklist{}
	}
	blocklists.byPath[path] = b
	return b, nil
}

// unfiltered overrides the blocklist settings where no blocklist applies:
// random passwords spell no words on purpose, and are not filtered.
func unfiltered(s *Settings) *Override {
	if !s.Password.Filtered() {
		return &Override{By: "style", Why: "random passwords are not filtered"}
	}
	return nil
}

// byPattern overrides the style where a pattern is given: the pattern
// says what the password spells.
func byPattern(s *Settings) *Override {
	if s.Password.Pattern != "" {
		return &Override{By: "pattern", Why: "the pattern sets what the password spells"}
	}
	return nil
}

// styleChoices are the styles under their names.
func styleChoices() []Choice {
	return []Choice{
		{Name: "random"},
		{Name: "pronounceable", Label: "pronounceable (syllables)"},
		{Name: "apple", Label: "apple (xxxxxx-xxxxxx-xxxxxx)"},
		{Name: "phone", Label: "phone (few keyboard switches)"},
	}
}

// styleNote says what the style's capitals, digits and symbols follow.
func styleNote(s *Settings) string {
	switch s.Password.Style {
	case generator.StylePronounceable, generator.StylePhone:
		return "lower-case; min/max bring capitals, digits, symbols in"
	case generator.StyleApple:
		return fmt.Sprintf("%d characters: one capital, one digit, two hyphens", generator.AppleLength)
	}
	return ""
}

// blocklistNote says how many words the blocklist holds (what it leaves
// out of the passwords, the strength panel says).
func blocklistNote(s *Settings) string {
	if !s.Password.Filtered() {
		return ""
	}
	b, err := s.Password.blocklist()
	if err != nil || b.Len() == 0 {
		return ""
	}
	return plural(b.Len(), "word") + " in the list"
}
