package generator_test

import (
	"fmt"
	"os"

	"github.com/sesame-sh/sesame/generator"
)

// The default policy: 20 characters from 94, about 131 bits.
func ExampleNewPassword() {
	pw, err := generator.NewPassword(generator.DefaultPasswordPolicy())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	r := generator.NewRand(generator.CryptoSource())
	secret, err := pw.Generate(r)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	s := generator.Assess(pw.Entropy())
	fmt.Println(len(secret), pw.AlphabetSize(), pw.Entropy().Rounded(), s.Rating)
	// Output: 20 94 131.09 excellent
}

// Minimum counts shrink the set of possible passwords; the entropy is the
// exact size of what is left, not length × log2(alphabet).
func ExampleNewPassword_minimums() {
	p := generator.DefaultPasswordPolicy()
	p.Length = 12
	p.Digits.Min, p.Symbols.Min = 5, 5
	pw, err := generator.NewPassword(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pw.Entropy().Count, pw.Entropy().Rounded())
	// Output: 195511313655398400000 67.4
}

// Impossible settings come back as a PolicyError naming the setting and
// saying what would work.
func ExampleNewPassword_impossible() {
	p := generator.DefaultPasswordPolicy()
	p.Length = 8
	p.Digits.Min, p.Symbols.Min = 5, 5
	_, err := generator.NewPassword(p)
	fmt.Println(err)
	// Output: the minimums add up to 10, more than the length 8: use a length of at least 10 or lower the minimums
}

// MinLength finds the shortest password that reaches a strength.
func ExampleMinLength() {
	n, err := generator.MinLength(generator.DefaultPasswordPolicy(), 128)
	fmt.Println(n, err)
	// Output: 20 <nil>
}

// Assess turns entropy into a rating and crack times (as data; formatting
// is the caller's business).
func ExampleAssess() {
	e, _ := generator.PasswordEntropy(generator.DefaultPasswordPolicy())
	s := generator.Assess(e)
	for _, c := range s.CrackTimes {
		fmt.Printf("%s: 10^%.0f s\n", c.Attacker.Name, c.Log10Seconds)
	}
	// Output:
	// online, throttled (100/hour): 10^41 s
	// online, unthrottled (10/s): 10^38 s
	// offline, slow hash (1e4/s): 10^35 s
	// offline, fast hash (1e10/s): 10^29 s
}
