/// Reading scalars straight from a `String`'s UTF-8 (which Swift keeps valid), for the clean stage's byte-level
/// passes: no `Unicode.Scalar` array, no `String` per step.
enum UTF8Scalars {
    /// The scalar value starting at `offset` and its length in bytes; `offset` must start a scalar.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        let value = UInt32(lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
        return (value, 4)
    }
}

extension UTF8Scalars {
    /// Whether `bytes` are well-formed UTF-8 (Unicode Table 3-7: no overlong forms, surrogates or values above
    /// U+10FFFF), so they can be kept as they are where `String(cString:)` would repair them. The one validator
    /// is ``UTF8Validation``.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { UTF8Validation.scan(bytes, rejectingNUL: false) != nil }
}
