package generator

import (
	"errors"
	"math/big"
	"strings"

	"github.com/sesame-sh/sesame/generator/pattern"
	"github.com/sesame-sh/sesame/generator/rules"
)

// Compiling a pattern policy: parse, resolve the class letters and take
// out the characters the policy leaves out, split the characters into
// blocks, build and determinise the pattern's automaton, and count its
// product with the other constraints. A policy that leaves no password is
// diagnosed by adding the constraints one at a time, so that the refusal
// names the first that cannot be met.

// The characters of the class letters (README, "Patterns").
const (
	consonants = "bcdfghjklmnpqrstvwxyz"
	vowels     = "aeiou"
)

// maxPatternElements bounds a pattern written out (its repeats expanded):
// enough for x{4096} with room, small enough to build at once.
const maxPatternElements = 1 << 17

// maxRequiredSets is how many required sets a pattern policy may have.
const maxRequiredSets = 32

const patternSetting = SettingName("pattern")

// patternCompiler holds a policy on its way to a Pattern.
type patternCompiler struct {
	pp                PatternPolicy
	tree              pattern.Node
	symbols           pattern.CharSet
	shortest, longest int
	warns             []Warning
}

func compilePattern(pp PatternPolicy) (*Pattern, error) {
	pc := &patternCompiler{pp: pp}
	if err := pc.parse(); err != nil {
		return nil, err
	}
	if err := checkPatternPolicy(pp); err != nil {
		return nil, err
	}
	syms, warns, err := symbolsFor(pp.Policy.SymbolSet)
	if err != nil {
		return nil, err
	}
	pc.symbols, pc.warns = syms, warns
	drop := pc.removals()
	var all pattern.CharSet
	for _, r := range drop {
		all = union(all, r.drops)
	}
	resolve := pc.resolver(all)
	universe := pc.universe(resolve)
	longest := pc.longest
	if pp.MaxLength > 0 {
		longest = min(longest, pp.MaxLength)
	}
	ac := newBlocklistACKept(pp.Blocklist, universe, longest)
	if ignored := ignoredWords(pp.Blocklist); ignored > 0 {
		pc.warns = append(pc.warns, warningf("blocklist", "%s of the blocklist can never be spelled (not printable ASCII), so %s ignored", plural(ignored, "word"), isAre(ignored)))
	}
	blocks := pc.blocks(universe, resolve, ac)
	d := determinise(buildNFA(pc.tree, resolve, pp.MaxLength), blocks)
	if d == nil {
		return nil, tooLargeErr()
	}
	if len(d.accept) == 0 || len(d.trans[0]) == 0 {
		return nil, pc.removalErr(drop, blocks)
	}
	spec := pc.spec(d, blocks, ac, universe, levelAll)
	if ac != nil {
		if p, ok, err := pc.withBlocklist(spec, longest, universe); ok {
			return p, err
		}
	}
	prod, err := buildProduct(spec)
	if err != nil {
		return nil, tooLargeErr()
	}
	if lIsZero(prod.total()) {
		return nil, pc.constraintErr(d, blocks, ac, universe)
	}
	p := &Pattern{prod: prod, blocks: blocks, count: lBig(prod.total()), leftOut: new(big.Int), warns: pc.warns, longest: longest}
	if ac != nil {
		open, err := buildProduct(pc.spec(d, blocks, nil, universe, levelAll))
		if err != nil {
			return nil, tooLargeErr()
		}
		p.leftOut.Sub(lBig(open.total()), p.count)
	}
	return p, nil
}

// withBlocklist compiles a policy with a blocklist and no run limits: the
// count through failure links (automaton_avoid.go). What draws need is
// built at the first draw (Pattern.sampler): a form shows the figure of
// many policies and draws from few. It returns false when the policy
// limits runs.
func (pc *patternCompiler) withBlocklist(spec *productSpec, longest int, universe pattern.CharSet) (*Pattern, bool, error) {
	kept, all, ok, err := countWithBlocklist(spec)
	if !ok {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, tooLargeErr()
	}
	if lIsZero(kept) {
		return nil, true, pc.constraintErr(spec.dfa, spec.blocks, spec.ac, universe)
	}
	p := &Pattern{blocks: spec.blocks, count: lBig(kept), warns: pc.warns, longest: longest, spec: spec}
	p.leftOut = new(big.Int).Sub(lBig(all), p.count)
	return p, true, nil
}

func tooLargeErr() error {
	return policyErr(patternSetting, "the pattern with these settings is too large to count: shorten the pattern or its repeats, or drop a limit")
}

// parse parses the pattern and checks its size.
func (pc *patternCompiler) parse() error {
	tree, err := pattern.Parse(pc.pp.Pattern)
	if se := (*pattern.SyntaxError)(nil); errors.As(err, &se) {
		return &PolicyError{Field: patternSetting, Err: err, msg: message{"the pattern is wrong at character %d: %s", []any{se.Pos, se.Msg}}}
	} else if err != nil {
		return policyErr(patternSetting, "the pattern is wrong: %v", err)
	}
	size, shortest, longest := patternSize(tree, maxPatternElements)
	switch {
	case size > maxPatternElements:
		return policyErr(patternSetting, "the pattern's repeats write out to more than %d elements: use smaller repeats", maxPatternElements)
	case longest > MaxLength:
		return policyErr(patternSetting, "the pattern spells passwords of up to %d characters, more than the %d sesame makes: use smaller repeats", longest, MaxLength)
	case longest == 0:
		return policyErr(patternSetting, "the pattern spells only the empty password: give it a character to spell, as in cvcv")
	}
	pc.tree, pc.shortest, pc.longest = tree, shortest, longest
	return nil
}

// checkPatternPolicy checks the limits that do not depend on the pattern.
func checkPatternPolicy(pp PatternPolicy) error {
	p := pp.Policy
	if p.MaxRepeating < 0 {
		return policyErr("max-repeating", "%v %d is negative: use 0 (no limit) or more", SettingName("max-repeating"), p.MaxRepeating)
	}
	if p.MaxSequential < 0 {
		return policyErr("max-sequential", "%v %d is negative: use 0 (no limit) or more", SettingName("max-sequential"), p.MaxSequential)
	}
	if pp.MinLength < 0 || pp.MaxLength < 0 || pp.MaxLength > 0 && pp.MinLength > pp.MaxLength {
		return policyErr("length", "the length range %d–%d is empty: give a minimum no larger than the maximum", pp.MinLength, pp.MaxLength)
	}
	for _, c := range Classes() {
		cp := p.Class(c)
		switch {
		case cp.Min < 0:
			return policyErr(minSetting(c), "%v %d is negative: use 0 or more", minSetting(c), cp.Min)
		case cp.HasMax && cp.Max < 0:
			return policyErr(maxSetting(c), "%v %d is negative: use 0 or more, or no limit", maxSetting(c), cp.Max)
		case cp.HasMax && cp.Max < cp.Min:
			return policyErr(maxSetting(c), "%v %d is below %v %d: raise the maximum or lower the minimum", maxSetting(c), cp.Max, minSetting(c), cp.Min)
		}
	}
	if len(p.Require) > maxRequiredSets {
		return policyErr(rulesSetting, "%d required sets are too many: use at most %d", len(p.Require), maxRequiredSets)
	}
	return nil
}

// A removal is a setting that takes characters out of the pattern's sets.
type removal struct {
	setting SettingName
	arg     string // written after the name in messages: " 0"
	drops   pattern.CharSet
}

// removals lists the settings that take characters out, in the order
// messages name them.
func (pc *patternCompiler) removals() []removal {
	p := pc.pp.Policy
	var out []removal
	if p.Alphabet != "" {
		allowed := pattern.SetOf(p.Alphabet)
		var drops pattern.CharSet
		for c := byte(0x20); c < 0x7f; c++ {
			if !allowed.Has(c) {
				drops.Add(c)
			}
		}
		setting := SettingName("alphabet")
		if pc.pp.Rules != nil {
			setting = rulesSetting
		}
		out = append(out, removal{setting: setting, drops: drops})
	}
	if p.Exclude != "" {
		out = append(out, removal{setting: "exclude", drops: pattern.SetOf(p.Exclude)})
	}
	if p.NoAmbiguous {
		out = append(out, removal{setting: "no-ambiguous", drops: pattern.SetOf(Ambiguous)})
	}
	for _, c := range Classes() {
		if p.Class(c).forbidden() {
			out = append(out, removal{setting: maxSetting(c), arg: " 0", drops: classSet(c)})
		}
	}
	return out
}

func union(a, b pattern.CharSet) pattern.CharSet { return pattern.CharSet{a[0] | b[0], a[1] | b[1]} }
func minus(a, b pattern.CharSet) pattern.CharSet { return pattern.CharSet{a[0] &^ b[0], a[1] &^ b[1]} }
func inter(a, b pattern.CharSet) pattern.CharSet { return pattern.CharSet{a[0] & b[0], a[1] & b[1]} }

// classLetterSet is what a class letter spells, before removals.
func (pc *patternCompiler) classLetterSet(letter byte) pattern.CharSet {
	switch letter {
	case 'c':
		return pattern.SetOf(consonants)
	case 'v':
		return pattern.SetOf(vowels)
	case 'C':
		return pattern.SetOf(strings.ToUpper(consonants))
	case 'V':
		return pattern.SetOf(strings.ToUpper(vowels))
	case 'l':
		return pattern.SetOf(LowerChars)
	case 'u':
		return pattern.SetOf(UpperChars)
	case 'd':
		return pattern.SetOf(DigitChars)
	case 's':
		return pc.symbols
	case 'x':
		var s pattern.CharSet
		for c := byte(0x21); c < 0x7f; c++ {
			s.Add(c)
		}
		return s
	}
	panic("generator: unknown class letter")
}

// resolver returns the function giving each set of the pattern its
// characters without those in drop, and the pattern character it starts at.
func (pc *patternCompiler) resolver(drop pattern.CharSet) func(pattern.Node) (pattern.CharSet, int) {
	return func(n pattern.Node) (pattern.CharSet, int) {
		switch n := n.(type) {
		case *pattern.Set:
			return minus(n.Chars, drop), n.Pos
		case *pattern.Class:
			return minus(pc.classLetterSet(n.Letter), drop), n.Pos
		}
		panic("generator: not a set")
	}
}

// eachSet calls f on every set of the tree, in the pattern's order.
func eachSet(n pattern.Node, f func(pattern.Node)) {
	switch n := n.(type) {
	case *pattern.Set, *pattern.Class:
		f(n)
	case pattern.Concat:
		for _, m := range n {
			eachSet(m, f)
		}
	case pattern.Alt:
		for _, m := range n {
			eachSet(m, f)
		}
	case *pattern.Repeat:
		eachSet(n.Sub, f)
	}
}

// universe is every character the pattern can spell.
func (pc *patternCompiler) universe(resolve func(pattern.Node) (pattern.CharSet, int)) pattern.CharSet {
	var u pattern.CharSet
	eachSet(pc.tree, func(n pattern.Node) {
		s, _ := resolve(n)
		u = union(u, s)
	})
	return u
}

// blocks splits the universe into blocks every constraint treats alike.
func (pc *patternCompiler) blocks(universe pattern.CharSet, resolve func(pattern.Node) (pattern.CharSet, int), ac *blocklistAC) []patternBlock {
	var sets []pattern.CharSet
	seen := map[pattern.CharSet]bool{}
	addSet := func(s pattern.CharSet) {
		s = inter(s, universe)
		if !s.Empty() && !seen[s] {
			seen[s] = true
			sets = append(sets, s)
		}
	}
	eachSet(pc.tree, func(n pattern.Node) {
		s, _ := resolve(n)
		addSet(s)
	})
	for _, c := range Classes() {
		addSet(classSet(c))
	}
	req := pc.pp.Policy.Require
	for _, r := range req {
		addSet(pattern.SetOf(r))
	}
	if ac != nil {
		for c := byte(0x20); c < 0x7f; c++ {
			if ac.symbolOf(c) != 0 {
				addSet(pattern.SetOf(string([]byte{c, fold(c)})))
			}
		}
	}
	if pc.pp.Policy.MaxSequential > 0 {
		for c := byte(0x20); c < 0x7f; c++ {
			if isStepChar(c) {
				addSet(pattern.SetOf(string(c)))
			}
		}
	}
	var out []patternBlock
	for _, b := range splitBlocks(universe, sets) {
		chars := b.Chars()
		blk := patternBlock{chars: chars, class: ClassOf(rune(chars[0]))}
		for i, r := range req {
			if pattern.SetOf(r).Has(chars[0]) {
				blk.req |= 1 << i
			}
		}
		if ac != nil {
			blk.sym = ac.symbolOf(chars[0])
		}
		if pc.pp.Policy.MaxSequential > 0 && len(chars) == 1 && isStepChar(chars[0]) {
			blk.step = chars[0]
		}
		out = append(out, blk)
	}
	return out
}

// The constraints, in the order a refusal looks for the one that cannot
// be met.
const (
	levelLength     = 1
	levelClasses    = 2 // one level per class
	levelRequired   = levelClasses + int(numClasses)
	levelRepeating  = levelRequired + 1
	levelSequential = levelRepeating + 1
	levelBlocklist  = levelSequential + 1
	levelAll        = levelBlocklist + 1
)

// spec returns the product of d with the constraints below level (each
// class and each required set counting as one level).
func (pc *patternCompiler) spec(d *dfa, blocks []patternBlock, ac *blocklistAC, universe pattern.CharSet, level int) *productSpec {
	p := pc.pp.Policy
	s := &productSpec{dfa: d, blocks: blocks, longest: pc.longest, universe: len(universe.Chars())}
	if level > levelLength {
		s.minLen = pc.pp.MinLength
	}
	// The maximum length is always in force: the automaton may loop
	// where it does not bind (automaton_nfa.go).
	s.maxLen = pc.pp.MaxLength
	for i, c := range Classes() {
		s.classMax[c] = -1
		if level > levelClasses+i {
			cp := p.Class(c)
			s.classMin[c] = cp.Min
			if cp.HasMax && cp.Max < pc.longest {
				s.classMax[c] = cp.Max
			}
		}
	}
	if level > levelRequired {
		s.reqAll = 1<<len(p.Require) - 1
	}
	if level > levelRepeating {
		s.maxRep = p.MaxRepeating
	}
	if level > levelSequential {
		s.maxSeq = p.MaxSequential
	}
	if level > levelBlocklist {
		s.ac = ac
	}
	return s
}

// removalErr explains a pattern that the removals leave spelling nothing.
func (pc *patternCompiler) removalErr(drops []removal, blocks []patternBlock) error {
	spells := func(drop pattern.CharSet) bool {
		resolve := pc.resolver(drop)
		bs := pc.blocksFor(pc.universe(resolve))
		d := determinise(buildNFA(pc.tree, resolve, pc.pp.MaxLength), bs)
		return d == nil || len(d.accept) > 0 && len(d.trans[0]) > 0
	}
	var culprits []removal
	for _, r := range drops {
		if !spells(r.drops) {
			culprits = []removal{r}
			break
		}
	}
	if culprits == nil {
		culprits = drops
	}
	var all pattern.CharSet
	for _, r := range culprits {
		all = union(all, r.drops)
	}
	// The first element of the pattern the culprits empty.
	what, pos := "", 0
	eachSet(pc.tree, func(n pattern.Node) {
		if s, p := pc.resolver(all)(n); s.Empty() && pos == 0 {
			orig, _ := pc.resolver(pattern.CharSet{})(n)
			what, pos = describeSet(n, orig), p
		}
	})
	if pos == 0 {
		return policyErr(patternSetting, "the pattern spells only the empty password once the characters the settings leave out are taken out: change the pattern")
	}
	if len(culprits) == 1 && culprits[0].setting == rulesSetting {
		return policyErr(rulesSetting, "%s do not allow %s, which the pattern needs at character %d: change the pattern or the rules",
			pc.pp.Rules.Subject(), what, pos)
	}
	var parts []string
	var args []any
	for _, c := range culprits {
		parts = append(parts, "%v"+c.arg)
		args = append(args, c.setting)
	}
	verb := "leaves"
	if len(culprits) > 1 {
		verb = "leave"
	}
	args = append(args, what, pos)
	return policyErr(culprits[0].setting, joinAnd(parts)+" "+verb+" out %s, which the pattern needs at character %d: change the pattern or the setting", args...)
}

// blocksFor splits a universe by the pattern's sets alone.
func (pc *patternCompiler) blocksFor(universe pattern.CharSet) []patternBlock {
	var out []patternBlock
	var sets []pattern.CharSet
	eachSet(pc.tree, func(n pattern.Node) {
		s, _ := pc.resolver(pattern.CharSet{})(n)
		sets = append(sets, s)
	})
	for _, b := range splitBlocks(universe, sets) {
		out = append(out, patternBlock{chars: b.Chars()})
	}
	return out
}

// describeSet names a set of the pattern for a message.
func describeSet(n pattern.Node, chars pattern.CharSet) string {
	if c, ok := n.(*pattern.Class); ok {
		return "every character of " + string(c.Letter)
	}
	cs := chars.Chars()
	rs := make([]rune, len(cs))
	for i, c := range cs {
		rs[i] = rune(c)
	}
	if len(rs) == 1 {
		return describeRune(rs[0])
	}
	return "any of " + quoteRunes(rs)
}

// constraintErr names the first constraint, in the order of the levels,
// that leaves no password.
func (pc *patternCompiler) constraintErr(d *dfa, blocks []patternBlock, ac *blocklistAC, universe pattern.CharSet) error {
	level := levelLength
	for ; level < levelAll; level++ {
		prod, err := buildProduct(pc.spec(d, blocks, ac, universe, level+1))
		if err != nil {
			return tooLargeErr()
		}
		if lIsZero(prod.total()) {
			break
		}
	}
	p, pp := pc.pp.Policy, pc.pp
	lo, hi := pc.shortest, pc.longest
	switch {
	case level == levelLength:
		asked := lengthRangeText(max(pp.MinLength, 1), pp.MaxLength)
		if pp.MaxLength == 0 {
			asked = "at least " + lengthRangeText(pp.MinLength, pp.MinLength)[len("exactly "):]
		}
		who, field := "the length range asks for", SettingName("length")
		if pp.Rules != nil {
			who, field = pp.Rules.Subject()+" ask for", rulesSetting
		}
		return policyErr(field, "the pattern spells %s, but %s %s: change the pattern", lengthRangeText(lo, hi), who, asked)
	case level < levelRequired:
		c := Classes()[level-levelClasses]
		cp := p.Class(c)
		if cp.Min > 0 {
			return policyErr(minSetting(c), "%v %d cannot be met: the pattern with the other settings spells too few %s; lower it or change the pattern", minSetting(c), cp.Min, c.plural())
		}
		return policyErr(maxSetting(c), "%v %d cannot be met: the pattern with the other settings spells more %s; raise it or change the pattern", maxSetting(c), cp.Max, c.plural())
	case level < levelRepeating:
		req := firstUnmet(pc, d, blocks, ac, universe)
		who := "the settings require"
		if pp.Rules != nil {
			who = pp.Rules.Subject() + " require"
		}
		return policyErr(rulesSetting, "%s %s, which the pattern never spells with the other settings: change the pattern", who, withArticle(rules.Requirement(req)))
	case level == levelRepeating:
		if p.RepeatingRule != "" {
			return policyErr(rulesSetting, "%s's %s cannot be met: every string the pattern spells repeats a character more often; change the pattern", ruleOwner(pp), p.RepeatingRule)
		}
		return policyErr("max-repeating", "%v %d cannot be met: every string the pattern spells repeats a character more often; raise it or change the pattern", SettingName("max-repeating"), p.MaxRepeating)
	case level == levelSequential:
		if p.SequentialRule != "" {
			return policyErr(rulesSetting, "%s's %s cannot be met: every string the pattern spells counts up or down by one for longer; change the pattern", ruleOwner(pp), p.SequentialRule)
		}
		return policyErr("max-sequential", "%v %d cannot be met: every string the pattern spells counts up or down by one for longer; raise it or change the pattern", SettingName("max-sequential"), p.MaxSequential)
	}
	return policyErr("blocklist", "every string the pattern spells holds a blocked word: change the pattern or turn the blocklist off")
}

// ruleOwner names whose rules a pattern policy follows.
func ruleOwner(pp PatternPolicy) string {
	if pp.Rules != nil && pp.Rules.Site != "" {
		return pp.Rules.Site
	}
	return "the rules"
}

// firstUnmet finds the first required set that, with the classes' limits
// and length range, leaves no password.
func firstUnmet(pc *patternCompiler, d *dfa, blocks []patternBlock, ac *blocklistAC, universe pattern.CharSet) string {
	req := pc.pp.Policy.Require
	for i := range req {
		s := pc.spec(d, blocks, ac, universe, levelRequired)
		s.reqAll = 1<<(i+1) - 1
		if prod, err := buildProduct(s); err == nil && lIsZero(prod.total()) {
			return req[i]
		}
	}
	return req[len(req)-1]
}

// lengths returns the shortest and longest password the product accepts.
func (p *product) lengths() (lo, hi int) {
	short := make([]int32, len(p.accept))
	long := make([]int32, len(p.accept))
	for i := range short {
		short[i] = -1
	}
	var visit func(s int32)
	visit = func(s int32) {
		lo, hi := int32(1<<30), int32(-1)
		if p.accept[s] {
			lo, hi = 0, 0
		}
		for _, e := range p.movesOf(s) {
			if short[e.to] < 0 {
				visit(e.to)
			}
			lo = min(lo, short[e.to]+1)
			hi = max(hi, long[e.to]+1)
		}
		short[s], long[s] = lo, hi
	}
	visit(p.start)
	if long[p.start] < 0 {
		return 0, 0
	}
	return int(short[p.start]), int(long[p.start])
}

// symbolsFor returns the characters `s` spells.
func symbolsFor(set string) (pattern.CharSet, []Warning, error) {
	if set == "" {
		return pattern.SetOf(SymbolChars), nil, nil
	}
	rs, warns, err := symbolSet(set)
	if err != nil {
		return pattern.CharSet{}, nil, err
	}
	var s pattern.CharSet
	for _, r := range rs {
		if r < 0x21 || r > 0x7e {
			return s, nil, policyErr("symbol-set", "the symbol set contains %s: patterns spell printable ASCII only, so use ASCII symbols", describeRune(r))
		}
		s.Add(byte(r))
	}
	return s, warns, nil
}

// ignoredWords counts the blocklist's words no password can hold, blank
// lines aside.
func ignoredWords(words []string) int {
	n := 0
	for _, w := range words {
		if _, ok := usableWord(w); !ok && strings.TrimSpace(w) != "" {
			n++
		}
	}
	return n
}

func isAre(n int) string {
	if n == 1 {
		return "it is"
	}
	return "they are"
}
