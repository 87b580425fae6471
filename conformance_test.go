package customlabels

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// conformanceOperations are the operations of the service model this
// package implements: the generated table's. bases are valid inputs; each
// constraint of a member is checked on the first base that sets the
// member (or on the first base): the full input, which sets every member,
// unless conformanceBases says otherwise.
var conformanceOperations = func() (out []struct {
	op     *operation
	input  any
	output any
	bases  []request
}) {
	for _, g := range generatedOperations {
		bases := conformanceBases[g.op.name]
		if bases == nil {
			bases = []request{fullInput(g)}
		}
		out = append(out, struct {
			op     *operation
			input  any
			output any
			bases  []request
		}{g.op, g.input, g.output, bases})
	}
	return out
}()

// conformanceBases are the inputs of the operations whose members cannot
// all be set at once: an image is bytes or an S3 object, a dataset source
// a manifest or a dataset.
var conformanceBases = map[string][]request{
	"CreateDataset": {
		&CreateDatasetInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/1700000000000", DatasetType: DatasetTypeTrain,
			DatasetSource: DatasetSource{GroundTruthManifest: GroundTruthManifest{S3Object: S3Object{Bucket: "bucket", Name: "train.manifest", Version: "1"}}},
			Tags:          map[string]string{"team": "vision"}},
		&CreateDatasetInput{ProjectArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/1700000000000", DatasetType: DatasetTypeTest,
			DatasetSource: DatasetSource{DatasetArn: "arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1"}},
	},
	"DetectCustomLabels": {
		&DetectCustomLabelsInput{ProjectVersionArn: testVersionArn, Image: Image{S3Object: S3Object{Bucket: "bucket", Name: "image.jpg", Version: "1"}}},
		&DetectCustomLabelsInput{ProjectVersionArn: testVersionArn, Image: Image{Bytes: []byte{0xff, 0xd8}}},
	},
}

// TestConformance holds the code to the service model: a model update
// shows up here as a failing test.
func TestConformance(t *testing.T) {
	m := readModel(t)
	for _, c := range conformanceOperations {
		t.Run(c.op.name, func(t *testing.T) {
			mop, ok := m.Operations[c.op.name]
			require.True(t, ok, "the model has no operation %s", c.op.name)
			t.Run("input members and types", func(t *testing.T) {
				checkShapeType(t, m, mop.Input.Shape, reflect.TypeOf(c.input), c.op.name+"Input", true)
			})
			t.Run("output members and types", func(t *testing.T) {
				checkShapeType(t, m, mop.Output.Shape, reflect.TypeOf(c.output), c.op.name+"Output", false)
			})
			t.Run("errors", func(t *testing.T) {
				var want []string
				for _, e := range mop.Errors {
					want = append(want, e.Shape)
				}
				assert.Equal(t, want, c.op.errors, "the errors of %s, in model order", c.op.name)
				for _, code := range want {
					checkException(t, m, code)
				}
			})
			t.Run("constraints", func(t *testing.T) {
				for _, b := range c.bases {
					require.NoError(t, b.validate(), "base input %+v", b)
				}
				checkConstraints(t, m, mop.Input.Shape, c.bases, nil)
			})
		})
	}
}

// checkException checks that code has a generated type whose ErrorFault
// is the model's fault trait.
func checkException(t *testing.T, m *serviceModel, code string) {
	t.Helper()
	s := m.shape(t, code)
	assert.True(t, s.Exception, "%s is not an exception in the model", code)
	want := smithy.FaultClient
	if s.Fault {
		want = smithy.FaultServer
	}
	for _, e := range exceptions {
		if e.code == code {
			err := e.new("m", "c", "l", "id")
			assert.Equal(t, code, reflect.TypeOf(err).Elem().Name(), "type of %s", code)
			assert.Equal(t, code, err.ErrorCode())
			assert.Equal(t, want, err.ErrorFault(), "ErrorFault of %s", code)
			return
		}
	}
	t.Errorf("no generated exception type for %s: run go generate", code)
}

var timeType = reflect.TypeOf(time.Time{})

// checkShapeType checks that Go type typ holds the model's shape name:
// every member a field of the right type, recursively, and no field the
// model lacks except RequestID at the top of an output.
func checkShapeType(t *testing.T, m *serviceModel, name string, typ reflect.Type, path string, input bool) {
	t.Helper()
	s := m.shape(t, name)
	kind := typ.Kind()
	if input && kind == reflect.Pointer && s.Type != "structure" && s.Type != "list" {
		// An optional scalar whose zero value means something (e.g.
		// DetectCustomLabelsInput.MinConfidence) is a pointer.
		typ, kind = typ.Elem(), typ.Elem().Kind()
	}
	want := map[string]reflect.Kind{
		"string": reflect.String, "integer": reflect.Int32, "long": reflect.Int64, "float": reflect.Float32,
		"boolean": reflect.Bool, "list": reflect.Slice, "structure": reflect.Struct, "blob": reflect.Slice,
		"map": reflect.Map,
	}
	switch {
	case s.Type == "timestamp":
		assert.Equal(t, timeType, typ, "%s (model %s, timestamp)", path, name)
		return
	case want[s.Type] == 0:
		t.Errorf("%s: model type %s of %s has no Go mapping in this test", path, s.Type, name)
		return
	case kind != want[s.Type]:
		t.Errorf("%s is a Go %s, the model's %s is a %s", path, typ, name, s.Type)
		return
	}
	switch s.Type {
	case "blob":
		assert.Equal(t, reflect.Uint8, typ.Elem().Kind(), "%s: a blob is []byte", path)
	case "string":
		checkEnum(t, s, typ, path, name)
	case "list":
		checkShapeType(t, m, s.Member.Shape, typ.Elem(), path+"[]", input)
	case "map":
		checkShapeType(t, m, s.Key.Shape, typ.Key(), path+" key", input)
		checkShapeType(t, m, s.Value.Shape, typ.Elem(), path+"[]", input)
	case "structure":
		for member, ref := range s.Members {
			f, ok := typ.FieldByName(member)
			if !assert.True(t, ok, "%s has no field %s (model %s)", path, member, name) {
				continue
			}
			checkShapeType(t, m, ref.Shape, f.Type, path+"."+member, input)
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if _, ok := s.Members[f.Name]; ok || !f.IsExported() {
				continue
			}
			if !input && (f.Name == "RequestID" || f.Name == "Recovered") && strings.HasSuffix(path, "Output") {
				continue
			}
			t.Errorf("%s.%s is not a member of the model's %s", path, f.Name, name)
		}
	}
}

// checkEnum checks that the enum values of the model's string shape are
// exactly those of the Go type's Values().
func checkEnum(t *testing.T, s modelShape, typ reflect.Type, path, name string) {
	t.Helper()
	method, hasValues := typ.MethodByName("Values")
	if len(s.Enum) == 0 {
		assert.False(t, hasValues, "%s: %s has Values() but the model's %s is no enum", path, typ, name)
		return
	}
	require.True(t, hasValues, "%s: the model's %s is an enum, but %s has no Values()", path, name, typ)
	out := method.Func.Call([]reflect.Value{reflect.Zero(typ)})[0]
	var got []string
	for i := 0; i < out.Len(); i++ {
		got = append(got, out.Index(i).String())
	}
	assert.ElementsMatch(t, s.Enum, got, "%s.Values() against the model's %s", typ, name)
}

// checkConstraints checks every min, max, pattern and required trait of
// the members of the input structure shape name, at path (nil: the
// input), recursively: a value just outside each bound makes validate
// fail with an *InvalidParamError naming the member, one just inside
// passes.
func checkConstraints(t *testing.T, m *serviceModel, name string, bases []request, path []string) {
	t.Helper()
	s := m.shape(t, name)
	members := make([]string, 0, len(s.Members))
	for k := range s.Members {
		members = append(members, k)
	}
	slices.Sort(members)
	for _, member := range members {
		p := append(slices.Clone(path), member)
		ms := m.shape(t, s.Members[member].Shape)
		field := strings.ReplaceAll(strings.Join(p, "."), ".[", "[")
		base := bases[0]
		for _, b := range bases {
			if !memberValue(b, p).IsZero() {
				base = b
				break
			}
		}
		try := func(v any) error {
			in := cloneRequest(base)
			setMember(t, in, p, v)
			return in.validate()
		}
		bad := func(what string, v any) {
			t.Helper()
			err := try(v)
			if !assert.Error(t, err, "%s %s: validate() accepted %s", field, what, short(v)) {
				return
			}
			pe := asInvalidParam(t, err)
			// A required member left zero may leave its structure empty, which
			// is then the member unset: the error names the structure.
			ancestor := what == "required" && strings.HasPrefix(field, pe.Field+".") && memberValue(base, p[:len(p)-1]).IsValid()
			assert.True(t, pe.Field == field || strings.HasPrefix(pe.Field, field+"[") || ancestor,
				"%s %s: the error names %q: %v", field, what, pe.Field, err)
		}
		good := func(what string, v any) {
			t.Helper()
			assert.NoError(t, try(v), "%s %s: validate() refused %s", field, what, short(v))
		}
		required := slices.Contains(s.Required, member)
		if required {
			bad("required", reflect.Zero(memberValue(base, p).Type()).Interface())
		}
		switch ms.Type {
		case "structure":
			checkConstraints(t, m, s.Members[member].Shape, bases, p)
		case "string":
			checkStringConstraints(t, m, s.Members[member].Shape, bad, good)
		case "integer", "long", "float":
			if ms.Min != nil {
				below := float64(*ms.Min) - 1
				if ms.Type == "float" {
					below = float64(*ms.Min) - 0.001
				}
				if below == 0 && !required {
					below = -1 // zero is unset in Go: the member is left out
				}
				bad(fmt.Sprintf("below min %d", *ms.Min), below)
				good(fmt.Sprintf("at min %d", *ms.Min), float64(*ms.Min))
			}
			if ms.Max != nil {
				above := float64(*ms.Max) + 1
				if ms.Type == "float" {
					above = float64(*ms.Max) + 0.001
				}
				bad(fmt.Sprintf("above max %d", *ms.Max), above)
				good(fmt.Sprintf("at max %d", *ms.Max), float64(*ms.Max))
			}
		case "blob":
			// An empty blob is unset; only the maximum can be sent wrong.
			if ms.Max != nil {
				bad(fmt.Sprintf("above max %d bytes", *ms.Max), make([]byte, *ms.Max+1))
				good(fmt.Sprintf("at max %d bytes", *ms.Max), make([]byte, *ms.Max))
			}
		case "map":
			key, value := ms.Key.Shape, ms.Value.Shape
			okKey := validString(t, m, key, m.shape(t, key), 0)
			okValue := validString(t, m, value, m.shape(t, value), 0)
			entries := func(n int) map[string]string {
				out := map[string]string{}
				for i := range n {
					out[fmt.Sprintf("%s%d", okKey, i)] = okValue
				}
				return out
			}
			if ms.Max != nil {
				bad(fmt.Sprintf("more than %d entries", *ms.Max), entries(int(*ms.Max)+1))
				good(fmt.Sprintf("%d entries", *ms.Max), entries(int(*ms.Max)))
			}
			checkStringConstraints(t, m, key,
				func(what string, v any) { t.Helper(); bad("key "+what, map[string]string{v.(string): okValue}) },
				func(what string, v any) { t.Helper(); good("key "+what, map[string]string{v.(string): okValue}) })
			checkStringConstraints(t, m, value,
				func(what string, v any) { t.Helper(); bad("value "+what, map[string]string{okKey: v.(string)}) },
				func(what string, v any) { t.Helper(); good("value "+what, map[string]string{okKey: v.(string)}) })
		case "list":
			es := s.Members[member].Shape
			if es := m.shape(t, es).Member.Shape; m.shape(t, es).Type == "structure" {
				checkStructList(t, m, ms, es, base, p, bases, bad, good)
				break
			}
			elem := m.shape(t, m.shape(t, es).Member.Shape)
			if elem.Type == "structure" {
				// A list of structures (TrainingData.Assets): the
				// constraints of the first element's members, in a base
				// that has one.
				checkConstraints(t, m, m.shape(t, es).Member.Shape, bases, append(p, "[0]"))
				continue
			}
			sample := validString(t, m, m.shape(t, es).Member.Shape, elem, 0)
			list := func(n int) []string {
				out := make([]string, n)
				for i := range out {
					out[i] = sample
					if len(elem.Enum) > 0 {
						out[i] = elem.Enum[i%len(elem.Enum)]
					} else {
						out[i] = fmt.Sprintf("%s%d", sample, i)
					}
				}
				return out
			}
			if ms.Max != nil {
				bad(fmt.Sprintf("more than %d elements", *ms.Max), list(int(*ms.Max)+1))
				good(fmt.Sprintf("%d elements", *ms.Max), list(int(*ms.Max)))
			}
			// An empty list is unset (left out), so min 1 holds.
			good("one element", list(1))
			checkStringConstraints(t, m, m.shape(t, es).Member.Shape,
				func(what string, v any) { t.Helper(); bad("element "+what, []string{v.(string)}) },
				func(what string, v any) { t.Helper(); good("element "+what, []string{v.(string)}) })
		}
	}
}

// checkStructList checks a list of structures (shape ms, elements of shape
// elem) at path p: its length bounds, with lists made of the base's
// elements over and over, then each member of its first element.
func checkStructList(t *testing.T, m *serviceModel, ms modelShape, elem string, base request, p []string, bases []request, bad, good func(string, any)) {
	t.Helper()
	elems := memberValue(base, p)
	require.Positive(t, elems.Len(), "the base input of %v must have an element", p)
	list := func(n int) any {
		out := reflect.MakeSlice(elems.Type(), n, n)
		for i := range n {
			out.Index(i).Set(elems.Index(i % elems.Len()))
		}
		return out.Interface()
	}
	if ms.Max != nil {
		bad(fmt.Sprintf("more than %d elements", *ms.Max), list(int(*ms.Max)+1))
	}
	if ms.Min != nil && *ms.Min > 1 {
		bad(fmt.Sprintf("fewer than %d elements", *ms.Min), list(int(*ms.Min)-1))
	}
	good("the base's elements", list(elems.Len()))
	checkConstraints(t, m, elem, bases, append(slices.Clone(p), "[0]"))
}

// checkStringConstraints checks the length and pattern of a string shape.
func checkStringConstraints(t *testing.T, m *serviceModel, name string, bad, good func(string, any)) {
	t.Helper()
	s := m.shape(t, name)
	if len(s.Enum) > 0 {
		// Unknown values that look like enum values are let through, for
		// values the service adds later; anything else is refused.
		bad("not an enum value", "not-an-enum")
		for _, v := range s.Enum {
			good("enum value "+v, v)
		}
		return
	}
	if s.Min != nil && *s.Min > 1 {
		bad(fmt.Sprintf("shorter than %d", *s.Min), strings.Repeat("a", int(*s.Min)-1))
	}
	if s.Min != nil {
		if v, ok := fitString(t, m, name, s, int(*s.Min)); ok {
			good(fmt.Sprintf("of min length %d", *s.Min), v)
		}
	}
	if s.Max != nil {
		bad(fmt.Sprintf("longer than %d", *s.Max), validStringOver(t, m, name, s, int(*s.Max)+1))
		if v, ok := fitString(t, m, name, s, int(*s.Max)); ok {
			good(fmt.Sprintf("of max length %d", *s.Max), v)
		}
	}
	if s.Pattern != "" {
		v := validString(t, m, name, s, 0)
		good("matching the pattern", v)
		// The name and bucket patterns are not anchored, so that any
		// string holds a match ("*" even an empty one); the service
		// checks the whole value (see nameRule), and so does validation:
		// the value must match the pattern as a whole.
		re := regexp.MustCompile(`^(?:` + goPattern(s.Pattern) + `)$`)
		notMatching := ""
		for _, c := range []string{strings.Repeat("!", len(v)), "*", "a\nb", "   ", "\u0100"} {
			if !re.MatchString(c) {
				notMatching = c
				break
			}
		}
		require.NotEmpty(t, notMatching, "no value found that the pattern of %s refuses", name)
		bad("not matching the pattern", notMatching)
		if p := reservedPrefix(s.Pattern); p != "" {
			bad("with the reserved prefix "+p, p+v)
		}
		for _, c := range []string{"\n", " ", "/", "é"} {
			if w := v + c; !re.MatchString(w) {
				bad(fmt.Sprintf("with %q appended", c), w)
			}
		}
	}
}

// validString returns a value of the string shape name that matches its
// pattern, of length n when n > 0 and that is possible.
func validString(t *testing.T, m *serviceModel, name string, s modelShape, n int) string {
	t.Helper()
	if v, ok := fitString(t, m, name, s, n); ok {
		return v
	}
	v, _ := fitString(t, m, name, s, 0)
	return v
}

// validStringOver returns a value of length n that matches the pattern
// when it can, else any string of n characters.
func validStringOver(t *testing.T, m *serviceModel, name string, s modelShape, n int) string {
	t.Helper()
	if v, ok := fitString(t, m, name, s, n); ok {
		return v
	}
	return strings.Repeat("a", n)
}

// fitString builds a value matching the pattern of the string shape
// name, n characters long (any length when n is 0); ok is false when the
// pattern allows no such length. A pattern this test does not know fails
// it: add a builder.
func fitString(t *testing.T, m *serviceModel, name string, s modelShape, n int) (string, bool) {
	t.Helper()
	var v string
	letters := strings.Repeat("a", max(n, 3))
	if n > 0 {
		letters = letters[:n]
	}
	switch {
	case s.Pattern == "" || regexp.MustCompile(`^(?:`+goPattern(s.Pattern)+`)$`).MatchString(letters):
		v = letters
	default:
		re := m.pattern(t, name)
		var prefix, suffix string
		switch {
		case strings.Contains(s.Pattern, `\/dataset\/`):
			prefix, suffix = "arn:aws:rekognition:us-east-1:123456789012:project/", "/dataset/train/1"
		case strings.Contains(s.Pattern, `\/version\/`):
			prefix, suffix = "arn:aws:rekognition:us-east-1:123456789012:project/p/version/", "/1"
		case strings.Contains(s.Pattern, `:project\/`) && !strings.Contains(s.Pattern, `dataset`):
			prefix, suffix = "arn:aws:rekognition:us-east-1:123456789012:project/", "/1"
		default:
			t.Fatalf("no value builder for the pattern %q of %s: add one to fitString", s.Pattern, name)
		}
		k := 1
		if n > 0 {
			k = n - len(prefix) - len(suffix)
		}
		if k < 1 || k > 255 {
			return "", false
		}
		v = prefix + strings.Repeat("n", k) + suffix
		require.True(t, re.MatchString(v), "built %q for %s, which its pattern does not match", v, name)
	}
	return v, n == 0 || len(v) == n
}

// short describes v for a failure message, briefly: a blob by its length.
func short(v any) string {
	if b, ok := v.([]byte); ok {
		return fmt.Sprintf("%d bytes", len(b))
	}
	s := fmt.Sprintf("%#v", v)
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

// cloneRequest returns a shallow copy of the input r points to.
func cloneRequest(r request) request {
	v := reflect.ValueOf(r).Elem()
	c := reflect.New(v.Type())
	c.Elem().Set(v)
	return c.Interface().(request)
}

// memberValue returns the field at path of the input r points to.
func memberValue(r request, path []string) reflect.Value {
	v := reflect.ValueOf(r).Elem()
	for _, p := range path {
		if i, ok := elemIndex(p); ok {
			v = v.Index(i)
			continue
		}
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Zero(v.Type().Elem())
			}
			v = v.Elem()
		}
		if p == "[0]" {
			if v.Len() == 0 {
				return reflect.Zero(v.Type().Elem())
			}
			v = v.Index(0)
			continue
		}
		v = v.FieldByName(p)
	}
	return v
}

// setMember sets the field at path of the input r points to, converting
// v (a float64, string, []string or []byte) to the field's type.
func setMember(t *testing.T, r request, path []string, v any) {
	t.Helper()
	f := reflect.ValueOf(r).Elem()
	for _, p := range path {
		if i, ok := elemIndex(p); ok {
			// A copy of the list, so that the base input keeps its own.
			c := reflect.MakeSlice(f.Type(), f.Len(), f.Len())
			reflect.Copy(c, f)
			f.Set(c)
			f = c.Index(i)
			continue
		}
		f = f.FieldByName(p)
		require.True(t, f.IsValid(), "no field %v", path)
	}
	typ := f.Type()
	if typ.Kind() == reflect.Pointer {
		p := reflect.New(typ.Elem())
		setValue(t, p.Elem(), v)
		f.Set(p)
		return
	}
	setValue(t, f, v)
}

// elemIndex returns i of a path element "[i]", an element of a list.
func elemIndex(p string) (int, bool) {
	if len(p) < 3 || p[0] != '[' || p[len(p)-1] != ']' {
		return 0, false
	}
	i, err := strconv.Atoi(p[1 : len(p)-1])
	return i, err == nil
}

func setValue(t *testing.T, f reflect.Value, v any) {
	t.Helper()
	switch x := v.(type) {
	case float64:
		switch f.Kind() {
		case reflect.Int32, reflect.Int64:
			if x > math.MaxInt32 && f.Kind() == reflect.Int32 {
				x = math.MaxInt32
			}
			f.SetInt(int64(x))
		case reflect.Float32, reflect.Float64:
			f.SetFloat(x)
		default:
			t.Fatalf("cannot set a number into %s", f.Type())
		}
	case string:
		f.SetString(x)
	case []string:
		s := reflect.MakeSlice(f.Type(), len(x), len(x))
		for i := range x {
			s.Index(i).SetString(x[i])
		}
		f.Set(s)
	case []byte:
		f.SetBytes(x)
	default:
		f.Set(reflect.ValueOf(v))
	}
}
