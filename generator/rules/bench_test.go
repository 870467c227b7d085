package rules

import "testing"

// longRule is a realistic long rule: several requirements, a long custom
// class with '-', '[' and "]]", and run limits.
const longRule = `minlength: 12; maxlength: 64; max-consecutive: 3; required: lower; required: upper; ` +
	`required: digit; required: [-~!@#$%^&*_+=` + "`" + `|(){}[:;"'<>,.?/\]]; allowed: [-~!@#$%^&*_+=` + "`" + `|(){}[:;"'<>,.? ]];`

func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(longRule)))
	for b.Loop() {
		if _, _, err := Parse(longRule); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstLookup is the cost a command pays the first time it looks a
// site up: indexing the bundled tables and parsing the one entry found.
func BenchmarkFirstLookup(b *testing.B) {
	for b.Loop() {
		tab := &siteTable{list: bundledSites}
		if _, _, ok := tab.lookup("https://secure.login.chase.com/x"); !ok {
			b.Fatal("chase.com not found")
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	bundled.load()
	for b.Loop() {
		if _, _, ok := Lookup("https://secure.login.chase.com/x"); !ok {
			b.Fatal("chase.com not found")
		}
	}
}
