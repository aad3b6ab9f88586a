/// A check on one extracted report. Each rule has a stable id, a default severity and a rationale the
/// dataset README prints; the spec may change the severity (`validate.severity.<id>`) or its threshold.
public protocol ValidationRule: Sendable {
    var id: String { get }
    var defaultSeverity: Finding.Severity { get }
    /// Why the rule exists, for the data dictionary.
    var rationale: String { get }
    func check(_ document: ExtractedDocument, context: ValidationContext) -> [Finding]
}

/// What rules may need beyond the document: thresholds and the build date.
public struct ValidationContext: Sendable {
    /// ISO date of the build (from the spec's release date or SOURCE_DATE_EPOCH); dates after it are implausible.
    public var buildDate: String
    public var earliestPlausibleYear: Int
    /// Upper plausible bounds per normalised unit.
    public var maxPlausible: [String: Double]

    public init(buildDate: String, earliestPlausibleYear: Int = 1990, maxPlausible: [String: Double] = ValidationContext.defaultBounds) {
        self.buildDate = buildDate
        self.earliestPlausibleYear = earliestPlausibleYear
        self.maxPlausible = maxPlausible
    }

    public static let defaultBounds: [String: Double] = [
        "percent": 1000, "percentage_point": 100, "workday": 3650, "day": 36500, "hour": 87600, "minute": 525600,
        "month": 1200, "year": 200, "rank": 10000, "CNY": 1e14,
    ]
}

extension ValidationRule {
    func finding(
        _ document: ExtractedDocument, field: String, message: String, metric: Metric? = nil, start: Int? = nil,
        end: Int? = nil, snippet: String? = nil
    ) -> Finding {
        Finding(
            rule: id, severity: defaultSeverity, reportID: document.report.reportID, source: document.report.sourcePath,
            field: field, metricID: metric?.metricID, charStart: start ?? metric?.charStart, charEnd: end ?? metric?.charEnd,
            snippet: snippet ?? metric?.quote, message: message)
    }
}
