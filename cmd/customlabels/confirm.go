package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"strings"
)

// The destructive subcommands (delete, delete-project, cleanup, policy
// delete) show what they will do, then do it only on an explicit yes:
// --yes, or "yes" typed at the prompt when standard input is a terminal.
// --dry-run only shows it. Without either, and without a terminal to
// ask, they refuse before sending anything.

// confirmFlags are --yes and --dry-run.
type confirmFlags struct {
	yes, dryRun bool
}

func (c *confirmFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.yes, "yes", false, "carry out the plan without asking")
	fs.BoolVar(&c.dryRun, "dry-run", false, "only print the plan: change nothing")
}

// check validates the flags: without --yes or --dry-run, a run that
// cannot ask is a usage error, found before anything is sent.
func (c *confirmFlags) check(e *env, subcommand string) error {
	if c.yes && c.dryRun {
		return usagef("--yes and --dry-run cannot be combined")
	}
	if !c.yes && !c.dryRun && !e.interactive {
		return usagef("%s deletes: pass --yes to carry out the plan it prints, or --dry-run to only print it (standard input is not a terminal to ask on)", subcommand)
	}
	return nil
}

// errNotConfirmed is the answer of a person who did not type yes.
var errNotConfirmed = errors.New("not confirmed: nothing was changed")

// proceed reports whether to carry out the plan just printed: with --yes,
// yes; with --dry-run, no; else it asks on stderr and reads the answer from
// stdin, and anything but "yes" is errNotConfirmed.
func (c *confirmFlags) proceed(e *env, question string) (bool, error) {
	switch {
	case c.yes:
		return true, nil
	case c.dryRun:
		return false, nil
	}
	fmt.Fprintf(e.stderr, "%s Type yes to confirm: ", question)
	answer, err := bufio.NewReader(e.stdin).ReadString('\n')
	if strings.TrimSpace(answer) == "yes" {
		return true, nil
	}
	if err != nil && answer == "" {
		fmt.Fprintln(e.stderr)
	}
	return false, errNotConfirmed
}
