package customlabels

// Role interfaces: the operations a piece of code needs for one job,
// each a union of the generated one-method XAPIClient interfaces. Code
// that takes one instead of *Client can be tested with a method-level
// mock (testify's mock, gomock, a hand-written fake) or with a client of
// customlabelstest's Stub or Server; *Client satisfies each.

// ProjectsReader lists projects and their versions (models):
// DescribeProjects and DescribeProjectVersions. It is what
// [AllProjects], [AllProjectVersions], their paginators and
// [ProjectVersionInput] need, and the project and version waiters.
type ProjectsReader interface {
	DescribeProjectsAPIClient
	DescribeProjectVersionsAPIClient
}

// ModelController starts and stops models and watches their status:
// StartProjectVersion, StopProjectVersion and DescribeProjectVersions,
// which [NewProjectVersionRunningWaiter] polls after a start.
type ModelController interface {
	StartProjectVersionAPIClient
	StopProjectVersionAPIClient
	DescribeProjectVersionsAPIClient
}

// ProjectsManager creates and deletes projects and lists them:
// CreateProject, DeleteProject and DescribeProjects, which
// [NewProjectCreatedWaiter] and [NewProjectDeletedWaiter] poll.
type ProjectsManager interface {
	CreateProjectAPIClient
	DeleteProjectAPIClient
	DescribeProjectsAPIClient
}

// DatasetsAndTraining is what code that builds datasets and trains
// models on them needs: the dataset operations, CreateProjectVersion, and
// DescribeProjects and DescribeProjectVersions, which the dataset and
// training waiters poll.
type DatasetsAndTraining interface {
	CreateDatasetAPIClient
	DescribeDatasetAPIClient
	ListDatasetEntriesAPIClient
	ListDatasetLabelsAPIClient
	UpdateDatasetEntriesAPIClient
	DistributeDatasetEntriesAPIClient
	DeleteDatasetAPIClient
	CreateProjectVersionAPIClient
	DescribeProjectsAPIClient
	DescribeProjectVersionsAPIClient
}

var (
	_ ProjectsReader      = (*Client)(nil)
	_ ModelController     = (*Client)(nil)
	_ ProjectsManager     = (*Client)(nil)
	_ DatasetsAndTraining = (*Client)(nil)
)
