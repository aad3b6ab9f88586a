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
        schema.columns.map { field($0.value(row).csvText) }.joined(separator: ",") + "\n"
    }

    public static func field(_ value: String) -> String {
        let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Writes JSON Lines: one JSON object per line, keys in the table's column order, UTF-8.
public enum JSONLinesWriter {
    public static func render<Row>(_ rows: [Row], schema: TableSchema<Row>, extra: ((Row) -> [(String, Cell)])? = nil) -> String {
        rows.map { line($0, schema: schema, extra: extra) }.joined()
    }

    static func line<Row>(_ row: Row, schema: TableSchema<Row>, extra: ((Row) -> [(String, Cell)])? = nil) -> String {
        var pairs = schema.columns.map { ($0.name, $0.value(row)) }
        if let extra { pairs += extra(row) }
        return "{" + pairs.map { Cell.jsonString($0.0) + ":" + $0.1.jsonText }.joined(separator: ",") + "}\n"
    }

    /// Encodes Codable records (findings, rejections) with sorted keys, one per line.
    public static func encode<T: Encodable>(_ records: [T]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }
}
