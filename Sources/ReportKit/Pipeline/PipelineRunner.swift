import Foundation

/// Runs a whole pipeline: the per-document stages in parallel (fetch → decode → clean → extract →
/// validate), then, after the barrier, deduplication. Every input ends in exactly one place: a report,
/// a duplicate list, or the rejected list with its reason.
public struct PipelineRunner: Sendable {
    public struct Options: Sendable {
        public var jobs: Int = ParallelRunner.defaultJobs
        public var maxBytes: Int = 64 * 1024 * 1024
        public var dedup = DeduplicationOptions()
        public var validation = ValidationContext(buildDate: "9999-12-31")
        public var severityOverrides: [String: String] = [:]
        /// Print progress to stderr for long runs.
        public var showProgress = false
        /// Receives each stage's time; nil to skip timing.
        public var clock: StageClock?

        public init() {}
    }

    public struct Outcome: Sendable {
        public var documents: [ExtractedDocument]
        public var rejected: [RejectedInput]
        public var inputs: [DatasetContent.Input]
        public var stageCounts: [String: Int]
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// The per-document stages, composed and timed into `clock`.
    public func documentStages(clock: StageClock) -> some Stage<SourceReference, ExtractedDocument> {
        LocalFileFetcher(maxBytes: options.maxBytes).timed(clock)
            .then(DocumentDecoder().timed(clock))
            .then(TextCleaner().timed(clock))
            .then(ReportExtractor().timed(clock))
            .then(Validator(context: options.validation, severityOverrides: options.severityOverrides).timed(clock))
    }

    public func run(_ sources: [SourceReference], alreadyRejected: [RejectedInput] = []) throws -> Outcome {
        let showProgress = options.showProgress && sources.count >= 200
        let step = max(1, sources.count / 20)
        let runner = ParallelRunner(jobs: options.jobs) { done, total in
            if showProgress && (done % step == 0 || done == total) {
                FileHandle.standardError.write(Data("[reportkit] \(done)/\(total) documents\n".utf8))
            }
        }
        let clock = options.clock ?? StageClock()
        let results = runner.run(documentStages(clock: clock), on: sources)
        var documents: [ExtractedDocument] = []
        var rejected = alreadyRejected
        var inputs: [DatasetContent.Input] = alreadyRejected.map {
            DatasetContent.Input(path: $0.source, sha256: nil, bytes: nil, outcome: "rejected", reportID: nil)
        }
        var counts: [String: Int] = ["inputs.located": sources.count, "inputs.rejected_before_reading": alreadyRejected.count]
        for (source, result) in zip(sources, results) {
            switch result {
            case .success(.keep(let document)):
                documents.append(document)
            case .success(.drop(let reason)):
                rejected.append(RejectedInput(source: source.displayPath, stage: "extract", reason: reason))
                inputs.append(.init(path: source.displayPath, sha256: nil, bytes: nil, outcome: "dropped", reportID: nil))
                counts["dropped", default: 0] += 1
            case .failure(let error):
                let failure = (error as? StageFailure) ?? StageFailure(stage: "pipeline", error: error)
                rejected.append(RejectedInput(source: source.displayPath, stage: failure.stage, reason: failure.message))
                inputs.append(.init(path: source.displayPath, sha256: nil, bytes: nil, outcome: "rejected", reportID: nil))
                counts["rejected.\(failure.stage)", default: 0] += 1
            }
        }
        counts["extracted"] = documents.count
        let deduplicated = try clock.measure("dedup") { try Deduplicator(options: options.dedup).run(documents) }
        let keptIDs = Set(deduplicated.kept.map(\.report.reportID))
        var canonicalOf: [String: String] = [:]
        for document in deduplicated.kept {
            for duplicate in document.report.duplicates.split(separator: ";") { canonicalOf[String(duplicate)] = document.report.reportID }
        }
        for document in documents {
            let id = document.report.reportID
            let outcome = keptIDs.contains(id) && canonicalOf[id] == nil ? "report" : "duplicate"
            inputs.append(
                .init(path: document.report.sourcePath, sha256: document.report.sourceSHA256, bytes: document.report.sourceBytes,
                      outcome: outcome, reportID: outcome == "report" ? id : canonicalOf[id] ?? id))
        }
        counts["dedup.duplicates_removed"] = deduplicated.duplicatesRemoved
        counts["dedup.claims_collapsed"] = deduplicated.claimsCollapsed
        counts["reports"] = deduplicated.kept.count
        counts["metrics"] = deduplicated.kept.reduce(0) { $0 + $1.metrics.count }
        counts["policies"] = deduplicated.kept.reduce(0) { $0 + $1.policies.count }
        counts["initiatives"] = deduplicated.kept.reduce(0) { $0 + $1.initiatives.count }
        for severity in Finding.Severity.allCases {
            counts["findings.\(severity.rawValue)"] = deduplicated.kept.reduce(0) { $0 + $1.findings.filter { $0.severity == severity }.count }
        }
        counts["rejected"] = rejected.count
        return Outcome(documents: deduplicated.kept, rejected: rejected, inputs: inputs, stageCounts: counts)
    }
}
