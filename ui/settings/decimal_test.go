package settings

import (
	"encoding/json"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{{"0", 0}, {"12", 12}, {" 12 ", 12}, {"007", 7}, {"-10", -10}, {"9223372036854775807", 1<<63 - 1}} {
		if got, err := ParseDecimal(c.in, 64); err != nil || got != c.want {
			t.Errorf("ParseDecimal(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "-", "1_000", "1,000", "0x10", "0o7", "0b1", "+5", "1e3", "1.0", "١٢", "9223372036854775808", "--1"} {
		if got, err := ParseDecimal(bad, 64); err == nil {
			t.Errorf("ParseDecimal(%q) = %d, want an error", bad, got)
		}
	}
	if _, err := ParseDecimal("40000", 16); err == nil {
		t.Error("ParseDecimal(40000, 16 bits) fit")
	}
}

func TestParseDecimalFraction(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{{"128", 128}, {"77.54", 77.54}, {".5", 0.5}, {"5.", 5}, {" 1 ", 1}} {
		if got, err := ParseDecimalFraction(c.in); err != nil || got != c.want {
			t.Errorf("ParseDecimalFraction(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", ".", "1e2", "0x1p4", "inf", "NaN", "1_0", "-1", "+1", "1.2.3", "1,5"} {
		if got, err := ParseDecimalFraction(bad); err == nil {
			t.Errorf("ParseDecimalFraction(%q) = %v, want an error", bad, got)
		}
	}
}

func TestDecimalHint(t *testing.T) {
	for in, want := range map[string]string{
		"1_000":  "write 1000: digits only, without separators",
		"-1,000": "write -1000: digits only, without separators",
		"0x10":   "write it in plain decimal digits",
		"+5":     "write it in plain decimal digits",
		"1e3":    "write it in plain decimal digits",
		"abc":    "",
		"12":     "",
		"1_x":    "",
	} {
		if got := DecimalHint(in); got != want {
			t.Errorf("DecimalHint(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every number setting reads numbers by the one rule.
func TestSettingsReadPlainDecimal(t *testing.T) {
	s := Default()
	length := Lookup(Password, "length")
	if err := length.Parse(&s, "1_0"); err == nil || err.(*ValueError).Hint == "" {
		t.Fatalf("--length 1_0: %v, want a refusal with a hint", err)
	}
	if err := Lookup(Password, "max-digits").Parse(&s, "0x3"); err == nil {
		t.Fatal("--max-digits 0x3 accepted")
	}
	if err := length.Parse(&s, "12"); err != nil || s.Password.Length != 12 {
		t.Fatalf("--length 12: %v", err)
	}
}

// A mode's aliases are accepted wherever the mode is: the flag and the
// settings file; the name is what is stored.
func TestModeAliases(t *testing.T) {
	mode := Lookup(Common, "mode")
	for alias, want := range map[string]Mode{"pw": Password, "PP": Phrase, "passphrase": Phrase, "token": Token} {
		s := Default()
		if err := mode.Parse(&s, alias); err != nil || s.Mode != want {
			t.Errorf("--mode %s: %v, mode %v; want %v", alias, err, s.Mode, want)
		}
		s = Default()
		raw, _ := json.Marshal(alias)
		if err := mode.setJSON(&s, raw); err != nil || s.Mode != want {
			t.Errorf(`"mode": %s: %v, mode %v; want %v`, raw, err, s.Mode, want)
		}
		if got := mode.Format(&s); got != want.String() {
			t.Errorf("mode %s is written %q, want %q", alias, got, want)
		}
	}
	s := Default()
	if err := mode.Parse(&s, "p"); err == nil {
		t.Error("--mode p accepted")
	}
}
