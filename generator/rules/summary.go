package rules

import (
	"fmt"
	"strings"
)

// Summary describes the rules in plain English, one clause per rule,
// for example "8–32 characters; at least one upper-case letter; at least
// one digit or special character; no character more than twice in a row;
// no run of more than 3 like abcd or 4321".
func (r *Rules) Summary() string {
	clauses := []string{r.lengthText()}
	for _, q := range r.Required {
		if charsetOf(q).empty() {
			// Rules narrowed (Without) until nothing meets a requirement.
			clauses = append(clauses, "a requirement no character is left to meet")
			continue
		}
		clauses = append(clauses, "at least one "+describe(charsetOf(q), "or"))
	}
	clauses = append(clauses, r.allowedText())
	if n := r.MaxRepeating; n > 0 {
		clauses = append(clauses, "no character "+timesText(n)+" in a row")
	}
	if n := r.MaxSequential; n > 0 {
		clauses = append(clauses, fmt.Sprintf("no run of more than %d%s", n, runExample(n+1)))
	}
	return strings.Join(clauses, "; ")
}

func (r *Rules) lengthText() string {
	lo, hi := r.MinLength, r.MaxLength
	if hi >= maxNumber {
		hi = 0 // a limit past counting (maxlength: 1000000000) is no limit
	}
	switch {
	case lo > 0 && lo == hi:
		return fmt.Sprintf("exactly %d %s", lo, plural(lo, "character"))
	case lo > 0 && hi > 0:
		return fmt.Sprintf("%d–%d characters", lo, hi)
	case lo > 0:
		return fmt.Sprintf("at least %d %s", lo, plural(lo, "character"))
	case hi > 0:
		return fmt.Sprintf("at most %d %s", hi, plural(hi, "character"))
	}
	return "any length"
}

func (r *Rules) allowedText() string {
	allowed := charsetOf(r.Allowed)
	switch {
	case r.Unicode:
		return "any character (sesame uses printable ASCII only)"
	case allowed == printableSet:
		return "any printable ASCII character"
	case allowed == printableSet.minus(spaceSet):
		return "any printable ASCII character other than space"
	}
	return "only " + describe(allowed, "and")
}

// timesText says "more than n times" the way people say it.
func timesText(n int) string {
	switch n {
	case 1:
		return "twice"
	case 2:
		return "more than twice"
	}
	return fmt.Sprintf("more than %d times", n)
}

// runExample shows two forbidden runs of length n, rising letters and
// falling digits, as far as the ranges are long enough for them.
func runExample(n int) string {
	const letters, digits = "abcdefghijklmnopqrstuvwxyz", "9876543210"
	switch {
	case n < len(digits): // "4321" reads better than "3210"
		return " like " + letters[:n] + " or " + digits[len(digits)-1-n:len(digits)-1]
	case n == len(digits):
		return " like " + letters[:n] + " or " + digits
	case n <= len(letters):
		return " like " + letters[:n]
	}
	return " counting up or down" // no range is that long: a formality
}

// describe names the characters of s: whole classes by name, the rest
// listed; join is "or" for a requirement and "and" for the allowed set.
func describe(s charset, join string) string {
	switch s {
	case printableSet:
		return "printable ASCII character"
	case printableSet.minus(spaceSet):
		return "printable ASCII character other than space"
	}
	singular := join == "or"
	var parts []string
	name := func(one, many string) {
		if singular {
			parts = append(parts, one)
		} else {
			parts = append(parts, many)
		}
	}
	switch {
	case s.contains(upperSet) && s.contains(lowerSet):
		name("letter", "letters")
	case s.contains(upperSet):
		name("upper-case letter", "upper-case letters")
	case s.contains(lowerSet):
		name("lower-case letter", "lower-case letters")
	}
	if s.contains(digitSet) {
		name("digit", "digits")
	}
	switch {
	case s.contains(specialSet):
		name("special character", "special characters")
	case s.contains(punctuationSet):
		// The space left out of the class, as sesame does unless asked:
		// say so, since "special" includes it.
		name("special character other than space", "special characters other than space")
		s = s.minus(punctuationSet)
	}
	for _, c := range namedClasses[:4] {
		if s.contains(c.set) {
			s = s.minus(c.set)
		}
	}
	switch {
	case s == spaceSet:
		name("space", "space")
	case !s.empty():
		name("character from "+listed(s, join), "the characters "+listed(s, join))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + join + " " + parts[len(parts)-1]
}

// listed writes the characters of a set that holds more than a space; a
// space would be invisible, so it is named, after join.
func listed(s charset, join string) string {
	if !s.has(' ') {
		return s.String()
	}
	return s.minus(spaceSet).String() + " " + join + " space"
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Requirement describes one entry of Rules.Required as the thing a
// password must hold one of: "digit", "letter or digit", "character from
// !#$%".
func Requirement(set string) string { return describe(charsetOf(set), "or") }
