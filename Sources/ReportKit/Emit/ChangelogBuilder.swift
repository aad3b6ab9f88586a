import Foundation

/// Writes `CHANGELOG.md`: reports and metrics added, removed and changed since the previous version.
enum ChangelogBuilder {
    static func render(_ content: DatasetContent, reports: [Report], metrics: [Metric], previous: (version: String, folder: URL)?) -> String {
        var out = "# Changelog: \(content.name) \(content.version)\n\n"
        guard let previous else {
            return out + "First version: \(reports.count) reports, \(metrics.count) metrics.\n"
        }
        let oldReports = ids(in: previous.folder.appendingPathComponent("reports.csv"))
        let oldMetrics = rows(in: previous.folder.appendingPathComponent("metrics.csv"))
        let newReportIDs = Set(reports.map(\.reportID))
        let newMetrics = Dictionary(metrics.map { ($0.metricID, CSVWriter.render([$0], schema: DatasetTables.metrics).split(separator: "\n").last.map(String.init) ?? "") }, uniquingKeysWith: { a, _ in a })
        out += "Compared with \(previous.version):\n\n"
        out += "- reports: \(newReportIDs.subtracting(oldReports).count) added, \(oldReports.subtracting(newReportIDs).count) removed, \(reports.count) in all\n"
        let added = Set(newMetrics.keys).subtracting(oldMetrics.keys).count
        let removed = Set(oldMetrics.keys).subtracting(newMetrics.keys).count
        let changed = newMetrics.filter { oldMetrics[$0.key] != nil && oldMetrics[$0.key] != $0.value }.count
        out += "- metrics: \(added) added, \(removed) removed, \(changed) changed, \(metrics.count) in all\n"
        return out
    }

    /// First-column values of a CSV file (the ids), skipping the header.
    private static func ids(in url: URL) -> Set<String> { Set(rows(in: url).keys) }

    private static func rows(in url: URL) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for record in CSVReader.records(text).dropFirst() {
            guard let id = record.fields.first else { continue }
            result[id] = record.line
        }
        return result
    }
}
