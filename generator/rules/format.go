package rules

import (
	"strconv"
	"strings"
)

// String returns the rules in the language, in one canonical form:
// lengths first, then each requirement, then the allowed characters
// (left out when they are just the required ones), then the run limits,
// written as max-consecutive when the two are equal. Parse(r.String())
// gives back an equal Rules. Classes are written by name where a whole
// class is present and the rest as one [...] class.
func (r *Rules) String() string {
	var parts []string
	add := func(name, value string) { parts = append(parts, name+": "+value) }
	if r.MinLength > 0 {
		add(ruleMinLength, strconv.Itoa(r.MinLength))
	}
	if r.MaxLength > 0 {
		add(ruleMaxLength, strconv.Itoa(r.MaxLength))
	}
	var required charset
	for _, q := range r.Required {
		s := charsetOf(q)
		required = required.union(s)
		add(ruleRequired, classText(s))
	}
	allowed := charsetOf(r.Allowed)
	switch {
	case r.Unicode:
		add(ruleAllowed, "unicode")
	case !allowed.empty() && (len(r.Required) == 0 || allowed != required):
		add(ruleAllowed, classText(allowed))
	}
	switch {
	case r.MaxRepeating > 0 && r.MaxRepeating == r.MaxSequential:
		add(ruleMaxConsecutive, strconv.Itoa(r.MaxRepeating))
	default:
		if r.MaxRepeating > 0 {
			add(ruleMaxRepeating, strconv.Itoa(r.MaxRepeating))
		}
		if r.MaxSequential > 0 {
			add(ruleMaxSequential, strconv.Itoa(r.MaxSequential))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + ";"
}

// classText writes a set as a class list: "upper, digit, [!#$]".
func classText(s charset) string {
	if s == printableSet {
		return "ascii-printable"
	}
	var names []string
	for _, c := range namedClasses[:4] { // upper, lower, digit, special
		if s.contains(c.set) {
			names = append(names, c.name)
			s = s.minus(c.set)
		}
	}
	if !s.empty() {
		names = append(names, customText(s))
	}
	return strings.Join(names, ", ")
}

// customText writes a non-empty set as a [...] class, with '-' first and
// ']' last (as "]]"), the only places the language lets them stand.
func customText(s charset) string {
	var b strings.Builder
	b.WriteByte('[')
	if s.has('-') {
		b.WriteByte('-')
	}
	var dash, bracket charset
	dash.add('-')
	bracket.add(']')
	b.WriteString(s.minus(dash).minus(bracket).String())
	if s.has(']') {
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}
