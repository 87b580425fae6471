package manifest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckTraining(t *testing.T) {
	train := validate(t, strings.Join([]string{
		classAt("t1.jpg", "apple"), classAt("t2.jpg", "pear"), classAt("t3.jpg", "plum"), classAt("t4.jpg", "fig"),
	}, "\n"), Options{})

	for _, tc := range []struct {
		name  string
		test  []string
		codes []Code
		lines []int
	}{
		{"half the labels", []string{classAt("s1.jpg", "apple"), classAt("s2.jpg", "pear"), classAt("s3.jpg", "kiwi")}, nil, nil},
		{"a quarter of the labels", []string{classAt("s1.jpg", "apple"), classAt("s2.jpg", "kiwi")},
			[]Code{CodeInsufficientLabelOverlap}, []int{0}},
		{"images in both", []string{classAt("s1.jpg", "apple"), classAt("t3.jpg", "pear"), classAt("t1.jpg", "fig")},
			[]Code{CodeImageInTrainingAndTest, CodeImageInTrainingAndTest}, []int{2, 3}},
		{"same labels used as boxes", []string{
			edit(detLine, "b.jpg", "s1.jpg"), edit(detLine, "b.jpg", "s2.jpg", `"0":"apple","1":"pear"`, `"0":"plum","1":"fig"`),
			classAt("s3.jpg", "apple"),
		}, []Code{CodeInsufficientUsableOverlap}, []int{0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test := validate(t, strings.Join(tc.test, "\n"), Options{})
			probs := CheckTraining(train, test)
			var lines []int
			for _, p := range probs {
				lines = append(lines, p.Line)
				assert.Equal(t, codeTier(p.Code), p.Tier)
			}
			assert.Equal(t, tc.codes, codes(probs))
			assert.Equal(t, tc.lines, lines)
		})
	}

	test := validate(t, classAt("t2.jpg", "apple"), Options{})
	probs := CheckTraining(train, test)
	require.Len(t, probs, 2)
	assert.Equal(t, "the image is also on line 2 of the training manifest", probs[1].Message)
}
