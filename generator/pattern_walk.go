package generator

import "math/bits"

// Walking the walk tables (pattern_tables.go) for one password.

// walk appends the rest of a password from the one-word state st, with x
// below its count.
func (w *walkTables) walk(st walkStart, x uint64, out []byte) []byte {
	g, sh := int(st.g), st.sh
	for {
		en := &w.entries[w.find(x, w.guide[g+int(x>>(sh&63))])]
		if en.ch == 0 {
			return out
		}
		x -= en.t
		g, sh = int(en.g), en.sh
		out = append(out, en.ch)
		if g == parkGuide {
			return out
		}
	}
}

// walkBig appends the first characters of a password from the two-word
// state s with x = (xhi, xlo) below its count, up to the first state
// whose count fits a word, which it returns with what is left of x; done
// when the password ended before.
func (w *walkTables) walkBig(s int32, xhi, xlo uint64, out []byte) (st walkStart, x uint64, _ []byte, done bool) {
	at := w.bigStart[s]
	for {
		y := xhi<<(64-at.sh) | xlo>>at.sh
		hi, _ := bits.Mul64(y, at.r)
		en := &w.bigEnt[w.findBig(xhi, xlo, w.bigGde[at.g+int32(hi)])]
		if en.ch == 0 {
			return walkStart{}, 0, out, true
		}
		var b uint64
		xlo, b = bits.Sub64(xlo, en.tlo, 0)
		xhi -= en.thi + b
		out = append(out, en.ch)
		if en.small {
			return walkStart{g: uint32(en.g), sh: en.sh, ok: true}, xlo, out, false
		}
		at = *en
	}
}

// find returns the entry of x given its guide cell c.
func (w *walkTables) find(x uint64, c int32) int {
	e := int(c)
	if c < 0 {
		e = int(^c)
		for x >= w.entries[e+1].t {
			e++
		}
		return e
	}
	_, below := bits.Sub64(x, w.entries[e+1].t, 0)
	return e + 1 - int(below)
}

// findBig is find for the two-word states.
func (w *walkTables) findBig(xhi, xlo uint64, c int32) int {
	e := int(c)
	if c < 0 {
		e = int(^c)
		for !less128(xhi, xlo, w.bigEnt[e+1].thi, w.bigEnt[e+1].tlo) {
			e++
		}
		return e
	}
	_, b := bits.Sub64(xlo, w.bigEnt[e+1].tlo, 0)
	_, b = bits.Sub64(xhi, w.bigEnt[e+1].thi, b)
	return e + 1 - int(b)
}
