package rules

import "math/bits"

// charset is a set of printable ASCII characters (space to '~'), one bit
// per code point. The language's classes are all subsets of this range.
type charset [2]uint64

// firstPrintable and lastPrintable bound the characters a charset holds.
const (
	firstPrintable = ' '
	lastPrintable  = '~'
)

func (s *charset) add(c byte)     { s[c>>6] |= 1 << (c & 63) }
func (s charset) has(c byte) bool { return c < 128 && s[c>>6]&(1<<(c&63)) != 0 }
func (s charset) union(t charset) charset {
	return charset{s[0] | t[0], s[1] | t[1]}
}
func (s charset) minus(t charset) charset {
	return charset{s[0] &^ t[0], s[1] &^ t[1]}
}
func (s charset) contains(t charset) bool { return t.minus(s) == charset{} }
func (s charset) empty() bool             { return s == charset{} }
func (s charset) len() int                { return bits.OnesCount64(s[0]) + bits.OnesCount64(s[1]) }

// String returns the characters in code-point order.
func (s charset) String() string {
	b := make([]byte, 0, s.len())
	for half, w := range s {
		for ; w != 0; w &= w - 1 {
			b = append(b, byte(half*64+bits.TrailingZeros64(w)))
		}
	}
	return string(b)
}

// charsetOf returns the printable ASCII characters of str; others are
// ignored.
func charsetOf(str string) charset {
	var s charset
	for i := 0; i < len(str); i++ {
		if c := str[i]; c >= firstPrintable && c <= lastPrintable {
			s.add(c)
		}
	}
	return s
}

func charRange(lo, hi byte) charset {
	var s charset
	for c := lo; c <= hi; c++ {
		s.add(c)
	}
	return s
}

// The named classes. special is space and the 32 ASCII punctuation
// characters, which is everything printable that is not a letter or digit.
var (
	upperSet     = charRange('A', 'Z')
	lowerSet     = charRange('a', 'z')
	digitSet     = charRange('0', '9')
	printableSet = charRange(firstPrintable, lastPrintable)
	specialSet   = printableSet.minus(upperSet).minus(lowerSet).minus(digitSet)
	spaceSet     = charsetOf(" ")
	// punctuationSet is special without the space: the 32 ASCII
	// punctuation characters.
	punctuationSet = specialSet.minus(spaceSet)
)

// namedClass is a class keyword and its characters; unicode stands for
// printable ASCII because that is all sesame draws from.
type namedClass struct {
	name string
	set  charset
}

// namedClasses lists the keywords; the order is the one String writes.
var namedClasses = []namedClass{
	{"upper", upperSet},
	{"lower", lowerSet},
	{"digit", digitSet},
	{"special", specialSet},
	{"ascii-printable", printableSet},
	{"unicode", printableSet},
}

// classNames is the list of keywords for error messages.
const classNames = "upper, lower, digit, special, ascii-printable, unicode or [chars]"
