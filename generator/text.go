package generator

// Text forms of the enumerations, so settings files and JSON output read
// "base64url" rather than a number that would change meaning if the order
// of the constants ever did.

// MarshalText implements encoding.TextMarshaler.
func (c CaseMode) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *CaseMode) UnmarshalText(b []byte) error {
	v, err := ParseCase(string(b))
	*c = v
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (k SeparatorKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *SeparatorKind) UnmarshalText(b []byte) error {
	v, err := ParseSeparatorKind(string(b))
	*k = v
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (f TokenFormat) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *TokenFormat) UnmarshalText(b []byte) error {
	v, err := ParseTokenFormat(string(b))
	*f = v
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (b Bound) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// MarshalText implements encoding.TextMarshaler.
func (r Rating) MarshalText() ([]byte, error) { return []byte(r.String()), nil }
