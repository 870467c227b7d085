package generator

import "errors"

func compilePattern(pp PatternPolicy) (*Pattern, error) {
	return nil, errors.New("not yet")
}
