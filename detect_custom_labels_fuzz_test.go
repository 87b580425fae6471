package customlabels

import (
	"encoding/json"
	"reflect"
	"testing"
)

// refDetectOutput is the DetectCustomLabels response as encoding/json
// decodes it: the reference the client's decoder must agree with.
type refDetectOutput struct {
	CustomLabels []struct {
		Name       string
		Confidence float32
		Geometry   struct {
			BoundingBox struct{ Width, Height, Left, Top float32 }
			Polygon     []struct{ X, Y float32 }
		}
	}
}

// FuzzDetectCustomLabelsResponse decodes arbitrary bodies with the client's
// decoder and with encoding/json: never a panic, and when both accept a
// body with exactly-cased members, the same labels.
func FuzzDetectCustomLabelsResponse(f *testing.F) {
	f.Add([]byte(`{"CustomLabels":[{"Name":"cat","Confidence":98.25,"Geometry":{"BoundingBox":{"Width":0.5,"Height":0.25,"Left":0.125,"Top":0},"Polygon":[{"X":0.1,"Y":0.2}]}}]}`))
	f.Add([]byte(`{"CustomLabels":[{"Name":"a"},{"Confidence":1e39}]}`))
	f.Add([]byte(`{"CustomLabels":null,"Other":[1,{"x":2}]}`))
	f.Add([]byte(`{"CustomLabels":[{"Name":"\u00e9\ud800"}]}`))
	f.Add([]byte(`{"CustomLabels":[{"Geometry":{"Polygon":[null,{"X":-0}]}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := decodeAs[DetectCustomLabelsOutput](opDetectCustomLabels, body)
		var ref refDetectOutput
		refErr := json.Unmarshal(body, &ref)
		if err != nil || refErr != nil || string(body) == "null" || !exactMembers(body) {
			return
		}
		want := make([]CustomLabel, len(ref.CustomLabels))
		for i, l := range ref.CustomLabels {
			want[i] = CustomLabel{Name: l.Name, Confidence: l.Confidence, Geometry: Geometry{
				BoundingBox: BoundingBox(l.Geometry.BoundingBox)}}
			for _, p := range l.Geometry.Polygon {
				want[i].Geometry.Polygon = append(want[i].Geometry.Polygon, Point(p))
			}
		}
		if len(want) == 0 {
			want = nil
		}
		gotLabels := got.CustomLabels
		if len(gotLabels) == 0 {
			gotLabels = nil
		}
		for i := range gotLabels {
			if len(gotLabels[i].Geometry.Polygon) == 0 {
				gotLabels[i].Geometry.Polygon = nil
			}
		}
		if !reflect.DeepEqual(want, gotLabels) {
			t.Fatalf("decoded %#v, encoding/json %#v, from %q", gotLabels, want, body)
		}
	})
}

// exactMembers reports whether every object key in body is spelt as the
// client matches it: encoding/json also accepts other cases.
func exactMembers(body []byte) bool {
	known := map[string]bool{"CustomLabels": true, "Name": true, "Confidence": true, "Geometry": true,
		"BoundingBox": true, "Polygon": true, "Width": true, "Height": true, "Left": true, "Top": true, "X": true, "Y": true}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				if !known[k] || !walk(e) {
					return false
				}
			}
		case []any:
			for _, e := range v {
				if !walk(e) {
					return false
				}
			}
		}
		return true
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return false
	}
	return walk(v)
}
