package clipboard

// The tests' shorthand for a clear that only says whether it cleared;
// sesame itself uses Uncopy, which says what it did.

// Clear takes a secret off the clipboard a copy put it on (see Uncopy).
// cleared is false when the clipboard held something else and was left
// alone.
func (c Copier) Clear(res Result, secret string) (cleared bool, err error) {
	o, err := c.Uncopy(res, secret)
	return o.Cleared(), err
}

// Cleared reports whether the clear took our secret off somewhere.
func (o Outcome) Cleared() bool { return o != Kept }

// Cleared says in words what a clear did, for callers that kept only
// whether it cleared; Uncopied says more.
func Cleared(res Result, cleared bool, err error) string {
	switch {
	case err != nil || !cleared && res.Channel != Terminal:
		return Uncopied(res, Kept, err)
	case res.Channel == Terminal:
		return Uncopied(res, SentEmpty, nil)
	case res.Channel == Tmux:
		return "tmux buffer deleted"
	}
	return Uncopied(res, Emptied, nil)
}
