package cli

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"github.com/sesame-sh/sesame/generator"
)

func parsePwgenArgs(t *testing.T, tty bool, args ...string) (*pwgenRequest, error) {
	t.Helper()
	cmd := newPwgenCommand(&environment{})
	req, _, err := parsePwgen(cmd.Flags(), args, tty)
	return req, err
}

// pwgen reads its options in order, so the last of -c and -A (or -n and
// -0, -C and -1) wins; the options map to pwgen's sets.
func TestPwgenOptionsInOrder(t *testing.T) {
	for _, tc := range []struct {
		args []string
		tty  bool
		want pwgenRequest
	}{
		{nil, false, pwgenRequest{caps: true, digits: true, length: 8}},
		{nil, true, pwgenRequest{caps: true, digits: true, columns: true, length: 8}},
		{[]string{"-c", "-A"}, false, pwgenRequest{digits: true, length: 8}},
		{[]string{"-A", "-c"}, false, pwgenRequest{caps: true, digits: true, length: 8}},
		{[]string{"-0n", "-y"}, false, pwgenRequest{caps: true, digits: true, symbols: true, length: 8}},
		{[]string{"-n", "-0"}, false, pwgenRequest{caps: true, length: 8}},
		{[]string{"-1", "-C"}, false, pwgenRequest{caps: true, digits: true, columns: true, length: 8}},
		{[]string{"-C", "-1"}, true, pwgenRequest{caps: true, digits: true, length: 8}},
		{[]string{"-s", "16", "5"}, false, pwgenRequest{caps: true, digits: true, random: true, length: 16, count: 5}},
		{[]string{"-B", "-rxyz"}, false, pwgenRequest{caps: true, digits: true, exclude: pwgenAmbiguous + "xyz", length: 8}},
		{[]string{"--remove-chars=ab", "-v"}, false, pwgenRequest{caps: true, digits: true, random: true, exclude: "ab" + pwgenVowels, length: 8}},
		{[]string{"-N", "3", "-a"}, false, pwgenRequest{caps: true, digits: true, length: 8, count: 3}},
		{[]string{"--num-passwords=4", "12"}, false, pwgenRequest{caps: true, digits: true, length: 12, count: 4}},
		{[]string{"4"}, false, pwgenRequest{caps: true, digits: true, random: true, length: 4}},
		{[]string{"--capitalize", "--no-numerals", "--secure", "--symbols"}, false, pwgenRequest{caps: true, symbols: true, random: true, length: 8}},
	} {
		got, err := parsePwgenArgs(t, tc.tty, tc.args...)
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if *got != tc.want {
			t.Errorf("%q (tty %v): %+v, want %+v", tc.args, tc.tty, *got, tc.want)
		}
	}
}

func TestPwgenRefusals(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-H", "file"}, "-H (--sha1) derives passwords from a file"},
		{[]string{"--sha1=file#seed"}, "-H (--sha1) derives passwords from a file"},
		{[]string{"-Z"}, "unknown flag -Z"},
		{[]string{"x"}, `the length after pwgen must be a whole number from 1 to 4096, not "x"`},
		{[]string{"0"}, "from 1 to 4096"},
		{[]string{"8", "1,000"}, "write 1000"},
		{[]string{"-N", "0"}, "-N (the number of passwords) must be a whole number"},
		{[]string{"8", "2", "3"}, "at most a length and a count"},
	} {
		f := newFake(t, false)
		code := f.run(append([]string{"pwgen"}, tc.args...)...)
		if code != 2 || f.stdout.Len() != 0 || !strings.Contains(f.stderr.String(), tc.want) || strings.Count(f.stderr.String(), "\n") != 1 {
			t.Errorf("pwgen %q: status %d, stdout %q, stderr %q; want 2, nothing, one line saying %q", tc.args, code, f.stdout.String(), f.stderr.String(), tc.want)
		}
	}
}

// At a terminal pwgen fills 20 rows of as many columns as fit; in a pipe
// it prints one password.
func TestPwgenColumnsAtATerminal(t *testing.T) {
	f := newFake(t, true)
	f.env.stdoutWidth = func() int { return 50 }
	if code := f.run("pwgen", "-s", "10"); code != 0 {
		t.Fatalf("status %d: %s", code, f.stderr.String())
	}
	rows := strings.Split(strings.TrimSuffix(f.stdout.String(), "\n"), "\n")
	if len(rows) != pwgenRows {
		t.Fatalf("%d rows, want %d", len(rows), pwgenRows)
	}
	for _, r := range rows {
		if ws := strings.Fields(r); len(ws) != 50/11 || len(r) != 4*11-1 {
			t.Fatalf("row %q: want %d passwords of 10 separated by spaces", r, 50/11)
		}
	}
	f = newFake(t, false)
	if code := f.run("pwgen", "-s"); code != 0 || strings.Count(f.stdout.String(), "\n") != 1 || len(f.stdout.String()) != 9 {
		t.Fatalf("in a pipe: status %d, stdout %q", code, f.stdout.String())
	}
}

// The shape of a pwgen output: the passwords per line, their lengths,
// which classes every password has (of those pwgen can promise) and which
// none has, and which sets none uses.
type pwgenShape struct {
	perLine  []int
	lengths  map[int]bool
	every    map[string]bool
	none     map[string]bool
	fromSets map[string]bool // none uses a character of the set
}

var pwgenClasses = map[string]func(rune) bool{
	"upper":  unicode.IsUpper,
	"lower":  unicode.IsLower,
	"digit":  unicode.IsDigit,
	"symbol": func(r rune) bool { return strings.ContainsRune(generator.SymbolChars, r) },
}

func shapeOf(out string, sets []string) pwgenShape {
	s := pwgenShape{lengths: map[int]bool{}, every: map[string]bool{}, none: map[string]bool{}, fromSets: map[string]bool{}}
	var pws []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		f := strings.Fields(line)
		s.perLine = append(s.perLine, len(f))
		pws = append(pws, f...)
	}
	for name, is := range pwgenClasses {
		every, none := true, true
		for _, pw := range pws {
			has := strings.IndexFunc(pw, is) >= 0
			every = every && has
			none = none && !has
		}
		// pwgen promises capitals, digits and symbols in every password
		// when asked, not lower-case letters: a random password may lack
		// them by chance, so only their absence from all is compared.
		if name != "lower" {
			s.every[name] = every
		}
		s.none[name] = none
	}
	for _, set := range sets {
		s.fromSets[set] = true
		for _, pw := range pws {
			if strings.ContainsAny(pw, set) {
				s.fromSets[set] = false
			}
		}
	}
	for _, pw := range pws {
		s.lengths[len(pw)] = true
	}
	return s
}

// sesame pwgen accepts what Debian's pwgen accepts and prints the same
// shape: as many lines and passwords a line, the same lengths, the same
// classes in every password and in none, and none of the characters left
// out. Each option set draws enough passwords that a class pwgen puts in
// some but not all of them shows up as such in both.
func TestPwgenBesideRealPwgen(t *testing.T) {
	real, err := exec.LookPath("pwgen")
	if err != nil {
		if os.Getenv("SESAME_REQUIRE_E2E") != "" {
			t.Fatal("pwgen is required (SESAME_REQUIRE_E2E) but not installed")
		}
		t.Skip("pwgen is not installed")
	}
	for _, tc := range []struct {
		args []string
		sets []string // characters neither may use
	}{
		{args: nil},
		{args: []string{"-N", "60"}},
		{args: []string{"-1", "10", "60"}},
		{args: []string{"-C", "12", "30"}},
		{args: []string{"-C"}},
		{args: []string{"-s", "16", "60"}},
		{args: []string{"-A", "-N", "60"}},
		{args: []string{"-0", "-N", "60"}},
		{args: []string{"-A0", "10", "60"}},
		{args: []string{"-y", "12", "60"}},
		{args: []string{"-sy1", "12", "60"}},
		{args: []string{"-B", "-N", "60"}, sets: []string{pwgenAmbiguous}},
		{args: []string{"-sB", "-N", "60"}, sets: []string{pwgenAmbiguous}},
		{args: []string{"-v", "-N", "60"}, sets: []string{pwgenVowels}},
		{args: []string{"-r", "etaoin", "-N", "60"}, sets: []string{"etaoin"}},
		{args: []string{"-s", "--remove-chars=abc123", "-N", "60"}, sets: []string{"abc123"}},
		{args: []string{"-c", "-n", "--symbols", "14", "60"}},
		{args: []string{"--secure", "--no-capitalize", "--num-passwords=60"}},
		{args: []string{"-a", "4", "60"}},
		{args: []string{"-A", "-c", "-0", "-n", "9", "60"}},
	} {
		cmd := exec.Command(real, tc.args...)
		theirs, err := cmd.Output()
		if err != nil {
			t.Fatalf("pwgen %q: %v", tc.args, err)
		}
		f := newFake(t, false)
		if code := f.run(append([]string{"pwgen"}, tc.args...)...); code != 0 {
			t.Errorf("sesame pwgen %q: status %d: %s", tc.args, code, f.stderr.String())
			continue
		}
		want, got := shapeOf(string(theirs), tc.sets), shapeOf(f.stdout.String(), tc.sets)
		if !equalShape(got, want) {
			t.Errorf("sesame pwgen %q has the shape\n%+v\nwhere pwgen has\n%+v", tc.args, got, want)
		}
	}
}

func equalShape(a, b pwgenShape) bool {
	if len(a.perLine) != len(b.perLine) || len(a.lengths) != len(b.lengths) {
		return false
	}
	for i := range a.perLine {
		if a.perLine[i] != b.perLine[i] {
			return false
		}
	}
	for n := range a.lengths {
		if !b.lengths[n] {
			return false
		}
	}
	for _, m := range []func(pwgenShape) map[string]bool{
		func(s pwgenShape) map[string]bool { return s.every },
		func(s pwgenShape) map[string]bool { return s.none },
		func(s pwgenShape) map[string]bool { return s.fromSets },
	} {
		for k, v := range m(a) {
			if m(b)[k] != v {
				return false
			}
		}
	}
	return true
}

// FuzzParsePwgen: any command line is a request within sesame's limits or
// a usage error, never a panic.
func FuzzParsePwgen(f *testing.F) {
	for _, s := range []string{"", "-cny 12 3", "-A -c -0 -n", "-r abc -N 5", "--remove-chars=x -sB1", "-H f", "-N", "-- -5", "12 x", "-rN5 -C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		req, help, err := parsePwgenArgsHelp(args)
		if err != nil {
			var ue *usageError
			if !errors.As(err, &ue) || strings.Contains(ue.msg, "\n") {
				t.Fatalf("%q: %v is not a one-line usage error", args, err)
			}
			return
		}
		if help {
			return
		}
		if req.length < 1 || req.length > generator.MaxLength || req.count < 0 || req.count > MaxCount {
			t.Fatalf("%q: request out of range %+v", args, *req)
		}
	})
}

func parsePwgenArgsHelp(args []string) (*pwgenRequest, bool, error) {
	cmd := newPwgenCommand(&environment{})
	return parsePwgen(cmd.Flags(), args, false)
}
