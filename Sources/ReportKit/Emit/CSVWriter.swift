import Foundation

/// Writes RFC 4180 CSV: UTF-8 without BOM, a header row, `\n` line endings (declared in
/// `datapackage.json`), and fields quoted when they hold a comma, quote, CR or LF (quotes doubled).
///
/// ```swift
/// CSVWriter.field("a,\"b\"")  // "\"a,\"\"b\"\"\""
/// ```
public enum CSVWriter {
    public static func render<Row>(_ rows: [Row], schema: TableSchema<Row>) -> String {
        header(schema) + rows.map { line($0, schema: schema) }.joined()
    }

    static func header<Row>(_ schema: TableSchema<Row>) -> String {
        schema.columns.map { field($0.name) }.joined(separator: ",") + "\n"
    }

    static func line<Row>(_ row: Row, schema: TableSchema<Row>) -> String {
        var bytes: [UInt8] = []
        appendLine(row, schema: schema, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One row and its line break, appended as UTF-8.
    static func appendLine<Row>(_ row: Row, schema: TableSchema<Row>, to out: inout [UInt8]) {
        schema.cells.withUnsafeBufferPointer { cells in
            for position in cells.indices {
                if position > 0 { out.append(0x2C) }
                cells[position](row).appendCSV(to: &out)
            }
        }
        out.append(0x0A)
    }

    public static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        RowBytes.appendCSVField(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Writes JSON Lines: one JSON object per line, keys in the table's column order, UTF-8.
public enum JSONLinesWriter {
    public static func render<Row>(_ rows: [Row], schema: TableSchema<Row>, extra: ((Row) -> [(String, Cell)])? = nil) -> String {
        rows.map { line($0, schema: schema, extra: extra) }.joined()
    }

    static func line<Row>(_ row: Row, schema: TableSchema<Row>, extra: ((Row) -> [(String, Cell)])? = nil) -> String {
        var bytes: [UInt8] = []
        appendLine(row, schema: schema, extra: extra, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One object and its line break, appended as UTF-8.
    static func appendLine<Row>(_ row: Row, schema: TableSchema<Row>, extra: ((Row) -> [(String, Cell)])? = nil, to out: inout [UInt8]) {
        out.append(0x7B)
        var first = true
        func append(_ name: String, _ cell: Cell) {
            if !first { out.append(0x2C) }
            first = false
            RowBytes.appendJSONString(name, to: &out)
            out.append(0x3A)
            cell.appendJSON(to: &out)
        }
        schema.cells.withUnsafeBufferPointer { cells in
            schema.jsonKeys.withUnsafeBufferPointer { keys in
                for position in cells.indices {
                    if position > 0 { out.append(0x2C) }
                    out.append(contentsOf: keys[position])
                    cells[position](row).appendJSON(to: &out)
                }
            }
        }
        first = schema.cells.isEmpty
        if let extra { for (name, cell) in extra(row) { append(name, cell) } }
        out.append(contentsOf: [0x7D, 0x0A])
    }

    /// Encodes Codable records (findings, rejections) with sorted keys, one per line.
    public static func encode<T: Encodable>(_ records: [T]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }
}
