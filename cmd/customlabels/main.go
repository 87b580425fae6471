package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/rekognition-go/customlabels"
)

// Exit statuses.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as shells report it
)

const programName = "customlabels"

func main() {
	// Ctrl-C cancels the work in progress; a second Ctrl-C kills the
	// program at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// subcommand is one verb of the command line. Its name is one word, or
// two for the verbs of a group ("manifest build", "policy put").
type subcommand struct {
	name    string
	args    string // synopsis of the arguments after the name
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// subcommands lists the verbs in the order the help shows them.
var subcommands = []subcommand{
	{"projects", "[flags]", "list projects and adapters, as aws rekognition describe-projects does", runProjects},
	{"models", "[--project NAME]... [--status S,...]", "list the models (project versions) of projects, with their status and units", runModels},
	{"running", "[--region R]... [--all-regions]", "list running and starting models, their inference units and hourly cost", runRunning},
	{"start", "MODEL --min-units N [--max-units M] [--wait]", "start a model", runStart},
	{"stop", "MODEL [--wait]", "stop a model", runStop},
	{"wait", "running|trained|stopped MODEL", "wait until a model is running, trained, or stopped", runWait},
	{"detect", "--model MODEL IMAGE...", "detect labels in images (files, - for stdin, s3://BUCKET/KEY)", runDetect},
	{"manifest build", "DIR --bucket s3://BUCKET/PREFIX [--upload] [-o FILE]", "make a classification manifest of a folder with one sub-folder per label", runManifestBuild},
	{"manifest check", "FILE|s3://BUCKET/KEY", "check a manifest against the service's rules, line by line", runManifestCheck},
	{"create-project", "NAME [--feature F]", "create a project", runCreateProject},
	{"datasets", "PROJECT [--entries] [--labels]", "show a project's datasets, their entries or their labels", runDatasets},
	{"train", "PROJECT --version NAME --output-config s3://BUCKET/PREFIX [--train M --test M | --split]", "train a model, creating the datasets first when the project has none", runTrain},
	{"evaluate", "MODEL [--compare MODEL]", "show a trained model's F1 score, precision and recall, overall and per label", runEvaluate},
	{"copy", "MODEL --to PROJECT --version NAME --output-config s3://BUCKET/PREFIX", "copy a model to another project, in this account or another", runCopy},
	{"policy put", "PROJECT --name NAME (--allow-account ID --model MODEL | --document FILE)", "attach a project policy, such as one that lets another account copy a model", runPolicyPut},
	{"policy list", "PROJECT", "list a project's policies", runPolicyList},
	{"policy delete", "PROJECT --name NAME", "delete a project policy", runPolicyDelete},
	{"delete", "MODEL", "delete a model (project version)", runDelete},
	{"delete-project", "PROJECT", "delete a project with its models, datasets and policies", runDeleteProject},
	{"cleanup", "PROJECT --keep N", "delete all but the newest N models of a project that are not running", runCleanup},
	{"tag", "ARN KEY=VALUE...", "add tags to a project or a model", runTag},
	{"untag", "ARN KEY...", "remove tags from a project or a model", runUntag},
	{"tags", "ARN", "list the tags of a project or a model", runTags},
}

// groups are the first words of the two-word subcommands.
var groups = map[string]string{
	"manifest": "making and checking manifests",
	"policy":   "project policies",
}

// env is where a run writes, and what it knows about its surroundings.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// progress is true when stderr is a terminal: progress lines go there.
	progress bool
	// interactive is true when stdin is a terminal: a destructive
	// subcommand run without --yes asks there.
	interactive bool
	// clientOptions are applied to every client after the flags; tests
	// use them to retry without waiting.
	clientOptions []func(*customlabels.Options)
	// onPoll, when set, is called after each poll of a wait for state,
	// with the delay before the next poll (0 after the last): tests see
	// the delays used.
	onPoll func(state string, attempt int, next time.Duration)
	// now, when set, is the clock of what the run writes (the
	// creation-date of manifest lines); tests fix it.
	now func() time.Time
}

// clock returns the time now, as e.now says.
func (e *env) clock() time.Time {
	if e.now != nil {
		return e.now()
	}
	return time.Now()
}

// run is the whole program: it runs the subcommand args name, writes its
// output to stdout and diagnostics to stderr, and returns the exit status.
// Cancelling ctx interrupts the work.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runEnv(ctx, &env{stdin: os.Stdin, stdout: stdout, stderr: stderr,
		progress: isTerminal(stderr), interactive: isTerminal(os.Stdin) && isTerminal(stderr)}, args)
}

// runEnv is run in e.
func runEnv(ctx context.Context, e *env, args []string) int {
	stderr := e.stderr
	if len(args) == 0 {
		printMainHelp(stderr)
		fmt.Fprintln(stderr, "\nusage error: no subcommand")
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		printMainHelp(stderr)
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintf(e.stdout, "%s %s\n", programName, customlabels.Version)
		return exitOK
	}
	for _, sc := range subcommands {
		words := strings.Fields(sc.name)
		if len(args) >= len(words) && slices.Equal(args[:len(words)], words) {
			return report(stderr, sc.name, sc.run(ctx, e, args[len(words):]))
		}
	}
	if about, ok := groups[name]; ok {
		var verbs []string
		for _, sc := range subcommands {
			if group, verb, ok := strings.Cut(sc.name, " "); ok && group == name {
				verbs = append(verbs, verb)
			}
		}
		if len(args) > 1 && slices.Contains([]string{"-h", "-help", "--help", "help"}, args[1]) {
			printGroupHelp(stderr, name, about)
			return exitOK
		}
		if len(args) == 1 {
			fmt.Fprintf(stderr, "usage error: %s needs a subcommand: %s\nrun %s %s --help for help\n", name, strings.Join(verbs, ", "), programName, name)
		} else {
			fmt.Fprintf(stderr, "usage error: unknown subcommand %q of %s: must be %s\nrun %s %s --help for help\n", args[1], name, strings.Join(verbs, ", "), programName, name)
		}
		return exitUsage
	}
	fmt.Fprintf(stderr, "usage error: unknown subcommand %q\nrun %s --help for the list\n", name, programName)
	return exitUsage
}

// printGroupHelp lists the subcommands of a group.
func printGroupHelp(w io.Writer, group, about string) {
	fmt.Fprintf(w, "Usage: %s %s SUBCOMMAND [flags]\n\nSubcommands for %s:\n", programName, group, about)
	for _, sc := range subcommands {
		if g, _, ok := strings.Cut(sc.name, " "); ok && g == group {
			fmt.Fprintf(w, "  %-15s %s\n", sc.name, sc.summary)
		}
	}
	fmt.Fprintf(w, "\nRun %s %s SUBCOMMAND --help for its flags.\n", programName, group)
}

func printMainHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: %s SUBCOMMAND [flags]\n\n", programName)
	fmt.Fprintln(w, "Amazon Rekognition Custom Labels from the command line: which models are")
	fmt.Fprintln(w, "running, in which region, and what they cost per hour; and the whole")
	fmt.Fprintln(w, "workflow, from a folder of images to a trained, evaluated model, and then")
	fmt.Fprintln(w, "to a cleaned-up account.")
	fmt.Fprintln(w, "\nSubcommands:")
	for _, sc := range subcommands {
		fmt.Fprintf(w, "  %-15s %s\n", sc.name, sc.summary)
	}
	fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(modelAbout))
	fmt.Fprintf(w, "\nRun %s SUBCOMMAND --help for its flags, %s --version for the version.\nTry it without AWS: --demo.\n", programName, programName)
	fmt.Fprintln(w, "\nExit status: 0 on success, 1 on an API or network error, 2 on a usage or")
	fmt.Fprintln(w, "configuration error, 130 when interrupted.")
}

// parseFlags parses args with fs and returns the positional arguments.
// Flags may come before, between or after them, as in
// "customlabels start ARN --min-units 1"; "--" ends the flags. For -h it
// prints the help and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string, e *env, synopsis, about string) ([]string, error) {
	fs.SetOutput(io.Discard) // errors are reported by run; -h prints below
	var positional, rest []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printHelp(e.stderr, fs, synopsis, about)
				return nil, err
			}
			return nil, &usageError{msg: err.Error()}
		}
		if fs.NArg() == 0 {
			return append(positional, rest...), nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func printHelp(w io.Writer, fs *flag.FlagSet, synopsis, about string) {
	fmt.Fprintf(w, "Usage: %s %s %s\n\n%s\n\nFlags:\n", programName, fs.Name(), synopsis, strings.TrimSpace(about))
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintln(w, "\nExit status: 0 on success, 1 on an API or network error, 2 on a usage or\nconfiguration error, 130 when interrupted.")
}
