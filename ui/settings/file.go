package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"

	"github.com/sesame-sh/sesame/internal/regularfile"
	"github.com/tailscale/hujson"
)

// Reading the settings file. Whatever is at the path, sesame reads at most
// maxFileSize bytes of a regular file and never blocks on it (a FIFO, a
// device such as /dev/zero): anything else is a *FileError, and a file that
// could not be read whole is never written over, so a hand edit sesame does
// not understand cannot cost the user their presets. The file may hold
// comments and trailing commas (HuJSON, as people write JSON by hand).

// maxFileSize bounds the settings file: far more than any settings need
// (a file sesame writes is a few kilobytes), and little enough to read at
// once.
const maxFileSize = 1 << 20

// FileError says why the settings file could not be read whole: sesame
// then uses its defaults and leaves the file as it is.
type FileError struct {
	Path string
	Why  string // "line 3, column 5: invalid character '}' …", "it is a directory"
	Err  error  // the underlying error, if any
}

func (e *FileError) Error() string {
	return fmt.Sprintf("%s could not be read (%s)", e.Path, e.Why)
}

func (e *FileError) Unwrap() error { return e.Err }

// file is the settings file as read: its syntax tree, to write it back
// with the user's comments and the keys sesame does not know, and its
// objects as standard JSON, to decode. A missing or blank file is an
// empty object.
type file struct {
	root hujson.Value
	top  map[string]json.RawMessage
}

// readFile reads and parses the settings file. A missing file is no error.
func readFile(path string) (*file, error) {
	data, err := readBounded(path)
	if errors.Is(err, fs.ErrNotExist) {
		return parseFile(path, nil)
	}
	if err != nil {
		return nil, err
	}
	return parseFile(path, data)
}

// readBounded reads a regular file of at most maxFileSize bytes.
func readBounded(path string) ([]byte, error) {
	fi, err := os.Stat(path) // after links: the file a link names must be regular
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err != nil {
		return nil, &FileError{Path: path, Why: unwrapPath(err).Error(), Err: err}
	}
	if !fi.Mode().IsRegular() {
		return nil, &FileError{Path: path, Why: "it is " + fileKind(fi.Mode()) + ", not a regular file"}
	}
	// Opened without blocking, and checked again once open, in case
	// something else was put at the path since the Stat.
	f, err := regularfile.Open(path)
	if errors.Is(err, regularfile.ErrNotRegular) {
		return nil, &FileError{Path: path, Why: "it is not a regular file"}
	}
	if err != nil {
		return nil, &FileError{Path: path, Why: unwrapPath(err).Error(), Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, &FileError{Path: path, Why: unwrapPath(err).Error(), Err: err}
	}
	if len(data) > maxFileSize {
		return nil, &FileError{Path: path, Why: "it is larger than 1 MiB, more than settings ever need"}
	}
	return data, nil
}

// fileKind names what a path holds that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "something else"
}

// parseFile parses the file's bytes: JSON, with comments and trailing
// commas allowed, holding one object.
func parseFile(path string, data []byte) (*file, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		// Nothing to lose: a blank file reads as no settings.
		data = []byte("{}\n")
	}
	root, err := hujson.Parse(data)
	if err != nil {
		why := oneLine(strings.TrimPrefix(err.Error(), "hujson: "))
		return nil, &FileError{Path: path, Why: why, Err: err}
	}
	if _, ok := root.Value.(*hujson.Object); !ok {
		line, col := lineColumn(data, root.StartOffset)
		return nil, &FileError{Path: path, Why: fmt.Sprintf("line %d, column %d: not a JSON object", line, col)}
	}
	std := root.Clone()
	std.Standardize()
	f := &file{root: root}
	if err := json.Unmarshal(std.Pack(), &f.top); err != nil {
		// Standard JSON once standardized; a failure here is a bug in
		// the parser, and the file is still not to be touched.
		return nil, &FileError{Path: path, Why: err.Error(), Err: err}
	}
	return f, nil
}

// oneLine makes a parser's message one short line: it may quote the
// file's text, which can hold anything.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	return s
}

// lineColumn is where byte offset n lies, counting from 1.
func lineColumn(data []byte, n int) (line, col int) {
	line = 1 + bytes.Count(data[:n], []byte("\n"))
	col = 1 + n - (bytes.LastIndexByte(data[:n], '\n') + 1)
	return line, col
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
