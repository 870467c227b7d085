package generator

// Engine makes secrets of one kind under fixed, validated settings.
// Password, Phrase, Token and PIN generators implement it.
type Engine interface {
	// Generate returns one secret drawn uniformly from the generator's
	// output set, or an error if the random source failed. It never
	// returns a secret together with an error.
	Generate(r *Rand) (string, error)
	// Entropy is log2 of the number of possible outputs.
	Entropy() Entropy
	// Warnings notes settings that were accepted but adjusted or unwise.
	Warnings() []Warning
}

// Limits shared by the command line and the interactive program.
const (
	MaxLength     = 4096 // password and PIN length
	MaxWords      = 256  // passphrase words
	MaxTokenBytes = 4096 // token bytes
)
