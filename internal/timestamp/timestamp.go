// Package timestamp converts between time.Time and the epoch-seconds JSON
// numbers that the awsJson1_1 protocol uses for timestamps.
//
// Parsing works on the number's decimal text, never through float64, so a
// value keeps every digit down to the nanosecond: "1.700000000123E9" is
// 2023-11-14T22:13:20.123Z exactly and "1600000000.1239" keeps its .1239.
package timestamp

import (
	"errors"
	"strconv"
	"time"
)

// maxSecondsDigits bounds the integer part so that seconds fit in an int64
// and time.Unix stays meaningful (year ±3e12 is already far beyond any use).
const maxSecondsDigits = 18

// ErrSyntax reports text that is not a JSON number.
var ErrSyntax = errors.New("not a JSON number")

// ErrRange reports a number whose whole seconds do not fit in 18 digits.
var ErrRange = errors.New("out of range for a timestamp")

// Parse reads a JSON number of epoch seconds, in plain ("1600000000.1239")
// or exponent ("1.6000000001239E9") form, and returns the instant in UTC.
// Digits below the nanosecond are truncated toward zero. Parse never
// allocates and its work is bounded by len(b), whatever the exponent.
func Parse(b []byte) (time.Time, error) {
	i := 0
	neg := false
	if i < len(b) && b[i] == '-' {
		neg = true
		i++
	}
	// Integer part: 0 or [1-9][0-9]*.
	intStart := i
	if i < len(b) && b[i] == '0' {
		i++
	} else {
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	intEnd := i
	if intEnd == intStart {
		return time.Time{}, ErrSyntax
	}
	fracStart, fracEnd := i, i
	if i < len(b) && b[i] == '.' {
		i++
		fracStart = i
		for i < len(b) && isDigit(b[i]) {
			i++
		}
		fracEnd = i
		if fracEnd == fracStart {
			return time.Time{}, ErrSyntax
		}
	}
	exp := 0
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		expNeg := false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			expNeg = b[i] == '-'
			i++
		}
		if i == len(b) {
			return time.Time{}, ErrSyntax
		}
		for ; i < len(b); i++ {
			if !isDigit(b[i]) {
				return time.Time{}, ErrSyntax
			}
			// Saturate: any exponent beyond ±1e6 moves every digit of a
			// bounded input out of range or below the nanosecond.
			if exp < 1_000_000 {
				exp = exp*10 + int(b[i]-'0')
			}
		}
		if expNeg {
			exp = -exp
		}
	}
	if i != len(b) {
		return time.Time{}, ErrSyntax
	}

	// The value is digits × 10^(exp - fraction length), where digits is the
	// integer part followed by the fraction. point is the index in digits
	// where the decimal point falls once the exponent is applied.
	digit := func(k int) byte { // k-th digit of the concatenation, '0' outside it
		n := intEnd - intStart
		switch {
		case k < 0 || k >= n+(fracEnd-fracStart):
			return '0'
		case k < n:
			return b[intStart+k]
		default:
			return b[fracStart+k-n]
		}
	}
	total := (intEnd - intStart) + (fracEnd - fracStart)
	point := (intEnd - intStart) + exp

	// Whole seconds: digits [0, point).
	var sec int64
	sigDigits := 0
	for k := 0; k < point; k++ {
		if k >= total {
			// Remaining digits are implied zeros.
			if sec != 0 {
				sigDigits += point - k
				if sigDigits > maxSecondsDigits {
					return time.Time{}, ErrRange
				}
				for ; k < point; k++ {
					sec *= 10
				}
			}
			break
		}
		d := digit(k)
		if sec != 0 || d != '0' {
			sigDigits++
			if sigDigits > maxSecondsDigits {
				return time.Time{}, ErrRange
			}
		}
		sec = sec*10 + int64(d-'0')
	}
	// Nanoseconds: the nine digits after the point.
	var nsec int64
	for k := point; k < point+9; k++ {
		nsec = nsec*10 + int64(digit(k)-'0')
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec).UTC(), nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Append appends t as epoch seconds in the form AWS's serializers write a
// double: plain decimal for magnitudes in [1e-3, 1e7) ("1234.5"), otherwise
// one digit, a fraction and an exponent ("1.700000000123E9"). Every
// nanosecond of t is kept; trailing zeros of the fraction are dropped.
func Append(dst []byte, t time.Time) []byte {
	sec := t.Unix()
	nsec := int64(t.Nanosecond())
	neg := sec < 0
	if neg {
		// -1.5 s is Unix(-2, 5e8): magnitude 1.5.
		if nsec > 0 {
			sec++
			nsec = 1e9 - nsec
		}
		sec = -sec
		dst = append(dst, '-')
	}
	// Digits of the magnitude: the integer seconds then nine fraction digits.
	var intBuf [20]byte
	intDigits := strconv.AppendUint(intBuf[:0], uint64(sec), 10)
	var frac [9]byte
	for k := 8; k >= 0; k-- {
		frac[k] = byte('0' + nsec%10)
		nsec /= 10
	}
	fracDigits := frac[:]
	for len(fracDigits) > 0 && fracDigits[len(fracDigits)-1] == '0' {
		fracDigits = fracDigits[:len(fracDigits)-1]
	}
	if sec == 0 && len(fracDigits) == 0 {
		return append(dst, "0.0"...)
	}
	// Plain form for 1e-3 <= |x| < 1e7.
	plain := sec >= 1 && sec < 1e7 || sec == 0 && len(fracDigits) > 0 && fracDigits[0] != '0' ||
		sec == 0 && len(fracDigits) > 2 && fracDigits[0] == '0' && fracDigits[1] == '0' && fracDigits[2] != '0'
	if plain {
		dst = append(dst, intDigits...)
		dst = append(dst, '.')
		if len(fracDigits) == 0 {
			return append(dst, '0')
		}
		return append(dst, fracDigits...)
	}
	// Scientific form: all significant digits, the point after the first.
	var all []byte
	var exp int
	if sec != 0 {
		all = append(append(make([]byte, 0, 29), intDigits...), fracDigits...)
		exp = len(intDigits) - 1
	} else {
		lead := 0
		for lead < len(fracDigits) && fracDigits[lead] == '0' {
			lead++
		}
		all = fracDigits[lead:]
		exp = -(lead + 1)
	}
	for len(all) > 1 && all[len(all)-1] == '0' {
		all = all[:len(all)-1]
	}
	dst = append(dst, all[0], '.')
	if len(all) == 1 {
		dst = append(dst, '0')
	} else {
		dst = append(dst, all[1:]...)
	}
	dst = append(dst, 'E')
	return strconv.AppendInt(dst, int64(exp), 10)
}
