/// Appends table cells as UTF-8 bytes: CSV fields and JSON literals without building intermediate Strings.
/// Emit renders every row of every report; doing it on bytes keeps it off the profile.
enum RowBytes {
    /// A CSV field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
    static func appendCSVField<Out: ByteSink & ~Copyable>(_ value: String, to out: inout Out) {
        withUTF8(of: value) { appendCSVField($0, cleanPrefix: 0, to: &out) }
    }

    /// A CSV field of UTF-8 bytes whose first `cleanPrefix` bytes are known to need no quotes.
    static func appendCSVField<Out: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, cleanPrefix: Int, to out: inout Out) {
        guard ByteScan.firstIndex(in: bytes, from: cleanPrefix, CSVSpecialBytes.self) < bytes.count else {
            out.appendBytes(bytes)
            return
        }
        out.append(0x22)
        var runStart = 0
        var index = cleanPrefix  // the clean prefix holds no quote
        while true {
            index = ByteScan.firstIndex(in: bytes, from: index, QuoteByte.self)
            guard index < bytes.count else { break }
            out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart...index]))
            runStart = index  // the quote is written again: doubled
            index += 1
        }
        out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        out.append(0x22)
    }

    /// A JSON string literal; non-ASCII stays as UTF-8, control characters and U+2028/U+2029 are escaped.
    /// Runs of bytes that need no escape are copied whole.
    static func appendJSONString<Out: ByteSink & ~Copyable>(_ value: String, to out: inout Out) {
        withUTF8(of: value) { appendJSONString($0, cleanPrefix: 0, to: &out) }
    }

    /// A JSON string literal of UTF-8 bytes whose first `cleanPrefix` bytes are known to need no escape.
    static func appendJSONString<Out: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, cleanPrefix: Int, to out: inout Out) {
        out.append(0x22)
        let count = bytes.count
        var runStart = 0
        var index = cleanPrefix
        while index < count {
            // Skip to the next byte that needs an escape (0xE2 only where a line separator begins).
            index = ByteScan.firstEscape(in: bytes, from: index, JSONSpecialBytes.self)
            guard index < count else { break }
            let byte = bytes[index]
            out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case 0x22: out.append(0x5C, 0x22)
            case 0x5C: out.append(0x5C, 0x5C)
            case 0x0A: out.append(0x5C, 0x6E)
            case 0x0D: out.append(0x5C, 0x72)
            case 0x09: out.append(0x5C, 0x74)
            case 0xE2:
                appendUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                index += 2
            default: appendUnicodeEscape(UInt32(byte), to: &out)
            }
            index += 1
            runStart = index
        }
        out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(0x22)
    }

    /// Whether U+2028 or U+2029 (E2 80 A8/A9) starts at `index`.
    @inline(__always) static func isLineSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
    }

    /// `value` as a CSV field and as a JSON string literal, the bytes of ``appendCSVField(_:to:)`` and
    /// ``appendJSONString(_:to:)``. Most cells need neither quotes nor an escape: one scan then tells both, and
    /// otherwise each writer scans on from where that scan stopped.
    static func appendCSVAndJSON<CSV: ByteSink & ~Copyable, JSON: ByteSink & ~Copyable>(
        _ value: String, csv: inout CSV, json: inout JSON
    ) {
        withUTF8(of: value) { appendCSVAndJSON($0, csv: &csv, json: &json) }
    }

    /// UTF-8 `bytes` as a CSV field and as a JSON string literal (``appendCSVAndJSON(_:csv:json:)``).
    static func appendCSVAndJSON<CSV: ByteSink & ~Copyable, JSON: ByteSink & ~Copyable>(
        _ bytes: UnsafeBufferPointer<UInt8>, csv: inout CSV, json: inout JSON
    ) {
        let clean = cleanPrefix(bytes)
        if clean == bytes.count {
            appendClean(bytes, csv: &csv, json: &json)
        } else {
            appendCSVField(bytes, cleanPrefix: clean, to: &csv)
            appendJSONString(bytes, cleanPrefix: clean, to: &json)
        }
    }

    /// UTF-8 `bytes` that need neither CSV quotes nor a JSON escape (``cleanPrefix(_:)`` is their count): as they
    /// are in CSV, between quotes in JSON.
    @inline(__always) static func appendClean<CSV: ByteSink & ~Copyable, JSON: ByteSink & ~Copyable>(
        _ bytes: UnsafeBufferPointer<UInt8>, csv: inout CSV, json: inout JSON
    ) {
        csv.appendBytes(bytes)
        json.append(0x22)
        json.appendBytes(bytes)
        json.append(0x22)
    }

    /// How many leading bytes need neither CSV quotes nor a JSON escape (0xE2 only where a line separator starts).
    static func cleanPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        ByteScan.firstEscape(in: bytes, from: 0, CellSpecialBytes.self)
    }

    /// Whether no byte from `start` on needs a JSON escape (``appendJSONString(_:cleanPrefix:to:)`` would copy them).
    static func needsNoJSONEscape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        ByteScan.firstEscape(in: bytes, from: start, JSONSpecialBytes.self) == bytes.count
    }

    /// `\uXXXX` with lowercase hex digits.
    static func appendUnicodeEscape<Out: ByteSink & ~Copyable>(_ value: UInt32, to out: inout Out) {
        out.append(0x5C, 0x75)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: (value >> UInt32(shift)) & 0xF)
            out.append(digit < 10 ? 0x30 + digit : 0x57 + digit)  // 0-9, a-f
        }
    }

    static func appendASCII<Out: ByteSink & ~Copyable>(_ text: String, to out: inout Out) {
        out.appendUTF8(text)
    }

    /// The digits of `String(value)`, written without building the String.
    static func appendDecimal<Out: ByteSink & ~Copyable>(_ value: Int64, to out: inout Out) {
        withDecimal(value) { out.appendBytes($0) }
    }

    /// Calls `body` with the UTF-8 bytes of `String(value)`, in a temporary buffer: the one digit writer of the
    /// row writers, the `mention_id` writer and the quality-flag list.
    @inline(__always) static func withDecimal<Result>(_ value: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var magnitude = value.magnitude
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = 0x2D
            }
            return body(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Calls `body` with the UTF-8 bytes of `value`, in place when the String holds them contiguously (native
    /// Strings do). Not `String.withUTF8`, which is mutating: the copy it needs costs a retain and a release a cell.
    @inline(__always) static func withUTF8<Result>(of value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        var value = value
        return value.withUTF8(body)
    }

    /// `"\(prefix)-\(number)"` (a `mention_id`), built on bytes: the interpolation cost a thousand
    /// instructions a row.
    static func hyphenated(_ prefix: String, _ number: Int) -> String {
        var prefix = prefix
        return prefix.withUTF8 { head in
            String(unsafeUninitializedCapacity: head.count + 21) { writeHyphenated(head, number, to: $0) }
        }
    }

    /// The UTF-8 bytes of ``hyphenated(_:_:)``, in a temporary buffer: rows write them without the String.
    static func withHyphenated<Result>(_ prefix: String, _ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var prefix = prefix
        return prefix.withUTF8 { head in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: head.count + 21) { out in
                body(UnsafeBufferPointer(rebasing: out[..<writeHyphenated(head, number, to: out)]))
            }
        }
    }

    /// Writes `head`, a hyphen and the digits of `number` at the start of `out` (room for `head` and 21 bytes);
    /// returns how many bytes it wrote.
    private static func writeHyphenated(_ head: UnsafeBufferPointer<UInt8>, _ number: Int, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        if let source = head.baseAddress, let target = out.baseAddress { target.update(from: source, count: head.count) }
        var count = head.count
        out[count] = 0x2D
        count += 1
        withDecimal(Int64(number)) { digits in
            if let source = digits.baseAddress, let target = out.baseAddress { (target + count).update(from: source, count: digits.count) }
            count += digits.count
        }
        return count
    }

    /// ``Cell/format(_:)`` of `value`, with integral values written as digits without a String.
    static func appendNumber<Out: ByteSink & ~Copyable>(_ value: Double, to out: inout Out) {
        if let integer = Cell.integral(value) { appendDecimal(integer, to: &out) } else { appendASCII(Cell.format(value), to: &out) }
    }
}

extension Cell {
    /// ``csvText`` as a CSV field.
    func appendCSV<Out: ByteSink & ~Copyable>(to out: inout Out) {
        switch self {
        case .string(let value): if let value { RowBytes.appendCSVField(value, to: &out) }
        case .integer(let value): if let value { RowBytes.appendASCII(String(value), to: &out) }
        case .number(let value): if let value { RowBytes.appendASCII(Cell.format(value), to: &out) }
        case .list(let values): RowBytes.appendCSVField(values.joined(separator: ";"), to: &out)
        }
    }

    /// ``jsonText`` as bytes.
    func appendJSON<Out: ByteSink & ~Copyable>(to out: inout Out) {
        switch self {
        case .string(let value):
            if let value { RowBytes.appendJSONString(value, to: &out) } else { RowBytes.appendASCII("null", to: &out) }
        case .integer(let value): RowBytes.appendASCII(value.map(String.init) ?? "null", to: &out)
        case .number(let value): RowBytes.appendASCII(value.map(Cell.format) ?? "null", to: &out)
        case .list(let values):
            out.append(0x5B)
            for (position, item) in values.enumerated() {
                if position > 0 { out.append(0x2C) }
                RowBytes.appendJSONString(item, to: &out)
            }
            out.append(0x5D)
        }
    }
}
