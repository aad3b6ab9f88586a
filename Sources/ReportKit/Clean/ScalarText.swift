/// Byte-level text helpers for cleaning. Appending to `String.UnicodeScalarView` one scalar at a time is slow;
/// encoding UTF-8 into a byte buffer and decoding it once is several times faster (see also `String(scalars:)`).
enum ScalarText {
    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (value >> 18)))
            out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Whether UTF-8 `bytes` contain the ASCII byte pair `first`, `second` (such as `. `).
    static func containsPair(_ bytes: [UInt8], _ first: UInt8, _ second: UInt8) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 1..<bytes.count where bytes[index] == second && bytes[index - 1] == first { return true }
        return false
    }

    /// Splits text into lines on `\n` bytes (a line feed is always a grapheme of its own, so this equals
    /// splitting on the Character), dropping empty lines.
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: 0x0A).map { String(Substring($0)) }
    }
}
