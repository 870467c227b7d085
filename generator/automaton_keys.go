package generator

// keyTable numbers the product's states by key when the key space is too
// large for a dense table: open addressing with linear probing on
// multiplicative hashes, which for the product's few million lookups is
// several times faster than a map.
type keyTable struct {
	keys  []uint64
	vals  []int32 // state number + 1; 0: empty
	shift uint
	n     int
}

func newKeyTable() *keyTable {
	t := &keyTable{}
	t.init(1 << 12)
	return t
}

func (t *keyTable) init(size int) {
	t.keys = make([]uint64, size)
	t.vals = make([]int32, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	t.n = 0
}

func (t *keyTable) slot(k uint64) int {
	mask := len(t.keys) - 1
	i := int((k * 0x9e3779b97f4a7c15) >> t.shift)
	for t.vals[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

// get returns the state numbered for k, if any.
func (t *keyTable) get(k uint64) (int32, bool) {
	i := t.slot(k)
	return t.vals[i] - 1, t.vals[i] != 0
}

// put numbers k as state s.
func (t *keyTable) put(k uint64, s int32) {
	if 2*(t.n+1) > len(t.keys) {
		keys, vals := t.keys, t.vals
		t.init(2 * len(keys))
		for i, v := range vals {
			if v != 0 {
				j := t.slot(keys[i])
				t.keys[j], t.vals[j] = keys[i], v
				t.n++
			}
		}
	}
	i := t.slot(k)
	if t.vals[i] == 0 {
		t.n++
	}
	t.keys[i], t.vals[i] = k, s+1
}
