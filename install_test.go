package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// make install and make uninstall, end to end, into a DESTDIR: every file
// where a package manager or a shell looks for it, with its mode and
// contents, and nothing left behind by uninstall. The binary is built once,
// outside the repository (BIN), and shared by both prefixes.

// The installed files, relative to the prefix, with their modes; the man
// pages are added from assets/man.
var installedFiles = map[string]fs.FileMode{
	"bin/sesame": 0o755,
	"share/bash-completion/completions/sesame":    0o644,
	"share/zsh/site-functions/_sesame":            0o644,
	"share/fish/vendor_completions.d/sesame.fish": 0o644,
}

// Files of other programs that share the directories: uninstall leaves them.
var otherFiles = []string{
	"bin/other-tool",
	"share/man/man1/other-tool.1",
	"share/bash-completion/completions/other-tool",
}

func TestMakeInstallAndUninstall(t *testing.T) {
	needTools(t, "make", "install")
	if runtime.GOOS == "windows" {
		t.Skip("make install is for Unix-like systems")
	}
	manPages, err := filepath.Glob(filepath.Join("assets", "man", "*.1"))
	if err != nil || len(manPages) < 6 {
		t.Fatalf("%d man pages in assets/man (%v)", len(manPages), err)
	}
	bin := filepath.Join(t.TempDir(), "sesame")
	for _, c := range []struct {
		name, prefix string // prefix "" leaves PREFIX to the Makefile
		others       bool
	}{
		{"default prefix", "", false},
		{"prefix /opt/x, shared directories", "/opt/x", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dest := t.TempDir()
			prefix := c.prefix
			vars := []string{"BIN=" + bin, "DESTDIR=" + dest}
			if prefix == "" {
				prefix = "/usr/local"
			} else {
				vars = append(vars, "PREFIX="+prefix)
			}
			root := filepath.Join(dest, prefix)
			want := map[string]fs.FileMode{}
			for rel, mode := range installedFiles {
				want[filepath.Join(root, rel)] = mode
			}
			for _, m := range manPages {
				want[filepath.Join(root, "share", "man", "man1", filepath.Base(m))] = 0o644
			}
			var others []string
			if c.others {
				for _, rel := range otherFiles {
					p := filepath.Join(root, rel)
					writeFile(t, p, "another program's file\n")
					others = append(others, p)
				}
			}

			runMake(t, "install", vars...)
			got := filesUnder(t, dest)
			for path, mode := range want {
				if m, ok := got[path]; !ok {
					t.Errorf("%s was not installed", path)
				} else if m != mode {
					t.Errorf("%s has mode %v, want %v", path, m, mode)
				}
			}
			for path := range got {
				if _, ok := want[path]; !ok && !slices.Contains(others, path) {
					t.Errorf("install left a stray file %s", path)
				}
			}
			if t.Failed() {
				t.FailNow()
			}

			sesame := filepath.Join(root, "bin", "sesame")
			if out := run(t, sesame, "--version"); !strings.HasPrefix(out, "sesame ") {
				t.Errorf("sesame --version printed %q", out)
			}
			if out := strings.TrimSuffix(run(t, sesame, "pw"), "\n"); utf8.RuneCountInString(out) != 20 || strings.Contains(out, "\n") {
				t.Errorf("sesame pw printed %d characters, want one password of 20", utf8.RuneCountInString(out))
			}
			for shell, comp := range map[string]struct{ path, marker string }{
				"bash": {"share/bash-completion/completions/sesame", "__start_sesame"},
				"zsh":  {"share/zsh/site-functions/_sesame", "#compdef sesame"},
				"fish": {"share/fish/vendor_completions.d/sesame.fish", "complete -c sesame"},
			} {
				installed := readFile(t, filepath.Join(root, comp.path))
				if !strings.Contains(installed, comp.marker) {
					t.Errorf("the %s completion does not contain %q", shell, comp.marker)
				}
				if fresh := run(t, sesame, "completion", shell); installed != fresh {
					t.Errorf("the %s completion is not what the installed binary generates", shell)
				}
			}
			for _, m := range manPages {
				installed := readFile(t, filepath.Join(root, "share", "man", "man1", filepath.Base(m)))
				if installed != readFile(t, m) {
					t.Errorf("the installed %s differs from %s", filepath.Base(m), m)
				}
			}

			runMake(t, "uninstall", vars...)
			left := filesUnder(t, dest)
			for path := range left {
				if !slices.Contains(others, path) {
					t.Errorf("uninstall left %s", path)
				}
			}
			for _, p := range others {
				if _, ok := left[p]; !ok {
					t.Errorf("uninstall removed another program's %s", p)
				}
			}
		})
	}
}

// needTools skips the test when a tool is missing, or fails it where the
// tools must be there (CI sets SESAME_REQUIRE_E2E).
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("SESAME_REQUIRE_E2E") != "" {
				t.Fatalf("%s is not installed (CI must install it: see .ci/run)", tool)
			}
			t.Skipf("%s is not installed: skipping the make install test (SESAME_REQUIRE_E2E=1 makes this a failure)", tool)
		}
	}
}

// runMake runs a target of the repository's Makefile with the given
// variables, and nothing inherited: not the flags of a make that runs this
// test (make test), nor install directories set in the environment.
func runMake(t *testing.T, target string, vars ...string) {
	t.Helper()
	cmd := exec.Command("make", append([]string{"--no-print-directory", target}, vars...)...)
	cmd.Env = cleanEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make %s: %v\n%s", target, err, out)
	}
}

func cleanEnv() []string {
	drop := map[string]bool{}
	for _, k := range strings.Fields("MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS BIN DESTDIR PREFIX BINDIR MANDIR BASHCOMPDIR ZSHCOMPDIR FISHCOMPDIR INSTALL") {
		drop[k] = true
	}
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !drop[k] {
			env = append(env, kv)
		}
	}
	return env
}

// run runs a command and returns its standard output, failing the test if
// it fails.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	// A home of its own, so that no settings file of the person running
	// the tests changes the output. (Only here: make keeps the real home,
	// where Go keeps its build and module caches.)
	home := t.TempDir()
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out)
}

// filesUnder maps every file under dir (not directories) to its mode.
func filesUnder(t *testing.T, dir string) map[string]fs.FileMode {
	t.Helper()
	files := map[string]fs.FileMode{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files[path] = info.Mode()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		t.Errorf("%s is empty", path)
	}
	return string(b)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
