package settings

// Where a setting's value lives in Settings, typed: a table entry names
// its field through one of the constructors below (intField(…) for a
// number, choiceField(…) for an enumeration, …), and the constructor both
// fixes the setting's Kind and makes the compiler check that the field has
// that kind's type. A setting cannot say it is a switch and point at an
// int.

// field reads and writes one value of type T in Settings.
type field[T comparable] struct {
	get func(*Settings) T
	set func(*Settings, T)
}

// at is the field behind a pointer into Settings.
func at[T comparable](p func(*Settings) *T) field[T] {
	return field[T]{
		get: func(s *Settings) T { return *p(s) },
		set: func(s *Settings, v T) { *p(s) = v },
	}
}

func (f field[T]) copy(dst, src *Settings)   { f.set(dst, f.get(src)) }
func (f field[T]) equal(a, b *Settings) bool { return f.get(a) == f.get(b) }

// value is a setting's field with its kind: exactly the field of that
// kind is set (a choice keeps its index in num).
type value struct {
	kind  Kind
	num   field[int] // IntKind, and ChoiceKind as the choice's index
	limit field[Limit]
	on    field[bool]
	text  field[string]
	// copy and equal work whatever the kind.
	copy  func(dst, src *Settings)
	equal func(a, b *Settings) bool
}

// intField is a whole number.
func intField(p func(*Settings) *int) value {
	f := at(p)
	return value{kind: IntKind, num: f, copy: f.copy, equal: f.equal}
}

// limitField is an optional maximum.
func limitField(p func(*Settings) *Limit) value {
	f := at(p)
	return value{kind: LimitKind, limit: f, copy: f.copy, equal: f.equal}
}

// switchField is on or off.
func switchField(p func(*Settings) *bool) value {
	f := at(p)
	return value{kind: SwitchKind, on: f, copy: f.copy, equal: f.equal}
}

// textField is text.
func textField(p func(*Settings) *string) value {
	f := at(p)
	return value{kind: TextKind, text: f, copy: f.copy, equal: f.equal}
}

// choiceField is an enumeration of the generator (generator.CaseMode),
// whose values are the indexes of the setting's Choices.
func choiceField[E ~int](p func(*Settings) *E) value {
	e := at(p)
	index := field[int]{
		get: func(s *Settings) int { return int(e.get(s)) },
		set: func(s *Settings, i int) { e.set(s, E(i)) },
	}
	return value{kind: ChoiceKind, num: index, copy: e.copy, equal: e.equal}
}
