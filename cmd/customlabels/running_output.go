package main

import (
	"fmt"
	"io"
	"strconv"
)

// The JSON output of customlabels running; doc.go documents it.

type runningJSON struct {
	Models  []runningModelJSON  `json:"Models"`
	Regions []runningRegionJSON `json:"Regions"`
	Total   runningTotalJSON    `json:"Total"`
	Price   priceJSON           `json:"Price"`
}

type runningModelJSON struct {
	Region            string `json:"Region"`
	ProjectName       string `json:"ProjectName"`
	ProjectArn        string `json:"ProjectArn"`
	VersionName       string `json:"VersionName"`
	ProjectVersionArn string `json:"ProjectVersionArn"`
	Status            string `json:"Status"`
	MinInferenceUnits int32  `json:"MinInferenceUnits"`
	MaxInferenceUnits int32  `json:"MaxInferenceUnits"`
	MinHourlyCost     money  `json:"MinHourlyCost"`
	MaxHourlyCost     money  `json:"MaxHourlyCost"`
}

type runningRegionJSON struct {
	Region string `json:"Region"`
	// Listed is false when the Region could not be listed; Error says why
	// and the other members are zero.
	Listed bool `json:"Listed"`
	runningTotalJSON
	Error *jsonError `json:"Error,omitempty"`
}

type runningTotalJSON struct {
	Models            int   `json:"Models"`
	MinInferenceUnits int64 `json:"MinInferenceUnits"`
	MaxInferenceUnits int64 `json:"MaxInferenceUnits"`
	MinHourlyCost     money `json:"MinHourlyCost"`
	MaxHourlyCost     money `json:"MaxHourlyCost"`
}

type priceJSON struct {
	PerInferenceUnitHour money  `json:"PerInferenceUnitHour"`
	Currency             string `json:"Currency"`
	Basis                string `json:"Basis"`
}

// add counts m, at price p, into t.
func (t *runningTotalJSON) add(m runningModelJSON) {
	t.Models++
	t.MinInferenceUnits += int64(m.MinInferenceUnits)
	t.MaxInferenceUnits += int64(m.MaxInferenceUnits)
	t.MinHourlyCost += m.MinHourlyCost
	t.MaxHourlyCost += m.MaxHourlyCost
}

// summary computes what both outputs show.
func (r *runningReport) summary() runningJSON {
	out := runningJSON{
		Models:  []runningModelJSON{},
		Regions: make([]runningRegionJSON, len(r.regions)),
		Price:   priceJSON{PerInferenceUnitHour: r.price.perUnitHour, Currency: "USD", Basis: r.price.basis},
	}
	for i, rr := range r.regions {
		reg := runningRegionJSON{Region: rr.region, Listed: rr.err == nil}
		if rr.err != nil {
			info := errorInfo(rr.err)
			reg.Error = &info
		}
		for _, m := range rr.value {
			lo, hi := m.units()
			jm := runningModelJSON{
				Region:            m.region,
				ProjectName:       projectName(m.project),
				ProjectArn:        m.project,
				VersionName:       versionName(m.version.ProjectVersionArn),
				ProjectVersionArn: m.version.ProjectVersionArn,
				Status:            string(m.version.Status),
				MinInferenceUnits: lo,
				MaxInferenceUnits: hi,
				MinHourlyCost:     money(lo) * r.price.perUnitHour,
				MaxHourlyCost:     money(hi) * r.price.perUnitHour,
			}
			out.Models = append(out.Models, jm)
			reg.add(jm)
			out.Total.add(jm)
		}
		out.Regions[i] = reg
	}
	return out
}

func writeRunningJSON(w io.Writer, r *runningReport) error {
	return writeJSON(w, r.summary())
}

// writeRunningTable writes one row per model, then the totals, then the
// Regions that could not be listed.
func writeRunningTable(w io.Writer, r *runningReport) error {
	sum := r.summary()
	tw := newTable(w)
	if len(sum.Models) > 0 {
		fmt.Fprintln(tw, "REGION\tPROJECT\tVERSION\tSTATUS\tUNITS\tCOST/HOUR")
		for _, m := range sum.Models {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", cell(m.Region), cell(m.ProjectName), cell(m.VersionName),
				cell(m.Status), span(strconv.Itoa(int(m.MinInferenceUnits)), strconv.Itoa(int(m.MaxInferenceUnits))),
				span(m.MinHourlyCost.String(), m.MaxHourlyCost.String()))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	listed, with := 0, 0
	for _, reg := range sum.Regions {
		if reg.Listed {
			listed++
		}
		if reg.Models > 0 {
			with++
		}
	}
	t := sum.Total
	fmt.Fprintf(w, "%s running or starting in %d of %s listed: %s inference units, %s per hour\n",
		plural(t.Models, "model"), with, plural(listed, "Region"),
		span(strconv.FormatInt(t.MinInferenceUnits, 10), strconv.FormatInt(t.MaxInferenceUnits, 10)),
		span(t.MinHourlyCost.String(), t.MaxHourlyCost.String()))
	fmt.Fprintf(w, "at %s per inference-unit hour (%s; prices differ by Region)\n", sum.Price.PerInferenceUnitHour, sum.Price.Basis)
	for i, reg := range sum.Regions {
		if !reg.Listed {
			fmt.Fprintf(w, "%s: not listed: %s%s\n", reg.Region, cell(describeError(r.regions[i].err)), regionHint(reg.Error.Code))
		}
	}
	return nil
}

// regionHint says what a Region's error code usually means. AWS answers a
// request to a Region the account has not enabled as it answers unknown
// credentials (UnrecognizedClientException, "The security token included
// in the request is invalid"): the hint names both causes.
func regionHint(code string) string {
	switch code {
	case "UnrecognizedClientException", "InvalidSignatureException":
		return " (is the Region enabled for the account, and are the credentials valid there?)"
	case "AccessDeniedException":
		return " (the caller needs rekognition:DescribeProjects and rekognition:DescribeProjectVersions)"
	}
	return ""
}

// span is "lo" or "lo-hi".
func span(lo, hi string) string {
	if lo == hi {
		return lo
	}
	return lo + "-" + hi
}
