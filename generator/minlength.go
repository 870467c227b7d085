package generator

import (
	"errors"
	"math"
)

// MinLength returns the smallest length, keeping every other setting of
// p, whose entropy reaches bits. A length whose figure is only a lower
// bound counts when the bound reaches the target, so the answer never
// overstates strength. It returns a *PolicyError when even MaxLength falls
// short or the other settings are invalid.
func MinLength(p PasswordPolicy, bits float64) (int, error) {
	return MinLengthIn(p, bits, 1, MaxLength)
}

// MinLengthIn is MinLength with the length kept within [lo, hi], as a
// website's rules keep it.
func MinLengthIn(p PasswordPolicy, bits float64, lo, hi int) (int, error) {
	if math.IsNaN(bits) || bits < 0 {
		return 0, policyErr("min-bits", "%v must be a number of bits, 0 or more", SettingName("min-bits"))
	}
	reaches := func(L int) (bool, error) {
		q := p
		q.Length = L
		e, err := PasswordEntropy(q)
		if err != nil {
			var pe *PolicyError
			if errors.As(err, &pe) && pe.Field == "length" {
				return false, nil // too short for the minimums, or too long for the maximums
			}
			return false, err
		}
		return e.Reaches(bits), nil
	}
	// Entropy grows with the length wherever the policy is satisfiable: a
	// valid password extends by any character of a class still below its
	// maximum, which exists until the maximums cap the length. So binary
	// search for the first length that reaches the target.
	lo, hi = max(lo, 1), min(hi, MaxLength)
	if lo > hi {
		return 0, policyErr("length", "no length from %d to %d exists: the range is empty", lo, hi)
	}
	if ok, err := reaches(hi); err != nil {
		return 0, err
	} else if !ok {
		best, bestL := 0.0, hi
		for L := hi; L >= lo; L /= 2 { // report what is reachable
			q := p
			q.Length = L
			if e, err := PasswordEntropy(q); err == nil {
				best, bestL = e.Rounded(), L
				break
			}
		}
		if hi < MaxLength {
			return 0, policyErr("min-bits", "no length from %d to %d reaches %.2f bits with these settings (%d characters give %.2f): lower %v", lo, hi, bits, bestL, best, SettingName("min-bits"))
		}
		return 0, policyErr("min-bits", "no length up to %d reaches %.2f bits with these settings (at most about %.2f): lower %v or widen the alphabet", MaxLength, bits, best, SettingName("min-bits"))
	}
	for lo < hi {
		mid := (lo + hi) / 2
		ok, err := reaches(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}
