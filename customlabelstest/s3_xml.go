package customlabelstest

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// XML documents of the server's S3: the shapes shared by several
// operations, and reading request bodies.

// xmlName is the name of a document's root element.
type xmlName = xml.Name

// checksumXML are the checksum elements of S3's documents; at most one
// Checksum<ALGORITHM> is set.
type checksumXML struct {
	ChecksumCRC32     string `xml:",omitempty"`
	ChecksumCRC32C    string `xml:",omitempty"`
	ChecksumCRC64NVME string `xml:",omitempty"`
	ChecksumSHA1      string `xml:",omitempty"`
	ChecksumSHA256    string `xml:",omitempty"`
	ChecksumSHA512    string `xml:",omitempty"`
	ChecksumType      string `xml:",omitempty"`
}

// setXMLChecksum sets the element of c's algorithm and the type.
func setXMLChecksum(x *checksumXML, c s3Checksum) {
	if c.algorithm == "" {
		return
	}
	*x.field(c.algorithm) = c.value
	x.ChecksumType = c.typ
}

// field returns the element of an algorithm.
func (x *checksumXML) field(algorithm string) *string {
	switch algorithm {
	case "CRC32":
		return &x.ChecksumCRC32
	case "CRC32C":
		return &x.ChecksumCRC32C
	case "CRC64NVME":
		return &x.ChecksumCRC64NVME
	case "SHA1":
		return &x.ChecksumSHA1
	case "SHA256":
		return &x.ChecksumSHA256
	}
	return &x.ChecksumSHA512
}

// readS3XMLBody reads the XML body of a request (readS3Payload), keeps it
// for the request log, and decodes it into v (decodeS3XML). An optional
// body that is empty or white space leaves v as it is.
func readS3XMLBody(c *s3Call, v any, optional bool) *s3Error {
	p, err := readS3Payload(c.r, c.auth, maxS3XMLBody, true)
	if err != nil {
		return err
	}
	c.recordedBody = p.data
	if optional && len(strings.TrimSpace(string(p.data))) == 0 {
		return nil
	}
	return decodeS3XML(p.data, v)
}

// decodeS3XML decodes an XML request body into v; a body that does not
// decode, or holds more than one document, is MalformedXML.
func decodeS3XML(body []byte, v any) *s3Error {
	d := xml.NewDecoder(bytes.NewReader(body))
	if err := d.Decode(v); err != nil {
		return errMalformedXML()
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return errMalformedXML()
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return errMalformedXML()
			}
		case xml.Comment, xml.ProcInst, xml.Directive:
		default:
			return errMalformedXML()
		}
	}
}
