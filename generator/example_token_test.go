package generator_test

import (
	"fmt"
	"strings"

	"github.com/sesame-sh/sesame/generator"
)

// An API key in the style secret scanners recognise: a fixed prefix, 32
// random bytes in base 62, and a CRC-32 checksum suffix.
func ExampleNewToken() {
	tok, err := generator.NewToken(generator.TokenPolicy{
		Bytes:    32,
		Format:   generator.TokenBase62,
		Prefix:   "sk_live_",
		Checksum: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	key, err := tok.Generate(generator.NewRand(generator.CryptoSource()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(key, "sk_live_"), len(key), tok.Length())
	fmt.Println(generator.VerifyTokenChecksum(key, "sk_live_", generator.TokenBase62))
	fmt.Printf("%.2f bits\n", tok.Entropy().Rounded())
	// Output:
	// true 57 43
	// true
	// 256.00 bits
}

func ExampleNewToken_invalid() {
	_, err := generator.NewToken(generator.TokenPolicy{Bytes: 0})
	fmt.Println(err)
	// Output:
	// token size 0 is out of range: use 1 to 4096 bytes
}

// A 6-digit PIN without the 30 trivial ones (000000, 123456, 654321, …).
func ExampleNewPIN() {
	pin, err := generator.NewPIN(generator.PINPolicy{Length: 6, NoTrivial: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := pin.Generate(generator.NewRand(generator.CryptoSource()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(s), generator.IsTrivialPIN(s), pin.Entropy().Count)
	fmt.Printf("%.2f bits\n", pin.Entropy().Rounded())
	// Output:
	// 6 false 999970
	// 19.93 bits
}

// A lottery draw: 6 distinct numbers from 1 to 49, in the order drawn.
func ExampleNumberRange_DrawUnique() {
	balls, err := generator.NewNumberRange(1, 49)
	if err != nil {
		fmt.Println(err)
		return
	}
	draw, err := balls.DrawUnique(generator.NewRand(generator.CryptoSource()), 6)
	if err != nil {
		fmt.Println(err)
		return
	}
	seen, inRange := map[int64]bool{}, 0
	for _, b := range draw {
		seen[b] = true
		if b >= 1 && b <= 49 {
			inRange++
		}
	}
	fmt.Println(len(draw), len(seen), inRange)
	e := balls.UniqueEntropy(6)
	fmt.Printf("%v ordered draws, %.2f bits\n", e.Count, e.Rounded())
	_, err = balls.DrawUnique(generator.NewRand(generator.CryptoSource()), 50)
	fmt.Println(err)
	// Output:
	// 6 6 6
	// 10068347520 ordered draws, 33.22 bits
	// the range 1 to 49 only holds 49 numbers, so 50 unique ones cannot be drawn: draw at most 49, or widen the range
}

// One roll of a die.
func ExampleNumberRange_Draw() {
	die, err := generator.NewNumberRange(1, 6)
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := die.Draw(generator.NewRand(generator.CryptoSource()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v >= 1 && v <= 6)
	fmt.Printf("%.2f bits\n", die.Entropy().Rounded())
	// Output:
	// true
	// 2.58 bits
}
