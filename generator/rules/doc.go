// Package rules reads the Password Rules language, in which a website
// states what its passwords must look like, and holds the rules of several
// hundred sites.
//
// The language comes from the passwordrules attribute that Apple proposed
// for HTML; Apple's password-manager-resources repository holds the
// reference parser (tools/PasswordRulesParser.js) and the list of sites
// (quirks/password-rules.json) that sesame embeds. A string is a list of
// rules separated by ';':
//
//	minlength: 8; maxlength: 32; required: lower, upper; required: digit; allowed: [-_.!];
//
// # Meaning
//
//   - required: CLASSES — at least one character from the union of the
//     listed classes. Each required rule is a requirement of its own, and a
//     password must meet all of them. Required characters are allowed.
//   - allowed: CLASSES — characters a password may use. With no allowed and
//     no required rule, every printable ASCII character is allowed; with
//     only required rules, exactly the required characters are.
//   - minlength, maxlength — the largest minlength and the smallest
//     maxlength win.
//   - max-repeating: N — no run of more than N identical characters
//     ("aaa" is a run of 3).
//   - max-sequential: N — no run of more than N characters counting up or
//     down by one (defined below).
//   - max-consecutive: N — both max-repeating: N and max-sequential: N.
//     For each limit the smallest value wins, and 0 means no limit.
//
// Implementations differ on max-consecutive: Apple's parser carries it as
// one number without saying what it counts, and 1Password's Rust parser
// documents it as identical characters only. sesame applies both limits,
// the strict reading: it can leave out passwords a site would take, but
// never produces one the site refuses.
//
// Classes are upper (A–Z), lower (a–z), digit (0–9), special (space and
// the 32 ASCII punctuation characters !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~),
// ascii-printable (all 95), unicode, and custom classes such as [-!#$]
// that list ASCII characters: '-' only first, ']' only last, written "]]".
// Rule names are case-sensitive and class names are not. unicode allows
// any character, but sesame draws from printable ASCII and says so through
// [Rules.Unicode].
//
// # Sequential runs
//
// Two neighbouring characters form a step up when both lie in one of the
// ranges a–z, A–Z or 0–9 and the second comes right after the first in
// that range ("ab", "78"), and a step down when it comes right before
// ("ba"). Nothing wraps and nothing crosses ranges: "za", "Za", "9:" and
// "Z[" are not steps. A sequential run is a maximal stretch of steps all
// up, or all down; its length counts characters, so "abcd" is a run of 4.
// A turn starts a new run that shares the turning character: "abcba" holds
// two runs of 3, "abc" and "cba". max-sequential: N forbids runs longer
// than N.
//
// # Strictness
//
// Where Apple's parser meets a malformed string it logs to the console and
// falls back to "any printable ASCII character", or keeps only the rules
// before the fault, either of which can produce passwords the site
// refuses. [Parse] refuses such a string with a
// [SyntaxError] saying where and what was expected. Where Apple's parser
// drops a part and goes on (a non-ASCII character or a misplaced '-' in a
// class, a rule with no value, a limit of 0), Parse does the same and
// returns a warning. Rules that contradict each other in a way visible
// without counting passwords, such as a minlength above the maxlength, are
// errors too.
package rules
