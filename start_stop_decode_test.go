package customlabels

import "testing"

// refStatusOutput is the reference wire shape of the Start and Stop
// outputs, decoded with encoding/json.
type refStatusOutput struct {
	Status string
}

func referenceDecodeStart(data []byte) (*StartProjectVersionOutput, error) {
	var w refStatusOutput
	if err := refUnmarshal(data, &w); err != nil {
		return nil, err
	}
	return &StartProjectVersionOutput{Status: ProjectVersionStatus(w.Status)}, nil
}

func referenceDecodeStop(data []byte) (*StopProjectVersionOutput, error) {
	var w refStatusOutput
	if err := refUnmarshal(data, &w); err != nil {
		return nil, err
	}
	return &StopProjectVersionOutput{Status: ProjectVersionStatus(w.Status)}, nil
}

func decodeStart(data []byte) (*StartProjectVersionOutput, error) {
	return decodeAs[StartProjectVersionOutput](opStartProjectVersion, data)
}

func decodeStop(data []byte) (*StopProjectVersionOutput, error) {
	return decodeAs[StopProjectVersionOutput](opStopProjectVersion, data)
}

var statusMemberNames = []string{"Status"}

// FuzzDecodeStartStopOutput checks the Start and Stop output decoders
// against encoding/json on any input.
func FuzzDecodeStartStopOutput(f *testing.F) {
	for _, s := range []string{
		``, `null`, `{}`, `{"Status":"STARTING"}`, `{"Status":"STOPPING","Other":[1,{"a":null}]}`,
		`{"Status":"NEW_STATUS"}`, `{"Status":null}`, `{"Status":5}`, `{"status":"RUNNING"}`,
		`{"Status":"STARTING","Status":"RUNNING"}`, `{"Status":"\u0053TARTING"}`, `{"Status":"STA`, `[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeAgainst(t, data, decodeStart, referenceDecodeStart, statusMemberNames)
		checkDecodeAgainst(t, data, decodeStop, referenceDecodeStop, statusMemberNames)
	})
}
