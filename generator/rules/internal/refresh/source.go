package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// The files read from the checkout.
const (
	listPath    = "quirks/password-rules.json"
	sharedPath  = "quirks/shared-credentials.json"
	changePath  = "quirks/change-password-URLs.json"
	licencePath = "LICENSE.md"
)

// source is what one checkout provides.
type source struct {
	list, shared, change, licence []byte
	commit, date                  string
}

var commitPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)

func readSource(checkout string) (*source, error) {
	src := &source{}
	var err error
	if src.list, err = os.ReadFile(filepath.Join(checkout, listPath)); err != nil {
		return nil, fmt.Errorf("reading the list: %w", err)
	}
	if src.shared, err = os.ReadFile(filepath.Join(checkout, sharedPath)); err != nil {
		return nil, fmt.Errorf("reading the shared-credentials list: %w", err)
	}
	if src.change, err = os.ReadFile(filepath.Join(checkout, changePath)); err != nil {
		return nil, fmt.Errorf("reading the change-password list: %w", err)
	}
	if src.licence, err = os.ReadFile(filepath.Join(checkout, licencePath)); err != nil {
		return nil, fmt.Errorf("reading the licence: %w", err)
	}
	if src.commit, err = gitOutput(checkout, "rev-parse", "HEAD"); err != nil {
		return nil, err
	}
	if !commitPattern.MatchString(src.commit) {
		return nil, fmt.Errorf("git rev-parse HEAD in %s gave %q, not a commit hash", checkout, src.commit)
	}
	if src.date, err = gitOutput(checkout, "show", "-s", "--format=%cI", "HEAD"); err != nil {
		return nil, err
	}
	changed, err := gitOutput(checkout, "status", "--porcelain", "--", listPath, sharedPath, changePath, licencePath)
	if err != nil {
		return nil, err
	}
	if changed != "" {
		return nil, fmt.Errorf("%s has local changes to %s, %s, %s or %s; commit or discard them so that the commit line is true",
			checkout, listPath, sharedPath, changePath, licencePath)
	}
	return src, nil
}

// gitOutput runs git in dir and returns its trimmed output.
func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s in %s: %w: %s", strings.Join(args, " "), dir, err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}
