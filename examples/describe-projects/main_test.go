package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

func runArgs(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// demoProjects is what --demo serves, in listing order.
func demoProjects() []customlabels.ProjectDescription {
	return customlabelstest.DemoProjects(defaultDemoProjects, demoSeed)
}

func names(ps []customlabels.ProjectDescription) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = projectName(p.ProjectArn)
	}
	return out
}

func withFeature(ps []customlabels.ProjectDescription, f customlabels.CustomizationFeature) []customlabels.ProjectDescription {
	var out []customlabels.ProjectDescription
	for _, p := range ps {
		if p.Feature == f {
			out = append(out, p)
		}
	}
	return out
}

// tableRows parses table output into its header and rows of cells.
func tableRows(t *testing.T, out string) (header []string, rows [][]string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.NotEmpty(t, lines)
	header = strings.Fields(lines[0])
	for _, l := range lines[1:] {
		rows = append(rows, strings.Fields(l))
	}
	return header, rows
}

// cliJSON is the JSON output, decoded loosely so that tests see every key.
type cliJSON struct {
	ProjectDescriptions []map[string]any
	NextToken           string
}

func decodeJSON(t *testing.T, out string) cliJSON {
	t.Helper()
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &top), "output is not JSON:\n%s", out)
	for k := range top {
		assert.Contains(t, []string{"ProjectDescriptions", "NextToken"}, k, "unexpected top-level key")
	}
	var v cliJSON
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	return v
}

func TestRunDemoTable(t *testing.T) {
	r := runArgs(t, "--demo")
	require.Equal(t, exitOK, r.code, "run(--demo) stderr: %s", r.stderr)
	assert.Empty(t, r.stderr, "no progress or diagnostics when stderr is not a terminal")

	header, rows := tableRows(t, r.stdout)
	assert.Equal(t, []string{"NAME", "STATUS", "FEATURE", "CREATED", "DATASETS"}, header)
	want := demoProjects()
	require.Len(t, rows, len(want), "one row per demo project, both features by default")
	for i, p := range want {
		row := rows[i]
		// CREATED is two fields ("2006-01-02 15:04:05Z") once split.
		require.Len(t, row, 6, "row %d: %q", i, row)
		assert.Equal(t, projectName(p.ProjectArn), row[0])
		assert.Equal(t, string(p.Status), row[1])
		assert.Equal(t, string(p.Feature), row[2])
		assert.Equal(t, p.CreationTimestamp.UTC().Format("2006-01-02 15:04:05Z"), row[3]+" "+row[4])
		assert.Equal(t, datasetsCell(p.Datasets), row[5])
	}

	// Columns are aligned: every line has its STATUS column at the same
	// offset as the header's.
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	col := strings.Index(lines[0], "STATUS")
	for _, l := range lines[1:] {
		assert.NotEqual(t, ' ', rune(l[col]), "line %q: STATUS column starts at %d", l, col)
		assert.Equal(t, ' ', rune(l[col-1]), "line %q: STATUS column starts at %d", l, col)
	}
}

var cliTimestamp = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6}|\.\d{9})?\+00:00$`)

func TestRunDemoJSON(t *testing.T) {
	r := runArgs(t, "--demo", "--output", "json", "--page-size", "7")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "{\n    \"ProjectDescriptions\": [\n        {\n            \"ProjectArn\": "),
		"layout of the AWS CLI: four-space indent, model key order; got:\n%.200s", r.stdout)

	got := decodeJSON(t, r.stdout)
	assert.Empty(t, got.NextToken, "a complete listing has no NextToken")
	want := demoProjects()
	require.Len(t, got.ProjectDescriptions, len(want))

	projectKeys := []string{"ProjectArn", "CreationTimestamp", "Status", "Datasets", "Feature", "AutoUpdate"}
	datasetKeys := []string{"CreationTimestamp", "DatasetType", "DatasetArn", "Status", "StatusMessage", "StatusMessageCode"}
	parseTime := func(v any) time.Time {
		s, ok := v.(string)
		require.True(t, ok, "timestamp %v is not a string", v)
		assert.Regexp(t, cliTimestamp, s)
		ts, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return ts
	}
	for i, p := range got.ProjectDescriptions {
		w := want[i]
		for k := range p {
			assert.Contains(t, projectKeys, k, "project %d", i)
		}
		assert.Equal(t, w.ProjectArn, p["ProjectArn"])
		assert.Equal(t, string(w.Status), p["Status"])
		assert.Equal(t, string(w.Feature), p["Feature"])
		assert.True(t, parseTime(p["CreationTimestamp"]).Equal(w.CreationTimestamp),
			"project %d: CreationTimestamp %v, want %v exactly", i, p["CreationTimestamp"], w.CreationTimestamp)
		if w.AutoUpdate == "" {
			assert.NotContains(t, p, "AutoUpdate", "empty members are left out, as the CLI does")
		} else {
			assert.Equal(t, string(w.AutoUpdate), p["AutoUpdate"])
		}
		if len(w.Datasets) == 0 {
			assert.NotContains(t, p, "Datasets")
			continue
		}
		ds, ok := p["Datasets"].([]any)
		require.True(t, ok, "Datasets is a list")
		require.Len(t, ds, len(w.Datasets))
		for j, d := range ds {
			dm := d.(map[string]any)
			for k := range dm {
				assert.Contains(t, datasetKeys, k)
			}
			wd := w.Datasets[j]
			assert.Equal(t, wd.DatasetArn, dm["DatasetArn"])
			assert.Equal(t, string(wd.DatasetType), dm["DatasetType"])
			assert.Equal(t, string(wd.Status), dm["Status"])
			assert.Equal(t, wd.StatusMessage, dm["StatusMessage"])
			assert.Equal(t, string(wd.StatusMessageCode), dm["StatusMessageCode"])
			assert.True(t, parseTime(dm["CreationTimestamp"]).Equal(wd.CreationTimestamp))
		}
	}
}

func TestRunFilters(t *testing.T) {
	all := demoProjects()
	tests := []struct {
		name string
		args []string
		want []customlabels.ProjectDescription
	}{
		{"default is both features", nil, all},
		{"all", []string{"--feature", "all"}, all},
		{"custom labels", []string{"--feature", "CUSTOM_LABELS"}, withFeature(all, customlabels.CustomizationFeatureCustomLabels)},
		{"content moderation, any case", []string{"--feature", "content_moderation"}, withFeature(all, customlabels.CustomizationFeatureContentModeration)},
		{"both named", []string{"--feature", "CONTENT_MODERATION", "--feature", "CUSTOM_LABELS"}, all},
		{"project names, repeated and comma-separated",
			[]string{"--project-name", projectName(all[3].ProjectArn), "--project-name", projectName(all[0].ProjectArn) + "," + projectName(all[10].ProjectArn)},
			[]customlabels.ProjectDescription{all[0], all[3], all[10]}},
		{"project name and feature",
			[]string{"--project-name", projectName(all[0].ProjectArn) + "," + projectName(all[1].ProjectArn), "--feature", "CONTENT_MODERATION"},
			[]customlabels.ProjectDescription{all[1]}},
		{"unknown project", []string{"--project-name", "no-such-project"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append([]string{"--demo", "--page-size", "4", "--output", "json"}, tt.args...)...)
			require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
			got := decodeJSON(t, r.stdout)
			var arns, wantArns []string
			for _, p := range got.ProjectDescriptions {
				arns = append(arns, p["ProjectArn"].(string))
			}
			for _, p := range tt.want {
				wantArns = append(wantArns, p.ProjectArn)
			}
			assert.Equal(t, wantArns, arns)
		})
	}
	require.NotEmpty(t, withFeature(all, customlabels.CustomizationFeatureCustomLabels))
	require.NotEmpty(t, withFeature(all, customlabels.CustomizationFeatureContentModeration))
}

func TestRunMaxItemsAndResume(t *testing.T) {
	all := demoProjects()
	for _, pageSize := range []string{"5", "7", "0"} {
		t.Run("page size "+pageSize, func(t *testing.T) {
			var got []string
			token := ""
			for i := 0; ; i++ {
				require.Less(t, i, 10, "the listing must end")
				args := []string{"--demo", "--output", "json", "--max-items", "6", "--page-size", pageSize}
				if token != "" {
					args = append(args, "--starting-token", token)
				}
				r := runArgs(t, args...)
				require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
				out := decodeJSON(t, r.stdout)
				assert.LessOrEqual(t, len(out.ProjectDescriptions), 6)
				for _, p := range out.ProjectDescriptions {
					got = append(got, projectName(p["ProjectArn"].(string)))
				}
				if out.NextToken == "" {
					break
				}
				assert.Len(t, out.ProjectDescriptions, 6, "a cut-short listing is full")
				token = out.NextToken
			}
			assert.Equal(t, names(all), got, "resuming from NextToken gives every project once, in order")
		})
	}

	t.Run("table prints the token on stderr", func(t *testing.T) {
		r := runArgs(t, "--demo", "--max-items", "2")
		require.Equal(t, exitOK, r.code)
		_, rows := tableRows(t, r.stdout)
		assert.Len(t, rows, 2)
		m := regexp.MustCompile(`^more projects follow: continue with --starting-token (\S+)\n$`).FindStringSubmatch(r.stderr)
		require.NotNil(t, m, "stderr: %q", r.stderr)

		r = runArgs(t, "--demo", "--max-items", "1", "--starting-token", m[1])
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows = tableRows(t, r.stdout)
		require.Len(t, rows, 1)
		assert.Equal(t, projectName(all[2].ProjectArn), rows[0][0])
	})
}

func TestRunUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"unknown flag", []string{"--demo", "--colour"}, "flag provided but not defined: -colour"},
		{"positional argument", []string{"--demo", "extra"}, `unexpected argument "extra"`},
		{"bad output", []string{"--demo", "--output", "yaml"}, `invalid --output "yaml"`},
		{"bad feature", []string{"--demo", "--feature", "FACES"}, `must be CUSTOM_LABELS, CONTENT_MODERATION or all, got "FACES"`},
		{"page size too big", []string{"--demo", "--page-size", "101"}, "invalid --page-size 101: must be 1 to 100"},
		{"page size negative", []string{"--demo", "--page-size", "-1"}, "invalid --page-size -1"},
		{"page size not a number", []string{"--demo", "--page-size", "ten"}, "invalid value \"ten\" for flag -page-size"},
		{"max items negative", []string{"--demo", "--max-items", "-3"}, "invalid --max-items -3"},
		{"demo with region", []string{"--demo", "--region", "eu-west-1"}, "--region applies to AWS"},
		{"demo with profile", []string{"--demo", "--profile", "dev"}, "--profile applies to AWS"},
		{"demo with empty endpoint", []string{"--demo", "--endpoint-url", ""}, "--endpoint-url applies to AWS"},
		{"demo projects without demo", []string{"--demo-projects", "3"}, "--demo-projects applies only with --demo"},
		{"negative demo projects", []string{"--demo", "--demo-projects", "-1"}, "invalid --demo-projects -1"},
		{"bad endpoint", []string{"--endpoint-url", "ftp://example.com"}, `invalid --endpoint-url "ftp://example.com"`},
		// Rules the client checks before sending are usage errors too.
		{"bad project name", []string{"--demo", "--project-name", "has space"}, "usage error: --project-name: ProjectNames[0] must contain only [a-zA-Z0-9_.-]"},
		{"empty project name", []string{"--demo", "--project-name", "a,,b"}, "usage error: --project-name: ProjectNames[1] must be 1 to 255 characters"},
		{"too many project names", []string{"--demo", "--project-name", "a,b,c,d,e,f,g,h,i,j,k"}, "usage error: --project-name: ProjectNames must have 1 to 10 names, got 11"},
		{"garbage starting token", []string{"--demo", "--starting-token", "not-a-token"}, "usage error: --starting-token: customlabels: invalid StartingToken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, tt.args...)
			assert.Equal(t, exitUsage, r.code, "run(%q) stderr: %s", tt.args, r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}

func TestRunStartingTokenForAnotherQuery(t *testing.T) {
	r := runArgs(t, "--demo", "--output", "json", "--max-items", "3")
	require.Equal(t, exitOK, r.code)
	token := decodeJSON(t, r.stdout).NextToken
	require.NotEmpty(t, token)

	r = runArgs(t, "--demo", "--feature", "CUSTOM_LABELS", "--starting-token", token)
	assert.Equal(t, exitUsage, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stderr, "made for a different query")
	assert.NotContains(t, r.stderr, token, "the token is not echoed")
}

func TestRunHelp(t *testing.T) {
	r := runArgs(t, "-h")
	assert.Equal(t, exitOK, r.code)
	assert.Empty(t, r.stdout)
	for _, flag := range []string{"-demo", "-region", "-profile", "-endpoint-url", "-project-name", "-feature", "-page-size", "-max-items", "-starting-token", "-output"} {
		assert.Contains(t, r.stderr, flag)
	}
	assert.Contains(t, r.stderr, "Exit status")
}

// awsEnv makes the AWS configuration chain read the fake's credentials
// from the environment and nothing else: no shared files, no CA bundle, no
// instance metadata, no endpoint or retry settings from the machine.
func awsEnv(t *testing.T) {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":                   customlabelstest.DefaultAccessKeyID,
		"AWS_SECRET_ACCESS_KEY":               customlabelstest.DefaultSecretAccessKey,
		"AWS_SESSION_TOKEN":                   "",
		"AWS_REGION":                          "",
		"AWS_DEFAULT_REGION":                  "",
		"AWS_PROFILE":                         "",
		"AWS_CONFIG_FILE":                     filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE":         filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED":           "true",
		"AWS_ENDPOINT_URL":                    "",
		"AWS_ENDPOINT_URL_REKOGNITION":        "",
		"AWS_MAX_ATTEMPTS":                    "",
		"AWS_RETRY_MODE":                      "",
		"AWS_CA_BUNDLE":                       "",
		"AWS_USE_FIPS_ENDPOINT":               "",
		"AWS_USE_DUALSTACK_ENDPOINT":          "",
		"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "",
	} {
		t.Setenv(k, v)
	}
}

func TestRunAgainstEndpoint(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(5, 42)...))
	defer srv.Close()
	awsEnv(t)
	endpointArgs := []string{"--endpoint-url", srv.URL, "--region", customlabelstest.DefaultRegion}

	t.Run("success through the AWS config chain", func(t *testing.T) {
		r := runArgs(t, endpointArgs...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, r.stdout)
		assert.Len(t, rows, 5)
		last := srv.Requests()[len(srv.Requests())-1]
		assert.Equal(t, 200, last.Status, "the fake verified the signature")
		assert.Equal(t, customlabelstest.DefaultAccessKeyID, last.AccessKeyID)
		assert.ElementsMatch(t, allFeatures(), last.Input.Features, "both features are asked for by default")
	})

	t.Run("access denied exits 1 with code and request ID", func(t *testing.T) {
		srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "User is not authorized to perform: rekognition:DescribeProjects"))
		r := runArgs(t, endpointArgs...)
		assert.Equal(t, exitError, r.code)
		assert.Empty(t, r.stdout)
		last := srv.Requests()[len(srv.Requests())-1]
		require.NotEmpty(t, last.RequestID)
		assert.Equal(t, "error: AccessDeniedException (request ID "+last.RequestID+"): User is not authorized to perform: rekognition:DescribeProjects\n", r.stderr)
	})

	t.Run("throttling exits 1", func(t *testing.T) {
		t.Setenv("AWS_MAX_ATTEMPTS", "1")
		srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
		r := runArgs(t, endpointArgs...)
		assert.Equal(t, exitError, r.code)
		last := srv.Requests()[len(srv.Requests())-1]
		assert.Equal(t, "error: ThrottlingException (request ID "+last.RequestID+"): Rate exceeded\n", r.stderr)
	})

	t.Run("the attempts are counted after retries", func(t *testing.T) {
		t.Setenv("AWS_MAX_ATTEMPTS", "2")
		srv.InjectFaults(2, customlabelstest.Exception("InternalServerError", 0, ""))
		r := runArgs(t, endpointArgs...)
		assert.Equal(t, exitError, r.code)
		last := srv.Requests()[len(srv.Requests())-1]
		assert.Equal(t, "error: InternalServerError (request ID "+last.RequestID+"): Internal server error (after 2 attempts)\n", r.stderr)
		assert.Zero(t, srv.PendingFaults(), "both attempts were made")
	})

	t.Run("error mid-listing prints no partial output", func(t *testing.T) {
		srv.InjectFault(customlabelstest.Latency(0)) // page 1 answers normally
		srv.InjectFault(customlabelstest.Exception("InvalidPaginationTokenException", 0, ""))
		r := runArgs(t, append(endpointArgs, "--page-size", "2", "--output", "json")...)
		assert.Equal(t, exitError, r.code)
		assert.Empty(t, r.stdout)
		assert.Regexp(t, `^error: InvalidPaginationTokenException \(request ID [0-9a-f-]+\): Invalid pagination token\n$`, r.stderr)
	})

	t.Run("a wrong secret is an API error", func(t *testing.T) {
		t.Setenv("AWS_SECRET_ACCESS_KEY", "wrong-secret-never-printed")
		r := runArgs(t, endpointArgs...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "error: InvalidSignatureException (request ID ")
		assert.NotContains(t, r.stderr, "wrong-secret-never-printed")
	})

	t.Run("no region is a usage error", func(t *testing.T) {
		r := runArgs(t, "--endpoint-url", srv.URL)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "usage error: no AWS Region")
	})

	t.Run("unknown profile exits 1", func(t *testing.T) {
		r := runArgs(t, append(endpointArgs, "--profile", "no-such-profile")...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "error: load AWS configuration: ")
	})
}

func TestRunInterrupted(t *testing.T) {
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(5, 42)...))
	defer srv.Close()
	awsEnv(t)
	srv.InjectFault(customlabelstest.Latency(time.Minute))

	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"--endpoint-url", srv.URL, "--region", customlabelstest.DefaultRegion}, &stdout, &stderr)
	}()
	require.Eventually(t, func() bool { return srv.PendingFaults() == 0 }, 10*time.Second, 5*time.Millisecond,
		"the request reached the server")
	cancel() // as SIGINT does through signal.NotifyContext
	select {
	case code := <-done:
		assert.Equal(t, exitInterrupted, code)
		assert.Equal(t, "interrupted\n", stderr.String())
		assert.Empty(t, stdout.String())
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after its context was cancelled")
	}
}

func TestRunNoProgressWhenNotATerminal(t *testing.T) {
	// A pipe, as when stderr is redirected: no progress line.
	rd, wr, err := os.Pipe()
	require.NoError(t, err)
	defer rd.Close()
	var stdout bytes.Buffer
	code := run(context.Background(), []string{"--demo", "--page-size", "3"}, &stdout, wr)
	require.NoError(t, wr.Close())
	assert.Equal(t, exitOK, code)
	var stderr bytes.Buffer
	_, err = stderr.ReadFrom(rd)
	require.NoError(t, err)
	assert.Empty(t, stderr.String())
}

func TestRunProgressOnATerminal(t *testing.T) {
	// The listing reports each page when progress is on; run turns it on
	// only for a terminal, which a test does not have.
	srv := customlabelstest.NewServer(customlabelstest.WithProjects(customlabelstest.DemoProjects(7, 3)...))
	defer srv.Close()
	var stderr bytes.Buffer
	s := &settings{pageSize: 3, features: allFeatures()}
	res, err := list(context.Background(), srv.Client(), s, &progress{w: &stderr, on: true})
	require.NoError(t, err)
	assert.Len(t, res.Projects, 7)
	assert.Equal(t, 3, res.Pages)
	assert.Equal(t, "\r\x1b[Klisting: 1 page, 3 projects so far"+
		"\r\x1b[Klisting: 2 pages, 6 projects so far"+
		"\r\x1b[Klisting: 3 pages, 7 projects so far"+
		"\r\x1b[K", stderr.String())
}

func TestRunIsDeterministic(t *testing.T) {
	for _, output := range []string{"table", "json"} {
		a := runArgs(t, "--demo", "--output", output)
		b := runArgs(t, "--demo", "--output", output, "--page-size", "3")
		require.Equal(t, exitOK, a.code)
		assert.Equal(t, a.stdout, b.stdout, "--output %s: the same output on every run, whatever the page size", output)
	}
	assert.True(t, slices.IsSortedFunc(demoProjects(), func(a, b customlabels.ProjectDescription) int {
		return a.CreationTimestamp.Compare(b.CreationTimestamp)
	}))
}

func TestRunDemoProjects(t *testing.T) {
	for _, n := range []int{0, 3, 130} {
		r := runArgs(t, "--demo", "--demo-projects", strconv.Itoa(n))
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, r.stdout)
		assert.Len(t, rows, n, "--demo-projects %d", n)
	}
}
