package settings

import (
	"errors"
	"strconv"
	"strings"
)

// One rule for every number sesame reads from the command line (sizes,
// counts, limits, number's bounds, --min-bits): plain decimal digits, with
// a leading - where a negative number makes sense. That is what people
// type; 1_000, 1,000, 0x10, +5 and 1e3 are refused with a hint rather than
// read by one flag and not another.

var errNotDecimal = errors.New("not plain decimal digits")

// ParseDecimal reads a whole number in plain decimal digits (surrounding
// spaces ignored) that fits in bits bits.
func ParseDecimal(s string, bits int) (int64, error) {
	s = strings.TrimSpace(s)
	if !isDecimal(strings.TrimPrefix(s, "-")) {
		return 0, errNotDecimal
	}
	return strconv.ParseInt(s, 10, bits)
}

// ParseDecimalFraction reads a number of plain decimal digits with an
// optional fraction (77.54, .5), not negative.
func ParseDecimalFraction(s string) (float64, error) {
	s = strings.TrimSpace(s)
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" && frac == "" || whole != "" && !isDecimal(whole) || dot && frac != "" && !isDecimal(frac) {
		return 0, errNotDecimal
	}
	return strconv.ParseFloat(s, 64)
}

func isDecimal(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// DecimalHint says how to write a number refused for its spelling: "write
// 1000" for 1_000 or 1,000, "decimal digits only" for 0x10, 1e3 or +5; ""
// when the spelling was not the problem.
func DecimalHint(s string) string {
	s = strings.TrimSpace(s)
	if plain := strings.NewReplacer("_", "", ",", "").Replace(s); plain != s && isDecimal(strings.TrimPrefix(plain, "-")) {
		return "write " + plain + ": digits only, without separators"
	}
	body := strings.TrimPrefix(s, "-")
	if strings.HasPrefix(body, "+") || len(body) > 1 && body[0] == '0' && strings.ContainsAny(body[1:2], "xXoObB") ||
		len(body) > 0 && strings.ContainsAny(body[:1], "0123456789.") && strings.ContainsAny(body, "eE") {
		return "write it in plain decimal digits"
	}
	return ""
}
