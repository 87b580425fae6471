package customlabelstest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// How a Stub compares and shows inputs: member by member, by value,
// following pointers, with a nil and an empty list or map equal (the
// wire does not tell them apart), times equal when they are the same
// instant, and long values shortened.

// Limits of what a failure message shows.
const (
	maxDiffLines    = 20
	maxShownItems   = 10
	maxShownString  = 200
	maxShownBytes   = 32
	maxShownValue   = 2000
	maxFormatDepth  = 8
	ellipsis        = "..."
	timeShownLayout = time.RFC3339Nano
)

var timeType = reflect.TypeFor[time.Time]()

// diff returns the members in which got differs from want, one line each:
// "Path: -want +got", a member only one side has with just that side.
func diff(want, got any) []string {
	d := &differ{}
	d.walk("", reflect.ValueOf(want), reflect.ValueOf(got))
	if d.more > 0 {
		d.lines = append(d.lines, fmt.Sprintf("... and %d more differences", d.more))
	}
	return d.lines
}

type differ struct {
	lines []string
	more  int
}

func (d *differ) add(path, want, got string) {
	if len(d.lines) >= maxDiffLines {
		d.more++
		return
	}
	if path == "" {
		path = "(value)"
	}
	var b strings.Builder
	b.WriteString(path + ":")
	if want != "" {
		b.WriteString(" -" + want)
	}
	if got != "" {
		b.WriteString(" +" + got)
	}
	d.lines = append(d.lines, b.String())
}

func (d *differ) walk(path string, w, g reflect.Value) {
	switch {
	case !w.IsValid() && !g.IsValid():
		return
	case !w.IsValid() || !g.IsValid():
		d.add(path, showValue(w), showValue(g))
		return
	case w.Type() != g.Type():
		d.add(path, w.Type().String()+showValue(w), g.Type().String()+showValue(g))
		return
	}
	if w.Type() == timeType {
		if !w.Interface().(time.Time).Equal(g.Interface().(time.Time)) {
			d.add(path, showValue(w), showValue(g))
		}
		return
	}
	switch w.Kind() {
	case reflect.Pointer, reflect.Interface:
		switch {
		case w.IsNil() && g.IsNil():
		case w.IsNil() || g.IsNil():
			d.add(path, showValue(w), showValue(g))
		default:
			d.walk(path, w.Elem(), g.Elem())
		}
	case reflect.Struct:
		for i := range w.NumField() {
			if f := w.Type().Field(i); f.IsExported() {
				d.walk(member(path, f.Name), w.Field(i), g.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		if w.Type().Elem().Kind() == reflect.Uint8 {
			wb, gb := bytesOf(w), bytesOf(g)
			if !slices.Equal(wb, gb) {
				i := 0
				for i < len(wb) && i < len(gb) && wb[i] == gb[i] {
					i++
				}
				d.add(path+" (from byte "+strconv.Itoa(i)+")", showValue(w), showValue(g))
			}
			return
		}
		for i := range max(w.Len(), g.Len()) {
			p := path + "[" + strconv.Itoa(i) + "]"
			switch {
			case i >= g.Len():
				d.add(p, showValue(w.Index(i)), "")
			case i >= w.Len():
				d.add(p, "", showValue(g.Index(i)))
			default:
				d.walk(p, w.Index(i), g.Index(i))
			}
		}
	case reflect.Map:
		for _, k := range sortedMapKeys(w, g) {
			p := path + "[" + showValue(k) + "]"
			wv, gv := w.MapIndex(k), g.MapIndex(k)
			switch {
			case !gv.IsValid():
				d.add(p, showValue(wv), "")
			case !wv.IsValid():
				d.add(p, "", showValue(gv))
			default:
				d.walk(p, wv, gv)
			}
		}
	default:
		if w.CanInterface() && g.CanInterface() && w.Comparable() && !w.Equal(g) {
			d.add(path, showValue(w), showValue(g))
		}
	}
}

func member(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func bytesOf(v reflect.Value) []byte {
	if v.Kind() == reflect.Slice {
		return v.Bytes()
	}
	b := make([]byte, v.Len())
	reflect.Copy(reflect.ValueOf(b), v)
	return b
}

// sortedMapKeys returns the keys of two maps of one type, in the order of
// their shown values.
func sortedMapKeys(maps ...reflect.Value) []reflect.Value {
	seen := map[string]reflect.Value{}
	for _, m := range maps {
		for _, k := range m.MapKeys() {
			seen[showValue(k)] = k
		}
	}
	names := sortedKeys(seen)
	keys := make([]reflect.Value, len(names))
	for i, n := range names {
		keys[i] = seen[n]
	}
	return keys
}

// formatValue shows x for a message: a struct as {Member:value ...} with
// only the members that are set, pointers followed, long strings, lists
// and byte slices shortened.
func formatValue(x any) string { return showValue(reflect.ValueOf(x)) }

func showValue(v reflect.Value) string {
	var b strings.Builder
	writeValue(&b, v, 0)
	if b.Len() > maxShownValue {
		return b.String()[:maxShownValue] + ellipsis
	}
	return b.String()
}

func writeValue(b *strings.Builder, v reflect.Value, depth int) {
	if depth > maxFormatDepth || b.Len() > maxShownValue {
		b.WriteString(ellipsis)
		return
	}
	if !v.IsValid() {
		b.WriteString("nil")
		return
	}
	if v.Type() == timeType {
		b.WriteString(v.Interface().(time.Time).Format(timeShownLayout))
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		writeValue(b, v.Elem(), depth+1)
	case reflect.Struct:
		writeStruct(b, v, depth)
	case reflect.Slice, reflect.Array:
		writeList(b, v, depth)
	case reflect.Map:
		writeMap(b, v, depth)
	case reflect.String:
		s := v.String()
		if len(s) > maxShownString {
			b.WriteString(strconv.Quote(s[:maxShownString]) + ellipsis)
			return
		}
		b.WriteString(strconv.Quote(s))
	default:
		if v.CanInterface() {
			fmt.Fprint(b, v.Interface())
		} else {
			b.WriteString("?")
		}
	}
}

// writeStruct writes the struct v as {Member:value ...}, the members that
// are set only.
func writeStruct(b *strings.Builder, v reflect.Value, depth int) {
	b.WriteByte('{')
	first := true
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || v.Field(i).IsZero() {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(f.Name + ":")
		writeValue(b, v.Field(i), depth+1)
	}
	b.WriteByte('}')
}

// writeList writes the slice or array v: bytes quoted, other elements
// each shown, both shortened.
func writeList(b *strings.Builder, v reflect.Value, depth int) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		b.WriteString("nil")
		return
	}
	if v.Type().Elem().Kind() == reflect.Uint8 {
		bs := bytesOf(v)
		if len(bs) > maxShownBytes {
			fmt.Fprintf(b, "[%d bytes: %q%s]", len(bs), bs[:maxShownBytes], ellipsis)
		} else {
			fmt.Fprintf(b, "%q", bs)
		}
		return
	}
	b.WriteByte('[')
	for i := range v.Len() {
		if i == maxShownItems {
			fmt.Fprintf(b, " ... (%d in all)", v.Len())
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		writeValue(b, v.Index(i), depth+1)
	}
	b.WriteByte(']')
}

// writeMap writes the map v as map[key:value ...], in key order.
func writeMap(b *strings.Builder, v reflect.Value, depth int) {
	if v.IsNil() {
		b.WriteString("nil")
		return
	}
	b.WriteString("map[")
	for i, k := range sortedMapKeys(v) {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeValue(b, k, depth+1)
		b.WriteByte(':')
		writeValue(b, v.MapIndex(k), depth+1)
	}
	b.WriteByte(']')
}

// cloneValue returns a deep copy of x: pointers, lists, maps and structs
// copied, so that a later change to x does not reach the copy.
func cloneValue(x any) any {
	if x == nil {
		return nil
	}
	return deepCopy(reflect.ValueOf(x)).Interface()
}

func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			s.Index(i).Set(deepCopy(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range v.MapKeys() {
			m.SetMapIndex(k, deepCopy(v.MapIndex(k)))
		}
		return m
	case reflect.Struct:
		s := reflect.New(v.Type()).Elem()
		s.Set(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				s.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return s
	}
	return v
}

// parseContentLength reads a Content-Length header value.
func parseContentLength(s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return 0, errors.New("invalid Content-Length")
	}
	return n, nil
}
