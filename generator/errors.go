package generator

import "fmt"

// SettingName names one setting in the vocabulary the command line, the
// interactive forms and the settings file share: "length", "min-digits",
// "alphabet", "words", …. Errors and warnings name the setting at fault
// with a SettingName, and mention other settings as SettingName arguments, so that
// each surface can spell them its own way (--min-digits on the command
// line, a highlighted row in a form) without parsing prose.
type SettingName string

// message is a sentence whose Setting arguments are spelled by the reader.
type message struct {
	format string
	args   []any
}

// text formats the message, spelling each Setting argument with name (its
// plain name when name is nil).
func (m message) text(name func(SettingName) string) string {
	if name == nil {
		name = func(s SettingName) string { return string(s) }
	}
	args := make([]any, len(m.args))
	for i, a := range m.args {
		switch a := a.(type) {
		case SettingName:
			args[i] = name(a)
		case message:
			args[i] = a.text(name)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(m.format, args...)
}

// and appends a clause to a list: "a, b, c".
func (m message) and(format string, args ...any) message {
	if m.format != "" {
		format = m.format + ", " + format
	}
	return message{format, append(m.args[:len(m.args):len(m.args)], args...)}
}

// String formats the message with plain setting names.
func (m message) String() string { return m.text(nil) }

// PolicyError reports settings that are invalid or that no output can
// satisfy. Its message says what is wrong and what would work; Field names
// the setting at fault so that callers can point at it.
type PolicyError struct {
	Field SettingName
	Err   error // the underlying cause, if any (such as fs.ErrNotExist)
	msg   message
}

// PolicyErrorf returns a PolicyError about field. Setting arguments are
// spelled by the reader of the message (see [PolicyError.Text]).
func PolicyErrorf(field SettingName, format string, args ...any) *PolicyError {
	return &PolicyError{Field: field, msg: message{format, args}}
}

// Error returns the message with settings under their plain names.
func (e *PolicyError) Error() string { return e.msg.text(nil) }

// Text returns the message with every setting it mentions spelled by name.
func (e *PolicyError) Text(name func(SettingName) string) string { return e.msg.text(name) }

// Unwrap returns the underlying cause.
func (e *PolicyError) Unwrap() error { return e.Err }

// policyErr is PolicyErrorf, for brevity inside the package.
func policyErr(field SettingName, format string, args ...any) *PolicyError {
	return PolicyErrorf(field, format, args...)
}

// Warning is a note about a setting that was accepted but adjusted or is
// unwise, such as duplicate characters removed from a custom alphabet.
type Warning struct {
	Field SettingName
	msg   message
}

// Warningf returns a Warning about field. As in [PolicyErrorf], settings
// passed as Setting arguments are spelled by the reader of the message.
func Warningf(field SettingName, format string, args ...any) Warning {
	return Warning{Field: field, msg: message{format, args}}
}

// warningf is Warningf, for brevity inside the package.
func warningf(field SettingName, format string, args ...any) Warning {
	return Warningf(field, format, args...)
}

// String returns the warning with settings under their plain names.
func (w Warning) String() string { return w.msg.text(nil) }

// Text returns the warning with every setting it mentions spelled by name.
func (w Warning) Text(name func(SettingName) string) string { return w.msg.text(name) }
