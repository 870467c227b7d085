package rules

import "slices"

// Without returns the rules with the given characters taken out of what
// they allow and of every requirement: the rules as they apply once other
// settings narrow them (sesame leaves the space out unless asked, and a
// user may exclude characters). A requirement left with no character is
// kept empty, so its index still matches; whoever narrows decides whether
// that is an error. Characters outside printable ASCII are ignored.
//
// When something is taken out, Unicode is cleared: the rules then allow
// exactly what Allowed lists, and a summary says so.
func (r *Rules) Without(chars string) *Rules {
	drop := charsetOf(chars)
	out := r.clone()
	allowed := charsetOf(r.Allowed)
	if allowed.minus(drop) == allowed {
		return out
	}
	out.Allowed = allowed.minus(drop).String()
	out.Unicode = false
	out.Required = slices.Clone(r.Required)
	for i, q := range out.Required {
		out.Required[i] = charsetOf(q).minus(drop).String()
	}
	return out
}
