package generator

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/sesame-sh/sesame/generator/rules"
)

// ruleNamed matches a rule of the rules language quoted in a refusal:
// "(maxlength: 16)", "(required: digit)".
var ruleNamed = regexp.MustCompile(`\((minlength|maxlength|required|allowed|max-repeating|max-sequential|max-consecutive): [^)]+\)`)

// For every bundled site, a passphrase with the default settings (all of
// them left to sesame, as `sesame pp --site` leaves them) either meets the
// site's rules as rules.Check reads them, or is refused in one line that
// quotes the rule blocking it, and only for a reason that really blocks
// it. The log says how many sites are served (414 of 434 when written).
func TestPhraseRulesEveryBundledSite(t *testing.T) {
	sites := rules.Sites()
	draws := 20
	if testing.Short() {
		draws = 3
	}
	var (
		mu      sync.Mutex
		served  int
		refused = map[string]int{}
	)
	t.Run("sites", func(t *testing.T) {
		for part := range 2 { // one half a core
			t.Run(fmt.Sprint(part), func(t *testing.T) {
				t.Parallel()
				r := seededRand(uint64(434 + part))
				for i := part; i < len(sites); i += 2 {
					rule := phraseForSite(t, sites[i], r, draws)
					mu.Lock()
					if rule == "" {
						served++
					} else {
						refused[rule]++
					}
					mu.Unlock()
				}
			})
		}
	})
	t.Logf("%d of %d bundled sites served; refused, by the rule named: %v", served, len(sites), refused)
}

// phraseForSite checks the passphrases for one site, and returns the rule
// its refusal names, or "" when it is served.
func phraseForSite(t *testing.T, site string, r *Rand, draws int) string {
	t.Helper()
	site, rs, ok := rules.Lookup(site)
	if !ok {
		t.Fatalf("%s: listed but not found", site)
	}
	w := WebsiteRules{Site: site, Rules: rs}
	ph, d, err := NewPhraseForRules(DefaultPhrasePolicy(), PhraseFree{Words: true, Case: true, Separator: true, Number: true}, w)
	if err != nil {
		var pe *PolicyError
		m := ruleNamed.FindStringSubmatch(err.Error())
		if !errors.As(err, &pe) || strings.Contains(err.Error(), "\n") || m == nil {
			t.Errorf("%s: refused with %q: want one line naming the rule", site, err)
			return "unnamed"
		}
		// Only two reasons can stop a passphrase of eff-large under
		// the defaults' alternatives: no room for three words of
		// three letters and two separators, or no letters at all.
		switch {
		case m[1] == "maxlength" && rs.MaxLength > 0 && rs.MaxLength < 3*3+2:
		case m[1] == "allowed" && !strings.ContainsAny(rs.Allowed, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"):
		default:
			t.Errorf("%s (%s): refused with %q, yet a passphrase could follow the rules", site, rs, err)
		}
		return m[1]
	}
	if e := ph.Entropy(); e.Bound == Exact && (e.Count == nil || e.Count.Sign() <= 0) {
		t.Errorf("%s: exact entropy without a count: %+v", site, e)
	}
	if d.Policy.Words < minRuledWords {
		t.Errorf("%s: %d words chosen, fewer than %d", site, d.Policy.Words, minRuledWords)
	}
	for range draws {
		s, err := ph.Generate(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := rs.Check(s); err != nil {
			t.Fatalf("%s: a passphrase breaks the rules (%s): %v", site, rs, err)
		}
	}
	return ""
}
