package clipboard

import (
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// On X11 sesame serves its copy itself, as the ICCCM describes (section 2,
// "Peer-to-Peer Communication by Means of Selections"): it owns the
// CLIPBOARD selection from a window of its own and answers each paste
// (SelectionRequest) from memory, offering the text and the
// x-kde-passwordManagerHint target that Klipper and CopyQ read to leave a
// copy out of their history (x11_targets.go). Owning it gives two exact
// answers a clipboard tool cannot: the X server tells the owner the moment
// another program takes the clipboard (SelectionClear), so nothing is read
// back or compared; and giving the selection up is done with the time we
// took it, which the X server ignores when anyone has copied since.
// A selection lives as long as its owner's connection: when sesame exits
// (or is killed) the copy goes with it, so the detached clearer
// (clearer.go) owns it after sesame, until its time is up.

// xTimeout bounds each exchange with the X server: it answers in
// milliseconds, and one that stopped answering must neither keep sesame
// from quitting nor the clearer waiting for ever. (A variable: tests
// shorten it.)
var xTimeout = 2 * time.Second

// errXTimeout is an X server that stopped answering.
var errXTimeout = errors.New("the X server did not answer (is the display reachable?)")

func init() {
	// xgb logs to standard error, which is the interactive program's
	// screen; its messages are about connections sesame reports itself.
	xgb.Logger = log.New(io.Discard, "", 0)
}

// xOwner owns the CLIPBOARD selection from this process.
type xOwner struct {
	conn  *xgb.Conn
	win   xproto.Window
	atoms xAtoms
	// stamps receives the times of the PropertyNotify events on win,
	// which own asks for to take the selection with a real time.
	stamps chan xproto.Timestamp

	mu    sync.Mutex
	text  []byte           // what is served; nil when not the owner
	since xproto.Timestamp // when the selection was taken
	cur   *ownership       // the copy being served; nil when none
	dead  bool             // the connection is gone
}

// ownership is one copy served on X11, for those who wait on it.
type ownership struct {
	// taken is closed when another program takes the clipboard.
	taken chan struct{}
	// over is closed when the copy ends: taken, given up, replaced by a
	// newer copy of ours, or lost with the connection.
	over chan struct{}
	once sync.Once
}

func newOwnership() *ownership {
	return &ownership{taken: make(chan struct{}), over: make(chan struct{})}
}

// end closes over, and taken too if another program took the clipboard.
func (o *ownership) end(taken bool) {
	o.once.Do(func() {
		if taken {
			close(o.taken)
		}
		close(o.over)
	})
}

// within runs f, giving up on it after xTimeout: xgb waits for replies
// without a time limit. A call given up on finishes (or not) in the
// background.
func within[T any](f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() { v, err := f(); done <- result{v, err} }()
	select {
	case r := <-done:
		return r.v, r.err
	case <-time.After(xTimeout):
		var zero T
		return zero, errXTimeout
	}
}

// dialX connects to display and makes the window that will own the
// selection: never mapped, so nothing shows, listening for property
// changes to learn the server's time.
func dialX(display string) (*xOwner, error) {
	if display == "" {
		return nil, ErrNoDisplay
	}
	conn, err := connect(display)
	if err != nil {
		return nil, fmt.Errorf("connecting to the X server %s: %w", display, err)
	}
	o, err := within(func() (*xOwner, error) { return newXOwner(conn) })
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("setting up on the X server %s: %w", display, err)
	}
	go o.serve()
	return o, nil
}

// connect connects to display within xTimeout; a connection that comes
// later is closed.
func connect(display string) (*xgb.Conn, error) {
	type dialed struct {
		conn *xgb.Conn
		err  error
	}
	done := make(chan dialed, 1)
	go func() { c, err := xgb.NewConnDisplay(display); done <- dialed{c, err} }()
	select {
	case d := <-done:
		return d.conn, d.err
	case <-time.After(xTimeout):
		go func() {
			if d := <-done; d.err == nil {
				d.conn.Close()
			}
		}()
		return nil, errXTimeout
	}
}

func newXOwner(conn *xgb.Conn) (*xOwner, error) {
	atoms, err := internAtoms(conn)
	if err != nil {
		return nil, err
	}
	win, err := xproto.NewWindowId(conn)
	if err != nil {
		return nil, err
	}
	screen := xproto.Setup(conn).DefaultScreen(conn)
	err = xproto.CreateWindowChecked(conn, 0, win, screen.Root, -1, -1, 1, 1, 0,
		xproto.WindowClassInputOnly, 0, xproto.CwEventMask,
		[]uint32{xproto.EventMaskPropertyChange}).Check()
	if err != nil {
		return nil, err
	}
	return &xOwner{conn: conn, win: win, atoms: atoms, stamps: make(chan xproto.Timestamp, 1)}, nil
}

// close ends the connection, and with it the selection if still ours.
func (o *xOwner) close() { o.conn.Close() }

// serve answers the X server's events until the connection ends.
func (o *xOwner) serve() {
	for {
		ev, xerr := o.conn.WaitForEvent()
		if ev == nil && xerr == nil {
			o.mu.Lock()
			o.dead = true
			o.drop(false)
			o.mu.Unlock()
			return
		}
		switch e := ev.(type) {
		case xproto.SelectionRequestEvent:
			o.answer(e)
		case xproto.SelectionClearEvent:
			o.cleared(e)
		case xproto.PropertyNotifyEvent:
			if e.Window == o.win && e.Atom == o.atoms.stamp {
				select {
				case o.stamps <- e.Time:
				default:
				}
			}
		}
		// X errors (a requestor that vanished mid-paste) concern no one.
	}
}

// drop forgets the copy being served (o.mu held).
func (o *xOwner) drop(taken bool) {
	clear(o.text)
	o.text = nil
	if o.cur != nil {
		o.cur.end(taken)
		o.cur = nil
	}
}

// cleared handles SelectionClear: another program took the clipboard. An
// event older than our own taking of it (sent before we took it again) is
// stale.
func (o *xOwner) cleared(e xproto.SelectionClearEvent) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if e.Selection != o.atoms.clipboard || e.Owner != o.win || o.text == nil || e.Time < o.since {
		return
	}
	o.drop(true)
}

// now asks the X server for its current time: the ICCCM wants a
// selection taken at a real time, not CurrentTime, and a zero-length
// append to a property of ours is answered with a PropertyNotify that
// carries one.
func (o *xOwner) now() (xproto.Timestamp, error) {
	select { // an earlier answer that came too late
	case <-o.stamps:
	default:
	}
	xproto.ChangeProperty(o.conn, xproto.PropModeAppend, o.win, o.atoms.stamp, xproto.AtomString, 8, 0, nil)
	select {
	case t := <-o.stamps:
		return t, nil
	case <-time.After(xTimeout):
		return 0, errXTimeout
	}
}

// own takes the clipboard to serve text, and returns the copy to wait on.
func (o *xOwner) own(text string) (*ownership, error) {
	t, err := o.now()
	if err != nil {
		return nil, err
	}
	o.mu.Lock()
	if o.dead {
		o.mu.Unlock()
		return nil, errors.New("the connection to the X server is closed")
	}
	o.drop(false) // our older copy, if any, ends here
	cur := newOwnership()
	o.text, o.since, o.cur = []byte(text), t, cur
	o.mu.Unlock()

	xproto.SetSelectionOwner(o.conn, o.win, o.atoms.clipboard, t)
	owner, err := within(func() (*xproto.GetSelectionOwnerReply, error) {
		return xproto.GetSelectionOwner(o.conn, o.atoms.clipboard).Reply()
	})
	if err == nil && owner.Owner != o.win {
		err = errors.New("the X server gave the clipboard to another program")
	}
	if err != nil {
		o.mu.Lock()
		if o.cur == cur {
			o.drop(false)
		}
		o.mu.Unlock()
		return nil, fmt.Errorf("taking the X clipboard: %w", err)
	}
	return cur, nil
}

// holds reports whether we still serve secret: the X server has not told
// us another program took the clipboard.
func (o *xOwner) holds(secret string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.text != nil && equal(o.text, secret)
}

// release gives the clipboard up if we still serve secret, and reports
// whether it did. It gives it up with the time we took it, so that the X
// server ignores it if another program took the clipboard since, even in
// the moment before its SelectionClear reaches us.
func (o *xOwner) release(secret string) (bool, error) {
	o.mu.Lock()
	if o.text == nil || !equal(o.text, secret) {
		o.mu.Unlock()
		return false, nil
	}
	since := o.since
	o.drop(false)
	o.mu.Unlock()
	xproto.SetSelectionOwner(o.conn, xproto.WindowNone, o.atoms.clipboard, since)
	owner, err := within(func() (*xproto.GetSelectionOwnerReply, error) {
		return xproto.GetSelectionOwner(o.conn, o.atoms.clipboard).Reply()
	})
	if err != nil {
		return false, fmt.Errorf("giving the X clipboard up: %w", err)
	}
	return owner.Owner == xproto.WindowNone, nil
}
