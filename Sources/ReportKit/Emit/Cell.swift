/// One value in a published table, formatted the same way in CSV and JSON Lines.
public enum Cell: Sendable, Equatable {
    case string(String?)
    case integer(Int?)
    case number(Double?)
    case list([String])

    /// The CSV text: lists joined by `;`, null as an empty cell, numbers in their shortest exact form.
    var csvText: String {
        switch self {
        case .string(let value): value ?? ""
        case .integer(let value): value.map(String.init) ?? ""
        case .number(let value): value.map(Cell.format) ?? ""
        case .list(let values): values.joined(separator: ";")
        }
    }

    /// The JSON text of the value.
    var jsonText: String {
        switch self {
        case .string(let value): value.map(Cell.jsonString) ?? "null"
        case .integer(let value): value.map(String.init) ?? "null"
        case .number(let value): value.map(Cell.format) ?? "null"
        case .list(let values): "[" + values.map(Cell.jsonString).joined(separator: ",") + "]"
        }
    }

    /// Integers without a decimal point (`44798800`), other values in Swift's shortest round-trip form (`97.45`):
    /// for a finite value `description`, the text `"\(value)"` gives, without the interpolation's buffer (about
    /// half the cost); the interpolation writes a NaN's sign and payload, which `description` leaves out.
    static func format(_ value: Double) -> String {
        if let integer = integral(value) { return String(integer) }
        return value.isFinite ? value.description : "\(value)"
    }

    /// The integer ``format(_:)`` writes `value` as, or nil when it writes a decimal form.
    @inline(__always) static func integral(_ value: Double) -> Int64? {
        value == value.rounded() && abs(value) < 1e15 ? Int64(value) : nil
    }

    /// A JSON string literal; non-ASCII stays as UTF-8, control characters are escaped.
    static func jsonString(_ value: String) -> String {
        var bytes: [UInt8] = []
        RowBytes.appendJSONString(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
