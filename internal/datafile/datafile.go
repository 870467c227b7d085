// Package datafile writes the data files the refresh tools bring into the
// repository (wordlists, website rules, the blocklist): each replaced
// whole or not at all.
package datafile

import (
	"errors"
	"os"
	"path/filepath"
)

// Write replaces path by data through a temporary file in the same folder,
// renamed over it once written, so that an interrupted or failed run
// leaves the old file whole. The file is readable by all (0644), as files
// in a repository are.
func Write(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".refresh-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
