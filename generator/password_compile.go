package generator

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"unicode/utf8"
)

// Password is a compiled password policy. It is immutable, and Generate
// may be called from many goroutines at once, each with its own Rand.
type Password struct {
	policy  PasswordPolicy
	lay     *layout
	entropy Entropy
	gen     sampler
	method  method // the sampler in use (choose.go)
	ascii   bool
	bytes   []byte // the alphabet as bytes, when ascii
	warns   []Warning
}

// counted is a policy's layout and exact or bounded size, before any
// sampler is built.
type counted struct {
	lay     *layout
	spec    countSpec
	classes []pwClass
	warns   []Warning
	// classCount counts V, the strings that meet the class ranges; count,
	// the policy's strings (V without a run limit, required sets or a
	// sequence limit). Each is exact or a lower bound.
	classCount Entropy
	count      Entropy
	runsDP     *runsDP // built when runs and class constraints meet
	hasRuns    bool
	logN       float64
	// setsOrSeq: required sets or a sequence limit, counted by
	// reqsets_count.go; noSets then counts the policy without its
	// required sets (classes and run limits only).
	setsOrSeq bool
	reqs      []bitset
	noSets    Entropy
	// repRule and seqRule are the website rules the run limits came
	// from, if they did (PasswordPolicy.RepeatingRule), for messages.
	repRule, seqRule string
	// built holds the samplers choose.go builds while deciding.
	built built
}

// entropy is the policy's figure as counted.
func (c *counted) entropy() Entropy {
	return c.count
}

// countPolicy validates a policy and counts its outputs, refusing a
// policy that allows fewer than two passwords.
func countPolicy(p PasswordPolicy) (*counted, error) {
	c, err := countPolicyRaw(p)
	if err != nil {
		return nil, err
	}
	L := p.Length
	if c.count.Count != nil && c.count.Count.Cmp(big.NewInt(1)) == 0 {
		if len(c.lay.alphabet) == 1 {
			return nil, policyErr("alphabet", "the alphabet has one character, so every password would be the same (0 bits): use at least 2 characters")
		}
		return nil, policyErr("length", "these settings allow exactly one password (0 bits): relax them")
	}
	if c.empty() {
		if c.setsOrSeq {
			return nil, c.emptyErr(p)
		}
		return nil, repeatingErr(p, L, p.MaxRepeating)
	}
	return c, nil
}

// empty reports whether the count shows no valid password at all.
func (c *counted) empty() bool {
	return math.IsInf(c.count.Bits, -1) || (c.count.Count != nil && c.count.Count.Sign() == 0)
}

// countPolicyRaw validates a policy and counts its outputs, which may be
// none.
func countPolicyRaw(p PasswordPolicy) (*counted, error) {
	classes, warns, err := resolveClasses(p)
	if err != nil {
		return nil, err
	}
	c := &counted{classes: classes, warns: warns, repRule: p.RepeatingRule, seqRule: p.SequentialRule}
	c.lay, c.spec = buildLayout(classes, p)
	L := p.Length
	if c.reqs, err = compileRequire(p, c.lay); err != nil {
		return nil, err
	}
	c.lay.setRequire(c.reqs)
	if p.MaxSequential > 0 && p.MaxSequential < L {
		c.lay.setSequential(p.MaxSequential)
	}
	c.lay.setFollow()
	c.setsOrSeq = len(c.reqs) > 0 || c.lay.maxSeq > 0
	c.logN = math.Log2(float64(len(c.lay.alphabet)))
	if n, ok := c.spec.countExact(exactBudgetNs); ok {
		c.classCount = exactEntropy(n)
	} else {
		c.classCount = lowerBound(c.spec.log2LowerBound())
	}
	c.count = c.classCount
	c.hasRuns = p.MaxRepeating > 0 && p.MaxRepeating < L
	switch {
	case c.setsOrSeq:
		if err := c.countSetsOrSeq(p); err != nil {
			return nil, err
		}
	case c.hasRuns:
		if err := c.countRuns(p); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// countRuns counts the strings that also obey the run limit.
func (c *counted) countRuns(p PasswordPolicy) error {
	L, r := p.Length, p.MaxRepeating
	n := int64(len(c.lay.alphabet))
	if len(c.spec.cls) == 0 {
		c.count = exactEntropy(countRunsPure(L, n, r))
		return nil
	}
	c.count = lowerBound(c.count.Bits)
	if d := newRunsDP(c.spec, r, maxRunStates); d != nil {
		c.runsDP = d
		S := words(float64(L) * c.logN / 2)
		if d.work()*(nsAdd+nsMulSmall)*S <= exactBudgetNs {
			c.count = exactEntropy(d.countExact())
			return nil
		}
		if d.work() <= maxFloatRunWork {
			c.count = lowerBound(d.log2LowerBound())
			return nil
		}
	}
	// Long runs allowed: a run longer than r starting at a given position
	// has probability at most max n_i^-r in V, so by the union bound at
	// least a fraction 1 − (L−r)·max n_i^-r of V obeys the limit.
	minClass := n
	for _, s := range c.lay.sizes {
		minClass = min(minClass, int64(s))
	}
	eps := float64(L-r) * math.Pow(float64(minClass), -float64(r))
	if minClass < 2 || eps > 1e-3 {
		if p.RepeatingRule != "" {
			return policyErr("rules", "%s of the rules with %v at length %d is too complex to count: drop a minimum or maximum, or shorten the password", p.RepeatingRule, describeConstraints(c.classes, L), L)
		}
		return policyErr("max-repeating", "%v %d with %v at length %d is too complex to count: raise %v, drop a minimum or maximum, or shorten the password", Setting("max-repeating"), r, describeConstraints(c.classes, L), L, Setting("max-repeating"))
	}
	c.count = lowerBound(c.classCount.Bits + math.Log2(1-eps))
	return nil
}

// PasswordEntropy returns the entropy of a policy without preparing to
// generate: cheaper than NewPassword when only the figure is wanted.
//
// The figure is log2 of the exact number of passwords the policy allows
// wherever counting them fits a time budget (it is recomputed on every
// keystroke): class ranges alone at every length but with several wide
// ranges in thousands of characters; required sets and run limits for
// typical website rules up to a few hundred characters, and for shorter
// passwords with every constraint at once. Otherwise it is a proven lower
// bound, labelled LowerBound, typically within a thousandth of a bit.
func PasswordEntropy(p PasswordPolicy) (Entropy, error) {
	c, err := countPolicy(p)
	if err != nil {
		return Entropy{}, err
	}
	return c.entropy(), nil
}

// NewPassword validates and compiles a policy. Errors are *PolicyError
// values that say what is wrong and what would work; [Password.Warnings]
// notes settings that were adjusted (such as repeated characters).
func NewPassword(p PasswordPolicy) (*Password, error) {
	c, err := countPolicy(p)
	if err != nil {
		return nil, err
	}
	pw := &Password{policy: p, lay: c.lay, ascii: true, warns: c.warns}
	for _, r := range c.lay.alphabet {
		if r >= 0x80 {
			pw.ascii = false
		}
	}
	if pw.ascii {
		for _, r := range c.lay.alphabet {
			pw.bytes = append(pw.bytes, byte(r))
		}
	}
	cand, ok := c.pick()
	if !ok {
		return nil, noSamplerErr(p, c)
	}
	pw.gen, pw.method, pw.entropy = c.build(cand)
	return pw, nil
}

// Generate returns one password drawn uniformly from every password the
// policy allows.
func (pw *Password) Generate(r *Rand) (string, error) {
	idx := make([]int32, pw.lay.L)
	pw.gen.sample(r, idx)
	if err := r.Err(); err != nil {
		clear(idx)
		return "", err
	}
	s := pw.render(idx)
	clear(idx)
	return s, nil
}

// appendSecret appends one password to dst, drawing its alphabet indices
// into s, so that bulk output allocates nothing per password. On error
// dst comes back as it was.
func (pw *Password) appendSecret(dst []byte, r *Rand, s *scratch) ([]byte, error) {
	idx := s.idx[:pw.lay.L]
	pw.gen.sample(r, idx)
	if err := r.Err(); err != nil {
		clear(idx)
		return dst, err
	}
	if pw.ascii {
		start := len(dst)
		dst = slices.Grow(dst, len(idx))[:start+len(idx)]
		out, alphabet := dst[start:], pw.bytes
		for i, x := range idx {
			out[i] = alphabet[x]
		}
	} else {
		for _, x := range idx {
			dst = utf8.AppendRune(dst, pw.lay.alphabet[x])
		}
	}
	clear(idx)
	return dst, nil
}

// newScratch is the space appendSecret needs: the indices.
func (pw *Password) newScratch() *scratch { return &scratch{idx: make([]int32, pw.lay.L)} }

// render turns alphabet indices into the password text.
func (pw *Password) render(idx []int32) string {
	if pw.ascii {
		b := make([]byte, len(idx))
		for i, x := range idx {
			b[i] = byte(pw.lay.alphabet[x])
		}
		return string(b)
	}
	rs := make([]rune, len(idx))
	for i, x := range idx {
		rs[i] = pw.lay.alphabet[x]
	}
	return string(rs)
}

// Entropy implements Generator.
func (pw *Password) Entropy() Entropy { return pw.entropy }

// Policy returns the policy the password was compiled from.
func (pw *Password) Policy() PasswordPolicy { return pw.policy }

// Length returns the password length in characters.
func (pw *Password) Length() int { return pw.lay.L }

// AlphabetSize returns the number of distinct characters in use.
func (pw *Password) AlphabetSize() int { return len(pw.lay.alphabet) }

// Alphabet returns the characters in use, class by class.
func (pw *Password) Alphabet() string {
	out := make([]rune, 0, len(pw.lay.alphabet))
	for _, c := range Classes() {
		for _, r := range pw.lay.alphabet {
			if ClassOf(r) == c {
				out = append(out, r)
			}
		}
	}
	return string(out)
}

// Warnings notes settings that were accepted but adjusted or are unwise,
// such as characters repeated in a custom alphabet.
func (pw *Password) Warnings() []Warning { return pw.warns }

// times writes a repeat count in words: "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// ClassChars returns the characters of one class in the compiled alphabet
// (after exclusions), in order; "" when the class is not used.
func (pw *Password) ClassChars(c Class) string {
	var out []rune
	for _, r := range pw.Alphabet() {
		if ClassOf(r) == c {
			out = append(out, r)
		}
	}
	return string(out)
}
