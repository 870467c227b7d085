package generator

// filter keeps drawing from an exact sampler over a superset until a
// string passes keep: rejection from a uniform superset is uniform on the
// subset. It is the one way a sampler is made exact for constraints it
// does not know (choose.go decides where), so every sampler draws from
// its own set and nothing else.
type filter struct {
	base sampler
	keep check
}

func (f filter) sample(r *Rand, out []int32) {
	for {
		f.base.sample(r, out)
		if r.err != nil || f.keep.accepts(out) {
			return
		}
	}
}

// check is what a filter keeps: a *layout keeps the strings that satisfy
// every constraint; the narrower checks below skip what the base sampler
// already guarantees.
type check interface {
	accepts(out []int32) bool
}

// countsCheck keeps the strings whose class counts are in range, for a
// base that obeys everything else (the runs sampler without required sets or a sequence limit).
type countsCheck struct{ lay *layout }

func (c countsCheck) accepts(out []int32) bool { return c.lay.countsOK(out) }

// extraCheck keeps the strings that obey the run limits and meet every
// required set, for a base that draws valid class counts.
type extraCheck struct{ lay *layout }

func (c extraCheck) accepts(out []int32) bool { return c.lay.extraOK(out) }

// requiredCheck keeps the strings that meet every required set, for a
// base that obeys everything else (transfer tables that leave the sets
// out).
type requiredCheck struct{ lay *layout }

func (c requiredCheck) accepts(out []int32) bool { return c.lay.metAll(out) }
