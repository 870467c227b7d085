// Package generator makes passwords, passphrases, tokens, PINs and random
// numbers, and says exactly how strong each result is.
//
// Every mode draws its randomness from a [Source] through a [Rand], which
// reads the source in blocks and samples indices without bias. The only
// production source is [CryptoSource]; there is no fallback, and a failing
// source makes generation return an error rather than a weaker result.
//
// Output is uniform over the set of results a policy allows, so the strength
// of a result is the base-2 logarithm of the size of that set. [Entropy]
// carries that figure, computed with exact integer arithmetic wherever that
// is affordable and otherwise labelled as a bound; [Assess] turns it into a
// rating and expected crack times.
//
// The package has no terminal, clipboard or flag handling: the command line
// and the interactive program are built on top of it.
package generator
