// Command peerbench times sesame against the kernel's random source and
// other generators in one run, and prints one table (make bench).
//
//	go run ./ui/cli/peerbench bin/sesame
//
// Each command writes to /dev/null; the median of several runs is
// reported. Slow peers run fewer results and are scaled to a million, and
// the table says so. A second table times one result, where start-up is
// most of the time (startup.go).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

type entry struct {
	name  string // what the row is
	cmd   string // shell command, with N for the count
	n     int    // results generated (scaled to 1,000,000 in the table)
	needs string // the program that must be installed
	group string // "password" or "phrase": what the ratio compares with
}

const million = 1_000_000

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: peerbench SESAME")
		os.Exit(2)
	}
	sesame := os.Args[1]
	python := `python3 -c 'import secrets, string, sys
a = string.ascii_letters + string.digits + string.punctuation
w = sys.stdout.write
for _ in range(N): w("".join(secrets.choice(a) for _ in range(20)) + "\n")'`
	entries := []entry{
		{"kernel: head -c 20000000 /dev/urandom (floor)", "head -c 20000000 /dev/urandom", million, "head", "floor"},
		{"sesame pw -l 20 -n N", sesame + " pw -l 20 -n N", million, sesame, "password"},
		// Constrained policies, each beside the default above (target:
		// within 2× of it).
		{"sesame pw --site chase.com -n N", sesame + " pw --site chase.com -n N", million, sesame, "constrained"},
		{"sesame pw --site paypal.com -n N", sesame + " pw --site paypal.com -n N", million, sesame, "constrained"},
		{"sesame pw --min-digits 3 --min-symbols 3 -n N", sesame + " pw --min-digits 3 --min-symbols 3 -n N", million, sesame, "constrained"},
		{"sesame pw --max-digits 2 --max-symbols 2 -n N", sesame + " pw --max-digits 2 --max-symbols 2 -n N", million, sesame, "constrained"},
		{"sesame pw --max-consecutive 2 -n N", sesame + " pw --max-consecutive 2 -n N", million, sesame, "constrained"},
		{"sesame pw --max-repeating 1 -n N", sesame + " pw --max-repeating 1 -n N", million, sesame, "constrained"},
		{"sesame pw --max-sequential 2 -n N", sesame + " pw --max-sequential 2 -n N", million, sesame, "constrained"},
		// A memorable style: the pattern engine, the blocklist subtracted
		// (README, "Memorable passwords"); the same 2× target.
		{"sesame pw --style pronounceable -n N", sesame + " pw --style pronounceable -n N", million, sesame, "style"},
		{"pwgen -s -1 20 N", "pwgen -s -1 20 N", 100_000, "pwgen", "password"},
		{"openssl rand -base64 15000000 (20 MB of text)", "openssl rand -base64 15000000", million, "openssl", "password"},
		{"python3 secrets.choice recipe", python, 50_000, "python3", "password"},
		{"sesame phrase -n N (6 words)", sesame + " phrase -n N", million, sesame, "phrase"},
		{"xkcdpass -n 6 -c N", "xkcdpass -n 6 -c N", 200_000, "xkcdpass", "phrase"},
	}
	const runs = 5
	times := map[string]time.Duration{}
	fmt.Printf("%-48s %9s %10s %12s %9s %9s\n", "command", "N", "median", "per 1M", "vs floor", "vs sesame")
	var floor time.Duration
	sesameBest := map[string]time.Duration{} // the first sesame row of each group
	constrainedWorst, styleWorst := 0.0, 0.0
	for _, e := range entries {
		if _, err := exec.LookPath(e.needs); err != nil {
			fmt.Printf("%-48s %9s %10s\n", e.name, "-", "not installed")
			continue
		}
		cmd := strings.ReplaceAll(e.cmd, "N", fmt.Sprint(e.n))
		d, err := median(cmd, runs)
		if err != nil {
			fmt.Printf("%-48s %9d %10s (%v)\n", e.name, e.n, "failed", err)
			continue
		}
		per := time.Duration(float64(d) * million / float64(e.n))
		times[e.name] = per
		if e.group == "floor" {
			floor = per
		}
		if _, ok := sesameBest[e.group]; !ok && strings.HasPrefix(e.name, "sesame") {
			sesameBest[e.group] = per
		}
		vsFloor := fmt.Sprintf("%.2f×", float64(per)/float64(floor))
		vsSesame := "-"
		if e.group == "constrained" || e.group == "style" {
			if def, ok := sesameBest["password"]; ok {
				ratio := float64(per) / float64(def)
				if e.group == "style" {
					styleWorst = max(styleWorst, ratio)
				} else {
					constrainedWorst = max(constrainedWorst, ratio)
				}
				vsSesame = fmt.Sprintf("%.2f× default", ratio)
			}
		} else if s, ok := sesameBest[e.group]; ok && !strings.HasPrefix(e.name, "sesame") {
			vsSesame = fmt.Sprintf("%.1f× slower", float64(per)/float64(s))
			if per < s {
				vsSesame = fmt.Sprintf("%.1f× FASTER", float64(s)/float64(per))
			}
		}
		fmt.Printf("%-48s %9d %10s %12s %9s %9s\n", e.name, e.n, round(d), round(per), vsFloor, vsSesame)
	}
	if s, ok := sesameBest["password"]; ok && floor > 0 {
		fmt.Printf("\nsesame pw, a million passwords: %.2f× the kernel read (target: at most 2×)\n", float64(s)/float64(floor))
	}
	if constrainedWorst > 0 {
		fmt.Printf("constrained policies: at most %.2f× the default policy (target: at most 2×)\n", constrainedWorst)
	}
	if styleWorst > 0 {
		fmt.Printf("memorable styles: at most %.2f× the default policy (target: at most 2×)\n", styleWorst)
	}
	startupTable(sesame)
}

// median runs a shell command runs times (after one warm-up) with its
// output discarded and returns the median wall time.
func median(cmd string, runs int) (time.Duration, error) {
	var ds []time.Duration
	for i := 0; i <= runs; i++ {
		c := exec.Command("sh", "-c", cmd+" > /dev/null")
		c.Stderr = os.Stderr
		start := time.Now()
		if err := c.Run(); err != nil {
			return 0, err
		}
		if i > 0 {
			ds = append(ds, time.Since(start))
		}
	}
	sort.Slice(ds, func(a, b int) bool { return ds[a] < ds[b] })
	return ds[len(ds)/2], nil
}

func round(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	}
	return d.Round(100 * time.Microsecond).String()
}
