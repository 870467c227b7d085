package generator

import (
	"math"
	"math/big"
)

// Rating is a coarse verdict on an entropy figure (README, "How strength
// is computed").
type Rating int

// Ratings by bits: below 40 weak, below 64 fair, below 80 good, below 128
// strong, 128 and above excellent.
const (
	Weak Rating = iota
	Fair
	Good
	Strong
	Excellent
)

var ratingNames = [...]string{"weak", "fair", "good", "strong", "excellent"}

// String returns the rating's lower-case name.
func (r Rating) String() string {
	if r < Weak || r > Excellent {
		return "unknown"
	}
	return ratingNames[r]
}

// ratingThresholds are the lowest bit counts of Fair, Good, Strong and
// Excellent.
var ratingThresholds = [...]float64{40, 64, 80, 128}

// RateBits returns the rating of a figure in bits: Fair from 40 bits, Good
// from 64, Strong from 80 and Excellent from 128.
func RateBits(bits float64) Rating {
	r := Weak
	for _, t := range ratingThresholds {
		if bits >= t {
			r++
		}
	}
	return r
}

// Attacker is a guessing rate used to turn entropy into time.
type Attacker struct {
	Name             string  // e.g. "offline, fast hash"
	GuessesPerSecond float64 // the attacker's rate
}

// attackers are the guessing rates the README lists, slowest first.
var attackers = [...]Attacker{
	{Name: "online, throttled (100/hour)", GuessesPerSecond: 100.0 / 3600},
	{Name: "online, unthrottled (10/s)", GuessesPerSecond: 10},
	{Name: "offline, slow hash (1e4/s)", GuessesPerSecond: 1e4},
	{Name: "offline, fast hash (1e10/s)", GuessesPerSecond: 1e10},
}

// Attackers returns the guessing rates the README lists, slowest first:
// the attackers of Strength.CrackTimes, in order.
func Attackers() [len(attackers)]Attacker { return attackers }

// CrackTime is the expected time for one attacker to guess a result.
type CrackTime struct {
	Attacker Attacker
	// Seconds is the expected time; +Inf when it exceeds float64's range
	// (about 1e308 s), which Log10Seconds still represents.
	Seconds float64
	// Log10Seconds is log10 of the expected time in seconds.
	Log10Seconds float64
}

// Strength is everything sesame reports about how hard a result is to guess.
type Strength struct {
	Entropy Entropy
	Rating  Rating
	// ExpectedGuessesLog2 is log2 of the expected number of guesses of an
	// attacker who knows the policy: half the space, (count+1)/2.
	ExpectedGuessesLog2 float64
	CrackTimes          [len(attackers)]CrackTime // one for each of Attackers
}

// Assess rates an entropy figure and computes the expected crack times.
// The rating uses the figure rounded as it is reported, so the bits and the
// rating shown side by side never disagree.
func Assess(e Entropy) Strength {
	s := Strength{Entropy: e, Rating: RateBits(e.Rounded())}
	s.ExpectedGuessesLog2 = expectedGuessesLog2(e)
	for i, a := range attackers {
		l10 := s.ExpectedGuessesLog2*math.Log10(2) - math.Log10(a.GuessesPerSecond)
		s.CrackTimes[i] = CrackTime{Attacker: a, Seconds: math.Pow(10, l10), Log10Seconds: l10}
	}
	return s
}

// expectedGuessesLog2 returns log2((count+1)/2), exactly from Count when it
// is known and from Bits otherwise.
func expectedGuessesLog2(e Entropy) float64 {
	if e.Count != nil {
		g := new(big.Int).Add(e.Count, big.NewInt(1))
		return log2Big(g) - 1
	}
	// (2^b + 1)/2 in log2: b - 1 + log2(1 + 2^-b).
	return e.Bits - 1 + math.Log2(1+math.Exp2(-e.Bits))
}
