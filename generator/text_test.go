package generator

import (
	"encoding/json"
	"testing"
)

func TestEnumsRoundTripAsText(t *testing.T) {
	type all struct {
		C CaseMode
		S SeparatorKind
		F TokenFormat
	}
	for _, v := range []all{{CaseRandom, SepSymbol, TokenBase62}, {CaseLower, SepFixed, TokenHex}, {CaseTitle, SepDigit, TokenRaw}} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back all
		if err := json.Unmarshal(b, &back); err != nil || back != v {
			t.Fatalf("%s → %+v, %v", b, back, err)
		}
	}
	var c all
	if err := json.Unmarshal([]byte(`{"C":"shouty"}`), &c); err == nil {
		t.Fatal("unknown case name accepted")
	}
	if b, _ := json.Marshal(struct{ B Bound }{LowerBound}); string(b) != `{"B":"lower bound"}` {
		t.Fatalf("bound as %s", b)
	}
}
