package generator

import "fmt"

// PolicyError reports settings that are invalid or that no output can
// satisfy. Its message says what is wrong and what would work; Field names
// the setting at fault in the vocabulary of the command line ("length",
// "min-digits", "alphabet", "words", …) so that callers can point at it.
type PolicyError struct {
	Field string
	Msg   string
	Err   error // the underlying cause, if any (such as fs.ErrNotExist)
}

func (e *PolicyError) Error() string { return e.Msg }

// Unwrap returns the underlying cause.
func (e *PolicyError) Unwrap() error { return e.Err }

// policyErr builds a PolicyError with a formatted message.
func policyErr(field, format string, args ...any) *PolicyError {
	return &PolicyError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Warning is a note about a setting that was accepted but adjusted or is
// unwise, such as duplicate characters removed from a custom alphabet.
type Warning struct {
	Field string
	Msg   string
}

func (w Warning) String() string { return w.Msg }
