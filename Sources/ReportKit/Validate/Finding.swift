/// One validation finding: which rule, how serious, where, and what is wrong.
public struct Finding: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case error, warning, info
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .info]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// A stable rule id such as `percent-over-100`.
    public var rule: String
    public var severity: Severity
    public var reportID: String
    public var source: String
    /// The field the finding is about (`published_date`, `metrics.value`), or `text`.
    public var field: String
    public var metricID: String?
    public var charStart: Int?
    public var charEnd: Int?
    /// What the text says there.
    public var snippet: String?
    public var message: String

    enum CodingKeys: String, CodingKey {
        case rule, severity, reportID = "report_id", source, field, metricID = "metric_id"
        case charStart = "char_start", charEnd = "char_end", snippet, message
    }

    /// `warning[percent-over-100]: … --> 003.txt:@5612`, the form printed on stderr and in `inspect`.
    public var formatted: String {
        var line = "\(severity.rawValue)[\(rule)]: \(message)\n --> \(source)"
        if let charStart { line += " @\(charStart)" }
        return line
    }
}
