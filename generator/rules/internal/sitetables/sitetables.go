// Package sitetables renders the site lists as Go source, for go generate
// and the refresh tool. It is apart from package sitelist, which sesame
// links, so that go/format stays out of the binary.
package sitetables

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"slices"

	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

// GoSource renders the three lists as the Go source of package rules'
// bundled tables (bundled_lists.go), already decoded and sorted by domain,
// so that a program looking one site up reads static data instead of
// decoding 130 kB of JSON and parsing every site's rules at run time.
// The rules strings stay unparsed: a lookup parses only the entry it
// returns. It refuses what sitelist's decoders refuse.
func GoSource(rules, shared, change string) ([]byte, error) {
	sites, err := sitelist.Decode(rules)
	if err != nil {
		return nil, err
	}
	groups, err := sitelist.DecodeShared(shared)
	if err != nil {
		return nil, err
	}
	pages, err := sitelist.DecodeChangeURLs(change)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(sites, func(a, b sitelist.Entry) int { return cmp.Compare(a.Domain, b.Domain) })
	slices.SortFunc(pages, func(a, b sitelist.ChangeURL) int { return cmp.Compare(a.Domain, b.Domain) })

	var b bytes.Buffer
	b.WriteString(`// Code generated from assets/rules by "go generate ./generator/rules" (make rules runs it); DO NOT EDIT.

// The lists of Apple's password-manager-resources (© Apple Inc., MIT; see
// assets/rules/ATTRIBUTION.md), decoded when sesame is built.

package rules

import "github.com/sesame-sh/sesame/generator/rules/internal/sitelist"

`)
	b.WriteString("// bundledSites is quirks/password-rules.json, sorted by domain.\nvar bundledSites = []sitelist.Entry{\n")
	for _, e := range sites {
		fmt.Fprintf(&b, "{Domain: %q, Rules: %q", e.Domain, e.Rules)
		if e.ExactOnly {
			b.WriteString(", ExactOnly: true")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n// bundledGroups is quirks/shared-credentials.json, in its order.\nvar bundledGroups = []sitelist.Group{\n")
	for _, g := range groups {
		b.WriteString("{")
		if g.Shared != nil {
			fmt.Fprintf(&b, "Shared: %#v", g.Shared)
		} else {
			fmt.Fprintf(&b, "From: %#v, To: %#v", g.From, g.To)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n// bundledChangeURLs is quirks/change-password-URLs.json, sorted by domain.\nvar bundledChangeURLs = []sitelist.ChangeURL{\n")
	for _, p := range pages {
		fmt.Fprintf(&b, "{Domain: %q, URL: %q},\n", p.Domain, p.URL)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
