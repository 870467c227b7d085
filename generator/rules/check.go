package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Check reports whether password meets every rule: its length, only
// allowed characters, at least one character for each requirement, and
// the limits on repeated and sequential runs, checked in that order. The
// error names the first rule broken and where, by character position; it
// never quotes the password, so it is safe to show or log.
//
// Check reads the rules as written, from the definitions in the package
// documentation, and shares nothing with any generator, so that tests can
// use it as an independent judge of generated passwords. It judges the
// passwords sesame may produce: with Unicode set, a non-ASCII character is
// refused even though the site would take it.
func (r *Rules) Check(password string) error {
	if err := r.checkLength(password); err != nil {
		return err
	}
	pos := 0
	for _, c := range password {
		pos++
		if c >= utf8.RuneSelf || !strings.ContainsRune(r.Allowed, c) {
			return fmt.Errorf("character %d is not allowed: the rules allow only %s", pos, describeAllowed(r.Allowed))
		}
	}
	for _, q := range r.Required {
		if !strings.ContainsAny(password, q) {
			return fmt.Errorf("no character meets \"required: %s\"", classText(charsetOf(q)))
		}
	}
	if err := checkRepeating(password, r.MaxRepeating); err != nil {
		return err
	}
	return checkSequential(password, r.MaxSequential)
}

func (r *Rules) checkLength(password string) error {
	n := utf8.RuneCountInString(password)
	if n == 0 {
		return fmt.Errorf("the password is empty")
	}
	if n < r.MinLength {
		return fmt.Errorf("too short: %d %s, minlength is %d", n, plural(n, "character"), r.MinLength)
	}
	if r.MaxLength > 0 && n > r.MaxLength {
		return fmt.Errorf("too long: %d characters, maxlength is %d", n, r.MaxLength)
	}
	return nil
}

func describeAllowed(allowed string) string {
	if allowed == "" {
		return "nothing"
	}
	return describe(charsetOf(allowed), "and")
}

// checkRepeating finds a run of more than limit identical characters.
// Only ASCII reaches it, so bytes are characters.
func checkRepeating(password string, limit int) error {
	if limit <= 0 {
		return nil
	}
	run := 1
	for i := 1; i < len(password); i++ {
		if password[i] != password[i-1] {
			run = 1
			continue
		}
		run++
		if run > limit {
			return fmt.Errorf("characters %d–%d are one character repeated: max-repeating is %d", i-run+2, i+1, limit)
		}
	}
	return nil
}

// checkSequential finds a run of more than limit characters counting up or
// down by one, as defined in the package documentation.
func checkSequential(password string, limit int) error {
	if limit <= 0 {
		return nil
	}
	run, dir := 1, 0
	for i := 1; i < len(password); i++ {
		d := StepDirection(password[i-1], password[i])
		switch {
		case d == 0:
			run = 1
		case d == dir:
			run++
		default:
			run = 2 // a turn: the turning character starts the new run
		}
		dir = d
		if run > limit {
			way := "up"
			if d < 0 {
				way = "down"
			}
			return fmt.Errorf("characters %d–%d count %s by one: max-sequential is %d", i-run+2, i+1, way, limit)
		}
	}
	return nil
}

// StepDirection is +1 when b follows a in one of the ranges a–z, A–Z and
// 0–9, −1 when it precedes it, and 0 otherwise (so "za" and "9:" are no
// steps): the steps a max-sequential run is made of, for this checker and
// for every engine that counts runs.
func StepDirection(a, b byte) int {
	for _, rg := range [...]string{"az", "AZ", "09"} {
		lo, hi := rg[0], rg[1]
		if a < lo || a > hi || b < lo || b > hi {
			continue
		}
		switch int(b) - int(a) {
		case 1:
			return 1
		case -1:
			return -1
		}
	}
	return 0
}
