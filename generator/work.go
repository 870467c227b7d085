package generator

// How much randomness and output one result of a generator takes, so that
// Stream can size a small job's buffers to it (see buffersFor).

// work is a password's: up to 2 bytes of randomness a character (batched
// digits take 0.9, byte rejection 1.4), and the characters.
func (pw *Password) work() (random, out int) {
	chars := pw.lay.L
	if !pw.ascii {
		chars *= 4
	}
	return 2*pw.lay.L + 16, chars + 1
}

// work is a PIN's: a byte or so a digit.
func (p *PIN) work() (random, out int) { return 2*p.p.Length + 16, p.p.Length + 1 }
