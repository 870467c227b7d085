package generator

import "math/big"

// Drawing a passphrase the rules accept, uniformly, backward through the
// counting programme (phrase_rules_count.go): first the final state, with
// probability proportional to the passphrases ending in it; then, segment
// by segment from the last, the previous state and the group of choices
// that led here, with probability proportional to the prefixes they
// account for (the count of the previous state times the group's size);
// then one choice of the group, uniformly. Each accepted passphrase is one
// path through the states, and the product of these probabilities along
// it is 1 over their total, so every one is equally likely. Every draw is
// exact: big integers below a bound, by rejection (Rand.bigIntn), and
// small ones by Rand.intn.

// sample appends one passphrase of k words to dst, drawn uniformly from
// those count(k, lo) counts, which must not be zero. On a failing source
// it returns dst unchanged and Rand's error is set.
func (c *phraseCounter) sample(dst []byte, r *Rand, k, lo int) []byte {
	end := c.ends[k]
	var total big.Int
	for _, sc := range c.layers[end] {
		if c.accepts(sc.state, lo) {
			total.Add(&total, sc.n)
		}
	}
	x := r.bigIntn(&total)
	if r.Err() != nil {
		return dst
	}
	at := -1
	for i, sc := range c.layers[end] {
		if !c.accepts(sc.state, lo) {
			continue
		}
		if x.Cmp(sc.n) < 0 {
			at = i
			break
		}
		x.Sub(x, sc.n)
	}
	picked := make([]string, end)
	state := c.layers[end][at].state
	w := new(big.Int)
	for seg := end - 1; seg >= 0; seg-- {
		target := c.layers[seg+1][c.index[seg+1][state]].n
		x := r.bigIntn(target)
		if r.Err() != nil {
			return dst
		}
		prev, group := c.predecessor(seg, state, x, w)
		picked[seg] = group.choices[r.intn(len(group.choices))]
		state = prev
	}
	if r.Err() != nil {
		return dst
	}
	for _, s := range picked {
		dst = append(dst, s...)
	}
	return dst
}

// predecessor finds, for the x-th prefix (from 0) that reaches state
// after segment seg, the state before the segment and the group of
// choices it took, in the order advance counts them.
func (c *phraseCounter) predecessor(seg int, state phraseState, x, w *big.Int) (phraseState, choiceGroup) {
	kind := c.row[seg]
	for _, sc := range c.layers[seg] {
		// Read-only: advance grouped the choices from every state.
		for _, g := range c.groups[groupKey{kind.id, sc.state.run}] {
			if next, ok := c.join(sc.state, g); !ok || next != state {
				continue
			}
			w.Mul(sc.n, big.NewInt(int64(len(g.choices))))
			if x.Cmp(w) < 0 {
				return sc.state, g
			}
			x.Sub(x, w)
		}
	}
	panic("generator: a passphrase state with no predecessor") // the counts guarantee one
}
