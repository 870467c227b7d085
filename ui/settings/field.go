package settings

// Where a setting's value lives in Settings, typed: a table entry names
// its field with one of the types below (intField(…) for a number,
// choice(…) for an enumeration, …), and that type both fixes the
// setting's Kind and makes the compiler check that the field has that
// kind's type. A setting cannot say it is a switch and point at an int.
//
// Each is the function from Settings to the field itself, so a table
// entry costs no more than that function (the table is built at start).

// value is a setting's field, of one of the types below.
type value interface {
	kind() Kind
	copy(dst, src *Settings)
	equal(a, b *Settings) bool
}

// The fields of each kind.
type (
	intField    func(*Settings) *int    // IntKind
	limitField  func(*Settings) *Limit  // LimitKind
	switchField func(*Settings) *bool   // SwitchKind
	textField   func(*Settings) *string // TextKind
	// choiceField is an enumeration of the generator (generator.CaseMode),
	// whose values are the indexes of the setting's Choices: ChoiceKind.
	choiceField[E ~int] func(*Settings) *E
)

// choice is the choiceField of p, its enumeration inferred.
func choice[E ~int](p func(*Settings) *E) choiceField[E] { return p }

func (intField) kind() Kind       { return IntKind }
func (limitField) kind() Kind     { return LimitKind }
func (switchField) kind() Kind    { return SwitchKind }
func (textField) kind() Kind      { return TextKind }
func (choiceField[E]) kind() Kind { return ChoiceKind }

func (f intField) copy(dst, src *Settings)       { *f(dst) = *f(src) }
func (f limitField) copy(dst, src *Settings)     { *f(dst) = *f(src) }
func (f switchField) copy(dst, src *Settings)    { *f(dst) = *f(src) }
func (f textField) copy(dst, src *Settings)      { *f(dst) = *f(src) }
func (f choiceField[E]) copy(dst, src *Settings) { *f(dst) = *f(src) }

func (f intField) equal(a, b *Settings) bool       { return *f(a) == *f(b) }
func (f limitField) equal(a, b *Settings) bool     { return *f(a) == *f(b) }
func (f switchField) equal(a, b *Settings) bool    { return *f(a) == *f(b) }
func (f textField) equal(a, b *Settings) bool      { return *f(a) == *f(b) }
func (f choiceField[E]) equal(a, b *Settings) bool { return *f(a) == *f(b) }

// A number is read and set as an int: a whole number, or a choice's index.
type number interface {
	value
	get(*Settings) int
	set(*Settings, int)
}

func (f intField) get(s *Settings) int          { return *f(s) }
func (f intField) set(s *Settings, n int)       { *f(s) = n }
func (f choiceField[E]) get(s *Settings) int    { return int(*f(s)) }
func (f choiceField[E]) set(s *Settings, i int) { *f(s) = E(i) }
