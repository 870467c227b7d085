package clipboard

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// fakeTmux is a tmux server in memory that behaves as tmux 3.3a was seen
// to: load-buffer ignores empty input (no buffer, nothing sent), -w sends
// to the attached terminal whatever set-clipboard says, list-buffers names
// the newest first. It records every command and fails the test if a
// secret ever appears in one's arguments.
type fakeTmux struct {
	t       *testing.T
	secrets []string // must never appear in arguments

	setClipboard string // "external" unless set
	passthrough  string // "0" unless set; "" is a tmux without the option
	clientTTY    string // "/dev/pts/1" unless noClient
	clientTerm   string // "xterm-256color" unless set
	noClient     bool
	control      bool

	buffers []fakeBuffer // newest first
	sent    []string     // what -w sent to the terminal

	calls []fakeCall
	fail  map[string]error // by command name
	// lateFail makes load-buffer store the buffer and then fail, as a
	// load that timed out after tmux took it.
	lateFail bool
}

type fakeBuffer struct{ name, data string }

type fakeCall struct {
	stdin string
	args  []string
}

func newFakeTmux(t *testing.T, secrets ...string) *fakeTmux {
	return &fakeTmux{t: t, secrets: secrets, setClipboard: "external", passthrough: "0", clientTTY: "/dev/pts/1", clientTerm: "xterm-256color", fail: map[string]error{}}
}

func (f *fakeTmux) run(stdin string, args ...string) ([]byte, error) {
	f.calls = append(f.calls, fakeCall{stdin, args})
	for _, a := range args {
		for _, s := range f.secrets {
			if strings.Contains(a, s) {
				f.t.Errorf("a secret in tmux's arguments: %q", args)
			}
		}
	}
	if err := f.fail[args[0]]; err != nil && !(f.lateFail && args[0] == "load-buffer") {
		return nil, err
	}
	switch {
	case args[0] == "display-message" && slices.Equal(args, []string{"display-message", "-p", probeFormat}):
		client, control := f.clientTTY, "0"
		if f.noClient {
			client = ""
		}
		if f.control {
			client, control = "", "1"
		}
		return fmt.Appendf(nil, "%s|%s|%s|%s|%s\n", f.setClipboard, f.passthrough, client, control, f.clientTerm), nil
	case args[0] == "load-buffer" && len(args) == 5 && args[1] == "-b" && args[3] == "-w" && args[4] == "-":
		if stdin != "" {
			f.set(args[2], stdin)
			if !f.noClient && !f.control {
				f.sent = append(f.sent, stdin)
			}
		}
		return nil, f.fail["load-buffer"]
	case slices.Equal(args, []string{"list-buffers", "-F", "#{buffer_name}"}):
		var out strings.Builder
		for _, b := range f.buffers {
			out.WriteString(b.name + "\n")
		}
		return []byte(out.String()), nil
	case args[0] == "show-buffer" && len(args) == 3 && args[1] == "-b":
		if i := f.find(args[2]); i >= 0 {
			return []byte(f.buffers[i].data), nil
		}
		return nil, errors.New("tmux show-buffer: no buffer " + args[2])
	case args[0] == "delete-buffer" && len(args) == 3 && args[1] == "-b":
		if i := f.find(args[2]); i >= 0 {
			f.buffers = slices.Delete(f.buffers, i, i+1)
			return nil, nil
		}
		return nil, errors.New("tmux delete-buffer: no buffer " + args[2])
	}
	f.t.Errorf("unexpected tmux command %q", args)
	return nil, errors.New("tmux: unexpected command")
}

func (f *fakeTmux) find(name string) int {
	return slices.IndexFunc(f.buffers, func(b fakeBuffer) bool { return b.name == name })
}

// set stores a buffer as the newest, as tmux does.
func (f *fakeTmux) set(name, data string) {
	if i := f.find(name); i >= 0 {
		f.buffers = slices.Delete(f.buffers, i, i+1)
	}
	f.buffers = slices.Insert(f.buffers, 0, fakeBuffer{name, data})
}

// commands lists the commands run, by name.
func (f *fakeTmux) commands() []string {
	var names []string
	for _, c := range f.calls {
		names = append(names, c.args[0])
	}
	return names
}

// buffer returns a buffer's contents and whether it exists.
func (f *fakeTmux) buffer(name string) (string, bool) {
	if i := f.find(name); i >= 0 {
		return f.buffers[i].data, true
	}
	return "", false
}
