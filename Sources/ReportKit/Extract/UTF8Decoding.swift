/// The scalars of a String decoded straight from its UTF-8 (which Swift keeps valid), for the extract and
/// validate stages. `String.UnicodeScalarView`'s iterator costs about 40 instructions per scalar here; the
/// byte loop below a fraction of that, and it can note each scalar's UTF-8 offset on the way.
extension ScalarText {
    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 in one pass.
    static func decodedScalars(_ text: String) -> [Unicode.Scalar] {
        decode(text, offsets: false).scalars
    }

    /// `Array(text.unicodeScalars)` and where each scalar starts in the UTF-8, followed by the UTF-8 length
    /// (so `utf8Offsets` has one entry more than `scalars`).
    static func decodedScalarsWithOffsets(_ text: String) -> (scalars: [Unicode.Scalar], utf8Offsets: [Int32]) {
        decode(text, offsets: true)
    }

    @inline(__always)
    private static func decode(_ text: String, offsets wantsOffsets: Bool) -> (scalars: [Unicode.Scalar], utf8Offsets: [Int32]) {
        var text = text
        return text.withUTF8 { bytes in
            var offsets: [Int32] = []
            // A scalar takes at least one byte: the UTF-8 length is never too small a capacity.
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                count = 0
                var offset = 0
                let end = bytes.count
                while offset < end {
                    let lead = bytes[offset]
                    let value: UInt32
                    let length: Int
                    if lead < 0x80 {
                        (value, length) = (UInt32(lead), 1)
                    } else {
                        (value, length) = UTF8Scalars.decode(bytes, at: offset)
                    }
                    buffer[count] = Unicode.Scalar(validValue: value)
                    count += 1
                    offset += length
                }
            }
            if wantsOffsets {
                offsets = [Int32](unsafeUninitializedCapacity: scalars.count + 1) { buffer, count in
                    var offset = 0
                    for index in scalars.indices {
                        buffer[index] = Int32(truncatingIfNeeded: offset)
                        offset += UTF8.width(scalars[index])
                    }
                    buffer[scalars.count] = Int32(truncatingIfNeeded: offset)
                    count = scalars.count + 1
                }
            }
            return (scalars, offsets)
        }
    }
}

extension Unicode.Scalar {
    /// A scalar from a value known to be one (decoded from valid UTF-8), without the failable check.
    @inline(__always)
    init(validValue value: UInt32) {
        self = unsafeBitCast(value, to: Unicode.Scalar.self)
    }
}
