/// Strings made from bytes the caller already knows are well-formed UTF-8 (pieces of a valid text cut at scalar
/// boundaries, or bytes a validating pass has just read), without the validation every other `String`
/// initialiser runs again: for a Chinese text that check costs several times the copy.
enum KnownValidUTF8 {
    /// The string of `bytes`, which must be well-formed UTF-8 (debug builds check it). Its ASCII flag is the one
    /// a validating initialiser would set, found by a scan that stops at the first byte above 0x7F.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { string(bytes, isASCII: isASCII(bytes)) }

    /// ``string(_:)`` when the caller knows whether every byte is ASCII.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        assert(UTF8Scalars.isValid(bytes), "KnownValidUTF8.string was given ill-formed UTF-8")
        assert(isASCII == Self.isASCII(bytes))
        guard !bytes.isEmpty else { return "" }
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``string(_:)`` of an array's bytes.
    static func string(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer(string) }

    /// Whether every byte is below 0x80: eight at a time, stopping at the first word that holds another.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
