//go:build unix

package clipboard_test

import (
	"sync"
	"testing"
	"time"

	"github.com/sesame-sh/sesame/ui/clipboard"
	"github.com/sesame-sh/sesame/ui/internal/e2e"
)

// sesame's own process serves the X clipboard, in the same process as the
// tests (so the race detector watches its event loop): pastes get the
// copy, even while copies replace it; another program's copy is known at
// once (SelectionClear), after which nothing of it is cleared; a copy of
// ours that is given up leaves the clipboard with no owner.
func TestX11OwnerInProcess(t *testing.T) {
	display := e2e.Xvfb(t)
	sys := clipboard.X11ClipboardOf(display)

	res, err := clipboard.WriteSystem(sys, "first")
	if err != nil || res.Via != clipboard.ViaX11 || !res.Served() {
		t.Fatalf("result %+v, err %v", res, err)
	}
	if got := e2e.ClipboardOf(t, display); got != "first" {
		t.Fatalf("pasted %q", got)
	}

	// Pastes while copies replace each other get one of them, whole.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				if got := e2e.ClipboardOf(t, display); got != "first" && got != "second" {
					t.Errorf("pasted %q mid-copy", got)
				}
			}
		})
	}
	var second clipboard.Result
	for i := range 10 {
		text := []string{"first", "second"}[i%2]
		if second, err = clipboard.WriteSystem(sys, text); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if res.Taken(0) {
		t.Fatal("our own newer copy counted as another program's")
	}
	if ours, err := clipboard.Holds(sys, "second"); !ours || err != nil {
		t.Fatalf("holds the latest copy: %v, %v", ours, err)
	}

	e2e.SetClipboard(t, display, "theirs")
	start := time.Now()
	if !second.Taken(time.Second) {
		t.Fatal("another program's copy went unnoticed for a second")
	}
	t.Logf("noticed in %v", time.Since(start))
	if ours, err := clipboard.Holds(sys, "second"); ours || err != nil {
		t.Fatalf("still ours after another program copied: %v, %v", ours, err)
	}
	if cleared, err := clipboard.ClearIfOurs(sys, "second"); cleared || err != nil {
		t.Fatalf("cleared %v, err %v", cleared, err)
	}
	if got := e2e.ClipboardOf(t, display); got != "theirs" {
		t.Fatalf("the other program's copy became %q", got)
	}

	third, err := clipboard.WriteSystem(sys, "third")
	if err != nil {
		t.Fatal(err)
	}
	if cleared, err := clipboard.ClearIfOurs(sys, "third"); !cleared || err != nil {
		t.Fatalf("cleared %v, err %v", cleared, err)
	}
	if e2e.XOwned(t, display) {
		t.Fatalf("the clipboard still has an owner after ours was given up: %q", e2e.ClipboardOf(t, display))
	}
	if third.Taken(0) {
		t.Fatal("a copy we gave up counted as taken by another program")
	}
}
