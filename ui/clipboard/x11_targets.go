package clipboard

import (
	"unicode/utf8"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// What sesame's X11 copy offers a program that pastes (ICCCM section 2.6,
// "Use of Selection Targets"): TARGETS lists the rest; TIMESTAMP says when
// the selection was taken; the text as UTF8_STRING, as TEXT (which the
// owner answers in an encoding of its choice: UTF-8), as
// text/plain;charset=utf-8 (what toolkits ask for by MIME type), and as
// STRING, Latin-1, when the text is in that alphabet; and
// x-kde-passwordManagerHint, whose value "secret" tells a clipboard history
// (Klipper, CopyQ) to leave the copy out. Anything else, MULTIPLE included,
// is refused, as the ICCCM says, by answering with property None. A secret
// is far smaller than the X server's largest request, so the incremental
// transfer (INCR) for large data is never needed.

// passwordHint is the value of x-kde-passwordManagerHint that marks a copy
// as a secret.
const passwordHint = "secret"

// xAtoms are the names the clipboard needs, interned once.
type xAtoms struct {
	clipboard, targets, timestamp, utf8, text, plain, hint, stamp xproto.Atom
}

func internAtoms(conn *xgb.Conn) (xAtoms, error) {
	names := []string{"CLIPBOARD", "TARGETS", "TIMESTAMP", "UTF8_STRING", "TEXT",
		"text/plain;charset=utf-8", "x-kde-passwordManagerHint", "_SESAME_TIME"}
	cookies := make([]xproto.InternAtomCookie, len(names))
	for i, n := range names {
		cookies[i] = xproto.InternAtom(conn, false, uint16(len(n)), n)
	}
	got := make([]xproto.Atom, len(names))
	for i, c := range cookies {
		r, err := c.Reply()
		if err != nil {
			return xAtoms{}, err
		}
		got[i] = r.Atom
	}
	return xAtoms{clipboard: got[0], targets: got[1], timestamp: got[2], utf8: got[3],
		text: got[4], plain: got[5], hint: got[6], stamp: got[7]}, nil
}

// offered are the targets TARGETS lists, in the order a program would best
// take them.
func (a xAtoms) offered() []xproto.Atom {
	return []xproto.Atom{a.targets, a.timestamp, a.utf8, a.plain, a.text, xproto.AtomString, a.hint}
}

// conversion is a target's answer: the property's type, format (bits per
// item) and data.
type conversion struct {
	typ    xproto.Atom
	format byte
	data   []byte
}

// convert answers target for text taken at since; ok is false for a
// target refused.
func (a xAtoms) convert(target xproto.Atom, text []byte, since xproto.Timestamp) (c conversion, ok bool) {
	switch target {
	case a.targets:
		offered := a.offered()
		data := make([]byte, 4*len(offered))
		for i, t := range offered {
			xgb.Put32(data[4*i:], uint32(t))
		}
		return conversion{xproto.AtomAtom, 32, data}, true
	case a.timestamp:
		data := make([]byte, 4)
		xgb.Put32(data, uint32(since))
		return conversion{xproto.AtomInteger, 32, data}, true
	case a.utf8, a.text:
		return conversion{a.utf8, 8, text}, true
	case a.plain:
		return conversion{a.plain, 8, text}, true
	case xproto.AtomString:
		latin1, ok := toLatin1(text)
		return conversion{xproto.AtomString, 8, latin1}, ok
	case a.hint:
		return conversion{a.hint, 8, []byte(passwordHint)}, true
	}
	return conversion{}, false
}

// toLatin1 encodes UTF-8 text as ISO Latin-1, the encoding of STRING; ok
// is false when the text has a character Latin-1 lacks (or is not UTF-8).
func toLatin1(text []byte) (latin1 []byte, ok bool) {
	latin1 = make([]byte, 0, len(text))
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if r == utf8.RuneError && size <= 1 || r > 0xff {
			return nil, false
		}
		latin1 = append(latin1, byte(r))
		text = text[size:]
	}
	return latin1, true
}

// answer answers a paste (SelectionRequest): the conversion goes into the
// property the requestor named, and a SelectionNotify tells it which
// property holds the answer, or None for a refusal. A request from before
// we took the selection, or for one we do not hold, is refused.
func (o *xOwner) answer(e xproto.SelectionRequestEvent) {
	property := e.Property
	if property == xproto.AtomNone {
		property = e.Target // an obsolete requestor (ICCCM 2.2)
	}
	o.mu.Lock()
	var c conversion
	ok := o.text != nil && e.Selection == o.atoms.clipboard &&
		(e.Time == xproto.TimeCurrentTime || e.Time >= o.since)
	if ok {
		c, ok = o.atoms.convert(e.Target, o.text, o.since)
	}
	if ok {
		// Sent while o.mu is held: the secret's bytes are cleared when
		// the copy ends, and the request copies them first.
		units := uint32(len(c.data)) / uint32(c.format/8)
		xproto.ChangeProperty(o.conn, xproto.PropModeReplace, e.Requestor, property, c.typ, c.format, units, c.data)
	} else {
		property = xproto.AtomNone
	}
	o.mu.Unlock()
	notify := xproto.SelectionNotifyEvent{Time: e.Time, Requestor: e.Requestor, Selection: e.Selection, Target: e.Target, Property: property}
	xproto.SendEvent(o.conn, false, e.Requestor, 0, string(notify.Bytes()))
}
