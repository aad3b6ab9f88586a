/// The validate stage: runs every rule on one extracted report, applies the spec's severity overrides,
/// and scores the report (1.0 minus 0.2 per error and 0.05 per warning, floored at 0).
public struct Validator: Stage {
    public var name: String { "validate" }
    public let context: ValidationContext
    /// Rule id → severity, from the spec; `off` turns a rule off.
    public let severityOverrides: [String: String]

    public static let rules: [any ValidationRule] = [
        DigitsMissingRule(), PercentOverHundredRule(), BrokenNumberRule(), PublishedDateRule(), RegionRule(),
        TitleMissingRule(), MissingIndicatorRule(), PlausibleRangeRule(), OffsetsRule(), UnrepairedMojibakeRule(),
    ]

    /// Rule ids a spec may name, including those a rule emits under a second id.
    public static let ruleIDs: [String] = (rules.map(\.id) + ["date-implausible", "region-ambiguous"]).sorted()

    public init(context: ValidationContext, severityOverrides: [String: String] = [:]) {
        self.context = context
        self.severityOverrides = severityOverrides
    }

    public func process(_ document: ExtractedDocument) throws -> StageOutcome<ExtractedDocument> {
        var document = document
        // The rules that read the text's scalars share one decoding (usually the extractor's).
        document.textSpans = document.spansOfText()
        var findings: [Finding] = []
        findings.reserveCapacity(16)  // a report's findings, most often fewer: one allocation instead of growing
        for rule in Self.rules {
            for var finding in rule.check(document, context: context) {
                if let override = severityOverrides[finding.rule] {
                    if override == "off" { continue }
                    if let severity = Finding.Severity(rawValue: override) { finding.severity = severity }
                }
                findings.append(finding)
            }
        }
        // Counted in place: `filter(_:).count` copied every counted finding (its Strings retained) into a new array.
        var errors = 0
        var warnings = 0
        for index in findings.indices {
            switch findings[index].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: break
            }
        }
        document.findings = findings
        document.report.qualityScore = max(0, ((1 - 0.2 * Double(errors) - 0.05 * Double(warnings)) * 100).rounded() / 100)
        return .keep(document)
    }
}
