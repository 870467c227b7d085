//go:build unix

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Nested is a tmux running inside the user's terminal, as sesame meets it.
// Outer plays the terminal (see StartTmux): what the terminal's clipboard
// receives lands in its paste buffers. Its pane runs Inner, attached: the
// tmux sesame runs in, started with -f and its own configuration, so with
// tmux's default options unless the test gives some.
type Nested struct {
	Outer, Inner *Tmux
	t            testing.TB
	dir          string // scripts and what they leave
	runs         int
}

// NestedOptions set up a Nested.
type NestedOptions struct {
	// InnerConf is the inner tmux's configuration; "": none, tmux's
	// defaults.
	InnerConf string
	// Term is the TERM the inner tmux is told its terminal is: e.g.
	// xterm-256color for a terminal emulator; "": the outer tmux's own
	// (tmux-256color), as when tmux runs inside tmux.
	Term string
	// Via turns the command that starts the inner tmux into the outer
	// pane's command: nil runs it right there, an SSHServer's Command
	// runs it over SSH, as a remote tmux.
	Via func(string) string
}

// StartNested starts both servers and waits until the inner one's client
// is attached.
func StartNested(t testing.TB, o NestedOptions) *Nested {
	t.Helper()
	Need(t, "tmux")
	// A directory of its own with a short name: socket paths are limited
	// to about a hundred bytes, and test names can be long.
	dir, err := os.MkdirTemp("", "sesame-nested-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	conf := "/dev/null"
	if o.InnerConf != "" {
		conf = filepath.Join(dir, "inner.conf")
		if err := os.WriteFile(conf, []byte(o.InnerConf), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(dir, "inner")
	n := &Nested{Inner: &Tmux{t: t, sock: []string{"-S", sock}}, t: t, dir: dir}
	// Cleanups run last first: the outer server, then this one, then the
	// directory that holds its socket.
	t.Cleanup(func() { n.Inner.command("kill-server").Run() })
	// TMUX is the outer server's: tmux refuses to start inside it.
	start := fmt.Sprintf("env -u TMUX -u TMUX_PANE tmux -S %s -f %s new-session -s e2e sh", sock, conf)
	if o.Via != nil {
		start = o.Via(start)
	}
	if o.Term != "" {
		start = "env TERM=" + o.Term + " " + start // ssh passes TERM on
	}
	n.Outer = StartTmux(t, 100, 30, start)
	if !WaitFor(15*time.Second, func() bool {
		out, err := n.Inner.command("list-clients", "-F", "#{client_tty}").Output()
		return err == nil && strings.TrimSpace(string(out)) != ""
	}) {
		t.Fatalf("the inner tmux did not start; the outer pane shows:\n%s", n.Outer.Screen())
	}
	return n
}

// Exec runs a shell command line in the inner tmux's pane, as the user
// would type it, and returns what it wrote to stdout and stderr (files, not
// the terminal) and its exit status.
func (n *Nested) Exec(command string) (stdout, stderr string, code int) {
	n.t.Helper()
	n.runs++
	base := filepath.Join(n.dir, fmt.Sprintf("run%d", n.runs))
	script := fmt.Sprintf("%s >%s.out 2>%s.err\necho $? >%s.tmp && mv %s.tmp %s.rc\n", command, base, base, base, base, base)
	if err := os.WriteFile(base+".sh", []byte(script), 0o600); err != nil {
		n.t.Fatal(err)
	}
	n.Inner.Run("send-keys", "-t", "e2e", "sh "+base+".sh", "Enter")
	var rc []byte
	if !WaitFor(20*time.Second, func() bool {
		var err error
		rc, err = os.ReadFile(base + ".rc")
		return err == nil
	}) {
		n.t.Fatalf("%s did not finish; the inner pane shows:\n%s", command, n.Inner.Screen())
	}
	code, err := strconv.Atoi(strings.TrimSpace(string(rc)))
	if err != nil {
		n.t.Fatalf("exit status %q: %v", rc, err)
	}
	out, _ := os.ReadFile(base + ".out")
	errb, _ := os.ReadFile(base + ".err")
	return string(out), string(errb), code
}
