// Command genwordlists refreshes the bundled wordlists of other languages
// (assets/wordlists/*.txt but the EFF's) from their sources:
//
//	make wordlists DICEWARE=dir BIPS=dir
//
// DICEWARE is a folder holding Debian's diceware package unpacked
// (apt-get download diceware && dpkg -x diceware_*.deb dir): the German
// and Brazilian Portuguese lists are found under it by name. BIPS is a
// checkout of https://github.com/bitcoin/bips, whose bip-0039 folder holds
// the BIP-39 lists.
//
// Each source is read with the passphrase parser itself
// (generator.ParseWordlist), so the file written is exactly the words
// sesame would use: dice numbers dropped, lower case, NFC (the BIP-39
// files are in NFD, where "é" is two characters a keyboard never types),
// duplicates kept once. The embedded lists are then only split into lines
// at run time, and a test checks the full parser reads them to the same
// words. Every file is written to a temporary name and renamed, and
// nothing is written unless every source parses to the size expected.
// The SHA-256 sums printed go into assets/wordlists/ATTRIBUTION-*.md and
// generator/wordlist_test.go.
package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/internal/datafile"
)

// source is one bundled list: where it comes from and how many distinct
// words it has there.
type source struct {
	name  string // the built-in name and file name (name.txt)
	from  string // DICEWARE or BIPS
	path  string // the file's name (DICEWARE) or path (BIPS)
	words int
}

var sources = []source{
	{"de", "DICEWARE", "wordlist_de.txt", 7776},
	{"pt-br", "DICEWARE", "wordlist_pt-br.txt", 7776},
	{"cs", "BIPS", "bip-0039/czech.txt", 2048},
	{"es", "BIPS", "bip-0039/spanish.txt", 2048},
	{"fr", "BIPS", "bip-0039/french.txt", 2048},
	{"it", "BIPS", "bip-0039/italian.txt", 2048},
	{"pt", "BIPS", "bip-0039/portuguese.txt", 2048},
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: genwordlists DICEWARE_DIR BIPS_DIR OUTPUT_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "genwordlists:", err)
		os.Exit(1)
	}
}

func run(diceware, bips, out string) error {
	lists := make([][]byte, len(sources))
	for i, s := range sources {
		path := filepath.Join(bips, s.path)
		if s.from == "DICEWARE" {
			var err error
			if path, err = find(diceware, s.path); err != nil {
				return err
			}
		}
		data, err := listFile(path, s)
		if err != nil {
			return err
		}
		lists[i] = data
	}
	for i, s := range sources {
		if err := datafile.Write(filepath.Join(out, s.name+".txt"), lists[i]); err != nil {
			return err
		}
		fmt.Printf("%x  %s.txt  (%d words)\n", sha256.Sum256(lists[i]), s.name, s.words)
	}
	return nil
}

// listFile reads one source and returns the file to embed.
func listFile(path string, s source) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	wl, warns, err := generator.ParseWordlist(s.name, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, w := range warns {
		fmt.Fprintf(os.Stderr, "genwordlists: %s: %s\n", path, w)
	}
	if len(wl.Words) != s.words {
		return nil, fmt.Errorf("%s has %d distinct words, not the %d expected: check the source before bundling it", path, len(wl.Words), s.words)
	}
	return []byte(strings.Join(wl.Words, "\n") + "\n"), nil
}

// find looks for a file of that name under dir.
func find(dir, name string) (string, error) {
	var found string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == name {
			found = p
			return fs.SkipAll
		}
		return nil
	})
	if err == nil && found == "" {
		err = fmt.Errorf("no %s under %s: unpack Debian's diceware package there", name, dir)
	}
	return found, err
}
