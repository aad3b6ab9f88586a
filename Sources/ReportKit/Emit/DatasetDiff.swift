import Foundation

/// Compares two published dataset folders table by table: rows added, removed and changed (by primary
/// key), and for changed rows which fields changed. `reportkit diff` prints it.
///
/// ```swift
/// let diff = try DatasetDiff.compare(old: v1, new: v2)
/// diff.tables["metrics"]?.added.count  // 3
/// ```
public struct DatasetDiff: Sendable {
    public struct TableDiff: Sendable {
        public var added: [String] = []
        public var removed: [String] = []
        /// Key → names of the fields whose values differ.
        public var changed: [(key: String, fields: [String])] = []
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public var tables: [String: TableDiff] = [:]

    public static let tableKeys = [("reports", "report_id"), ("metrics", "metric_id"), ("policies", "mention_id"), ("initiatives", "mention_id")]

    public static func compare(old: URL, new: URL) throws -> DatasetDiff {
        var diff = DatasetDiff()
        for (table, key) in tableKeys {
            let before = try rows(in: old.appendingPathComponent("\(table).csv"), key: key)
            let after = try rows(in: new.appendingPathComponent("\(table).csv"), key: key)
            var tableDiff = TableDiff()
            tableDiff.added = after.rows.keys.filter { before.rows[$0] == nil }.sorted()
            tableDiff.removed = before.rows.keys.filter { after.rows[$0] == nil }.sorted()
            for id in after.rows.keys.sorted() {
                guard let old = before.rows[id], let new = after.rows[id], old != new else { continue }
                var fields: [String] = []
                for (index, name) in after.header.enumerated() {
                    let oldIndex = before.header.firstIndex(of: name)
                    let oldValue = oldIndex.flatMap { $0 < old.count ? old[$0] : nil }
                    if oldValue != (index < new.count ? new[index] : nil) { fields.append(name) }
                }
                tableDiff.changed.append((id, fields))
            }
            diff.tables[table] = tableDiff
        }
        return diff
    }

    private static func rows(in url: URL, key: String) throws -> (header: [String], rows: [String: [String]]) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EmitError.cannotWrite(path: url.path, reason: "missing or not UTF-8; is this a dataset folder?")
        }
        let records = CSVReader.records(text)
        guard let header = records.first?.fields, let index = header.firstIndex(of: key) else { return ([], [:]) }
        var rows: [String: [String]] = [:]
        for record in records.dropFirst() where index < record.fields.count { rows[record.fields[index]] = record.fields }
        return (header, rows)
    }

    /// A readable summary, listing up to `limit` keys per kind.
    public func summary(limit: Int = 10) -> String {
        var out = ""
        for (table, _) in Self.tableKeys {
            guard let diff = tables[table] else { continue }
            out += "\(table): \(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed\n"
            for id in diff.added.prefix(limit) { out += "  + \(id)\n" }
            for id in diff.removed.prefix(limit) { out += "  - \(id)\n" }
            for change in diff.changed.prefix(limit) { out += "  ~ \(change.key): \(change.fields.joined(separator: ", "))\n" }
        }
        return out
    }
}
