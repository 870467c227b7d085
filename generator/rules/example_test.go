package rules_test

import (
	"fmt"

	"github.com/sesame-sh/sesame/generator/rules"
)

func ExampleParse() {
	r, warnings, err := rules.Parse("minlength: 8; maxlength: 32; required: lower, upper; required: digit; max-consecutive: 2")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Summary())
	fmt.Println(r.String())
	fmt.Println(len(warnings), "warnings")
	fmt.Println(r.Check("correct7horse"))
	fmt.Println(r.Check("correcthorse"))
	// Output:
	// 8–32 characters; at least one letter; at least one digit; only letters and digits; no character more than twice in a row; no run of more than 2 like abc or 321
	// minlength: 8; maxlength: 32; required: upper, lower; required: digit; max-consecutive: 2;
	// 0 warnings
	// <nil>
	// no character meets "required: digit"
}

func ExampleParse_malformed() {
	_, _, err := rules.Parse("minlength: 8; required: upper; required: nums")
	fmt.Println(err)
	// Output:
	// at character 42 ("…; required: nums"): expected a class name (upper, lower, digit, special, ascii-printable, unicode or [chars]), found "nums"
}

func ExampleLookup() {
	site, r, ok := rules.Lookup("https://secure.login.chase.com/logon")
	fmt.Println(site, ok)
	fmt.Println(r.Summary())
	// Output:
	// chase.com true
	// 8–32 characters; at least one letter; at least one digit; at least one character from !#$%+/=@~; only letters, digits and the characters !#$%+/=@~; no character more than twice in a row; no run of more than 2 like abc or 321
}
