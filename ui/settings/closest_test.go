package settings

import "testing"

func TestClosest(t *testing.T) {
	flags := []string{"length", "lower", "upper", "digits", "min-digits", "no-digits", "exclude"}
	for in, want := range map[string]string{
		"lenght": "length", "lenth": "length", "digit": "digits", "exlude": "exclude",
		"min-digit": "min-digits", "xyz": "", "colour": "", "l": "",
	} {
		if got := Closest(in, flags); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Closest("base64", []string{"hex", "base64url", "base32", "base62", "raw"}); got != "base64url" {
		t.Errorf("base64 → %q", got)
	}
	if editDistance("kitten", "sitting") != 3 || editDistance("", "abc") != 3 || editDistance("same", "same") != 0 {
		t.Error("editDistance")
	}
}
