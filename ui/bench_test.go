package ui

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// Targets: keystroke to redrawn frame under 16 ms, start to first frame
// under 50 ms. Run with: go test -run '^$' -bench . ./ui

// heaviest is length 4096 with every class on and constrained: minimums on
// all five, maximums on two, look-alikes and more excluded.
func heaviest(s *settings.Settings) {
	p := &s.Password
	p.Length = 4096
	p.Space.Use = true
	p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min, p.Space.Min = 5, 5, 5, 5, 5
	p.Symbols.Max, p.Space.Max = settings.AtMost(1000), settings.AtMost(50)
	p.NoAmbiguous = true
	p.Exclude = "xyz"
}

// minimums is length 4096 with every class on and a minimum on each.
func minimums(s *settings.Settings) {
	p := &s.Password
	p.Length = 4096
	p.Space.Use = true
	p.Lower.Min, p.Upper.Min, p.Digits.Min, p.Symbols.Min, p.Space.Min = 5, 5, 5, 5, 5
}

// BenchmarkKeystroke4096 presses ↓ and ↑ in turn on the result, so every
// press changes the length and recompiles.
//
//   - frame: what the event loop does for a key: Update and View, the
//     frame drawn at once (the job it starts runs in a command, off the
//     event loop, and is not counted; BenchmarkView4096 is the frame drawn
//     when its secret arrives).
//   - roundtrip: everything from the key to the frame with the new secret:
//     Update, compiling, drawing, taking the result, View.
func BenchmarkKeystroke4096(b *testing.B) {
	for _, pol := range []struct {
		name string
		set  func(*settings.Settings)
	}{{"minimums", minimums}, {"all-constraints", heaviest}} {
		b.Run(pol.name+"/frame", func(b *testing.B) {
			h := newHarness(b, withSettings(pol.set))
			keys := []tea.KeyPressMsg{keyPress("down"), keyPress("up")}
			i := 0
			for b.Loop() {
				h.m.Update(keys[i%2]) // the job it starts runs elsewhere
				_ = h.m.View()
				i++
			}
		})
		b.Run(pol.name+"/roundtrip", func(b *testing.B) {
			h := newHarness(b, withSettings(pol.set))
			// The program's own randomness, not the tests' deterministic
			// (and slower) SHA-256 stream: this measures speed.
			h.m.deps.source = generator.CryptoSource()
			keys := []string{"down", "up"}
			i := 0
			for b.Loop() {
				h.keys(keys[i%2])
				_ = h.m.View()
				i++
			}
			if len(h.secret()) < 4095 {
				b.Fatal("no secret")
			}
		})
	}
}

// BenchmarkView draws the default screen.
func BenchmarkView(b *testing.B) {
	h := newHarness(b)
	for b.Loop() {
		_ = h.m.View()
	}
}

// BenchmarkView4096 draws a screen with a 4096-character secret.
func BenchmarkView4096(b *testing.B) {
	h := newHarness(b, withSettings(heaviest))
	for b.Loop() {
		_ = h.m.View()
	}
}

// BenchmarkTimeToFirstFrame starts the real binary in a pseudo-terminal
// (util-linux script, sized 100×30 with stty) and times, from starting
// the process, the first frame (the tab bar) and the first secret (the
// box's title) appearing in its output; then it quits with q. The same
// harness around a command that prints the markers at once gives the
// overhead of script, the shell and stty (ms-harness), which the figures
// include.
func BenchmarkTimeToFirstFrame(b *testing.B) {
	if _, err := exec.LookPath("script"); err != nil {
		b.Skip("script (util-linux) not installed")
	}
	bin := sesameBinary(b)
	dir := b.TempDir()
	var frame, secret, harness time.Duration
	for b.Loop() {
		f, s := firstFrame(b, "exec "+bin, dir)
		frame += f
		secret += s
		_, s = firstFrame(b, "printf 'Password 20 characters'; exec head -c1 >/dev/null", dir)
		harness += s
	}
	n := float64(b.N)
	b.ReportMetric(float64(frame.Microseconds())/n/1000, "ms-to-frame")
	b.ReportMetric(float64(secret.Microseconds())/n/1000, "ms-to-secret")
	b.ReportMetric(float64(harness.Microseconds())/n/1000, "ms-harness")
}

func firstFrame(tb testing.TB, command, dir string) (frame, secret time.Duration) {
	tb.Helper()
	cmd := exec.Command("script", "-qfec", "stty cols 100 rows 30; "+command, "/dev/null")
	cmd.Env = []string{"TERM=xterm-256color", "PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir}
	in, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	defer cmd.Wait()
	var seen bytes.Buffer
	buf := make([]byte, 64<<10)
	deadline := time.AfterFunc(10*time.Second, func() { cmd.Process.Kill() })
	defer deadline.Stop()
	for secret == 0 {
		n, err := out.Read(buf)
		seen.Write(buf[:n])
		if frame == 0 && bytes.Contains(seen.Bytes(), []byte("Password")) {
			frame = time.Since(start)
		}
		if bytes.Contains(seen.Bytes(), []byte("20 characters")) {
			secret = time.Since(start)
		}
		if err != nil {
			tb.Fatalf("no frame (%v); output %q", err, seen.String())
		}
	}
	io.WriteString(in, "q")
	in.Close()
	go io.Copy(io.Discard, out)
	return frame, secret
}
