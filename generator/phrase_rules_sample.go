package generator

import (
	"math/big"
)

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
// choices it took.
func (c *phraseCounter) predecessor(seg int, state phraseState, x, _ *big.Int) (phraseState, choiceGroup) {
	c.predOnce[seg].Do(func() { c.preds[seg] = c.predecessors(seg) })
	ps := c.preds[seg][c.index[seg+1][state]]
	// The first entry whose running total passes x.
	i, j := 0, len(ps)
	for i < j {
		h := int(uint(i+j) >> 1)
		if ps[h].upTo.Cmp(x) <= 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	p := ps[i]
	return c.layers[seg][p.from].state, *p.group
}

// A pred is one way into a state: from a state of the layer before,
// through a group of choices, with the running total of the prefixes the
// ways so far account for.
type pred struct {
	from  int
	group *choiceGroup
	upTo  *big.Int // prefixes through this way and those before it
}

// predecessors lists, for each state after segment seg, the ways into it
// in the order advance counts them. It is built on the first draw that
// needs it, once: most programmes are counted and never drawn from.
func (c *phraseCounter) predecessors(seg int) [][]pred {
	kind := c.row[seg]
	out := make([][]pred, len(c.layers[seg+1]))
	for from, sc := range c.layers[seg] {
		// Read-only: advance grouped the choices from every state.
		gs := c.groups[groupKey{kind.id, sc.state.run}]
		for gi := range gs {
			g := &gs[gi]
			next, ok := c.join(sc.state, *g)
			if !ok {
				continue
			}
			to := c.index[seg+1][next]
			w := new(big.Int).Mul(sc.n, big.NewInt(int64(len(g.choices))))
			if ps := out[to]; len(ps) > 0 {
				w.Add(w, ps[len(ps)-1].upTo)
			}
			out[to] = append(out[to], pred{from: from, group: g, upTo: w})
		}
	}
	return out
}
