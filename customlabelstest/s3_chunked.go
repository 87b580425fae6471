package customlabelstest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// aws-chunked payloads (Content-Encoding: aws-chunked), which S3 clients
// send with X-Amz-Content-Sha256 STREAMING-…: the payload in chunks, each
// "hex-size[;chunk-signature=SIG]\r\n" DATA "\r\n", ending with a chunk of
// size 0, then trailing headers ("x-amz-checksum-crc32:…\r\n", and
// "x-amz-trailer-signature:…\r\n" when signed) and an empty line.

const (
	// maxChunkLine caps a chunk header or trailer line.
	maxChunkLine = 4096
	// maxTrailers caps the trailing headers.
	maxTrailers = 16
)

// isAWSChunked reports whether r's payload is aws-chunked.
func isAWSChunked(r *http.Request, payloadHash string) bool {
	if strings.HasPrefix(payloadHash, "STREAMING-") {
		return true
	}
	for _, v := range r.Header.Values("Content-Encoding") {
		for _, enc := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(enc), "aws-chunked") {
				return true
			}
		}
	}
	return false
}

// decodeAWSChunked reads an aws-chunked payload from body: of exactly
// size decoded bytes, or of at most limit when size is -1 (the SDKs send
// a stream of unknown length without x-amz-decoded-content-length). With
// signer, every chunk and the trailer must carry a valid signature. It
// returns the payload and the trailing headers, by lower-case name.
func decodeAWSChunked(body io.Reader, size, limit int64, signer *chunkSigner, trailerSigned bool) ([]byte, map[string]string, *s3Error) {
	br := bufio.NewReaderSize(body, 64<<10)
	var data []byte
	if size >= 0 {
		data = make([]byte, 0, size)
	}
	for {
		line, err := readChunkLine(br)
		if err == errEndOfPayload {
			return nil, nil, errIncompleteBody()
		}
		if err != nil {
			return nil, nil, err
		}
		sizeField, ext, _ := strings.Cut(line, ";")
		n, perr := strconv.ParseInt(strings.TrimSpace(sizeField), 16, 64)
		if perr != nil || n < 0 {
			return nil, nil, errChunked("a chunk size is not a hexadecimal number: " + strconv.Quote(truncate(line, 64)))
		}
		if size >= 0 && n > size-int64(len(data)) {
			return nil, nil, &s3Error{status: http.StatusBadRequest, code: "IncompleteBody",
				message: "The chunks of the aws-chunked payload hold more bytes than x-amz-decoded-content-length says (" + strconv.FormatInt(size, 10) + ")"}
		}
		if n > limit-int64(len(data)) {
			return nil, nil, errEntityTooLarge(int64(len(data)) + n)
		}
		start := len(data)
		data = slices.Grow(data, int(n))[:start+int(n)]
		if _, err := io.ReadFull(br, data[start:]); err != nil {
			return nil, nil, errIncompleteBody()
		}
		if n > 0 {
			if end, err := readChunkLine(br); err != nil || end != "" {
				if err != nil && err != errEndOfPayload {
					return nil, nil, err
				}
				return nil, nil, errChunked("a chunk's data is not followed by CRLF")
			}
		}
		if signer != nil {
			sig, ok := strings.CutPrefix(strings.TrimSpace(ext), "chunk-signature=")
			if !ok || !signer.chunk(data[start:], sig) {
				return nil, nil, errChunkSignature()
			}
		}
		if n == 0 {
			break
		}
	}
	if size >= 0 && int64(len(data)) != size {
		return nil, nil, &s3Error{status: http.StatusBadRequest, code: "IncompleteBody",
			message: "You did not provide the number of bytes specified by the x-amz-decoded-content-length HTTP header"}
	}
	trailers, err := readTrailers(br, signer, trailerSigned)
	return data, trailers, err
}

// readTrailers reads the trailing headers up to the empty line that ends
// the payload (or the end of the body).
func readTrailers(br *bufio.Reader, signer *chunkSigner, signed bool) (map[string]string, *s3Error) {
	trailers := map[string]string{}
	var lines strings.Builder
	sig := ""
	for i := 0; ; i++ {
		line, err := readChunkLine(br)
		if err == errEndOfPayload {
			break
		}
		if err != nil {
			return nil, err
		}
		if line == "" {
			break
		}
		if i >= maxTrailers {
			return nil, errChunked("more than " + strconv.Itoa(maxTrailers) + " trailing headers")
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, errChunked("a trailing header is not name:value: " + strconv.Quote(truncate(line, 64)))
		}
		name, value = strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(value)
		if name == "x-amz-trailer-signature" {
			sig = value
			continue
		}
		trailers[name] = value
		lines.WriteString(name + ":" + value + "\n")
	}
	if signer != nil && signed && !signer.trailer(lines.String(), sig) {
		return nil, errChunkSignature()
	}
	return trailers, nil
}

// errEndOfPayload is the body ending cleanly after the last chunk.
var errEndOfPayload = &s3Error{status: http.StatusBadRequest, code: "IncompleteBody", message: "end of payload"}

// readChunkLine reads one CRLF-terminated line, without the CRLF.
func readChunkLine(br *bufio.Reader) (string, *s3Error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		line = append(line, frag...)
		if len(line) > maxChunkLine {
			return "", errChunked("a chunk header or trailer line is longer than " + strconv.Itoa(maxChunkLine) + " bytes")
		}
		if err == nil {
			break
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if len(line) == 0 && errors.Is(err, io.EOF) {
			return "", errEndOfPayload
		}
		return "", errIncompleteBody()
	}
	if !bytes.HasSuffix(line, []byte("\r\n")) {
		return "", errChunked("a line does not end with CRLF")
	}
	return string(line[:len(line)-2]), nil
}

func errChunked(what string) *s3Error {
	return errInvalidRequest("Malformed aws-chunked payload: " + what)
}

func errIncompleteBody() *s3Error {
	return &s3Error{status: http.StatusBadRequest, code: "IncompleteBody",
		message: "You did not provide the number of bytes specified by the Content-Length HTTP header"}
}
