package cli

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/sesame-sh/sesame/generator"
	"github.com/sesame-sh/sesame/ui/settings"
)

func newNumberCommand(env *environment) *cobra.Command {
	var (
		f      *flagSet
		unique bool
	)
	cmd := &cobra.Command{
		Use:   "number LO HI",
		Short: "Print uniform random integers between LO and HI",
		Long: `Print integers drawn uniformly from LO to HI inclusive (any 64-bit values),
written in plain decimal digits with a leading - for a negative one.

With --unique and -n N, the N numbers are all different, as in a lottery
draw, in the order drawn.`,
		Example: `  sesame number 1 6              # a die
  sesame number 1 49 -n 6 --unique
  sesame number -100 100`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usagef("number needs two whole numbers, LO and HI, got %d (e.g. sesame number 1 100, or sesame number -10 10)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lo, err := parseBound("LO", args[0])
			if err != nil {
				return err
			}
			hi, err := parseBound("HI", args[1])
			if err != nil {
				return err
			}
			req, err := parseRequest(f, "number", false, settings.Password, nil, env.stdoutTTY, env.stdinTTY)
			if err != nil {
				return err
			}
			req.number = &numberRequest{lo: lo, hi: hi, unique: unique}
			return execute(cmd.Context(), env, req)
		},
	}
	cmd.Flags().BoolVar(&unique, "unique", false, "draw without replacement: all -n numbers different")
	f = newFlagSet(cmd.Flags())
	f.addRunOptions(false, true)
	for _, d := range settings.Of(settings.Common) {
		if !d.RootOnly {
			f.addSetting(d, false)
		}
	}
	return cmd
}

func parseBound(name, s string) (int64, error) {
	v, err := settings.ParseDecimal(s, 64)
	if err != nil {
		msg := fmt.Sprintf("%s must be a whole number from -9223372036854775808 to 9223372036854775807, not %q", name, s)
		if hint := settings.DecimalHint(s); hint != "" {
			msg += " (" + hint + ")"
		}
		return 0, usagef("%s", msg)
	}
	return v, nil
}

// emitNumbers prints count numbers (or count distinct ones).
func emitNumbers(env *environment, req *request) error {
	rng, err := generator.NewNumberRange(req.number.lo, req.number.hi)
	if err != nil {
		return err
	}
	o, unique, clearAfter := &req.out, req.number.unique, req.settings().ClearAfter
	r := generator.NewRand(sourceOf(env))
	defer r.Wipe()
	e := rng.Entropy()
	if unique {
		e = rng.UniqueEntropy(o.count)
	}
	var vals []int64
	if unique {
		v, err := rng.DrawUnique(r, o.count)
		if err != nil {
			return err
		}
		vals = v
	}
	if o.entropy {
		note := ""
		if unique && o.count > 1 {
			note = fmt.Sprintf("all %d numbers together", o.count)
		} else if o.count > 1 {
			note = "each number"
		}
		fmt.Fprintln(env.stderr, strengthLine(e, note))
	}
	scope := "each"
	if unique {
		scope = "all"
	}
	res := result{mode: "number", gen: numberGen{e}, details: func() []field {
		return []field{
			{"lo", rng.Lo}, {"hi", rng.Hi}, {"unique", unique},
			// What entropy_bits measures: "each" number, or "all" of a
			// --unique draw together (its numbers are not independent).
			{"entropy_of", scope},
		}
	}}
	format, err := lineFormat(o, res)
	if err != nil {
		return err
	}
	stdout := env.stdout
	if o.copy && env.stdoutTTY { // as for secrets: copied, not printed
		stdout = io.Discard
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	var buf []byte
	last := ""
	for i := range o.count {
		var v int64
		if unique {
			v = vals[i]
		} else {
			var err error
			if v, err = rng.Draw(r); err != nil {
				return err
			}
		}
		s := strconv.FormatInt(v, 10)
		buf = buf[:0]
		if format != nil {
			buf = format(buf, s)
		} else {
			buf = append(append(buf, s...), '\n')
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		last = s
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if o.copy {
		return copySecret(env, last, clearAfter)
	}
	return nil
}

// numberGen lets the JSON writer describe a number draw.
type numberGen struct{ e generator.Entropy }

func (n numberGen) Generate(*generator.Rand) (string, error) { return "", nil }
func (n numberGen) Entropy() generator.Entropy               { return n.e }
func (n numberGen) Warnings() []generator.Warning            { return nil }

func sourceOf(env *environment) generator.Source {
	if env.newSource != nil {
		return env.newSource()
	}
	return generator.CryptoSource()
}
