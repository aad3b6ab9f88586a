import Foundation

/// Writes `CHANGELOG.md`: reports added, removed and changed (their metric rows differ) since the previous
/// version, and the metric totals.
enum ChangelogBuilder {
    static func render(_ content: DatasetContent, counts: EmittedCounts, previous: (version: String, folder: URL)?) -> String {
        var out = "# Changelog: \(content.name) \(content.version)\n\n"
        guard let previous else {
            return out + "First version: \(counts.reports) reports, \(counts.metrics) metrics.\n"
        }
        let (oldDigests, oldMetricCount) = digests(in: previous.folder)
        let newIDs = Set(counts.metricDigests.keys)
        let oldIDs = Set(oldDigests.keys)
        let changed = newIDs.intersection(oldIDs).filter { counts.metricDigests[$0] != oldDigests[$0] }.count
        out += "Compared with \(previous.version):\n\n"
        out += "- reports: \(newIDs.subtracting(oldIDs).count) added, \(oldIDs.subtracting(newIDs).count) removed, "
        out += "\(changed) with changed metrics, \(counts.reports) in all\n"
        out += "- metrics: \(oldMetricCount) before, \(counts.metrics) now\n"
        return out
    }

    /// Per-report digests of the previous version's metric rows, computed the same way as the emit pass.
    private static func digests(in folder: URL) -> ([String: String], Int) {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8) else { return ([:], 0) }
        var rows: [String: String] = [:]
        var count = 0
        var order: [String] = []
        for record in CSVReader.records(text).dropFirst() {
            guard record.fields.count > 1 else { continue }
            let id = record.fields[1]
            if rows[id] == nil { order.append(id) }
            rows[id, default: ""] += record.line + "\n"
            count += 1
        }
        var digests: [String: String] = [:]
        for id in order { digests[id] = SHA256Hex.digest(rows[id] ?? "") }
        if let reports = try? String(contentsOf: folder.appendingPathComponent("reports.csv"), encoding: .utf8) {
            for record in CSVReader.records(reports).dropFirst() where digests[record.fields[0]] == nil {
                digests[record.fields[0]] = SHA256Hex.digest("")
            }
        }
        return (digests, count)
    }
}
