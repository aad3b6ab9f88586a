import Testing
@testable import ReportKit

/// The validator counts its findings' severities in place: the score must be the one the filtered counts give.
@Suite("quality score") struct QualityScoreTests {
    @Test("the score counts errors and warnings, not infos, after the overrides") func score() throws {
        let texts = ["", "网上申报率达%。", "实现零跑腿事项项，共办理件。自年3月“”", "共计%，为%，约%，近%，逾%，率%。"]
        let overrides: [[String: String]] = [
            [:], ["title-missing": "error"], ["date-missing": "error", "region-unknown": "info"], ["digits-missing": "error"],
            ["digits-missing": "off", "title-missing": "warning"],
        ]
        var seen: Set<Finding.Severity> = []
        for text in texts {
            for override in overrides {
                let validator = Validator(context: ValidationContext(buildDate: "2026-01-01"), severityOverrides: override)
                guard case .keep(let document) = try validator.process(TestSupport.document(text: text)) else {
                    Issue.record("dropped \(text)")
                    continue
                }
                let errors = document.findings.filter { $0.severity == .error }.count
                let warnings = document.findings.filter { $0.severity == .warning }.count
                let expected = max(0, ((1 - 0.2 * Double(errors) - 0.05 * Double(warnings)) * 100).rounded() / 100)
                #expect(document.report.qualityScore == expected, "\(text) \(override)")
                seen.formUnion(document.findings.map(\.severity))
            }
        }
        #expect(seen == Set(Finding.Severity.allCases))  // every severity was counted (or not) somewhere
    }
}
