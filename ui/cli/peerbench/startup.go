package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"
)

// A one-shot command is mostly start-up: loading the binary and
// initialising its packages. These rows time one result, each command
// against a yardstick, run in turn (A B A B ...) and compared pair by
// pair, so that the machine's speed drifting during the run moves both
// sides of each ratio alike; the median ratio is reported.

// startupRow is a command compared with a yardstick.
type startupRow struct {
	name, vsName string
	cmd, vs      []string
	target       float64 // the ratio the row should stay under
}

const startupPairs = 41

func startupTable(sesame string) {
	hello, cleanup, err := buildHello()
	if err != nil {
		fmt.Printf("\nstart-up rows skipped: building the hello program: %v\n", err)
		return
	}
	defer cleanup()
	rows := []startupRow{
		{"sesame pw", "hello (a static Go program printing a line)", []string{sesame, "pw"}, []string{hello}, 1.5},
		{"sesame pw --site chase.com", "sesame pw", []string{sesame, "pw", "--site", "chase.com"}, []string{sesame, "pw"}, 1.25},
	}
	fmt.Printf("\n%-32s %-44s %9s %8s %8s\n", "one result: command", "against", "A median", "B median", "A/B")
	for _, r := range rows {
		a, b, ratio, err := pairedRatio(r.cmd, r.vs, startupPairs)
		if err != nil {
			fmt.Printf("%-32s %-44s failed (%v)\n", r.name, r.vsName, err)
			continue
		}
		fmt.Printf("%-32s %-44s %9s %8s %7.2f× (target: at most %g×)\n", r.name, r.vsName, round(a), round(b), ratio, r.target)
	}
}

// pairedRatio runs a and b in turn, pairs times each after one warm-up
// pair, and returns their median wall times and the median of the ratios
// of each pair.
func pairedRatio(a, b []string, pairs int) (time.Duration, time.Duration, float64, error) {
	var as, bs []time.Duration
	var ratios []float64
	for i := 0; i <= pairs; i++ {
		da, err := timeRun(a)
		if err != nil {
			return 0, 0, 0, err
		}
		db, err := timeRun(b)
		if err != nil {
			return 0, 0, 0, err
		}
		if i > 0 {
			as, bs = append(as, da), append(bs, db)
			ratios = append(ratios, float64(da)/float64(db))
		}
	}
	sort.Slice(as, func(i, j int) bool { return as[i] < as[j] })
	sort.Slice(bs, func(i, j int) bool { return bs[i] < bs[j] })
	sort.Float64s(ratios)
	return as[len(as)/2], bs[len(bs)/2], ratios[len(ratios)/2], nil
}

// timeRun runs a command directly (no shell, whose own start would blur
// the comparison), its output discarded.
func timeRun(argv []string) (time.Duration, error) {
	c := exec.Command(argv[0], argv[1:]...)
	c.Stderr = os.Stderr
	start := time.Now()
	err := c.Run()
	return time.Since(start), err
}

// buildHello builds the yardstick: the smallest Go program that prints,
// built as sesame is (static, -trimpath).
func buildHello() (string, func(), error) {
	dir, err := os.MkdirTemp("", "peerbench-hello-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	files := map[string]string{
		"go.mod":  "module hello\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			cleanup()
			return "", nil, err
		}
	}
	bin := filepath.Join(dir, "hello")
	cmd := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("%w: %s", err, out)
	}
	return bin, cleanup, nil
}
