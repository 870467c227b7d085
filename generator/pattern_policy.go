package generator

import (
	"math/big"
	"sync"
)

// Pattern passwords (README, "Patterns"): a password that a pattern such
// as `cvcv-dd` spells, drawn uniformly from the distinct strings the
// pattern spells and that every other constraint of the policy allows.
// The pattern is compiled to a deterministic automaton over classes of
// characters that every constraint treats alike, crossed with automata for
// the class limits, required sets, run limits, length range and
// blocklist, and the product's accepted strings are counted exactly and
// drawn by unranking a uniform integer below the count.

// PatternPolicy describes pattern passwords.
type PatternPolicy struct {
	// Pattern is the pattern in the language of the README's "Patterns"
	// section; it is parsed by package generator/pattern.
	Pattern string

	// Blocklist lists words no password may contain, compared
	// case-insensitively as substrings ("Cat" leaves out "xcAtx"). Empty
	// words and words with characters outside printable ASCII are ignored:
	// no password can contain them.
	Blocklist []string

	// Policy holds the other constraints, with their PasswordPolicy
	// meanings: the classes' Min and Max (their Use flags are ignored: the
	// pattern says which characters to use), SymbolSet (what `s` spells),
	// Exclude and NoAmbiguous (characters taken out of every set of the
	// pattern), Alphabet (when set, the only characters allowed, as
	// website rules set it), MaxRepeating, MaxSequential, Require and the
	// rule names. Length is ignored: the pattern sets the lengths, and
	// MinLength and MaxLength bound them.
	Policy PasswordPolicy

	// MinLength and MaxLength, when positive, bound the password's length.
	MinLength, MaxLength int

	// Rules, when not nil, are the website rules the policy follows
	// (ApplyPatternRules sets it), so that a refusal can name them.
	Rules *WebsiteRules
}

// Limits of the pattern language, so that a pattern cannot ask for more
// work than a form can afford between keystrokes.
const (
	// MaxPatternLength is the longest pattern, in characters.
	MaxPatternLength = 1024
	// MaxPatternStates bounds the automaton crossed with the other
	// constraints; a policy needing more is refused, saying so.
	MaxPatternStates = 1 << 20
)

// Pattern generates pattern passwords. It implements [Generator]; one
// Pattern may be used from several goroutines, each with its own Rand.
type Pattern struct {
	prod *product
	// open and ac, when set, draw instead of prod: from the product
	// without the blocklist, again until no blocked word is held.
	open    *product
	ac      *blocklistAC
	blocks  []patternBlock
	count   *big.Int
	leftOut *big.Int
	warns   []Warning
	longest int // the longest password, for Stream's buffers
	// spec, when prod is nil, is the policy whose count came through
	// failure links (automaton_avoid.go); sampler builds what draws
	// need from it at the first draw.
	spec        *productSpec
	samplerOnce sync.Once
	samplerErr  error

	lengthsOnce    sync.Once
	minLen, maxLen int
}

// Generate returns one password, uniform over the distinct strings the
// policy allows.
func (p *Pattern) Generate(r *Rand) (string, error) {
	var buf [64]byte
	out, err := p.appendSecret(buf[:0], r, nil)
	if err != nil {
		return "", err
	}
	s := string(out)
	clear(out)
	return s, nil
}

// sampler builds, once, what draws come from when the count came through
// failure links: the product without the blocklist, drawn from again
// until no blocked word is held, which is uniform over the same strings
// and faster while most strings are kept (that product is smaller by the
// blocklist's states); else the product with the blocklist.
func (p *Pattern) sampler() error {
	p.samplerOnce.Do(func() {
		if p.spec == nil {
			return
		}
		openSpec := *p.spec
		openSpec.ac = nil
		open, err := buildProduct(&openSpec)
		if err != nil {
			p.samplerErr = tooLargeErr()
			return
		}
		if new(big.Int).Lsh(p.count, 1).Cmp(lBig(open.total())) >= 0 {
			p.open, p.ac = open, p.spec.ac
			return
		}
		if p.prod, err = buildProduct(p.spec); err != nil {
			p.samplerErr = tooLargeErr()
		}
	})
	return p.samplerErr
}

// appendSecret appends one password to dst, for Stream.
func (p *Pattern) appendSecret(dst []byte, r *Rand, _ *scratch) ([]byte, error) {
	if err := p.sampler(); err != nil {
		return dst, err
	}
	start := len(dst)
	if p.open != nil {
		for {
			dst = p.open.draw(r, p.open.blocks, dst)
			if r.Err() != nil || !p.ac.holdsWord(dst[start:]) {
				break
			}
			clear(dst[start:])
			dst = dst[:start]
		}
	} else {
		dst = p.prod.draw(r, p.prod.blocks, dst)
	}
	if err := r.Err(); err != nil {
		clear(dst[start:])
		return dst[:start], err
	}
	return dst, nil
}

func (p *Pattern) newScratch() *scratch { return &scratch{} }

// work is the randomness and output one password takes, for Stream.
func (p *Pattern) work() (random, out int) {
	return p.count.BitLen()/8 + 16, p.longest + 1
}

// Entropy is log2 of the number of distinct passwords: exact.
func (p *Pattern) Entropy() Entropy { return exactEntropy(p.count) }

// Warnings notes adjustments made to the policy.
func (p *Pattern) Warnings() []Warning { return p.warns }

// LeftOut is the number of strings the pattern and the other constraints
// allow that the blocklist leaves out: 0 without a blocklist.
func (p *Pattern) LeftOut() *big.Int { return new(big.Int).Set(p.leftOut) }

// Lengths returns the shortest and longest password the policy allows.
func (p *Pattern) Lengths() (lo, hi int) {
	p.lengthsOnce.Do(func() {
		if p.spec == nil {
			p.minLen, p.maxLen = p.prod.lengths()
			return
		}
		// The blocklist may leave out every string of some lengths:
		// only its product knows.
		if prod, err := buildProduct(p.spec); err == nil {
			p.minLen, p.maxLen = prod.lengths()
			return
		}
		// Too large to build: the lengths without it are the bounds
		// known.
		openSpec := *p.spec
		openSpec.ac = nil
		if open, err := buildProduct(&openSpec); err == nil {
			p.minLen, p.maxLen = open.lengths()
		}
	})
	return p.minLen, p.maxLen
}

// NewPattern compiles a pattern policy. A pattern that does not parse, a
// limit exceeded, or constraints that leave no password are a
// *PolicyError: the pattern's errors name the setting "pattern", a
// refusal names the setting or rule that cannot be met.
func NewPattern(pp PatternPolicy) (*Pattern, error) {
	return compilePattern(pp)
}

// ApplyPatternRules returns pp made to follow the website rules w: only
// the characters they allow (narrowed by the policy's exclusions,
// look-alikes and class maximums of 0, as [ApplyRules] does), their
// required sets and run limits, and their length range as MinLength and
// MaxLength (within pp's own, if set). Rules the pattern cannot meet are
// refused by NewPattern, naming the rule.
func ApplyPatternRules(pp PatternPolicy, w WebsiteRules) (PatternPolicy, RulesAsApplied, error) {
	pol := pp.Policy
	lo, hi := w.LengthRange()
	pol.Length = max(lo, 1) // the pattern sets the length; keep ApplyRules' check quiet
	if lo > hi {
		pol.Length = 1
	}
	applied, d, err := ApplyRules(pol, w)
	if err != nil {
		return pp, d, err
	}
	applied.Length = pp.Policy.Length
	out := pp
	out.Policy = applied
	if pp.MinLength > 0 {
		lo = max(lo, pp.MinLength)
	}
	if pp.MaxLength > 0 {
		hi = min(hi, pp.MaxLength)
	}
	out.MinLength, out.MaxLength = lo, hi
	out.Rules = &w
	return out, d, nil
}
