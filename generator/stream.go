package generator

import (
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// StreamOptions controls Stream.
type StreamOptions struct {
	// Count is how many results to write.
	Count int
	// Workers is how many goroutines generate at once; 0 means one per
	// CPU. Each has its own Rand, so the output order carries no meaning.
	Workers int
	// NewSource returns the randomness for one worker; nil means
	// CryptoSource.
	NewSource func() Source
	// Format appends one result to dst as it should appear in the output;
	// nil means the secret followed by a newline. It is called from
	// several goroutines at once.
	Format func(dst []byte, secret string) []byte
}

// streamChunk is how much output a worker gathers before writing: large
// enough that writes cost little, small enough that memory stays constant
// at any count.
const streamChunk = 64 << 10

// Stream writes opts.Count results of g to w, in constant memory, using
// several goroutines. It stops at the first error: a write error (such as
// a closed pipe) or a failing random source, which is returned wrapped in
// ErrRandomness; nothing generated after a source failure is written.
func Stream(w io.Writer, g Engine, opts StreamOptions) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if opts.Count < 1 {
		return nil
	}
	// Split the count into per-worker jobs of a few thousand results.
	per := max(1, min(4096, opts.Count/(workers*4)+1))
	var (
		next    atomic.Int64 // results handed out so far
		mu      sync.Mutex   // serialises writes to w
		failed  atomic.Bool
		errOnce sync.Once
		first   error
	)
	fail := func(err error) {
		errOnce.Do(func() { first = err })
		failed.Store(true)
	}
	fast := fastLines(g, opts.Format)
	lines := batchLines(g, opts.Format)
	app, _ := g.(appender)
	if opts.Format != nil {
		app = nil // a format takes the secret as a string
	}
	randSize, bufSize := buffersFor(g, opts.Count)
	work := func() {
		src := CryptoSource()
		if opts.NewSource != nil {
			src = opts.NewSource()
		}
		r := newRandSize(src, randSize)
		defer r.Wipe()
		buf := make([]byte, 0, bufSize)
		defer func() { clear(buf[:cap(buf)]) }()
		var scratch *scratch
		if app != nil {
			scratch = app.newScratch()
			defer scratch.wipe()
		}
		for !failed.Load() {
			start := next.Add(int64(per)) - int64(per)
			if start >= int64(opts.Count) {
				break
			}
			n := int(min(int64(per), int64(opts.Count)-start))
			for n > 0 && !failed.Load() {
				var err error
				buf, n, err = appendResults(buf, g, r, n, opts.Format, fast, lines, app, scratch)
				if err != nil {
					fail(err)
					return
				}
				if len(buf) >= streamChunk || n == 0 {
					mu.Lock()
					if !failed.Load() {
						if _, err := w.Write(buf); err != nil {
							fail(err)
						}
					}
					mu.Unlock()
					clear(buf)
					buf = buf[:0]
				}
			}
		}
	}
	// One worker runs on the caller's goroutine: a one-shot `sesame pw`
	// then wakes no other thread, which costs more than the password.
	n := min(workers, (opts.Count+per-1)/per)
	if n == 1 {
		work()
		return first
	}
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
	return first
}

// appendResults appends up to n results, stopping at about a chunk, and
// returns how many are still to do.
func appendResults(buf []byte, g Engine, r *Rand, n int, format func([]byte, string) []byte, fast *lineFast, lines *lineBatch, app appender, scratch *scratch) ([]byte, int, error) {
	if fast != nil {
		k := min(n, max(1, (streamChunk-len(buf))/(fast.L+1)))
		buf = fast.batch.appendLines(buf, r, fast.alphabet, fast.L, k)
		if err := r.Err(); err != nil {
			return buf, n, err
		}
		return buf, n - k, nil
	}
	if lines != nil {
		k := min(n, max(1, (streamChunk-len(buf))/lines.size))
		var err error
		if buf, err = lines.g.appendLines(buf, r, k); err != nil {
			return buf, n, err
		}
		return buf, n - k, nil
	}
	if app != nil {
		for n > 0 && len(buf) < streamChunk {
			var err error
			if buf, err = app.appendSecret(buf, r, scratch); err != nil {
				return buf, n, err
			}
			buf = append(buf, '\n')
			n--
		}
		return buf, n, nil
	}
	for n > 0 && len(buf) < streamChunk {
		s, err := g.Generate(r)
		if err != nil {
			return buf, n, err
		}
		if format != nil {
			buf = format(buf, s)
		} else {
			buf = append(append(buf, s...), '\n')
		}
		n--
	}
	return buf, n, nil
}

// appender is a generator that writes a result straight into a buffer,
// with scratch space of its own per goroutine, so that bulk output
// allocates nothing per result.
type appender interface {
	appendSecret(dst []byte, r *Rand, s *scratch) ([]byte, error)
	newScratch() *scratch
}

// scratch is one goroutine's working space for appendSecret: random bytes
// (a token's) or alphabet indices (a password's). It may hold secret
// material, so it is wiped when the goroutine is done.
type scratch struct {
	bytes []byte
	idx   []int32
}

func (s *scratch) wipe() {
	clear(s.bytes)
	clear(s.idx)
}

// worker is a generator that can say how much randomness and output one
// result takes.
type worker interface {
	work() (random, out int)
}

// buffersFor sizes a worker's random block and output buffer to the job:
// a one-shot sesame pw should not read 64 KiB of randomness for 20
// characters. Large jobs get the full sizes.
func buffersFor(g Engine, count int) (randSize, bufSize int) {
	random, out := 64, 64
	if w, ok := g.(worker); ok {
		random, out = w.work()
	}
	// Twice the expected randomness covers rejection sampling's redraws
	// for a few results; a block running dry is simply refilled.
	randSize = min(64<<10, max(256, 2*random*count))
	bufSize = min(streamChunk+8192, max(64, out*count+1))
	return (randSize + 7) &^ 7, bufSize
}

// lineFast is the bulk path for unconstrained ASCII passwords: characters
// go straight from batched digits into the output buffer.
type lineFast struct {
	batch    digitBatch
	alphabet []byte
	L        int
}

func fastLines(g Engine, format func([]byte, string) []byte) *lineFast {
	pw, ok := g.(*Password)
	if !ok || format != nil || !pw.ascii || pw.method != methodDirect || len(pw.lay.alphabet) < 2 {
		return nil
	}
	f := &lineFast{batch: newDigitBatch(len(pw.lay.alphabet)), L: pw.lay.L}
	for _, r := range pw.lay.alphabet {
		f.alphabet = append(f.alphabet, byte(r))
	}
	return f
}

// lineBatch is the bulk path of a generator that draws many results at
// once, each followed by a newline (a Pattern's, pattern_batch.go); size
// bounds one line.
type lineBatch struct {
	g interface {
		appendLines(dst []byte, r *Rand, k int) ([]byte, error)
	}
	size int
}

func batchLines(g Engine, format func([]byte, string) []byte) *lineBatch {
	p, ok := g.(*Pattern)
	if !ok || format != nil {
		return nil
	}
	_, size := p.work()
	return &lineBatch{g: p, size: size}
}
