import Foundation

/// Appends rows of one table to its CSV and its JSON Lines bytes together, cell by cell (walking the schema's
/// fields, ``append(_:)``, or as a ``DirectTableRow`` writes itself), with exactly the bytes of
/// ``CSVWriter/appendLine(_:schema:to:)`` and ``JSONLinesWriter/appendLine(_:schema:extra:to:)`` (they are the
/// definition; `TableRowWriterTests` compares). It is the writer for the tables with many rows
/// per report, and cheaper: each cell is read once for both formats, not once per format; numbers are
/// written as digits without a String; and in a column that ``TableSchema/Column/repeats`` (a claim's
/// sentence, about 450 bytes, shared by the claims in it) a value equal to the previous row's is neither
/// scanned and escaped again nor stored again: a ``ByteSplice`` points back at the bytes escaped for that row.
struct TableRowWriter<Row>: ~Copyable {
    /// The rows so far, in ``ByteBuffer``s (a row is some forty appends of a few bytes each), without the
    /// repeated cells that ``csvSplices`` and ``jsonSplices`` put back.
    private(set) var csvBuffer: ByteBuffer, jsonBuffer: ByteBuffer
    /// Where the rows repeat earlier cells, in order.
    private(set) var csvSplices: [ByteSplice] = [], jsonSplices: [ByteSplice] = []
    private let fields: [ColumnField<Row>]
    /// Each column's JSON key with what goes before it (``JSONMemberPrefixes``), read through plain pointers.
    private let prefixes: JSONMemberPrefixes
    private let prefixBytes: UnsafePointer<UInt8>, prefixStarts: UnsafePointer<Int>
    private let repeating: [Bool]
    /// The column of the next cell in the row being written.
    private var column = 0
    /// The last value of each repeating column and where its escaped bytes lie in the buffers, in the order of
    /// ``TableSchema/memoSlots``.
    private var memos: [Memo]
    private let memoSlots: [Int]
    /// The last value over 15 bytes that ``isClean(_:_:)`` found to need neither quotes nor an escape, with where
    /// its bytes lie. Held, so that its storage stays its own: a value whose bytes lie there is this value.
    private var knownClean: (value: String, bytes: UnsafePointer<UInt8>, count: Int)? = nil

    private struct Memo {
        var value: String? = nil
        var csv: Range<Int> = 0..<0
        var json: JSONForm = .own(0..<0)
    }

    /// Where a repeating cell's JSON string lies. A value that needs no JSON escape holds no quote, CR or LF, so
    /// its CSV field is the value, in quotes when it holds a comma, and its JSON string is the value in quotes:
    /// then the JSON rows splice in the CSV bytes (``ByteSplice/fromCompanion``) and the value is stored once.
    private enum JSONForm {
        /// Escaped in the JSON buffer.
        case own(Range<Int>)
        /// The CSV field, between two quotes of its own.
        case csvInQuotes
        /// The CSV field as it is (quoted for its commas).
        case csvQuoted
    }

    /// `rows`, when known, sizes the buffers up front: growing them by doubling copied each table's bytes about
    /// once more. A metrics row is some 330 bytes of CSV and 540 of JSON, a term row less; a guess that falls
    /// short only grows.
    init(_ schema: TableSchema<Row>, rows: Int = 0) {
        csvBuffer = ByteBuffer(capacity: 384 * rows)
        jsonBuffer = ByteBuffer(capacity: 640 * rows)
        fields = schema.fields
        prefixes = schema.memberPrefixes
        (prefixBytes, prefixStarts) = (UnsafePointer(prefixes.bytes), UnsafePointer(prefixes.starts))
        repeating = schema.repeating
        memos = Array(repeating: Memo(), count: schema.repeating.count { $0 })
        memoSlots = schema.memoSlots
        if schema.repeating.contains(true) {  // at most a splice per row
            csvSplices.reserveCapacity(rows)
            jsonSplices.reserveCapacity(rows)
        }
    }

    /// The CSV lines so far.
    var csv: [UInt8] { csvBuffer.withAllBytes { ByteSplice.expanded(UnsafeRawBufferPointer($0), splices: csvSplices) } }
    /// The JSON Lines so far.
    var json: [UInt8] {
        csvBuffer.withAllBytes { csv in
            jsonBuffer.withAllBytes {
                ByteSplice.expanded(UnsafeRawBufferPointer($0), companion: UnsafeRawBufferPointer(csv), splices: jsonSplices)
            }
        }
    }

    /// One row: a CSV line and a JSON object line, walking the schema's fields (the reference for the rows that
    /// write their own cells, ``DirectTableRow``).
    mutating func append(_ row: Row) {
        let fields = fields, repeating = repeating
        fields.withUnsafeBufferPointer { fields in
            for position in fields.indices {
                switch fields[position] {
                case .string(let value):
                    if repeating[position], let value = value(row) { repeatedString(value) } else { string(value(row)) }
                case .integer(let value): integer(value(row))
                case .number(let value): number(value(row))
                case .list(let values): list(values(row))
                case .hyphenated(let prefix, let number): hyphenated(prefix(row), number(row))
                }
            }
        }
        endRow()
    }

    // MARK: Cells, in column order, then ``endRow()``

    /// Starts the next cell: a comma in CSV, and in JSON the column's key after `{` or a comma. In debug builds,
    /// checks that the cell is of the kind the schema declares for the column.
    @inline(__always) private mutating func beginCell(_ kind: ColumnField<Row>.Kind, repeated: Bool = false) {
        assert(column < fields.count && fields[column].kind == kind && repeating[column] == repeated, "cell \(column) is not the schema's")
        if column > 0 { csvBuffer.append(0x2C) }
        let start = prefixStarts[column]
        jsonBuffer.appendBytes(UnsafeBufferPointer(start: prefixBytes + start, count: prefixStarts[column &+ 1] &- start))
        column &+= 1
    }

    /// A string cell (``ColumnField/string``) of a column that does not repeat.
    mutating func string(_ value: String) {
        beginCell(.string)
        RowBytes.appendCSVAndJSON(value, csv: &csvBuffer, json: &jsonBuffer)
    }

    mutating func string(_ value: String?) {
        guard let value else {
            beginCell(.string)
            return RowBytes.appendNull(json: &jsonBuffer)
        }
        string(value)
    }

    /// A string cell whose value is usually the previous row's String (the report id in every row of a report):
    /// the bytes of the same String are not scanned again (``isClean(_:_:)``).
    mutating func recurringString(_ value: String) {
        beginCell(.string)
        let written = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard isClean(value, bytes) else { return false }
            RowBytes.appendClean(bytes, csv: &csvBuffer, json: &jsonBuffer)
            return true
        }
        if written != true { RowBytes.appendCSVAndJSON(value, csv: &csvBuffer, json: &jsonBuffer) }
    }

    /// Whether `bytes`, `value`'s own contiguous bytes (never a copy), need neither CSV quotes nor a JSON escape.
    /// A value over 15 bytes (a small String's bytes are copied out of it, anywhere) whose bytes lie where
    /// ``knownClean``'s do is that String, which was found clean: its scan is skipped.
    @inline(__always) private mutating func isClean(_ value: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let knownClean, knownClean.bytes == bytes.baseAddress, knownClean.count == bytes.count { return true }
        guard RowBytes.cleanPrefix(bytes) == bytes.count else { return false }
        if bytes.count > 15, let base = bytes.baseAddress { knownClean = (value, base, bytes.count) }
        return true
    }

    /// A string cell of a column that ``TableSchema/Column/repeats``.
    mutating func repeatedString(_ value: String) {
        beginCell(.string, repeated: true)
        appendRepeating(value, column: column &- 1)
    }

    mutating func integer(_ value: Int?) {
        beginCell(.integer)
        guard let value else { return RowBytes.appendNull(json: &jsonBuffer) }
        RowBytes.appendInteger(value, csv: &csvBuffer, json: &jsonBuffer)
    }

    mutating func number(_ value: Double?) {
        beginCell(.number)
        guard let value else { return RowBytes.appendNull(json: &jsonBuffer) }
        RowBytes.appendNumber(value, csv: &csvBuffer, json: &jsonBuffer)
    }

    mutating func list(_ values: [String]) {
        beginCell(.list)
        Cell.list(values).appendCSV(to: &csvBuffer)
        Cell.list(values).appendJSON(to: &jsonBuffer)
    }

    /// `"\(prefix)-\(number)"` (``ColumnField/hyphenated``). The hyphen and the digits never need quotes or an
    /// escape (nor complete a U+2028 begun in the prefix), so the cell needs them exactly when its prefix does; a
    /// clean prefix (a report id always is) is written with the digits as they are, without building the value.
    mutating func hyphenated(_ prefix: String, _ number: Int) {
        beginCell(.hyphenated)
        let written = prefix.utf8.withContiguousStorageIfAvailable { head -> Bool in
            guard isClean(prefix, head) else { return false }
            RowBytes.withDecimal(Int64(number)) { digits in
                csvBuffer.appendBytes(head)
                csvBuffer.append(0x2D)
                csvBuffer.appendBytes(digits)
                jsonBuffer.append(0x22)
                jsonBuffer.appendBytes(head)
                jsonBuffer.append(0x2D)
                jsonBuffer.appendBytes(digits)
                jsonBuffer.append(0x22)
            }
            return true
        }
        if written != true { RowBytes.withHyphenated(prefix, number) { RowBytes.appendCSVAndJSON($0, csv: &csvBuffer, json: &jsonBuffer) } }
    }

    /// Ends the row: its line breaks (and `}` in JSON).
    mutating func endRow() {
        assert(column == fields.count, "a row wrote \(column) of \(fields.count) cells")
        column = 0
        csvBuffer.append(0x0A)
        jsonBuffer.append(0x7D, 0x0A)
    }

    /// A string cell of a repeating column: escaped and stored once, then spliced in while the rows repeat it.
    /// A string cell of a repeating column: escaped and stored once, then spliced in while the rows repeat it.
    private mutating func appendRepeating(_ value: String, column: Int) {
        let slot = memoSlots[column]
        if let previous = memos[slot].value, Self.sameBytes(previous, value) {
            let memo = memos[slot]
            csvSplices.append(ByteSplice(at: csvBuffer.count, source: memo.csv))
            appendJSONSplice(of: memo)
            return
        }
        let csvStart = csvBuffer.count, jsonStart = jsonBuffer.count
        let shared: JSONForm? = RowBytes.withUTF8(of: value) { bytes in
            let clean = RowBytes.cleanPrefix(bytes)
            guard !bytes.isEmpty, RowBytes.needsNoJSONEscape(bytes, from: clean) else { return nil }
            if clean == bytes.count {
                csvBuffer.appendBytes(bytes)
                return .csvInQuotes
            }
            csvBuffer.append(0x22)  // only commas need the quotes: none to double
            csvBuffer.appendBytes(bytes)
            csvBuffer.append(0x22)
            return .csvQuoted
        }
        if let shared {
            memos[slot] = Memo(value: value, csv: csvStart..<csvBuffer.count, json: shared)
            appendJSONSplice(of: memos[slot])
        } else {
            RowBytes.appendCSVAndJSON(value, csv: &csvBuffer, json: &jsonBuffer)
            memos[slot] = Memo(value: value, csv: csvStart..<csvBuffer.count, json: .own(jsonStart..<jsonBuffer.count))
        }
    }

    /// The JSON string of a memo's value, as a splice of its stored bytes.
    private mutating func appendJSONSplice(of memo: Memo) {
        switch memo.json {
        case .own(let json):
            jsonSplices.append(ByteSplice(at: jsonBuffer.count, source: json))
        case .csvQuoted:
            jsonSplices.append(ByteSplice(at: jsonBuffer.count, source: memo.csv, fromCompanion: true))
        case .csvInQuotes:
            jsonBuffer.append(0x22)
            jsonSplices.append(ByteSplice(at: jsonBuffer.count, source: memo.csv, fromCompanion: true))
            jsonBuffer.append(0x22)
        }
    }

    /// Whether two strings hold the same UTF-8 bytes. Not `==`, which holds canonically equivalent strings
    /// equal even when their bytes (and so their published cells) differ. Claims of one sentence share its
    /// storage, so the common answer is the pointer test.
    static func sameBytes(_ left: String, _ right: String) -> Bool {
        let (left, right) = (left.utf8, right.utf8)
        guard left.count == right.count else { return false }
        let compared = left.withContiguousStorageIfAvailable { leftBytes in
            right.withContiguousStorageIfAvailable { rightBytes -> Bool in
                guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else { return true }
                return leftBase == rightBase || memcmp(leftBase, rightBase, leftBytes.count) == 0
            }
        }
        return (compared ?? nil) ?? left.elementsEqual(right)
    }
}

extension Cell {
    /// A cell in both formats, as ``Cell/appendCSV(to:)`` and ``Cell/appendJSON(to:)`` write it.
    func append(csv: inout ByteBuffer, json: inout ByteBuffer) {
        switch self {
        case .string(let value?): RowBytes.appendCSVAndJSON(value, csv: &csv, json: &json)
        case .integer(let value?): RowBytes.appendInteger(value, csv: &csv, json: &json)
        case .number(let value?): RowBytes.appendNumber(value, csv: &csv, json: &json)
        case .string(nil), .integer(nil), .number(nil): RowBytes.appendNull(json: &json)
        case .list:
            appendCSV(to: &csv)
            appendJSON(to: &json)
        }
    }
}

extension RowBytes {
    /// A null cell in both formats: an empty CSV field and `null`.
    @inline(__always) static func appendNull(json: inout ByteBuffer) {
        json.append(0x6E, 0x75)
        json.append(0x6C, 0x6C)
    }

    /// An integer cell in both formats: its digits, written once and copied.
    @inline(__always) static func appendInteger(_ value: Int, csv: inout ByteBuffer, json: inout ByteBuffer) {
        withDecimal(Int64(value)) { digits in
            csv.appendBytes(digits)
            json.appendBytes(digits)
        }
    }

    /// A number cell in both formats (``appendNumber(_:to:)``), written once and copied.
    @inline(__always) static func appendNumber(_ value: Double, csv: inout ByteBuffer, json: inout ByteBuffer) {
        let start = csv.count
        appendNumber(value, to: &csv)
        csv.withBytes(in: start..<csv.count) { json.appendBytes($0) }
    }
}
