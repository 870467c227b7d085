//go:build unix

package e2e

import (
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xfixes"
	"github.com/jezek/xgb/xproto"
)

// A small X client for the tests, so that they need no clipboard tool and
// look at the clipboard as other programs do: it pastes any target
// (XRead), copies as another program would (SetClipboard), and records
// what a clipboard history that honours x-kde-passwordManagerHint would
// (StartHistory).

func init() { xgb.Logger = log.New(io.Discard, "", 0) }

// xClient is a connection with a window of its own.
type xClient struct {
	conn *xgb.Conn
	win  xproto.Window
	root xproto.Window
}

func dialClient(display string) (*xClient, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, err
	}
	win, err := xproto.NewWindowId(conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	err = xproto.CreateWindowChecked(conn, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil).Check()
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &xClient{conn: conn, win: win, root: root}, nil
}

func (c *xClient) atom(name string) (xproto.Atom, error) {
	r, err := xproto.InternAtom(c.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		return 0, err
	}
	return r.Atom, nil
}

func (c *xClient) name(a xproto.Atom) string {
	r, err := xproto.GetAtomName(c.conn, a).Reply()
	if err != nil {
		return fmt.Sprintf("atom %d", a)
	}
	return r.Name
}

// errRefused is a paste the owner refused, or a clipboard with no owner.
var errRefused = errors.New("refused")

// read pastes CLIPBOARD as target: the data and its type's name.
func (c *xClient) read(target string) ([]byte, string, error) {
	clip, err := c.atom("CLIPBOARD")
	if err != nil {
		return nil, "", err
	}
	tgt, err := c.atom(target)
	if err != nil {
		return nil, "", err
	}
	prop, err := c.atom("SESAME_E2E_PASTE")
	if err != nil {
		return nil, "", err
	}
	xproto.ConvertSelection(c.conn, c.win, clip, tgt, prop, xproto.TimeCurrentTime)
	deadline := time.After(2 * time.Second)
	events := make(chan xgb.Event)
	go func() {
		for {
			ev, _ := c.conn.WaitForEvent()
			if ev == nil {
				close(events)
				return
			}
			if n, ok := ev.(xproto.SelectionNotifyEvent); ok {
				events <- n
				return
			}
		}
	}()
	var n xproto.SelectionNotifyEvent
	select {
	case ev, ok := <-events:
		if !ok {
			return nil, "", errors.New("connection closed")
		}
		n = ev.(xproto.SelectionNotifyEvent)
	case <-deadline:
		return nil, "", errors.New("no answer to the paste in 2s")
	}
	if n.Property == xproto.AtomNone {
		return nil, "", errRefused
	}
	r, err := xproto.GetProperty(c.conn, true, c.win, n.Property, xproto.GetPropertyTypeAny, 0, 1<<20).Reply()
	if err != nil {
		return nil, "", err
	}
	return r.Value, c.name(r.Type), nil
}

// XRead pastes display's clipboard as target, as a program would: the
// data and its type; ok is false when the owner refused the target or
// nothing owns the clipboard.
func XRead(t testing.TB, display, target string) (data []byte, typ string, ok bool) {
	t.Helper()
	c, err := dialClient(display)
	if err != nil {
		t.Fatalf("connecting to %s: %v", display, err)
	}
	defer c.conn.Close()
	data, typ, err = c.read(target)
	if errors.Is(err, errRefused) {
		return nil, "", false
	}
	if err != nil {
		t.Fatalf("pasting %s: %v", target, err)
	}
	return data, typ, true
}

// XTargets lists the targets the clipboard's owner offers (TARGETS).
func XTargets(t testing.TB, display string) []string {
	t.Helper()
	c, err := dialClient(display)
	if err != nil {
		t.Fatalf("connecting to %s: %v", display, err)
	}
	defer c.conn.Close()
	data, _, err := c.read("TARGETS")
	if errors.Is(err, errRefused) {
		return nil
	}
	if err != nil {
		t.Fatalf("pasting TARGETS: %v", err)
	}
	var names []string
	for i := 0; i+4 <= len(data); i += 4 {
		names = append(names, c.name(xproto.Atom(xgb.Get32(data[i:]))))
	}
	return names
}

// XOwned reports whether any program owns display's clipboard.
func XOwned(t testing.TB, display string) bool {
	t.Helper()
	c, err := dialClient(display)
	if err != nil {
		t.Fatalf("connecting to %s: %v", display, err)
	}
	defer c.conn.Close()
	clip, err := c.atom("CLIPBOARD")
	if err != nil {
		t.Fatal(err)
	}
	r, err := xproto.GetSelectionOwner(c.conn, clip).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return r.Owner != xproto.WindowNone
}

// ClipboardOf reads the X clipboard as text ("" when nothing owns it).
func ClipboardOf(t testing.TB, display string) string {
	t.Helper()
	data, _, _ := XRead(t, display, "UTF8_STRING")
	return string(data)
}

// SetClipboard copies text as another program would, and serves it as
// UTF8_STRING and STRING until another program copies or the test ends.
func SetClipboard(t testing.TB, display, text string) {
	t.Helper()
	c, err := dialClient(display)
	if err != nil {
		t.Fatalf("connecting to %s: %v", display, err)
	}
	t.Cleanup(c.conn.Close)
	clip, err1 := c.atom("CLIPBOARD")
	utf8, err2 := c.atom("UTF8_STRING")
	targets, err3 := c.atom("TARGETS")
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	xproto.SetSelectionOwner(c.conn, c.win, clip, xproto.TimeCurrentTime)
	if r, err := xproto.GetSelectionOwner(c.conn, clip).Reply(); err != nil || r.Owner != c.win {
		t.Fatalf("could not take the clipboard: %v", err)
	}
	go func() {
		for {
			ev, _ := c.conn.WaitForEvent()
			if ev == nil {
				return
			}
			req, ok := ev.(xproto.SelectionRequestEvent)
			if !ok {
				continue
			}
			prop := req.Property
			switch req.Target {
			case utf8, xproto.AtomString:
				xproto.ChangeProperty(c.conn, xproto.PropModeReplace, req.Requestor, prop, req.Target, 8, uint32(len(text)), []byte(text))
			case targets:
				data := make([]byte, 12)
				xgb.Put32(data, uint32(targets))
				xgb.Put32(data[4:], uint32(utf8))
				xgb.Put32(data[8:], uint32(xproto.AtomString))
				xproto.ChangeProperty(c.conn, xproto.PropModeReplace, req.Requestor, prop, xproto.AtomAtom, 32, 3, data)
			default:
				prop = xproto.AtomNone
			}
			n := xproto.SelectionNotifyEvent{Time: req.Time, Requestor: req.Requestor, Selection: req.Selection, Target: req.Target, Property: prop}
			xproto.SendEvent(c.conn, false, req.Requestor, 0, string(n.Bytes()))
		}
	}()
}

// History records the clipboard's copies as a clipboard history that
// honours x-kde-passwordManagerHint would (Klipper, CopyQ): told of each
// new owner (XFIXES), it asks for TARGETS, and records the text unless the
// hint is offered with the value "secret".
type History struct {
	mu       sync.Mutex
	recorded []string
	seen     int // copies noticed, recorded or not
}

// StartHistory starts recording display's clipboard until the test ends.
func StartHistory(t testing.TB, display string) *History {
	t.Helper()
	watch, err := dialClient(display)
	if err != nil {
		t.Fatalf("connecting to %s: %v", display, err)
	}
	t.Cleanup(watch.conn.Close)
	if err := xfixes.Init(watch.conn); err != nil {
		t.Fatal(err)
	}
	if _, err := xfixes.QueryVersion(watch.conn, 5, 0).Reply(); err != nil {
		t.Fatal(err)
	}
	clip, err := watch.atom("CLIPBOARD")
	if err != nil {
		t.Fatal(err)
	}
	err = xfixes.SelectSelectionInputChecked(watch.conn, watch.root, clip, xfixes.SelectionEventMaskSetSelectionOwner).Check()
	if err != nil {
		t.Fatal(err)
	}
	h := &History{}
	go func() {
		for {
			ev, _ := watch.conn.WaitForEvent()
			if ev == nil {
				return
			}
			if n, ok := ev.(xfixes.SelectionNotifyEvent); ok && n.Owner != xproto.WindowNone {
				h.record(display)
			}
		}
	}()
	return h
}

// record reads a new copy as a history would.
func (h *History) record(display string) {
	c, err := dialClient(display)
	if err != nil {
		return
	}
	defer c.conn.Close()
	defer func() { h.mu.Lock(); h.seen++; h.mu.Unlock() }()
	data, _, err := c.read("TARGETS")
	if err != nil {
		return
	}
	for i := 0; i+4 <= len(data); i += 4 {
		if c.name(xproto.Atom(xgb.Get32(data[i:]))) == "x-kde-passwordManagerHint" {
			if hint, _, err := c.read("x-kde-passwordManagerHint"); err == nil && string(hint) == "secret" {
				return
			}
		}
	}
	text, _, err := c.read("UTF8_STRING")
	if err != nil {
		return
	}
	h.mu.Lock()
	h.recorded = append(h.recorded, string(text))
	h.mu.Unlock()
}

// Recorded returns what the history kept, and how many copies it saw.
func (h *History) Recorded() (recorded []string, seen int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.recorded...), h.seen
}
