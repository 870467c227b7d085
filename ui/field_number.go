package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/ui/settings"
)

// numberField edits a whole number, or a limit that may also be "any".
// Arrows and +/- step it, page keys step by ten, home and end go to the
// ends of its range, and digits type a new value: the first digit after
// the field gets focus replaces the value, the next ones extend it.
type numberField struct {
	base
	// typed holds the digits typed so far while typing is on.
	typed  string
	typing bool
	// said is what the last key did that the value does not show: a
	// number clamped to the range, a paste that was not all digits.
	said string
}

func (f *numberField) focus(*settings.Settings) { f.typing, f.typed, f.said = false, "", "" }
func (f *numberField) blur()                    { f.typing, f.typed, f.said = false, "", "" }
func (f *numberField) notice() string           { return f.said }

func (f *numberField) limit() bool { return f.d.Kind() == settings.LimitKind }

// value returns the number and whether it is set (a limit may be "any").
func (f *numberField) value(s *settings.Settings) (int, bool) {
	if f.limit() {
		l := f.d.Limit(s)
		return l.N, l.Set
	}
	return f.d.Int(s), true
}

// bounds is the range a value may take now: the setting's, narrowed by
// other settings (a website's rules bound the length).
func (f *numberField) bounds(s *settings.Settings) (lo, hi int, why string) {
	lo, hi, why, _ = f.narrowed(s)
	return lo, hi, why
}

// narrowed is bounds, and whether other settings narrow the range.
func (f *numberField) narrowed(s *settings.Settings) (lo, hi int, why string, ok bool) {
	lo, hi = f.d.Min, f.d.Max
	why = fmt.Sprintf("%s is at most %s", f.d.Name, settings.Group(f.d.Max))
	if f.d.Range != nil {
		if l, h, w, ok := f.d.Range(s); ok {
			return max(lo, l), min(hi, h), w, true
		}
	}
	return lo, hi, why, false
}

// set stores v (clamped to the range) or, for a limit, "any" when !set,
// and reports a change.
func (f *numberField) set(s *settings.Settings, v int, set bool) bool {
	lo, hi, _ := f.bounds(s)
	v = min(max(v, lo), hi)
	before, had := f.value(s)
	if f.limit() {
		if had == set && (!set || before == v) {
			return false
		}
		if !set {
			f.d.SetLimit(s, settings.Limit{})
		} else {
			f.d.SetLimit(s, settings.AtMost(v))
		}
		return true
	}
	if before == v {
		return false
	}
	f.d.SetInt(s, v)
	return true
}

// step adds delta. A limit steps from "any" to its lowest value, and
// below its lowest value back to "any".
func (f *numberField) step(s *settings.Settings, delta int) bool {
	f.typing, f.typed = false, ""
	v, set := f.value(s)
	switch {
	case !set:
		lo, _, _ := f.bounds(s)
		return f.set(s, lo, true)
	case f.limit() && v+delta < f.d.Min:
		return f.set(s, 0, false)
	}
	if lo, hi, why, ok := f.narrowed(s); ok && (v+delta > hi || v+delta < lo) {
		f.said = why // the edge of a range the field does not show
	}
	return f.set(s, v+delta, true)
}

func (f *numberField) update(k *fieldKeys, msg tea.KeyPressMsg, s *settings.Settings) (bool, bool) {
	f.said = ""
	switch {
	case key.Matches(msg, k.Increase):
		return true, f.step(s, 1)
	case key.Matches(msg, k.Decrease):
		return true, f.step(s, -1)
	case key.Matches(msg, k.StepUp):
		return true, f.step(s, 10)
	case key.Matches(msg, k.StepDown):
		return true, f.step(s, -10)
	case key.Matches(msg, k.First):
		f.typing = false
		lo, _, _ := f.bounds(s)
		return true, f.set(s, lo, true)
	case key.Matches(msg, k.Last):
		f.typing = false
		_, hi, _ := f.bounds(s)
		return true, f.set(s, hi, true)
	case key.Matches(msg, k.Erase):
		return true, f.erase(s)
	case key.Matches(msg, k.Digits):
		return true, f.typeDigits(s, msg.Text)
	case f.limit() && key.Matches(msg, k.Any):
		f.typing, f.typed = false, ""
		return true, f.set(s, 0, false)
	}
	return false, false
}

// typeDigits appends typed digits. A number above the range becomes the
// maximum.
func (f *numberField) typeDigits(s *settings.Settings, digits string) bool {
	if !f.typing {
		f.typing, f.typed = true, ""
	}
	f.typed = strings.TrimLeft(f.typed+digits, "0")
	if f.typed == "" {
		f.typed = "0"
	}
	n, err := strconv.Atoi(f.typed)
	if _, hi, why := f.bounds(s); err != nil || n > hi {
		n = hi
		f.typed = strconv.Itoa(n)
		f.said = why
	}
	return f.set(s, n, true)
}

// erase deletes the last digit of the number being typed; a limit left
// with no digits is "any".
func (f *numberField) erase(s *settings.Settings) bool {
	if !f.typing {
		v, set := f.value(s)
		if !set {
			return false
		}
		f.typing, f.typed = true, strconv.Itoa(v)
	}
	if f.typed == "" {
		return false
	}
	f.typed = f.typed[:len(f.typed)-1]
	if f.typed == "" {
		if f.limit() {
			return f.set(s, 0, false)
		}
		return false
	}
	n, _ := strconv.Atoi(f.typed)
	return f.set(s, n, true)
}

func (f *numberField) paste(text string, s *settings.Settings) bool {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, text)
	if digits == "" {
		f.said = "the paste has no digits: " + f.d.Name + " takes a whole number"
		return false
	}
	f.typing, f.typed = false, ""
	changed := f.typeDigits(s, digits)
	if f.said == "" && digits != strings.TrimSpace(text) {
		f.said = "took the digits of the paste: " + f.typed
	}
	return changed
}

// display is the value as text.
func (f *numberField) display(s *settings.Settings) string {
	if f.typing {
		return f.typed
	}
	v, set := f.value(s)
	if (!set || v == 0 && !f.limit()) && f.d.Zero != "" {
		return f.d.Zero
	}
	return strconv.Itoa(v)
}

func (f *numberField) view(s *settings.Settings, focused bool, _ int, st *styles) string {
	v := f.display(s)
	if focused {
		if f.typing {
			v += "▏"
		}
		return "‹" + st.valueFocused.Render(v) + "›"
	}
	return " " + st.value.Render(v)
}

func (f *numberField) keys(k *fieldKeys) []key.Binding {
	out := []key.Binding{k.Increase, k.Digits, k.StepUp}
	if f.limit() {
		out = append(out, k.Any)
	}
	return out
}

// stepSize changes a mode's size (length, words, bytes, digits) from the
// result, within its range, and reports a change and what stopped it at
// the edge of a range narrowed by other settings.
func stepSize(d *settings.Descriptor, s *settings.Settings, delta int) (bool, string) {
	f := numberField{base: base{d}}
	changed := f.step(s, delta)
	return changed, f.said
}
