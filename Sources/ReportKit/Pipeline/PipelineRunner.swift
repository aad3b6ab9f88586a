import Foundation

/// Runs a whole pipeline: the per-document stages in parallel (fetch → decode → clean → extract →
/// validate → dedup preparation → spool), then, after the barrier, deduplication over the compact
/// summaries. Every input ends in exactly one place: a report, a duplicate list, or the rejected list
/// with its reason.
public struct PipelineRunner: Sendable {
    public struct Options: Sendable {
        public var jobs: Int = ParallelRunner.defaultJobs
        public var maxBytes: Int = 64 * 1024 * 1024
        public var dedup = DeduplicationOptions()
        public var validation = ValidationContext(buildDate: "9999-12-31")
        public var severityOverrides: [String: String] = [:]
        /// Keep the cleaned text in the spooled records (for `publish_text`).
        public var keepsText = false
        /// Print progress to stderr for long runs.
        public var showProgress = false
        /// Receives each stage's time; nil to skip timing.
        public var clock: StageClock?
        /// Per-document result cache; nil to run every stage on every document.
        public var cacheDirectory: URL?
        /// Identifies the toolkit build in cache keys (the source digest, else the executable's hash).
        public var toolkitIdentity: String = ReportKitVersion.current

        public init() {}

        /// Every option that changes a per-document result, for cache keys.
        var cacheConfiguration: String {
            let severities = severityOverrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let bounds = validation.maxPlausible.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return [
                toolkitIdentity, "\(maxBytes)", "\(dedup.shingleSize)/\(dedup.permutations)/\(dedup.collapseRepeatedClaims)",
                validation.buildDate, "\(validation.earliestPlausibleYear)", bounds, severities, "\(keepsText)",
            ].joined(separator: "|")
        }
    }

    public struct Outcome: Sendable {
        /// Canonical reports after dedup, sorted by id.
        public var summaries: [DocumentSummary]
        public var store: DocumentStore
        public var rejected: [RejectedInput]
        public var inputs: [DatasetContent.Input]
        public var stageCounts: [String: Int]
        public var cacheStats: (hits: Int, misses: Int, corrupt: Int)?
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// The per-document stages, composed and timed into `clock`.
    func documentStages(clock: StageClock, cache: DocumentCache?, store: DocumentStore) -> some Stage<SourceReference, DocumentSummary> {
        let perDocument = DocumentDecoder().timed(clock)
            .then(TextCleaner().timed(clock))
            .then(ReportExtractor().timed(clock))
            .then(Validator(context: options.validation, severityOverrides: options.severityOverrides).timed(clock))
            .then(DedupPreparation(options: options.dedup, keepsText: options.keepsText).timed(clock))
        return LocalFileFetcher(maxBytes: options.maxBytes).timed(clock)
            .then(CachedStage(inner: perDocument, cache: cache))
            .then(StoreStage(store: store).timed(clock))
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
        let store = try DocumentStore()
        let cache = options.cacheDirectory.map { DocumentCache(directory: $0, configuration: options.cacheConfiguration) }
        let results = runner.run(documentStages(clock: clock, cache: cache, store: store), on: sources)
        var summaries: [DocumentSummary] = []
        var rejected = alreadyRejected
        var inputs: [DatasetContent.Input] = alreadyRejected.map {
            DatasetContent.Input(path: $0.source, sha256: nil, bytes: nil, outcome: "rejected", reportID: nil)
        }
        var counts: [String: Int] = ["inputs.located": sources.count, "inputs.rejected_before_reading": alreadyRejected.count]
        for (source, result) in zip(sources, results) {
            switch result {
            case .success(.keep(let summary)):
                summaries.append(summary)
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
        counts["extracted"] = summaries.count
        let deduplicated = try clock.measure("dedup") { try Deduplicator(options: options.dedup).run(summaries) }
        var canonicalOf: [String: String] = [:]
        for summary in deduplicated.kept {
            for duplicate in summary.duplicates { canonicalOf[duplicate] = summary.reportID }
        }
        let keptIDs = Set(deduplicated.kept.map(\.reportID))
        for summary in summaries {
            let id = summary.reportID
            let outcome = keptIDs.contains(id) && canonicalOf[id] == nil ? "report" : "duplicate"
            inputs.append(
                .init(path: summary.sourcePath, sha256: summary.sourceSHA256, bytes: summary.sourceBytes, outcome: outcome,
                      reportID: outcome == "report" ? id : canonicalOf[id] ?? id))
        }
        counts["dedup.duplicates_removed"] = deduplicated.duplicatesRemoved
        counts["reports"] = deduplicated.kept.count
        counts["rejected"] = rejected.count
        return Outcome(
            summaries: deduplicated.kept, store: store, rejected: rejected, inputs: inputs, stageCounts: counts,
            cacheStats: cache?.stats)
    }
}
