package cli

import (
	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

// modeDoc is a mode command's help; its name and aliases come from the
// mode itself (settings.Mode).
type modeDoc struct {
	short, long, example string
}

var modeDocs = map[settings.Mode]modeDoc{
	settings.Password: {
		short: "Print random passwords",
		long: `Print passwords drawn uniformly from every string the settings allow.

Minimums and maximums per class, exclusions and --max-repeating shrink
that set; the entropy shown with --entropy or --json is log2 of its exact
size (or a labelled lower bound when counting exactly would be too slow).

--pattern makes a password a pattern spells: c a consonant (y included),
v a vowel, C and V their capitals, l a lower-case and u an upper-case
letter, d a digit, s a symbol, x any printable character but space;
[a-z_] a set, \c the literal c, {3} and {2,4} repeats of the element
before, (p|q) a choice and (p|) an option; any other character is itself.
The password is uniform over the distinct strings the pattern spells, and
the figure counts each string once: (a|ab)(b|) spells three.

--no-ambiguous leaves out the look-alikes ` + generator.Ambiguous + `
(0 O o D Q, 1 l I | !, 2 Z, 5 S, 6 G, 8 B, and quotes, comma, dot, colons).

--style pronounceable makes letters in syllables, apple Apple's shape
(xxxxxx-xxxxxx-xxxxxx, one capital, one digit), phone a password typed on a
phone's keyboard with at most two switches between its letter and number
layers. A style's letters are lower-case: --min-upper, --min-digits and
--min-symbols bring exactly that many capitals, digits and symbols in (up
to --max-… when given). Every style but random leaves out the passwords
that contain a word of the bundled blocklist (--no-blocklist turns it off,
--blocklist FILE adds words, one a line), and the figure is the exact count
of those left.`,
		example: `  sesame pw                              # 20 characters, all classes (131.09 bits)
  sesame pw -l 12 --min-digits 2 --min-symbols 2
  sesame pw --no-symbols --no-ambiguous -n 5
  sesame pw --alphabet 'abcdef0123456789' -l 32
  sesame pw --min-bits 128 --entropy     # shortest length reaching 128 bits
  sesame pw --style pronounceable --min-upper 1 --min-digits 1
  sesame pw --style apple --entropy      # 72.21 bits
  sesame pw --pattern 'Cvcv-cvcv-dd'     # Hoke-zabu-41 (33.50 bits)
  sesame pw --json | jq .entropy_bits`,
	},
	settings.Phrase: {
		short: "Print random passphrases from a wordlist",
		long: `Print passphrases of words drawn uniformly, with replacement, from a wordlist:
the EFF's large list (7776 words, default), short list (1296) or short list 2
(1296, unique 3-letter prefixes); German (de) or Brazilian Portuguese (pt-br),
7776 words each; Czech (cs), Spanish (es), French (fr), Italian (it) or
Portuguese (pt), 2048 words each; or your own file: one word per line, or
diceware lines (dice digits, then the word), lines starting with # ignored;
- reads the list from standard input.

Only what is random counts towards the entropy: the words, a random
separator, random case, and the position and value of --number.

--site DOMAIN or --rules STRING makes passphrases a website's password
rules accept, drawn uniformly from all of them, with the exact count as
the entropy: requirements are met by the passphrase's own random choices
(word case, digits or symbols between words, --number), never by a
character put in a fixed place. Settings not given may change where the
rules need them (the fewest changes; --entropy says which); the word
count, if not given, is the one from 3 to 6 that allows the most.`,
		example: `  sesame pp                               # 6 words: 77.54 bits
  sesame pp -w 5 -s ' ' --case title
  sesame pp --random-separator digit --number
  sesame pp --wordlist eff-short2 --min-bits 80 --entropy
  sesame pp --wordlist fr --case title    # French words: é is cased É
  sesame pp --site chase.com --entropy    # random symbols and a number, 84.21 bits
  sesame pp --wordlist ~/words.txt`,
	},
	settings.Token: {
		short: "Print random tokens (API keys, secrets, key files)",
		long: `Print tokens of --bytes random bytes, encoded as hex, base64 (RFC 4648,
padded with =, as openssl rand -base64 prints it, on one line), base64url
(no padding), base32 (RFC 4648, no padding), base62 (fixed length) or raw
bytes (for key files; refused when writing to a terminal).

--prefix puts fixed text in front and --checksum appends the CRC-32 (IEEE)
of the body (the random part, without the prefix) written in the token's
own format, so one alphabet reads the whole token: 8 hex digits, 6 base64url
characters, 7 base32 characters, or 6 base62 digits padded with 0 — the
shape secret scanners recognise (padded base64 takes none: use
base64url). Neither adds strength. With -n, raw
tokens are written back to back.`,
		example: `  sesame token                            # 32 bytes as hex: 256 bits
  sesame token --bytes 24 --format base62 --prefix sk_live_ --checksum
  sesame token --format base64 32         # as openssl rand -base64 32
  sesame token --format raw > aes256.key`,
	},
	settings.PIN: {
		short: "Print random PINs",
		long: `Print PINs of uniformly random digits.

--no-trivial leaves out the PINs anyone would guess first: one digit
repeated (0000), and digits counting up or down by one, wrapping around
(1234, 8765, 7890, 2109). The entropy counts exactly what is left.`,
		example: `  sesame pin                              # 6 digits
  sesame pin -l 4 --no-trivial
  sesame pin --min-bits 30`,
	},
}
