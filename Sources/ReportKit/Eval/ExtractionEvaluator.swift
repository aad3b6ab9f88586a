import Foundation

/// Compares what the pipeline extracts with the gold annotations: precision, recall and F1 for metrics
/// (matched on normalised value and unit), indicator accuracy among matched metrics (an indicator counts
/// as right when it equals the gold one, contains it or is contained in it, or shares at least 60% of
/// its characters), kind and qualifier accuracy, report metadata field accuracy, and P/R/F1 for policies
/// and initiatives (exact names).
public struct ExtractionEvaluator: Sendable {
    public struct Score: Sendable, Codable, Equatable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        mutating func add(_ other: Score) {
            truePositives += other.truePositives
            predicted += other.predicted
            gold += other.gold
        }
    }

    public struct Accuracy: Sendable, Codable, Equatable {
        public var correct = 0
        public var total = 0
        public var value: Double { total == 0 ? 0 : Double(correct) / Double(total) }
        mutating func record(_ ok: Bool) {
            total += 1
            if ok { correct += 1 }
        }
    }

    public struct ReportResult: Sendable {
        public var name: String
        public var metrics = Score()
        public var policies = Score()
        public var initiatives = Score()
        public var indicator = Accuracy()
        public var missed: [String] = []
        public var spurious: [String] = []
        public var wrongIndicators: [String] = []
        public var wrongFields: [String] = []
    }

    public struct Summary: Sendable {
        public var reports: [ReportResult] = []
        public var metrics = Score()
        public var policies = Score()
        public var initiatives = Score()
        public var indicator = Accuracy()
        public var kind = Accuracy()
        public var qualifier = Accuracy()
        /// Field name → accuracy over reports.
        public var fields: [String: Accuracy] = [:]
        public var missingSources: [String] = []
    }

    public let collapseRepeatedClaims: Bool

    public init(collapseRepeatedClaims: Bool) {
        self.collapseRepeatedClaims = collapseRepeatedClaims
    }

    public func evaluate(gold: [(String, GoldAnnotation)], predictions: [String: ExtractedDocument]) -> Summary {
        var summary = Summary()
        for (name, annotation) in gold {
            guard let predicted = predictions[annotation.source] else {
                summary.missingSources.append(annotation.source)
                continue
            }
            var result = ReportResult(name: name)
            var goldMetrics = annotation.metrics ?? []
            if collapseRepeatedClaims {
                var seen = Set<String>()
                goldMetrics = goldMetrics.filter {
                    seen.insert("\($0.indicator ?? "")|\(key($0.valueNormalized, $0.unitNormalized))|\($0.kind ?? "")").inserted
                }
            }
            var unmatched = predicted.metrics
            for goldMetric in goldMetrics {
                let wanted = key(goldMetric.valueNormalized, goldMetric.unitNormalized)
                let candidates = unmatched.indices.filter { key(unmatched[$0].valueNormalized, unmatched[$0].unitNormalized) == wanted }
                guard let best = candidates.max(by: { indicatorSimilarity(unmatched[$0].indicator, goldMetric.indicator ?? "") < indicatorSimilarity(unmatched[$1].indicator, goldMetric.indicator ?? "") }) else {
                    result.missed.append("\(goldMetric.quote ?? "\(goldMetric.value)") [\(goldMetric.indicator ?? "")]")
                    continue
                }
                let match = unmatched.remove(at: best)
                result.metrics.truePositives += 1
                let indicatorOK = indicatorMatches(match.indicator, goldMetric.indicator ?? "")
                result.indicator.record(indicatorOK)
                if !indicatorOK { result.wrongIndicators.append("\(match.quote): '\(match.indicator)' vs gold '\(goldMetric.indicator ?? "")'") }
                if let kind = goldMetric.kind { summary.kind.record(kind == match.kind) }
                if let qualifier = goldMetric.qualifier { summary.qualifier.record(qualifier == match.qualifier) }
            }
            result.spurious = unmatched.map { "\($0.quote) [\($0.indicator)]" }
            result.metrics.gold = goldMetrics.count
            result.metrics.predicted = predicted.metrics.count
            result.policies = setScore(predicted.policies.map(\.term), annotation.policies ?? [])
            result.initiatives = setScore(predicted.initiatives.map(\.term), annotation.initiatives ?? [])
            if let fields = annotation.report {
                let report = predicted.report
                let checks: [(String, Bool, String, String)] = [
                    ("title", normalized(report.title) == normalized(fields.title), report.title ?? "null", fields.title ?? "null"),
                    ("published_date", report.publishedDate == fields.publishedDate, report.publishedDate ?? "null", fields.publishedDate ?? "null"),
                    ("publisher", report.publisher == fields.publisher, report.publisher ?? "null", fields.publisher ?? "null"),
                    ("authors", Set(report.authors) == Set(fields.authors ?? []), report.authors.joined(separator: ","), (fields.authors ?? []).joined(separator: ",")),
                    ("region_code", report.regionCode == fields.regionCode, report.regionCode ?? "null", fields.regionCode ?? "null"),
                ]
                for (field, ok, got, want) in checks {
                    summary.fields[field, default: Accuracy()].record(ok)
                    if !ok { result.wrongFields.append("\(field): '\(got)' vs gold '\(want)'") }
                }
            }
            summary.metrics.add(result.metrics)
            summary.policies.add(result.policies)
            summary.initiatives.add(result.initiatives)
            summary.indicator.correct += result.indicator.correct
            summary.indicator.total += result.indicator.total
            summary.reports.append(result)
        }
        return summary
    }

    private func key(_ value: Double, _ unit: String) -> String {
        "\((value * 1000).rounded() / 1000)|\(unit)"
    }

    private func normalized(_ text: String?) -> String? {
        text.map { String($0.unicodeScalars.filter { CJK.isIdeograph($0) || CJK.isASCIIDigit($0) || CJK.isASCIILetter($0) }.map(Character.init)) }
    }

    private func setScore(_ predicted: [String], _ gold: [String]) -> Score {
        let predictedSet = Set(predicted)
        let goldSet = Set(gold)
        return Score(truePositives: predictedSet.intersection(goldSet).count, predicted: predictedSet.count, gold: goldSet.count)
    }

    /// Scores summed over the reports whose gold file names start the same way: `0…` samples, `g…`, `h…`.
    public static func groupName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        if first.isNumber { return "samples" }
        return String(name.prefix(while: { $0.isLetter }))
    }

    func indicatorMatches(_ predicted: String, _ gold: String) -> Bool {
        let p = normalized(predicted) ?? ""
        let g = normalized(gold) ?? ""
        if p.isEmpty || g.isEmpty { return p == g }
        if p == g || (p.contains(g) && g.count >= 2) || (g.contains(p) && p.count >= 2) { return true }
        return indicatorSimilarity(p, g) >= 0.6
    }

    /// Character-set Dice coefficient.
    func indicatorSimilarity(_ left: String, _ right: String) -> Double {
        let a = Set(left.unicodeScalars.filter(CJK.isIdeograph))
        let b = Set(right.unicodeScalars.filter(CJK.isIdeograph))
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
