//go:build !windows

package clipboard

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Where sesame serves the X11 clipboard itself, and where a tool does.
func TestX11IsUsedWhereTheSessionIsX11(t *testing.T) {
	for _, c := range []struct {
		goos, display, wayland string
		wlTools                bool
		want                   bool
	}{
		{"linux", ":0", "", false, true},
		{"linux", "", "", false, false},
		{"linux", ":0", "wayland-0", true, false}, // Wayland's own tools
		{"linux", ":0", "wayland-0", false, true}, // XWayland, no wl-clipboard
		{"linux", "", "wayland-0", false, false},  // no X server at all
		{"darwin", ":0", "", false, false},        // XQuartz is not the clipboard
		{"freebsd", ":0", "", false, true},
	} {
		tc := toolClipboard{
			goos: c.goos,
			getenv: func(k string) string {
				return map[string]string{"DISPLAY": c.display, "WAYLAND_DISPLAY": c.wayland}[k]
			},
			lookPath: func(n string) (string, error) {
				if c.wlTools && (n == "wl-copy" || n == "wl-paste") {
					return n, nil
				}
				return "", exec.ErrNotFound
			},
		}
		if got := tc.x11(); got != c.want {
			t.Errorf("%+v: x11() = %v", c, got)
		}
	}
}

// When sesame cannot reach the X server itself, xclip serves the copy,
// and the result says so; the copy is then checked by reading it back.
func TestX11FallsBackToAToolWhenTheConnectionFails(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "clip")
	// A stand-in for xclip that keeps the clipboard in a file.
	script := "#!/bin/sh\nif [ \"$1\" = -in ]; then /bin/cat > " + store + "; else /bin/cat " + store + "; fi\n"
	if err := os.WriteFile(filepath.Join(dir, "xclip"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	tools := toolClipboard{goos: "linux", lookPath: exec.LookPath,
		getenv: func(k string) string { return map[string]string{"DISPLAY": ":99"}[k] }}
	dials := 0
	d := newDesktop(tools, func(string) (*xOwner, error) { dials++; return nil, errors.New("no X for sesame") })

	res, err := WriteSystem(d, "s3cret")
	if err != nil || res.Via != "xclip" || res.Served() || dials != 1 {
		t.Fatalf("result %+v, err %v, dials %d", res, err, dials)
	}
	if got := Copied(res, 30); got != "copied (xclip) — clears in 30s" {
		t.Fatalf("note %q", got)
	}
	if ours, err := Holds(d, "s3cret"); !ours || err != nil {
		t.Fatalf("read back: ours %v, err %v", ours, err)
	}
	if cleared, err := ClearIfOurs(d, "s3cret"); !cleared || err != nil {
		t.Fatalf("clear: %v, %v", cleared, err)
	}
	if b, _ := os.ReadFile(store); len(b) != 0 {
		t.Fatalf("clipboard %q after the clear", b)
	}
}
