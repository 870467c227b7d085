package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// parseCases are valid inputs and what they mean; warn lists substrings,
// one per expected warning, in order.
var parseCases = []struct {
	name, in string
	want     Rules
	warn     []string
}{
	{"empty string allows all printable", "", Rules{Allowed: chars(printableChars)}, nil},
	{"only whitespace", " \t\n", Rules{Allowed: chars(printableChars)}, nil},
	{"no final semicolon", "minlength: 8", Rules{MinLength: 8, Allowed: chars(printableChars)}, nil},
	{"largest minlength wins", "minlength: 8; minlength: 12; minlength: 10;",
		Rules{MinLength: 12, Allowed: chars(printableChars)}, nil},
	{"smallest maxlength wins", "maxlength: 30; maxlength: 20; maxlength: 25",
		Rules{MaxLength: 20, Allowed: chars(printableChars)}, nil},
	{"maxlength 0 ignored", "maxlength: 0; maxlength: 16",
		Rules{MaxLength: 16, Allowed: chars(printableChars)}, []string{`at character 1: ignoring "maxlength: 0"`}},
	{"minlength 0 is no minimum", "minlength: 0", Rules{Allowed: chars(printableChars)}, nil},
	{"leading zeros", "minlength: 007", Rules{MinLength: 7, Allowed: chars(printableChars)}, nil},
	// Apple's parser has no cap on numbers; a limit past sesame's cap
	// is the cap, which is no limit at any length sesame makes.
	{"huge maxlength is the cap", "maxlength: 1000000000", Rules{MaxLength: maxNumber, Allowed: chars(printableChars)}, nil},
	{"huger maxlength is the cap", "maxlength: 99999999999999999999999999999", Rules{MaxLength: maxNumber, Allowed: chars(printableChars)}, nil},
	{"huge run limit is the cap", "max-consecutive: 1000000000000",
		Rules{MaxRepeating: maxNumber, MaxSequential: maxNumber, Allowed: chars(printableChars)}, nil},
	{"huge minlength is the cap", "minlength: 5000000000", Rules{MinLength: maxNumber, Allowed: chars(printableChars)}, nil},

	// A class with nothing usable, beside other classes, is dropped as
	// Apple's parser drops it.
	{"empty class beside a name", "required: lower, []",
		Rules{Allowed: lowerChars, Required: []string{lowerChars}}, []string{`at character 18: ignoring "[]": a class needs a printable ASCII character`}},
	{"non-ASCII class beside a name", "allowed: digit, [é]",
		Rules{Allowed: digitChars}, []string{`at character 17: ignoring "[é]": a class needs a printable ASCII character`}},
	{"empty classes around one", "required: [], [ab], [ü]",
		Rules{Allowed: "ab", Required: []string{"ab"}}, []string{`at character 11: ignoring "[]"`, `at character 21: ignoring "[ü]"`}},
	{"whitespace everywhere it may go", "\t minlength:\n8 ;\r\fmaxlength:9 ",
		Rules{MinLength: 8, MaxLength: 9, Allowed: chars(printableChars)}, nil},

	{"one required rule is one requirement", "required: upper, lower",
		Rules{Allowed: chars(upperChars, lowerChars), Required: []string{chars(upperChars, lowerChars)}}, nil},
	{"separate required rules are separate", "required: lower; required: upper",
		Rules{Allowed: chars(upperChars, lowerChars), Required: []string{upperChars, lowerChars}}, nil},
	{"identical requirements merge", "required: digit; required: digit",
		Rules{Allowed: digitChars, Required: []string{digitChars}}, nil},
	{"identical sets written differently merge", "required: [abc]; required: [cba]",
		Rules{Allowed: "abc", Required: []string{"abc"}}, nil},
	{"overlapping requirements stay", "required: upper; required: upper, digit",
		Rules{Allowed: chars(upperChars, digitChars), Required: []string{upperChars, chars(upperChars, digitChars)}}, nil},
	{"required characters are allowed", "required: upper; allowed: lower",
		Rules{Allowed: chars(upperChars, lowerChars), Required: []string{upperChars}}, nil},
	{"allowed alone", "allowed: lower", Rules{Allowed: lowerChars}, nil},
	{"allowed rules pool", "allowed: lower; allowed: [!]", Rules{Allowed: chars("!", lowerChars)}, nil},
	{"class names ignore case", "required: UPPER, Digit",
		Rules{Allowed: chars(upperChars, digitChars), Required: []string{chars(upperChars, digitChars)}}, nil},
	{"special is space and punctuation", "required: special",
		Rules{Allowed: chars(specialChars), Required: []string{chars(specialChars)}}, nil},
	{"ascii-printable", "required: ascii-printable",
		Rules{Allowed: chars(printableChars), Required: []string{chars(printableChars)}}, nil},
	{"a class inside a named one adds nothing", "allowed: upper, [ABC]", Rules{Allowed: upperChars}, nil},
	{"unicode allows everything", "allowed: ascii-printable, unicode",
		Rules{Allowed: chars(printableChars), Unicode: true}, nil},
	{"required unicode", "required: unicode; required: digit",
		Rules{Allowed: chars(printableChars), Required: []string{chars(printableChars), digitChars}, Unicode: true}, nil},
	{"unicode beside a narrow allowed", "required: digit; allowed: unicode",
		Rules{Allowed: chars(printableChars), Required: []string{digitChars}, Unicode: true}, nil},

	{"max-consecutive sets both limits", "max-consecutive: 3",
		Rules{Allowed: chars(printableChars), MaxRepeating: 3, MaxSequential: 3}, nil},
	{"smaller max-repeating wins", "max-consecutive: 3; max-repeating: 2",
		Rules{Allowed: chars(printableChars), MaxRepeating: 2, MaxSequential: 3}, nil},
	{"smaller max-sequential wins", "max-sequential: 4; max-consecutive: 5; max-sequential: 6",
		Rules{Allowed: chars(printableChars), MaxRepeating: 5, MaxSequential: 4}, nil},
	{"larger max-consecutive does not loosen", "max-repeating: 2; max-consecutive: 9",
		Rules{Allowed: chars(printableChars), MaxRepeating: 2, MaxSequential: 9}, nil},
	{"max-consecutive 0 ignored", "max-consecutive: 0; max-repeating: 0; max-sequential: 0",
		Rules{Allowed: chars(printableChars)}, []string{`"max-consecutive: 0"`, `"max-repeating: 0"`, `"max-sequential: 0"`}},

	{"dash first and bracket last", "required: [-]]", Rules{Allowed: "-]", Required: []string{"-]"}}, nil},
	{"only a bracket", "required: []]", Rules{Allowed: "]", Required: []string{"]"}}, nil},
	{"opening bracket inside", "required: [[]", Rules{Allowed: "[", Required: []string{"["}}, nil},
	{"both brackets", "required: [[]]", Rules{Allowed: "[]", Required: []string{"[]"}}, nil},
	{"backslash is literal", `required: [\]]`, Rules{Allowed: `\]`, Required: []string{`\]`}}, nil},
	{"space in a class", "required: [ ]", Rules{Allowed: " ", Required: []string{" "}}, nil},
	{"no spaces at all", "required:upper,lower,[!]",
		Rules{Allowed: chars("!", upperChars, lowerChars), Required: []string{chars("!", upperChars, lowerChars)}}, nil},
	{"class beside names", "required: lower, [#$]; required: digit",
		Rules{Allowed: chars("#$", lowerChars, digitChars), Required: []string{chars("#$", lowerChars), digitChars}}, nil},

	{"dash not first is dropped", "allowed: [a-z]", Rules{Allowed: "az"}, []string{"at character 12: ignoring '-'"}},
	{"second dash is dropped", "allowed: [--]", Rules{Allowed: "-"}, []string{"at character 12: ignoring '-'"}},
	{"non-ASCII is dropped", "allowed: [aé€]", Rules{Allowed: "a"}, []string{`at character 10: ignoring "é€" in a class`}},
	{"control characters are dropped", "allowed: [a\tb]", Rules{Allowed: "ab"}, []string{`ignoring "\t" in a class`}},
	{"invalid UTF-8 is dropped", "allowed: [a\xffb]", Rules{Allowed: "ab"}, []string{`ignoring "\xff" in a class`}},
	{"empty value is dropped", "required: ;required: upper",
		Rules{Allowed: upperChars, Required: []string{upperChars}}, []string{`at character 1: ignoring "required:": it has no value`}},
	{"empty value at the end", "minlength: 8; allowed:",
		Rules{MinLength: 8, Allowed: chars(printableChars)}, []string{`ignoring "allowed:"`}},

	{"one character can meet overlapping requirements", "maxlength: 1; required: upper, digit; required: digit",
		Rules{MaxLength: 1, Allowed: chars(upperChars, digitChars), Required: []string{chars(upperChars, digitChars), digitChars}}, nil},
	{"two characters meet four chained requirements", "maxlength: 2; required: [ab]; required: [bc]; required: [cd]; required: [de]",
		Rules{MaxLength: 2, Allowed: "abcde", Required: []string{"ab", "bc", "cd", "de"}}, nil},
	{"equal bounds", "minlength: 8; maxlength: 8", Rules{MinLength: 8, MaxLength: 8, Allowed: chars(printableChars)}, nil},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got, warnings, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(*got, tc.want) {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tc.in, *got, tc.want)
			}
			if len(warnings) != len(tc.warn) {
				t.Fatalf("Parse(%q): warnings %q, want %d", tc.in, warnings, len(tc.warn))
			}
			for i, w := range warnings {
				if !strings.Contains(w, tc.warn[i]) {
					t.Errorf("warning %d = %q, want it to contain %q", i, w, tc.warn[i])
				}
				if strings.ContainsAny(w, "\n\r") {
					t.Errorf("warning %d spans lines: %q", i, w)
				}
			}
		})
	}
}

// syntaxCases are malformed inputs: where the error points (a byte offset)
// and what the message says.
var syntaxCases = []struct {
	name, in string
	offset   int
	msg      string
}{
	{"missing colon", "minlength 8", 9, `expected ':' right after "minlength", found ' '`},
	{"space before colon", "minlength : 8", 9, `expected ':'`},
	{"unknown rule", "minlen: 8", 0, `expected a rule name (minlength, maxlength, required, allowed, max-consecutive, max-repeating or max-sequential), found "minlen"`},
	{"rule names are case-sensitive", "MinLength: 8", 0, `found "MinLength"; rule names are lower-case`},
	{"unknown rule later", "required: upper; x: 1", 17, `found "x"`},
	{"rule name missing", ": 8", 0, `expected a rule name`},
	{"lone semicolon", ";", 0, `expected a rule name (`},
	{"double semicolon", "minlength: 8;; maxlength: 9", 13, `found ';'`},
	{"trailing junk", "minlength: 8; }", 14, `found '}'`},
	{"non-ASCII outside a class", "minlength: 8; é", 14, `found 'é'`},
	{"word for a number", "minlength: eight", 11, `expected a number after "minlength:", found 'e'`},
	{"negative number", "maxlength: -1", 11, `expected a number`},
	{"class for a number", "max-consecutive: [ABC]", 17, `expected a number after "max-consecutive:"`},
	{"name for a number", "max-consecutive: upper", 17, `expected a number`},
	{"sum for a number", "max-consecutive: 1+1", 18, `expected ';' after max-consecutive: 1, found '+'`},
	{"letter after a number", "minlength: 8x", 12, `expected ';' after minlength: 8`},
	{"two numbers", "minlength: 8 9", 13, `found '9'`},
	{"rules without a semicolon", "minlength: 8 maxlength: 9", 13, `found 'm'`},
	{"unknown class", "required: uper", 10, `expected a class name (upper, lower, digit, special, ascii-printable, unicode or [chars]), found "uper"`},
	{"class name with a digit", "required: upper1", 15, `expected ',' or ';' after a class, found '1'`},
	{"digit for a class", "required: 1", 10, `expected a class name`},
	{"rule name for a class", "required: required: upper", 10, `found "required"`},
	{"trailing comma", "required: upper,", 16, `in "required:", found the end`},
	{"comma then semicolon", "allowed: upper,;", 15, `found ';'`},
	{"double comma", "allowed: upper,,lower", 15, `found ','`},
	{"missing comma", "required: upper lower", 16, `expected ',' or ';' after a class, found 'l'`},
	{"class after a name without comma", "allowed: upper [a]", 15, `found '['`},
	{"unterminated class", "required: [abc", 14, `expected ']' to close the class opened at character 11`},
	{"bracket at the end", "required: [", 11, `expected ']'`},
	{"empty class", "required: []", 10, `expected at least one character between '[' and ']'`},
	{"only empty classes", "required: [], [é]", 10, `expected at least one character between '[' and ']'`},
	{"empty class then more", "required: []; minlength: 8", 10, `between '[' and ']'`},
	{"class of dropped characters", "required: [é]", 10, `expected at least one printable ASCII character`},
	{"bracket inside a class", "required: [ab]c]", 14, `found 'c'`},
	{"three closing brackets", "required: [ab]]]", 15, `found ']'`},
}

func TestParseSyntaxErrors(t *testing.T) {
	for _, tc := range syntaxCases {
		t.Run(tc.name, func(t *testing.T) {
			r, warnings, err := Parse(tc.in)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) = %+v, %q, %v; want a *SyntaxError", tc.in, r, warnings, err)
			}
			if r != nil || warnings != nil {
				t.Errorf("Parse(%q) returned %+v and %q beside its error", tc.in, r, warnings)
			}
			if se.Offset != tc.offset {
				t.Errorf("Parse(%q): offset %d, want %d (%v)", tc.in, se.Offset, tc.offset, err)
			}
			if !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("Parse(%q): message %q, want it to contain %q", tc.in, se.Msg, tc.msg)
			}
			checkOneLine(t, err)
		})
	}
}

func checkOneLine(t *testing.T, err error) {
	t.Helper()
	text := err.Error()
	if strings.ContainsAny(text, "\n\r") || text == "" {
		t.Errorf("error is not one line: %q", text)
	}
	if strings.HasSuffix(text, ".") || strings.ToLower(text[:1]) != text[:1] {
		t.Errorf("error should start lower-case and have no final period: %q", text)
	}
}

func TestSyntaxErrorText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"minlength: 8; required: x;",
			`at character 25 ("…; required: x;"): expected a class name (upper, lower, digit, special, ascii-printable, unicode or [chars]), found "x"`},
		{"minLength: 8",
			`at character 1 ("minLength:…"): expected a rule name (minlength, maxlength, required, allowed, max-consecutive, max-repeating or max-sequential), found "minLength"; rule names are lower-case`},
		{"required: [abc",
			`at the end ("…quired: [abc"): expected ']' to close the class opened at character 11`},
		// Characters, not bytes, and a newline escaped so the message stays on one line.
		{"allowed: [aé]\nmaxlength x",
			`at character 15 ("…lowed: [aé]\nmaxlength …"): expected ',' or ';' after a class, found 'm'`},
	}
	for _, tc := range cases {
		_, _, err := Parse(tc.in)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q) error\n got %v\nwant %s", tc.in, err, tc.want)
		}
	}
}

func TestParseConflicts(t *testing.T) {
	cases := []struct{ in, want string }{
		{"minlength: 20; maxlength: 12", "minlength 20 is above maxlength 12"},
		{"maxlength: 12; minlength: 20", "minlength 20 is above maxlength 12"},
		{"minlength: 20; maxlength: 30; maxlength: 12", "minlength 20 is above maxlength 12"},
		{"maxlength: 2; required: upper; required: lower; required: digit", "maxlength 2 is too short for the required characters: meeting every requirement takes 3"},
		{"maxlength: 1; required: [ab]; required: [bc]; required: [cd]; required: [de]", "takes 2"},
		{"maxlength: 3; required: [a]; required: [b]; required: [c]; required: [d]; required: [abcd]", "takes 4"},
	}
	for _, tc := range cases {
		r, _, err := Parse(tc.in)
		var se *SyntaxError
		if err == nil || errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %+v, %v; want a conflict error containing %q", tc.in, r, err, tc.want)
			continue
		}
		checkOneLine(t, err)
	}
}

func TestFewestToMeet(t *testing.T) {
	sets := func(ss ...string) []charset {
		var out []charset
		for _, s := range ss {
			out = append(out, charsetOf(s))
		}
		return out
	}
	cases := []struct {
		reqs []charset
		want int
	}{
		{nil, 0},
		{sets("a"), 1},
		{sets("a", "a"), 1},
		{sets("ab", "b"), 1},
		{sets("ab", "cd"), 2},
		{sets("ab", "bc", "cd", "de"), 2},
		{sets("ab", "bc", "ca"), 2},
		{sets("abc", "ade", "bdf", "cef"), 2}, // no character in all four
		{sets(upperChars, lowerChars, digitChars, specialChars), 4},
	}
	for _, tc := range cases {
		if got, ok := fewestToMeet(tc.reqs); !ok || got != tc.want {
			t.Errorf("fewestToMeet(%v) = %d, %v; want %d", tc.reqs, got, ok, tc.want)
		}
	}
	var many []charset
	for c := byte('a'); c <= 'z'; c++ {
		many = append(many, charsetOf(string(c)))
	}
	if _, ok := fewestToMeet(many); ok {
		t.Errorf("fewestToMeet with 26 disjoint requirements should decline to search")
	}
}
