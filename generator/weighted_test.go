package generator

// weighted is the floating-point transfer sampler as the tests take it:
// nil when the policy has no transfer model or the tables' precision does
// not hold (precise), as weightedFits decides.
func (c *counted) weighted(track bool) *weightedSampler {
	if c.runModel(track) == nil {
		return nil
	}
	if w := c.weightedTables(track); w.precise() {
		return w
	}
	return nil
}
