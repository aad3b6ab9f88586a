/// A column's value: the field's kind and how to read it from a row. The kind lets ``TableRowWriter`` append
/// the value straight to bytes, without wrapping it in a ``Cell`` (and without building a `mention_id` String);
/// ``cell(of:)`` is the same value as a ``Cell``, which the generic writers, the definition of the bytes, write.
enum ColumnField<Row>: Sendable {
    case string(@Sendable (Row) -> String?)
    case integer(@Sendable (Row) -> Int?)
    case number(@Sendable (Row) -> Double?)
    case list(@Sendable (Row) -> [String])
    /// `"\(prefix)-\(number)"`: a `mention_id`.
    case hyphenated(@Sendable (Row) -> String, @Sendable (Row) -> Int)

    /// The case, without its closures: what a ``DirectTableRow``'s cells are checked against in debug builds.
    enum Kind { case string, integer, number, list, hyphenated }

    var kind: Kind {
        switch self {
        case .string: .string
        case .integer: .integer
        case .number: .number
        case .list: .list
        case .hyphenated: .hyphenated
        }
    }

    func cell(of row: Row) -> Cell {
        switch self {
        case .string(let value): .string(value(row))
        case .integer(let value): .integer(value(row))
        case .number(let value): .number(value(row))
        case .list(let values): .list(values(row))
        case .hyphenated(let prefix, let number): .string(RowBytes.hyphenated(prefix(row), number(row)))
        }
    }

    /// The value of `row` in both formats: the bytes ``Cell/append(csv:json:)`` writes for ``cell(of:)``.
    @inline(__always) func append(_ row: Row, csv: inout ByteBuffer, json: inout ByteBuffer) {
        switch self {
        case .string(let value):
            if let value = value(row) {
                RowBytes.appendCSVAndJSON(value, csv: &csv, json: &json)
            } else {
                Cell.string(nil).append(csv: &csv, json: &json)
            }
        case .integer(let value): Cell.integer(value(row)).append(csv: &csv, json: &json)
        case .number(let value): Cell.number(value(row)).append(csv: &csv, json: &json)
        case .list(let values): Cell.list(values(row)).append(csv: &csv, json: &json)
        case .hyphenated(let prefix, let number):
            RowBytes.withHyphenated(prefix(row), number(row)) { RowBytes.appendCSVAndJSON($0, csv: &csv, json: &json) }
        }
    }
}
