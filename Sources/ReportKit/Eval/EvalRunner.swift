import Foundation

/// `reportkit eval` as a library call: runs the pipeline's stages over every report that has a gold
/// file and scores the extraction against the gold.
public struct EvalRunner: Sendable {
    public init() {}

    /// The nearest folder at or above `gold` that holds a `pipeline.yaml` (gold `source` paths are relative to it).
    public static func pipelineHolding(gold: String) throws -> String {
        var folder = URL(fileURLWithPath: gold).standardizedFileURL
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(SpecLoader.fileName).path) { return folder.path }
            folder.deleteLastPathComponent()
        }
        throw SpecError(file: gold, line: nil, problem: "No pipeline.yaml in this folder or above it.", fix: "Pass the pipeline folder as the first argument.")
    }

    public struct Outcome: Sendable {
        public var summary: ExtractionEvaluator.Summary
        public var minMetricF1: Double
        public var minIndicatorAccuracy: Double
        public var passed: Bool { summary.metrics.f1 >= minMetricF1 && summary.indicator.value >= minIndicatorAccuracy && summary.missingSources.isEmpty }
    }

    /// - Parameters:
    ///   - pipeline: A pipeline folder or spec file with an `eval:` section.
    ///   - goldOverride: A gold folder to use instead of the spec's.
    public func evaluate(pipeline: String, goldOverride: String?, minF1: Double?, jobs: Int) throws -> Outcome {
        let (spec, specURL) = try SpecLoader().load(pipeline)
        let base = specURL.deletingLastPathComponent()
        guard let goldPath = goldOverride ?? spec.eval?.gold else {
            throw SpecError(file: specURL.path, line: nil, problem: "The spec has no eval section.", fix: "Add `eval: {gold: gold/annotations, min_metric_f1: 0.9}` or pass --gold.")
        }
        let goldFolder = goldPath.hasPrefix("/") ? URL(fileURLWithPath: goldPath) : base.appendingPathComponent(goldPath)
        let gold = try GoldAnnotation.load(from: goldFolder)
        let located = SourceLocator(baseDirectory: base).locate(gold.map(\.1.source))
        var options = PipelineRunner.Options()
        options.jobs = jobs
        options.validation = ValidationContext(buildDate: spec.released ?? "9999-12-31")
        // Score every gold report on its own: near-duplicate collapsing would hide some of them.
        var dedup = spec.dedup ?? DeduplicationOptions()
        dedup.threshold = 1.01
        options.dedup = dedup
        options.keepsDocuments = true
        let outcome = try PipelineRunner(options: options).run(located.sources, alreadyRejected: located.rejected)
        var predictions: [String: ExtractedDocument] = [:]
        for summary in outcome.summaries {
            let document = try outcome.store.load(summary)
            predictions[document.report.sourcePath] = document
        }
        let summary = ExtractionEvaluator(collapseRepeatedClaims: dedup.collapseRepeatedClaims).evaluate(gold: gold, predictions: predictions)
        return Outcome(
            summary: summary, minMetricF1: minF1 ?? spec.eval?.minMetricF1 ?? 0,
            minIndicatorAccuracy: spec.eval?.minIndicatorAccuracy ?? 0)
    }
}

extension EvalRunner.Outcome {
    /// A readable table of the scores.
    public var table: String {
        func pct(_ value: Double) -> String { String(format: "%.3f", value) }
        var out = "report                                  metrics P     R     F1    indicator  policies F1  initiatives F1\n"
        for report in summary.reports {
            let name = report.name.padding(toLength: 40, withPad: " ", startingAt: 0)
            out += "\(name)\(pct(report.metrics.precision)) \(pct(report.metrics.recall)) \(pct(report.metrics.f1)) \(pct(report.indicator.value))      \(pct(report.policies.f1))       \(pct(report.initiatives.f1))\n"
        }
        var groups: [String: (ExtractionEvaluator.Score, ExtractionEvaluator.Accuracy)] = [:]
        for report in summary.reports {
            var entry = groups[ExtractionEvaluator.groupName(report.name)] ?? (ExtractionEvaluator.Score(), ExtractionEvaluator.Accuracy())
            entry.0.truePositives += report.metrics.truePositives
            entry.0.predicted += report.metrics.predicted
            entry.0.gold += report.metrics.gold
            entry.1.correct += report.indicator.correct
            entry.1.total += report.indicator.total
            groups[ExtractionEvaluator.groupName(report.name)] = entry
        }
        out += "\n"
        for name in groups.keys.sorted() {
            let (score, indicator) = groups[name]!
            out += "group \(name): metrics P \(pct(score.precision)) R \(pct(score.recall)) F1 \(pct(score.f1)) (\(score.gold) gold), indicator \(pct(indicator.value))\n"
        }
        out += "\nALL: metrics P \(pct(summary.metrics.precision)) R \(pct(summary.metrics.recall)) F1 \(pct(summary.metrics.f1)) "
        out += "(\(summary.metrics.truePositives) matched, \(summary.metrics.predicted) predicted, \(summary.metrics.gold) gold)\n"
        out += "indicator accuracy \(pct(summary.indicator.value)) (\(summary.indicator.correct)/\(summary.indicator.total)); "
        out += "kind \(pct(summary.kind.value)); qualifier \(pct(summary.qualifier.value))\n"
        out += "policies P \(pct(summary.policies.precision)) R \(pct(summary.policies.recall)) F1 \(pct(summary.policies.f1)); "
        out += "initiatives P \(pct(summary.initiatives.precision)) R \(pct(summary.initiatives.recall)) F1 \(pct(summary.initiatives.f1))\n"
        out += "report fields: " + summary.fields.keys.sorted().map { "\($0) \(pct(summary.fields[$0]!.value))" }.joined(separator: ", ") + "\n"
        if !summary.missingSources.isEmpty { out += "gold sources not found: \(summary.missingSources.joined(separator: ", "))\n" }
        out += "thresholds: metric F1 ≥ \(minMetricF1), indicator accuracy ≥ \(minIndicatorAccuracy): \(passed ? "PASS" : "FAIL")\n"
        return out
    }

    /// The machine-readable summary.
    public var json: String {
        var object: [String: Any] = [
            "metrics": ["precision": summary.metrics.precision, "recall": summary.metrics.recall, "f1": summary.metrics.f1,
                        "matched": summary.metrics.truePositives, "predicted": summary.metrics.predicted, "gold": summary.metrics.gold],
            "indicator_accuracy": summary.indicator.value, "kind_accuracy": summary.kind.value,
            "qualifier_accuracy": summary.qualifier.value,
            "policies": ["precision": summary.policies.precision, "recall": summary.policies.recall, "f1": summary.policies.f1],
            "initiatives": ["precision": summary.initiatives.precision, "recall": summary.initiatives.recall, "f1": summary.initiatives.f1],
            "report_fields": summary.fields.mapValues { $0.value },
            "thresholds": ["min_metric_f1": minMetricF1, "min_indicator_accuracy": minIndicatorAccuracy], "passed": passed,
        ]
        object["reports"] = summary.reports.map { ["name": $0.name, "metric_f1": $0.metrics.f1, "indicator_accuracy": $0.indicator.value] }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Missed, spurious and wrongly-labelled claims, for tuning.
    public var details: String {
        var out = ""
        for report in summary.reports {
            out += "== \(report.name)\n"
            for item in report.missed { out += "  missed   \(item)\n" }
            for item in report.spurious { out += "  spurious \(item)\n" }
            for item in report.wrongIndicators { out += "  indicator \(item)\n" }
            for item in report.wrongFields { out += "  field    \(item)\n" }
        }
        return out
    }
}
