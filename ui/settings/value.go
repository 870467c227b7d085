package settings

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Reading and writing one setting's value, with the checks every surface
// shares: the range of a number, the names of a choice, the length of a
// text. A value outside them is a *ValueError that says what would work.

// ValueError says what a setting accepts. The caller names the setting
// and quotes the rejected value ("--length must be a whole number from 1
// to 4,096, not "0"").
type ValueError struct {
	Want string // "must be a whole number from 1 to 4,096"
	Hint string // a likely intended value: "did you mean base64url?"
}

func (e *ValueError) Error() string { return e.Want }

// Int returns a number's value, a choice's index, or a set limit's number.
func (d *Descriptor) Int(s *Settings) int {
	switch f := d.field().(type) {
	case number:
		return f.get(s)
	case limitField:
		return f(s).N
	}
	panic(d.notA("number"))
}

// Limit returns a limit's value.
func (d *Descriptor) Limit(s *Settings) Limit { return *fieldOf[limitField](d, "limit")(s) }

// Bool returns a switch's value.
func (d *Descriptor) Bool(s *Settings) bool { return *fieldOf[switchField](d, "switch")(s) }

// Text returns a text's value.
func (d *Descriptor) Text(s *Settings) string { return *fieldOf[textField](d, "text")(s) }

// SetInt sets a number or a choice's index, within range.
func (d *Descriptor) SetInt(s *Settings, n int) error {
	f := fieldOf[number](d, "number or a choice")
	if err := d.checkInt(n); err != nil {
		return err
	}
	f.set(s, n)
	return nil
}

// SetLimit sets a limit, within range.
func (d *Descriptor) SetLimit(s *Settings, l Limit) error {
	f := fieldOf[limitField](d, "limit")
	if l.Set {
		if err := d.checkInt(l.N); err != nil {
			return err
		}
	} else {
		l.N = 0
	}
	*f(s) = l
	return nil
}

// SetBool sets a switch.
func (d *Descriptor) SetBool(s *Settings, on bool) { *fieldOf[switchField](d, "switch")(s) = on }

// SetText sets a text, if it is short enough.
func (d *Descriptor) SetText(s *Settings, text string) error {
	f := fieldOf[textField](d, "text")
	if d.MaxLen > 0 && utf8.RuneCountInString(text) > d.MaxLen {
		want := fmt.Sprintf("is at most %s characters long", Group(d.MaxLen))
		if d.maxLenWhy != "" {
			want += " (" + d.maxLenWhy + ")"
		}
		return &ValueError{Want: want}
	}
	*f(s) = text
	return nil
}

// Copy copies the setting's value from src to dst.
func (d *Descriptor) Copy(dst, src *Settings) {
	for _, t := range d.targets() {
		t.value.copy(dst, src)
	}
}

// Equal reports whether a and b agree on the setting.
func (d *Descriptor) Equal(a, b *Settings) bool { return d.field().equal(a, b) }

// fieldOf returns d's field as an F: asking a switch for its text is a
// mistake in sesame, not in the user's input.
func fieldOf[F value](d *Descriptor, what string) F {
	f, ok := d.field().(F)
	if !ok {
		panic(d.notA(what))
	}
	return f
}

func (d *Descriptor) notA(what string) string { return "settings: " + d.Name + " is not a " + what }

func (d *Descriptor) checkInt(v int) error {
	if d.Kind() == ChoiceKind {
		if v < 0 || v >= len(d.Choices) {
			return &ValueError{Want: "must be " + OrList(d.ChoiceNames(false))}
		}
		return nil
	}
	if v < d.Min || v > d.Max {
		return &ValueError{Want: fmt.Sprintf("must be a whole number from %s to %s", Group(d.Min), Group(d.Max))}
	}
	return nil
}

// ChoiceNames lists a choice's names; flags leaves out those the command
// line does not offer.
func (d *Descriptor) ChoiceNames(flags bool) []string {
	var out []string
	for _, c := range d.Choices {
		if !(flags && c.notAFlag) {
			out = append(out, c.Name)
		}
	}
	return out
}

// Parse sets the setting from text typed on the command line: a number
// in plain decimal digits (decimal.go), "any" for no limit, true or false, a choice's name
// (in any case), or the text itself.
func (d *Descriptor) Parse(s *Settings, text string) error {
	if d.Check != nil {
		if err := d.Check(text); err != nil {
			return err
		}
	}
	if d.Alias() {
		for _, t := range d.targets() {
			if err := t.Parse(s, text); err != nil {
				return err
			}
		}
		return nil
	}
	switch d.Kind() {
	case IntKind:
		n, err := parseInt(text)
		if err != nil {
			return &ValueError{Want: fmt.Sprintf("must be a whole number from %s to %s", Group(d.Min), Group(d.Max)), Hint: DecimalHint(text)}
		}
		return d.SetInt(s, n)
	case LimitKind:
		if strings.EqualFold(strings.TrimSpace(text), "any") {
			return d.SetLimit(s, Limit{})
		}
		n, err := parseInt(text)
		if err != nil {
			return &ValueError{Want: fmt.Sprintf("must be a whole number from %s to %s, or any", Group(d.Min), Group(d.Max)), Hint: DecimalHint(text)}
		}
		return d.SetLimit(s, AtMost(n))
	case SwitchKind:
		v, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil {
			return &ValueError{Want: "takes true or false"}
		}
		d.SetBool(s, v)
		return nil
	case ChoiceKind:
		for i, c := range d.Choices {
			if !c.notAFlag && c.is(text) {
				return d.SetInt(s, i)
			}
		}
		names := d.ChoiceNames(true)
		return &ValueError{Want: "must be " + OrList(names), Hint: suggestion(strings.ToLower(text), names)}
	}
	return d.SetText(s, text)
}

// Format writes the value as Parse reads it.
func (d *Descriptor) Format(s *Settings) string {
	switch d.Kind() {
	case IntKind:
		return strconv.Itoa(d.Int(s))
	case LimitKind:
		if l := d.Limit(s); l.Set {
			return strconv.Itoa(l.N)
		}
		return "any"
	case SwitchKind:
		return strconv.FormatBool(d.Bool(s))
	case ChoiceKind:
		if i := d.Int(s); i >= 0 && i < len(d.Choices) {
			return d.Choices[i].Name
		}
		return ""
	}
	return d.Text(s)
}

// JSONKey is the setting's key in the settings file and in --json output.
func (d *Descriptor) JSONKey() string { return strings.ReplaceAll(d.Name, "-", "_") }

// JSON returns the value as the settings file and --json write it: a
// number, null for no limit, a boolean, a choice's name or the text.
func (d *Descriptor) JSON(s *Settings) any {
	switch d.Kind() {
	case IntKind:
		return d.Int(s)
	case LimitKind:
		if l := d.Limit(s); l.Set {
			return l.N
		}
		return nil
	case SwitchKind:
		return d.Bool(s)
	case ChoiceKind:
		return d.Format(s)
	}
	return d.Text(s)
}

// setJSON sets the value from the settings file. A value of the wrong type
// or out of range is an error, and the setting keeps its value.
func (d *Descriptor) setJSON(s *Settings, raw json.RawMessage) error {
	switch d.Kind() {
	case IntKind:
		var n int
		if err := json.Unmarshal(raw, &n); err != nil {
			return &ValueError{Want: "must be a whole number"}
		}
		return d.SetInt(s, n)
	case LimitKind:
		var n *int
		if err := json.Unmarshal(raw, &n); err != nil {
			return &ValueError{Want: "must be a whole number or null"}
		}
		if n == nil {
			return d.SetLimit(s, Limit{})
		}
		return d.SetLimit(s, AtMost(*n))
	case SwitchKind:
		var v bool
		if err := json.Unmarshal(raw, &v); err != nil {
			return &ValueError{Want: "must be true or false"}
		}
		d.SetBool(s, v)
		return nil
	case ChoiceKind:
		var name string
		if err := json.Unmarshal(raw, &name); err != nil {
			return &ValueError{Want: "must be a name"}
		}
		for i, c := range d.Choices {
			if c.is(name) {
				return d.SetInt(s, i)
			}
		}
		return &ValueError{Want: "must be " + OrList(d.ChoiceNames(false))}
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		return &ValueError{Want: "must be text"}
	}
	return d.SetText(s, text)
}

func parseInt(s string) (int, error) {
	n, err := ParseDecimal(s, strconv.IntSize)
	return int(n), err
}

// Group writes 10000000 as 10,000,000.
func Group(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// suggestion returns "did you mean …?" for a mistyped name, or "".
func suggestion(typed string, names []string) string {
	if c := Closest(typed, names); c != "" {
		return "did you mean " + c + "?"
	}
	return ""
}
