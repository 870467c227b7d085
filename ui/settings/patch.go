package settings

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/tailscale/hujson"
)

// Writing the settings file back as the user left it: sesame sets the
// values it owns in the file's syntax tree and leaves everything else
// alone, so comments, trailing commas, the order of keys, keys sesame does
// not know (a newer sesame's, the user's own) and presets it did not save
// all stay as they were. A value that is already what sesame would write
// is not touched either.

// member is one key of an object sesame writes: its value is a JSON
// literal ([]byte), an object ([]member), or nil to remove the key.
type member struct {
	key string
	val any
}

// literal encodes one value without HTML escaping (symbol sets are full
// of < > &).
func literal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// patchObject sets the members ms in obj, an object nested depth deep.
func patchObject(obj *hujson.Object, ms []member, depth int) {
	for _, m := range ms {
		i := lastMember(obj, m.key)
		switch {
		case m.val == nil:
			if i >= 0 {
				removeMember(obj, i)
			}
		case i < 0:
			appendMember(obj, m, depth)
		default:
			setValue(&obj.Members[i].Value, m.val, memberIndent(obj, i, depth), depth+1)
		}
	}
}

// lastMember is the index of the member named key (the last one, as a
// JSON decoder reads duplicates), or -1.
func lastMember(obj *hujson.Object, key string) int {
	for i := len(obj.Members) - 1; i >= 0; i-- {
		if lit, ok := obj.Members[i].Name.Value.(hujson.Literal); ok && lit.String() == key {
			return i
		}
	}
	return -1
}

// setValue replaces a member's value, keeping the comments around it; an
// object that is an object already is patched rather than replaced.
func setValue(v *hujson.Value, val any, indent string, depth int) {
	switch val := val.(type) {
	case []member:
		if obj, ok := v.Value.(*hujson.Object); ok {
			patchObject(obj, val, depth)
			return
		}
		v.Value = render(val, indent)
	case []byte:
		if !sameJSON(v.Value, val) {
			v.Value = hujson.Literal(val)
		}
	}
}

// sameJSON reports whether a literal in the file already means lit.
func sameJSON(cur hujson.ValueTrimmed, lit []byte) bool {
	old, ok := cur.(hujson.Literal)
	if !ok {
		return false
	}
	var a, b any
	return json.Unmarshal(old, &a) == nil && json.Unmarshal(lit, &b) == nil && reflect.DeepEqual(a, b)
}

// appendMember adds a member after the last, indented as its siblings.
// What stood between the last member and the closing brace (a comment at
// the end of the last line) stays after the last member.
func appendMember(obj *hujson.Object, m member, depth int) {
	indent := memberIndent(obj, len(obj.Members)-1, depth)
	after := []byte(obj.AfterExtra)
	head, tail := after, []byte("\n"+strings.Repeat("  ", depth))
	if i := bytes.LastIndexByte(after, '\n'); i >= 0 {
		head, tail = after[:i], after[i:]
	}
	trailingComma := len(obj.Members) > 0 && obj.Members[len(obj.Members)-1].Value.AfterExtra != nil
	name := hujson.Value{
		BeforeExtra: append(append([]byte{}, head...), "\n"+indent...),
		Value:       hujson.String(m.key),
	}
	value := hujson.Value{BeforeExtra: []byte(" ")}
	if lit, ok := m.val.([]byte); ok {
		value.Value = hujson.Literal(lit)
	} else {
		value.Value = render(m.val.([]member), indent)
	}
	if trailingComma {
		value.AfterExtra = []byte{} // keep the file's habit of a trailing comma
	}
	obj.Members = append(obj.Members, hujson.ObjectMember{Name: name, Value: value})
	obj.AfterExtra = append([]byte{}, tail...)
}

// removeMember takes out member i with its comments; a trailing comma the
// object had is kept.
func removeMember(obj *hujson.Object, i int) {
	last := i == len(obj.Members)-1
	trailingComma := obj.Members[len(obj.Members)-1].Value.AfterExtra != nil
	obj.Members = append(obj.Members[:i], obj.Members[i+1:]...)
	if last && len(obj.Members) > 0 {
		v := &obj.Members[len(obj.Members)-1].Value
		if trailingComma {
			v.AfterExtra = []byte{}
		} else {
			v.AfterExtra = nil
		}
	}
}

// memberIndent is the indentation of member i's line, or two spaces a
// level when it has none of its own.
func memberIndent(obj *hujson.Object, i, depth int) string {
	if i >= 0 && i < len(obj.Members) {
		before := obj.Members[i].Name.BeforeExtra
		if j := bytes.LastIndexByte(before, '\n'); j >= 0 && len(bytes.Trim(before[j+1:], " \t")) == 0 {
			return string(before[j+1:])
		}
	}
	return strings.Repeat("  ", depth+1)
}

// render writes an object as sesame writes the file, one key a line, its
// closing brace at indent.
func render(ms []member, indent string) *hujson.Object {
	var b bytes.Buffer
	writeObject(&b, ms, indent)
	v, err := hujson.Parse(b.Bytes())
	if err != nil {
		panic("settings: rendered invalid JSON: " + err.Error())
	}
	return v.Value.(*hujson.Object)
}

func writeObject(b *bytes.Buffer, ms []member, indent string) {
	b.WriteString("{")
	sep := ""
	for _, m := range ms {
		if m.val == nil {
			continue
		}
		b.WriteString(sep + "\n" + indent + "  ")
		b.Write(literal(m.key))
		b.WriteString(": ")
		if lit, ok := m.val.([]byte); ok {
			b.Write(lit)
		} else {
			writeObject(b, m.val.([]member), indent+"  ")
		}
		sep = ","
	}
	b.WriteString("\n" + indent + "}")
}
