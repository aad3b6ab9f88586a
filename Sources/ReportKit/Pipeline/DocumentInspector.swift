import Foundation

/// Runs the per-document stages on one file and describes what each one did, for `reportkit inspect`.
public struct DocumentInspector: Sendable {
    public init() {}

    public struct Inspection: Sendable {
        public var text: String
        public var json: String
    }

    public func inspect(path: String) throws -> Inspection {
        let source = SourceReference(fileURL: URL(fileURLWithPath: path), displayPath: path)
        var lines: [String] = []
        guard case .keep(let raw) = try LocalFileFetcher().process(source) else { throw FetchError.empty(path) }
        lines.append("== fetch: \(raw.bytes.count) bytes, sha256 \(raw.sha256)")
        guard case .keep(let decoded) = try DocumentDecoder().process(raw) else { throw FetchError.empty(path) }
        lines.append("== decode: format \(decoded.format.rawValue), encoding \(decoded.encoding.name) (\(decoded.encoding.evidence))")
        guard case .keep(let cleaned) = try TextCleaner().process(decoded) else { throw FetchError.empty(path) }
        lines.append("== clean: script \(cleaned.originalScript), \(cleaned.text.unicodeScalars.count) characters")
        let hints = cleaned.hints
        lines.append("   title: \(hints.title ?? "(none)") [\(hints.titleSource ?? "-")]")
        lines.append("   published: \(hints.published ?? "(none)")  publisher: \(hints.publisher ?? "(none)")")
        lines.append("   authors: \(hints.authors.joined(separator: ", "))  editors: \(hints.editors.joined(separator: ", "))  photographers: \(hints.photographers.joined(separator: ", "))")
        lines.append("   quality flags: " + cleaned.qualityFlags.map { "\($0.name)=\($0.count)" }.joined(separator: " "))
        for repair in cleaned.repairs {
            lines.append("   [\(repair.flag)] \(repair.before) → \(repair.after)")
        }
        lines.append("== cleaned text")
        lines.append(cleaned.text)
        if case .keep(let extracted) = try ReportExtractor().process(cleaned) {
            let report = extracted.report
            lines.append("== extract: report \(report.reportID), region \(report.regionCode ?? "(none)") \([report.province, report.city, report.county].compactMap { $0 }.joined(separator: " ")), date \(report.publishedDate ?? "(none)")")
            for metric in extracted.metrics {
                lines.append("   [\(metric.charStart)-\(metric.charEnd)] \(metric.quote) | \(metric.indicator) | \(metric.kind) \(metric.qualifier) \(Cell.format(metric.valueNormalized)) \(metric.unitNormalized) | \(metric.category)")
            }
            lines.append("   policies: " + extracted.policies.map(\.term).joined(separator: "、"))
            lines.append("   initiatives: " + extracted.initiatives.map(\.term).joined(separator: "、"))
            let validated = try Validator(context: ValidationContext(buildDate: "9999-12-31")).process(extracted)
            if case .keep(let checked) = validated {
                lines.append("== validate: quality score \(Cell.format(checked.report.qualityScore))")
                for finding in checked.findings { lines.append("   " + finding.formatted.replacingOccurrences(of: "\n", with: "\n   ")) }
            }
        }
        let summary: [String: Any] = [
            "path": path, "bytes": raw.bytes.count, "sha256": raw.sha256, "format": decoded.format.rawValue,
            "encoding": decoded.encoding.name, "text": cleaned.text,
        ]
        let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        return Inspection(text: lines.joined(separator: "\n"), json: String(decoding: data, as: UTF8.self))
    }
}
