package main

import (
	"errors"
	"fmt"

	"github.com/sesame-sh/sesame/generator/rules"
	"github.com/sesame-sh/sesame/generator/rules/internal/sitelist"
)

type checkReport struct {
	sites, groups, pages int
	warnings             []string // "domain: warning"
}

// checkSource checks the three files as the program reads them.
func checkSource(src *source) (checkReport, error) {
	report, err := checkRules(src.list)
	if err != nil {
		return checkReport{}, err
	}
	groups, err := sitelist.DecodeShared(string(src.shared))
	if err != nil {
		return checkReport{}, fmt.Errorf("%w; nothing was written", err)
	}
	pages, err := sitelist.DecodeChangeURLs(string(src.change))
	if err != nil {
		return checkReport{}, fmt.Errorf("%w; nothing was written", err)
	}
	report.groups, report.pages = len(groups), len(pages)
	return report, nil
}

// checkRules decodes the list as the program will and parses every rule,
// so that nothing the program would skip reaches the assets.
func checkRules(list []byte) (checkReport, error) {
	entries, err := sitelist.Decode(string(list))
	if err != nil {
		return checkReport{}, err
	}
	report := checkReport{sites: len(entries)}
	var errs []error
	for _, e := range entries {
		_, warnings, err := rules.Parse(e.Rules)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", e.Domain, err))
			continue
		}
		for _, w := range warnings {
			report.warnings = append(report.warnings, e.Domain+": "+w)
		}
	}
	if len(errs) > 0 {
		return checkReport{}, fmt.Errorf("%d rules do not parse; nothing was written:\n%w", len(errs), errors.Join(errs...))
	}
	return report, nil
}
