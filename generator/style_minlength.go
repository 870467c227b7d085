package generator

import (
	"errors"
	"math"
)

// MinStyleLength returns the shortest length in [lo, hi] at which the
// style's passwords reach bits, for --min-bits. An apple-style password
// has one length, which reaches them or not. For the others the figure
// grows with the length, about in proportion: one count at the style's
// usual length guesses the answer, and single steps from there find it,
// each step one count of the engine.
func MinStyleLength(sp StylePolicy, bits float64, lo, hi int) (int, error) {
	if math.IsNaN(bits) || bits < 0 {
		return 0, policyErr("min-bits", "%v must be a number of bits, 0 or more", SettingName("min-bits"))
	}
	figure := func(n int) (Entropy, error) {
		q := sp
		q.Policy.Length = n
		p, err := NewStyle(q)
		if err != nil {
			return Entropy{}, err
		}
		return p.Entropy(), nil
	}
	if sp.Style == StyleApple {
		e, err := figure(AppleLength)
		if err != nil {
			return 0, err
		}
		if !e.Reaches(bits) {
			return 0, policyErr("min-bits", "apple-style passwords have %.2f bits, short of %v %g: choose another %v", e.Rounded(), SettingName("min-bits"), bits, SettingName("style"))
		}
		return AppleLength, nil
	}
	lo, hi = max(lo, 2), min(hi, MaxLength)
	if lo > hi {
		return 0, policyErr("length", "no length from %d to %d exists: the range is empty", lo, hi)
	}
	reaches := func(n int) (bool, error) {
		e, err := figure(n)
		var pe *PolicyError
		if errors.As(err, &pe) && pe.Field == "length" {
			return false, nil // too short for the minimums
		}
		return err == nil && e.Reaches(bits), err
	}
	start := min(max(20, lo), hi)
	e, err := figure(start)
	if err != nil {
		return 0, err
	}
	n := start
	if perChar := e.Bits / float64(start); perChar > 0 {
		n = min(max(int(math.Ceil(bits/perChar)), lo), hi)
	}
	ok, err := reaches(n)
	if err != nil {
		return 0, err
	}
	for ok && n > lo {
		if ok, err = reaches(n - 1); err != nil {
			return 0, err
		} else if !ok {
			return n, nil
		}
		n--
	}
	if ok {
		return n, nil
	}
	for !ok {
		if n == hi {
			return 0, policyErr("min-bits", "no %s password of up to %d characters reaches %v %g: lower it", sp.Style, hi, SettingName("min-bits"), bits)
		}
		n++
		if ok, err = reaches(n); err != nil {
			return 0, err
		}
	}
	return n, nil
}
