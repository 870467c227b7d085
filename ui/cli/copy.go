package cli

import (
	"errors"
	"fmt"

	"github.com/atotto/clipboard"
)

// copySecret puts the secret on the system clipboard and says so on
// stderr, without the secret.
func copySecret(env *environment, secret string, clearAfter int) error {
	if secret == "" {
		return errors.New("nothing was generated to copy")
	}
	if clipboard.Unsupported {
		return errors.New("could not copy: no clipboard tool found (install xclip, xsel or wl-clipboard)")
	}
	if err := clipboard.WriteAll(secret); err != nil {
		return fmt.Errorf("could not copy to the clipboard (is there a display?): %w", err)
	}
	fmt.Fprintln(env.stderr, "sesame: copied to the clipboard")
	return nil
}
