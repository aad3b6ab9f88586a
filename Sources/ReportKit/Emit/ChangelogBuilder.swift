import Foundation

/// Writes `CHANGELOG.md`: for every table, the rows added, removed and changed since the previous version
/// (matched by primary key, see ``DatasetDiff``), with a few examples.
enum ChangelogBuilder {
    static func render(_ content: DatasetContent, counts: EmittedCounts, staging: URL, previous: (version: String, folder: URL)?) -> String {
        var out = "# Changelog: \(content.name) \(content.version)\n\n"
        guard let previous, let diff = try? DatasetDiff.compare(old: previous.folder, new: staging) else {
            return out + "First version: \(counts.reports) reports, \(counts.metrics) metrics, \(counts.policies) policy mentions, "
                + "\(counts.initiatives) initiative mentions.\n"
        }
        out += "Compared with \(previous.version) (rows matched by primary key; `reportkit diff` lists them all):\n\n"
        out += diff.summary(limit: 5).split(separator: "\n").map { $0.hasPrefix(" ") ? "  \($0.trimmingCharacters(in: .whitespaces))" : "- \($0)" }
            .joined(separator: "\n") + "\n"
        return out
    }
}
