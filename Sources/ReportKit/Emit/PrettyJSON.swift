/// A JSON value printed the way `JSONSerialization` prints with `.sortedKeys`, `.prettyPrinted` and
/// `.withoutEscapingSlashes` (two-space indent, `"key" : value`), but written to a stream: provenance lists
/// every input, and building it as one `[String: Any]` tree held over a kilobyte per input at once.
indirect enum PrettyJSON {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case array([PrettyJSON])
    /// Members in any order; they are printed sorted by key.
    case object([String: PrettyJSON])
    /// ``object(_:)`` as a list of distinct keys: no dictionary to build (provenance makes one per input).
    case members([(key: String, value: PrettyJSON)])
    /// An array whose elements are made one at a time, as they are written.
    case lazyArray(count: Int, element: (Int) -> PrettyJSON)

    /// Writes the value at `indent` levels; `flush` is called whenever the buffer grows past 1 MB.
    func write(to out: inout [UInt8], indent: Int = 0, flush: (inout [UInt8]) throws -> Void) rethrows {
        switch self {
        case .string(let value): RowBytes.appendJSONString(value, to: &out)
        case .integer(let value): RowBytes.appendDecimal(Int64(value), to: &out)
        case .number(let value): out.append(contentsOf: Cell.format(value).utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let values):
            try Self.writeArray(count: values.count, element: { values[$0] }, to: &out, indent: indent, flush: flush)
        case .lazyArray(let count, let element):
            try Self.writeArray(count: count, element: element, to: &out, indent: indent, flush: flush)
        case .object(let members): try Self.writeObject(Array(members), to: &out, indent: indent, flush: flush)
        case .members(let members): try Self.writeObject(members, to: &out, indent: indent, flush: flush)
        }
    }

    /// The members sorted by key (sorting pairs: sorting a dictionary's keys and looking each up again hashed
    /// every key once more).
    private static func writeObject(
        _ members: [(key: String, value: PrettyJSON)], to out: inout [UInt8], indent: Int, flush: (inout [UInt8]) throws -> Void
    ) rethrows {
        out.append(0x7B)
        out.append(0x0A)
        let sorted = members.sorted { $0.key < $1.key }
        if sorted.isEmpty { out.append(0x0A) }
        for (position, member) in sorted.enumerated() {
            appendIndent(indent + 1, to: &out)
            RowBytes.appendJSONString(member.key, to: &out)
            out.append(0x20, 0x3A)  // " : "
            out.append(0x20)
            try member.value.write(to: &out, indent: indent + 1, flush: flush)
            if position + 1 < sorted.count { out.append(0x2C) }
            out.append(0x0A)
        }
        appendIndent(indent, to: &out)
        out.append(0x7D)
    }

    private static func writeArray(
        count: Int, element: (Int) -> PrettyJSON, to out: inout [UInt8], indent: Int, flush: (inout [UInt8]) throws -> Void
    ) rethrows {
        out.append(0x5B)
        out.append(0x0A)
        if count == 0 { out.append(0x0A) }
        for index in 0..<count {
            appendIndent(indent + 1, to: &out)
            try element(index).write(to: &out, indent: indent + 1, flush: flush)
            if index + 1 < count { out.append(0x2C) }
            out.append(0x0A)
            if out.count >= 1 << 20 { try flush(&out) }
        }
        appendIndent(indent, to: &out)
        out.append(0x5D)
    }

    private static func appendIndent(_ level: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: level * 2))
    }
}
