/// `validation.jsonl` lines written on bytes. They must stay byte-identical to what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` wrote before (a published dataset does not change with the toolkit's
/// internals), which escapes a little differently from ``RowBytes/appendJSONString(_:to:)``: `\b` and `\f` in
/// short form, and U+2028/U+2029 left as they are. Encoding findings with `JSONEncoder` cost more than
/// rendering every other row of a report.
extension Finding {
    /// The finding as one JSON object and a line break; members in sorted key order, absent optionals left out.
    func appendJSONLine<Out: ByteSink & ~Copyable>(to out: inout Out) {
        out.append(0x7B)
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(0x2C) }
            first = false
            out.append(0x22)
            name.withUTF8Buffer { out.appendBytes($0) }
            out.append(0x22, 0x3A)
        }
        func string(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            Self.appendEncoderString(value, to: &out)
        }
        func integer(_ name: StaticString, _ value: Int?) {
            guard let value else { return }
            key(name)
            RowBytes.appendDecimal(Int64(value), to: &out)
        }
        integer("char_end", charEnd)
        integer("char_start", charStart)
        string("field", field)
        string("message", message)
        string("metric_id", metricID)
        string("report_id", reportID)
        string("rule", rule)
        string("severity", severity.rawValue)
        string("snippet", snippet)
        string("source", source)
        out.append(0x7D, 0x0A)
    }

    /// A JSON string literal escaped as `JSONEncoder` escapes it. Runs that need no escape are found eight bytes
    /// at a time and copied whole.
    static func appendEncoderString<Out: ByteSink & ~Copyable>(_ value: String, to out: inout Out) {
        out.append(0x22)
        RowBytes.withUTF8(of: value) { bytes in
            var runStart = 0
            var index = 0
            while true {
                index = ByteScan.firstIndex(in: bytes, from: index, EncoderSpecialBytes.self)
                guard index < bytes.count else { break }
                let byte = bytes[index]
                out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                runStart = index
                switch byte {
                case 0x22: out.append(0x5C, 0x22)
                case 0x5C: out.append(0x5C, 0x5C)
                case 0x08: out.append(0x5C, 0x62)
                case 0x09: out.append(0x5C, 0x74)
                case 0x0A: out.append(0x5C, 0x6E)
                case 0x0C: out.append(0x5C, 0x66)
                case 0x0D: out.append(0x5C, 0x72)
                default: RowBytes.appendUnicodeEscape(UInt32(byte), to: &out)
                }
            }
            out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }
}

/// Bytes `JSONEncoder` escapes in a string: control characters, `"` and `\`.
enum EncoderSpecialBytes: ByteNeedles {
    static var below: UInt8 { 0x20 }
    static var packed: UInt32 { pack(0x22, 0x5C, 0x5C, 0x5C) }
    @inline(__always) static func isNeedle(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
    @inline(__always) static func inWord(_ word: UInt64) -> Bool {
        ByteScan.hasByte(below: 0x20, in: word) || ByteScan.has(0x22, in: word) || ByteScan.has(0x5C, in: word)
    }
}
