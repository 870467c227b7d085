package generator_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sesame-sh/sesame/generator"
)

// The default passphrase: six words from the EFF large list joined by "-".
func ExampleNewPhrase() {
	p, err := generator.NewPhrase(generator.DefaultPhrasePolicy())
	warnings := p.Warnings()
	if err != nil {
		panic(err)
	}
	r := generator.NewRand(generator.CryptoSource())
	phrase, err := p.Generate(r)
	if err != nil {
		panic(err) // the random source failed: there is no fallback
	}
	_ = phrase // e.g. "unwashed-cozy-skid-subtitle-grill-clarinet"

	e := p.Entropy()
	fmt.Println(len(warnings), "warnings")
	fmt.Printf("%.2f bits (%s), %s\n", e.Rounded(), e.Bound, generator.Assess(e).Rating)
	fmt.Println(p.ListSize(), "words in the list")
	// Output:
	// 0 warnings
	// 77.54 bits (exact), good
	// 7776 words in the list
}

// Random case, a random symbol between words and a number, on the short
// list with unique three-letter prefixes.
func ExamplePhrasePolicy() {
	list, err := generator.BuiltinWordlist("eff-short2")
	if err != nil {
		panic(err)
	}
	p, err := generator.NewPhrase(generator.PhrasePolicy{
		Words:           5,
		List:            list,
		RandomSeparator: generator.SepSymbol,
		Case:            generator.CaseRandom,
		Number:          true,
	})
	if err != nil {
		panic(err)
	}
	phrase, err := p.Generate(generator.NewRand(generator.CryptoSource()))
	if err != nil {
		panic(err)
	}
	// Exactly one digit, appended to one of the words.
	fmt.Println(strings.IndexFunc(phrase, func(c rune) bool { return c >= '0' && c <= '9' }) > 0)
	// 5 words · log2(2·1296) + 4 · log2(32) + log2(10·5)
	fmt.Printf("%.2f bits\n", p.Entropy().Rounded())
	// Output:
	// true
	// 82.34 bits
}

// How many words reach a target strength.
func ExampleMinWords() {
	policy := generator.DefaultPhrasePolicy()
	n, _ := generator.MinWords(policy, 128)
	fmt.Println(n, "words for 128 bits")

	policy.RandomSeparator = generator.SepSymbol
	n, _ = generator.MinWords(policy, 128)
	fmt.Println(n, "words with random symbols between them")

	_, err := generator.MinWords(policy, 5000)
	var pe *generator.PolicyError
	fmt.Println(errors.As(err, &pe), pe.Field)
	// Output:
	// 10 words for 128 bits
	// 8 words with random symbols between them
	// true min-bits
}

// A user wordlist in diceware format. Words are lower-cased and
// deduplicated; a short list is accepted with a warning.
func ExampleParseWordlist() {
	list, warnings, err := generator.ParseWordlist("mine", strings.NewReader(
		"11111\tapple\n11112\tBanana\n11113\tcherry\n11114\tbanana\n"))
	if err != nil {
		panic(err)
	}
	fmt.Println(list.Words)
	for _, w := range warnings {
		fmt.Println(w)
	}
	// Output:
	// [apple banana cherry]
	// wordlist "mine": removed 1 duplicate word (words are compared in lower case)
	// wordlist "mine" has only 3 distinct words, 1.58 bits per word; a list of 1000 or more words needs fewer words for the same strength
}

// With no separator, a list in which one word starts another can spell the
// same passphrase in two ways, so the entropy is only an upper bound.
func ExamplePhrase_Entropy() {
	list, _, _ := generator.ParseWordlist("tiny", strings.NewReader("a\nab\nb\nba\nabc\nc\n"))
	p, _ := generator.NewPhrase(generator.PhrasePolicy{Words: 3, List: list})
	warnings := p.Warnings()
	fmt.Printf("%.2f bits, %s\n", p.Entropy().Rounded(), p.Entropy().Bound)
	fmt.Println(warnings[0].Field)
	// Output:
	// 7.75 bits, upper bound
	// separator
}

func ExampleParseCase() {
	c, err := generator.ParseCase("title")
	fmt.Println(c, err)
	_, err = generator.ParseCase("camel")
	fmt.Println(err)
	// Output:
	// title <nil>
	// unknown case "camel": use lower, upper, title or random
}
