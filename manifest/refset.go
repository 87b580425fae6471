package manifest

import "hash/maphash"

// refSet is the set of source-refs of a manifest, kept as 64-bit hashes
// with the line of each: 12-byte slots, in a table that doubles to stay at
// most half full, so 6 MiB for 250,000 lines. Two different source-refs share a hash with a
// chance of about 2^-29 in a manifest of 250,000 lines; they would be
// reported as a duplicate.
type refSet struct {
	hashes []uint64 // 0 is an empty slot
	lines  []uint32
	n      int
}

// refSeed is the seed of every refSet's hash, so that the sets of two
// reports can be compared.
var refSeed = maphash.MakeSeed()

func hashRef(b []byte) uint64 {
	h := maphash.Bytes(refSeed, b)
	if h == 0 {
		h = 1
	}
	return h
}

// add adds h, first seen on line, and returns 0; or, when h is there
// already, the line it was first seen on.
func (s *refSet) add(h uint64, line int) int {
	if 2*(s.n+1) > len(s.hashes) {
		s.grow()
	}
	mask := uint64(len(s.hashes) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.hashes[i] {
		case 0:
			s.hashes[i], s.lines[i] = h, uint32(line)
			s.n++
			return 0
		case h:
			return int(s.lines[i])
		}
	}
}

// line returns the line h was first seen on, 0 when it is not in the set.
func (s *refSet) line(h uint64) int {
	if s.n == 0 {
		return 0
	}
	mask := uint64(len(s.hashes) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.hashes[i] {
		case 0:
			return 0
		case h:
			return int(s.lines[i])
		}
	}
}

func (s *refSet) grow() {
	size := max(1024, 2*len(s.hashes))
	old, oldLines := s.hashes, s.lines
	s.hashes, s.lines, s.n = make([]uint64, size), make([]uint32, size), 0
	for i, h := range old {
		if h != 0 {
			s.add(h, int(oldLines[i]))
		}
	}
}

// each calls f with every hash in the set and its line, in no order.
func (s *refSet) each(f func(h uint64, line int)) {
	for i, h := range s.hashes {
		if h != 0 {
			f(h, int(s.lines[i]))
		}
	}
}
