//go:build !windows

package clipboard

import "sync"

// desktop is the system clipboard outside Windows. On X11 sesame serves
// the copy itself (x11.go), over one connection kept for the program's
// life; elsewhere (macOS, Wayland, Termux, WSL), or when the X server
// cannot be reached, a clipboard tool serves it (system_tools.go), and
// Result.Via says which did.
type desktop struct {
	tools toolClipboard
	dial  func(display string) (*xOwner, error)

	mu   sync.Mutex // held across a copy, so that last matches it
	x    *xOwner    // the open connection; nil until needed, or after it failed
	last served
}

func newDesktop(tools toolClipboard, dial func(string) (*xOwner, error)) *desktop {
	return &desktop{tools: tools, dial: dial}
}

func (d *desktop) WriteAll(text string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.last = served{}
	if d.tools.x11() {
		held, err := d.ownX(text)
		if err == nil {
			d.last = served{via: ViaX11, held: held}
			return nil
		}
		// The X server cannot be reached by sesame itself (an
		// authentication it does not speak, say): a tool may still.
	}
	tool, err := d.tools.write(text)
	if err == nil {
		d.last = served{via: tool}
	}
	return err
}

// ownX serves text on X11, connecting first if needed (d.mu held).
func (d *desktop) ownX(text string) (*ownership, error) {
	if d.x == nil {
		x, err := d.dial(d.tools.getenv("DISPLAY"))
		if err != nil {
			return nil, err
		}
		d.x = x
	}
	held, err := d.x.own(text)
	if err != nil {
		d.x.close()
		d.x = nil
	}
	return held, err
}

// ReadAll reads the clipboard through a tool: it is needed only to check
// on a copy a tool served (see exact).
func (d *desktop) ReadAll() (string, error) { return d.tools.ReadAll() }

func (d *desktop) served() served {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.last
}

// heldExactly: on X11 whether the copy is ours is known without reading it
// back.
func (d *desktop) heldExactly(secret string) (held, known bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.last.via != ViaX11 || d.x == nil {
		return false, false
	}
	return d.x.holds(secret), true
}

func (d *desktop) releaseExactly(secret string) (cleared, known bool, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.last.via != ViaX11 || d.x == nil {
		return false, false, nil
	}
	cleared, err = d.x.release(secret)
	return cleared, true, err
}
