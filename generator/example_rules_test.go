package generator_test

import (
	"fmt"
	"os"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/generator/rules"
)

// A site's rules applied to the policy a user asked for: the rules set the
// characters, the user's exclusions narrow them, and the description says
// what the password follows.
func ExampleApplyRules() {
	r, _, err := rules.Parse("minlength: 8; maxlength: 16; required: digit; allowed: lower; max-consecutive: 3")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	asked := generator.DefaultPasswordPolicy()
	asked.Length, asked.Exclude = 12, "01lo"
	pol, applied, err := generator.ApplyRules(asked, generator.WebsiteRules{Rules: r})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	pw, err := generator.NewPassword(pol)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Println(pw.AlphabetSize(), pol.Require)
	fmt.Println(applied.Describe("--space"))

	asked.Length = 20
	_, _, err = generator.ApplyRules(asked, generator.WebsiteRules{Site: "example.com", Rules: r})
	fmt.Println(err)
	// Output:
	// 32 [0123456789]
	// the rules as the settings narrow them: 8–16 characters; at least one character from 23456789; only the characters 23456789abcdefghijkmnpqrstuvwxyz; no character more than 3 times in a row; no run of more than 3 like abcd or 4321
	// length 20 is outside the 8–16 characters the rules of example.com allow: choose 8 to 16
}

// A passphrase a site's rules accept: the settings the user left alone
// change where the rules need them, and the figure is the exact count of
// the passphrases drawn from.
func ExampleNewPhraseForRules() {
	_, r, _ := rules.Lookup("chase.com")
	free := generator.PhraseFree{Words: true, Case: true, Separator: true, Number: true}
	ph, applied, err := generator.NewPhraseForRules(generator.DefaultPhrasePolicy(), free, generator.WebsiteRules{Site: "chase.com", Rules: r})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Printf("%.2f bits, %s\n", ph.Entropy().Rounded(), applied.Chosen)

	pol := generator.DefaultPhrasePolicy()
	_, _, err = generator.NewPhraseForRules(pol, generator.PhraseFree{}, generator.WebsiteRules{Site: "chase.com", Rules: r})
	fmt.Println(err)
	// Output:
	// 84.21 bits, [a random symbol between words a number]
	// chase.com's rules (allowed: upper, lower, digit, [!#$%+/=@~]) do not allow the separator "-": choose one they allow, or random-separator symbol
}
