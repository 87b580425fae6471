package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rekognition-go/customlabels"
	"github.com/rekognition-go/customlabels/customlabelstest"
)

// projectsJSONOut is the JSON output, decoded loosely so that tests see
// every key.
type projectsJSONOut struct {
	ProjectDescriptions []map[string]any
	NextToken           string
}

func decodeProjects(t *testing.T, out string) projectsJSONOut {
	t.Helper()
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &top), "output is not JSON:\n%s", out)
	for k := range top {
		assert.Contains(t, []string{"ProjectDescriptions", "NextToken"}, k, "unexpected top-level key")
	}
	var v projectsJSONOut
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	return v
}

func projectNames(ps []customlabels.ProjectDescription) []string {
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

func TestProjectsDemoTable(t *testing.T) {
	r := runArgs(t, "projects", "--demo")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr, "no progress or diagnostics when stderr is not a terminal")

	header, rows := tableRows(t, r.stdout)
	assert.Equal(t, []string{"NAME", "STATUS", "FEATURE", "CREATED", "DATASETS"}, header)
	want := demoProjects(demoDefaultRegion)
	require.Len(t, rows, len(want), "one row per demo project, both features by default")
	for i, p := range want {
		row := rows[i]
		require.Len(t, row, 6, "row %d: %q", i, row) // CREATED is two fields once split
		assert.Equal(t, projectName(p.ProjectArn), row[0])
		assert.Equal(t, string(p.Status), row[1])
		assert.Equal(t, string(p.Feature), row[2])
		assert.Equal(t, p.CreationTimestamp.UTC().Format("2006-01-02 15:04:05Z"), row[3]+" "+row[4])
		assert.Equal(t, datasetsCell(p.Datasets), row[5])
	}
	golden(t, "projects.table.golden", r.stdout)
}

func TestProjectsDemoJSONGolden(t *testing.T) {
	for _, tt := range []struct{ name, file string }{
		{"us-east-1", "projects.json.golden"},
		{"eu-west-1", "projects-eu-west-1.json.golden"},
		{"us-east-2", "projects-empty.json.golden"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, "projects", "--demo", "--region", tt.name, "--output", "json", "--page-size", "7")
			require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
			assert.Empty(t, r.stderr)
			golden(t, tt.file, r.stdout)
		})
	}
}

var cliTimestamp = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$`)

func TestProjectsJSONMatchesTheService(t *testing.T) {
	r := runArgs(t, "projects", "--demo", "--output", "json", "--page-size", "7")
	require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "{\n    \"ProjectDescriptions\": [\n        {\n            \"ProjectArn\": "),
		"layout of the AWS CLI: four-space indent, model key order; got:\n%.200s", r.stdout)

	got := decodeProjects(t, r.stdout)
	assert.Empty(t, got.NextToken, "a complete listing has no NextToken")
	want := demoProjects(demoDefaultRegion)
	require.Len(t, got.ProjectDescriptions, len(want))
	projectKeys := []string{"ProjectArn", "CreationTimestamp", "Status", "Datasets", "Feature", "AutoUpdate"}
	parseTime := func(v any) time.Time {
		s, ok := v.(string)
		require.True(t, ok, "timestamp %v is not a string", v)
		assert.Regexp(t, cliTimestamp, s)
		ts, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return ts
	}
	emptyDatasets := 0
	for i, p := range got.ProjectDescriptions {
		w := want[i]
		for k := range p {
			assert.Contains(t, projectKeys, k, "project %d", i)
		}
		assert.Equal(t, w.ProjectArn, p["ProjectArn"])
		assert.True(t, parseTime(p["CreationTimestamp"]).Equal(cliTime(w.CreationTimestamp)), "as the CLI rounds it")
		ds, ok := p["Datasets"].([]any)
		require.True(t, ok, "project %d: Datasets is always sent by the fake, so always printed: %v", i, p["Datasets"])
		require.Len(t, ds, len(w.Datasets))
		if len(ds) == 0 {
			emptyDatasets++
		}
		for j, d := range ds {
			dm := d.(map[string]any)
			assert.Equal(t, w.Datasets[j].DatasetArn, dm["DatasetArn"])
			assert.True(t, parseTime(dm["CreationTimestamp"]).Equal(cliTime(w.Datasets[j].CreationTimestamp)))
		}
	}
	assert.NotZero(t, emptyDatasets, "some projects have an empty Datasets list, printed as [] as the AWS CLI does")
}

func TestProjectsFilters(t *testing.T) {
	all := demoProjects(demoDefaultRegion)
	tests := []struct {
		name string
		args []string
		want []customlabels.ProjectDescription
	}{
		{"default is both features", nil, all},
		{"all", []string{"--feature", "all"}, all},
		{"custom labels", []string{"--feature", "CUSTOM_LABELS"}, withFeature(all, customlabels.CustomizationFeatureCustomLabels)},
		{"content moderation, any case", []string{"--feature", "content_moderation"}, withFeature(all, customlabels.CustomizationFeatureContentModeration)},
		{"project names, repeated and comma-separated",
			[]string{"--project-name", projectName(all[3].ProjectArn), "--project-name", projectName(all[0].ProjectArn) + "," + projectName(all[10].ProjectArn)},
			[]customlabels.ProjectDescription{all[0], all[3], all[10]}},
		{"unknown project", []string{"--project-name", "no-such-project"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append([]string{"projects", "--demo", "--page-size", "4", "--output", "json"}, tt.args...)...)
			require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
			var arns, wantArns []string
			for _, p := range decodeProjects(t, r.stdout).ProjectDescriptions {
				arns = append(arns, p["ProjectArn"].(string))
			}
			for _, p := range tt.want {
				wantArns = append(wantArns, p.ProjectArn)
			}
			assert.Equal(t, wantArns, arns)
		})
	}
}

func TestProjectsMaxItemsAndResume(t *testing.T) {
	all := demoProjects(demoDefaultRegion)
	for _, pageSize := range []string{"5", "7", "100"} {
		t.Run("page size "+pageSize, func(t *testing.T) {
			var got []string
			token := ""
			for i := 0; ; i++ {
				require.Less(t, i, 10, "the listing must end")
				args := []string{"projects", "--demo", "--output", "json", "--max-items", "6", "--page-size", pageSize}
				if token != "" {
					args = append(args, "--starting-token", token)
				}
				r := runArgs(t, args...)
				require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
				out := decodeProjects(t, r.stdout)
				for _, p := range out.ProjectDescriptions {
					got = append(got, projectName(p["ProjectArn"].(string)))
				}
				if out.NextToken == "" {
					break
				}
				assert.Len(t, out.ProjectDescriptions, 6, "a cut-short listing is full")
				token = out.NextToken
			}
			assert.Equal(t, projectNames(all), got, "resuming from NextToken gives every project once, in order")
		})
	}

	t.Run("table prints the token on stderr", func(t *testing.T) {
		r := runArgs(t, "projects", "--demo", "--max-items", "2")
		require.Equal(t, exitOK, r.code)
		_, rows := tableRows(t, r.stdout)
		assert.Len(t, rows, 2)
		m := regexp.MustCompile(`^more projects follow: continue with --starting-token (\S+)\n$`).FindStringSubmatch(r.stderr)
		require.NotNil(t, m, "stderr: %q", r.stderr)

		r = runArgs(t, "projects", "--demo", "--max-items", "1", "--starting-token", m[1])
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows = tableRows(t, r.stdout)
		require.Len(t, rows, 1)
		assert.Equal(t, projectName(all[2].ProjectArn), rows[0][0])
	})
}

func TestProjectsUsageErrors(t *testing.T) {
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
		{"page size zero", []string{"--demo", "--page-size", "0"}, "invalid --page-size 0: must be 1 to 100"},
		{"page size negative", []string{"--demo", "--page-size", "-1"}, "invalid --page-size -1"},
		{"page size not a number", []string{"--demo", "--page-size", "ten"}, `invalid value "ten" for flag -page-size`},
		{"max items zero", []string{"--demo", "--max-items", "0"}, "invalid --max-items 0: must be 1 or more"},
		{"max items negative", []string{"--demo", "--max-items", "-3"}, "invalid --max-items -3"},
		{"bad region", []string{"--demo", "--region", "Not A Region"}, `invalid value "Not A Region" for flag -region: invalid region`},
		{"two regions", []string{"--demo", "--region", "us-east-1,eu-west-1"}, "this subcommand works in one Region"},
		{"all regions is not a projects flag", []string{"--demo", "--all-regions"}, "flag provided but not defined: -all-regions"},
		{"demo with profile", []string{"--demo", "--profile", "dev"}, "--profile applies to AWS"},
		{"demo with endpoint", []string{"--demo", "--endpoint-url", "http://127.0.0.1:1"}, "--endpoint-url applies to AWS"},
		{"bad endpoint", []string{"--endpoint-url", "ftp://example.com"}, `invalid value "ftp://example.com" for flag -endpoint-url`},
		{"bad retry mode", []string{"--demo", "--retry-mode", "eager"}, `invalid --retry-mode "eager"`},
		{"zero attempts", []string{"--demo", "--max-attempts", "0"}, "invalid --max-attempts 0: must be 1 or more"},
		// Rules the client checks before sending are usage errors too.
		{"bad project name", []string{"--demo", "--project-name", "has space"}, "usage error: --project-name: ProjectNames[0] must contain only [a-zA-Z0-9_.-]"},
		{"too many project names", []string{"--demo", "--project-name", "a,b,c,d,e,f,g,h,i,j,k"}, "usage error: --project-name: ProjectNames must have 1 to 10 names, got 11"},
		{"garbage starting token", []string{"--demo", "--starting-token", "not-a-token"}, "usage error: --starting-token: customlabels: invalid StartingToken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(t, append([]string{"projects"}, tt.args...)...)
			assert.Equal(t, exitUsage, r.code, "run(%q) stderr: %s", tt.args, r.stderr)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}

func TestProjectsHelp(t *testing.T) {
	r := runArgs(t, "projects", "--help")
	assert.Equal(t, exitOK, r.code)
	assert.Empty(t, r.stdout)
	for _, flag := range []string{"-demo", "-region", "-profile", "-endpoint-url", "-project-name", "-feature",
		"-page-size", "-max-items", "-starting-token", "-output", "-retry-mode", "-max-attempts", "Exit status"} {
		assert.Contains(t, r.stderr, flag)
	}
	assert.Contains(t, r.stderr, "or adaptive)", "the help states the listing default")
}

func TestProjectsAgainstEndpoint(t *testing.T) {
	srv := newFake(t, "eu-west-1")
	dir := awsEnv(t)
	endpointArgs := []string{"projects", "--endpoint-url", srv.URL, "--region", "eu-west-1"}

	t.Cleanup(srv.ClearFaults)
	t.Run("success through the AWS config chain", func(t *testing.T) {
		r := runArgs(t, endpointArgs...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		_, rows := tableRows(t, r.stdout)
		assert.Len(t, rows, len(demoProjects("eu-west-1")))
		last := srv.Requests()[len(srv.Requests())-1]
		assert.Equal(t, 200, last.Status, "the fake verified the signature")
		assert.ElementsMatch(t, allFeatures(), last.Input.Features, "both features are asked for by default")
	})

	t.Run("the Region may come from the environment", func(t *testing.T) {
		t.Setenv("AWS_REGION", "eu-west-1")
		r := runArgs(t, "projects", "--endpoint-url", srv.URL)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	})

	t.Run("access denied exits 1 with code and request ID", func(t *testing.T) {
		srv.InjectFault(customlabelstest.Exception("AccessDeniedException", 0, "User is not authorized to perform: rekognition:DescribeProjects"))
		r := runArgs(t, endpointArgs...)
		assert.Equal(t, exitError, r.code)
		assert.Empty(t, r.stdout)
		last := srv.Requests()[len(srv.Requests())-1]
		assert.Equal(t, "error: AccessDeniedException (request ID "+last.RequestID+"): User is not authorized to perform: rekognition:DescribeProjects\n", r.stderr)
	})

	t.Run("a listing makes 10 attempts by default", func(t *testing.T) {
		srv.ResetRequests()
		srv.InjectFaults(9, customlabelstest.Exception("ThrottlingException", 0, ""))
		r := runArgs(t, endpointArgs...)
		require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
		assert.Len(t, srv.Requests(), 10, "9 throttled attempts, then the page")

		srv.InjectFaults(10, customlabelstest.Exception("ThrottlingException", 0, ""))
		r = runArgs(t, endpointArgs...)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "Rate exceeded (after 10 attempts)")
	})

	t.Run("AWS_MAX_ATTEMPTS is honoured", func(t *testing.T) {
		t.Setenv("AWS_MAX_ATTEMPTS", "2")
		srv.InjectFaults(2, customlabelstest.Exception("ThrottlingException", 0, ""))
		r := runArgs(t, endpointArgs...)
		assert.Equal(t, exitError, r.code)
		last := srv.Requests()[len(srv.Requests())-1]
		assert.Equal(t, "error: ThrottlingException (request ID "+last.RequestID+"): Rate exceeded (after 2 attempts)\n", r.stderr)
	})

	t.Run("the profile's max_attempts is honoured, and the flag wins", func(t *testing.T) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "config"), []byte("[profile flaky]\nmax_attempts = 1\nretry_mode = standard\naws_access_key_id = "+customlabelstest.DefaultAccessKeyID+"\naws_secret_access_key = "+customlabelstest.DefaultSecretAccessKey+"\n"), 0o600))
		srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
		r := runArgs(t, append(endpointArgs, "--profile", "flaky")...)
		assert.Equal(t, exitError, r.code)
		assert.Regexp(t, `^error: ThrottlingException \(request ID \S+\): Rate exceeded\n$`, r.stderr, "one attempt")

		srv.InjectFault(customlabelstest.Exception("ThrottlingException", 0, ""))
		r = runArgs(t, append(endpointArgs, "--profile", "flaky", "--max-attempts", "2")...)
		assert.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
	})

	t.Run("error mid-listing prints no partial output", func(t *testing.T) {
		srv.InjectFault(customlabelstest.Latency(0)) // page 1 answers normally
		srv.InjectFault(customlabelstest.Exception("InvalidPaginationTokenException", 0, ""))
		r := runArgs(t, append(endpointArgs, "--page-size", "2", "--output", "json", "--max-attempts", "1")...)
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

	t.Run("no region is a configuration error", func(t *testing.T) {
		r := runArgs(t, "projects", "--endpoint-url", srv.URL)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "configuration error: no AWS Region")
	})

	t.Run("a bad region from the environment is a configuration error", func(t *testing.T) {
		t.Setenv("AWS_REGION", "eu west 1")
		r := runArgs(t, "projects", "--endpoint-url", srv.URL)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "configuration error: the Region of the AWS configuration: invalid region")
	})

	t.Run("unknown profile is a configuration error", func(t *testing.T) {
		r := runArgs(t, append(endpointArgs, "--profile", "no-such-profile")...)
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "configuration error: load AWS configuration: ")
	})
}
