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
        /// Spool each full document next to its rendered rows, so that ``DocumentStore/load(_:)`` works (eval, tests).
        public var keepsDocuments = false
        /// Print progress to stderr for long runs.
        public var showProgress = false
        /// Receives each stage's time; nil to skip timing.
        public var clock: StageClock?
        /// Per-document result cache; nil to run every stage on every document.
        public var cacheDirectory: URL?
        /// Separates the cache of one pipeline from another's in the same folder, since each build keeps only
        /// the entries it used (the pipeline's name; empty for ad-hoc runs). Options stay in the keys.
        public var cacheNamespace = ""
        /// Identifies the toolkit build in cache keys (the source digest, else the executable's hash).
        public var toolkitIdentity: String = ReportKitVersion.current
        /// How web sources are fetched (its cache folder defaults to `<cacheDirectory>/http`).
        public var http = HTTPFetchOptions()

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

    /// Decode → clean → extract → validate → dedup preparation, timed into `clock`.
    func perDocumentStages(clock: StageClock) -> some Stage<RawDocument, ExtractedDocument> {
        DocumentDecoder().timed(clock)
            .then(TextCleaner().timed(clock))
            .then(ReportExtractor().timed(clock))
            .then(Validator(context: options.validation, severityOverrides: options.severityOverrides).timed(clock))
            .then(DedupPreparation(options: options.dedup, keepsText: options.keepsText).timed(clock))
    }

    /// Every per-document stage, from a source to its spooled summary; the cache skips decode to render.
    func documentStages(clock: StageClock, cache: DocumentCache?, store: DocumentStore) -> some Stage<SourceReference, DocumentSummary> {
        let render = RenderStage(publishText: store.publishText, keepsDocuments: store.keepsDocuments)
        return SourceFetcher(options: options).timed(clock)
            .then(CachedStage(inner: perDocumentStages(clock: clock).then(render.timed(clock)), cache: cache))
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
        let cache = openCache()
        let store = try DocumentStore(publishText: options.keepsText, keepsDocuments: options.keepsDocuments, cache: cache)
        let results = runner.run(documentStages(clock: clock, cache: cache, store: store), on: sources)
        cache?.finishBuild()
        let outcomes = zip(sources, results).map { source, result in SourceOutcome(source: source.displayPath, result: result) }
        var outcome = try finish(outcomes, alreadyRejected: alreadyRejected, store: store, clock: clock)
        outcome.cacheStats = cache?.stats
        return outcome
    }

    /// The build's cache, or nil without one. A cache entry holds rendered rows, not the document a
    /// keepsDocuments spool needs. A cache that cannot be used (busy, unwritable) is reported, and the build
    /// goes on without it: the output is the same, only slower.
    private func openCache() -> DocumentCache? {
        guard !options.keepsDocuments, let directory = options.cacheDirectory else { return nil }
        do {
            return try DocumentCache(directory: directory, configuration: options.cacheConfiguration, namespace: options.cacheNamespace)
        } catch {
            FileHandle.standardError.write(Data("[reportkit] warning: \(error); building without the cache\n".utf8))
            return nil
        }
    }

    /// The per-document stages without the spool, for `reportkit map`: one record per source, in input order.
    /// Uncached: a map record carries the whole document, which the cache does not keep.
    public func map(_ sources: [SourceReference]) -> [MapRecord] {
        let clock = options.clock ?? StageClock()
        let stages = SourceFetcher(options: options).timed(clock).then(perDocumentStages(clock: clock))
        let results = ParallelRunner(jobs: options.jobs).run(stages, on: sources)
        return zip(sources, results).map { source, result in
            switch result {
            case .success(.keep(let document)): MapRecord(source: source.displayPath, document: document)
            case .success(.drop(let reason)): MapRecord(source: source.displayPath, stage: "extract", reason: reason, dropped: true)
            case .failure(let error):
                {
                    let failure = (error as? StageFailure) ?? StageFailure(stage: "pipeline", error: error)
                    return MapRecord(source: source.displayPath, stage: failure.stage, reason: failure.message, dropped: false)
                }()
            }
        }
    }

    /// The global stages over mapped records, for `reportkit reduce`: spools the documents, then `finish`.
    public func reduce(_ records: [MapRecord], alreadyRejected: [RejectedInput]) throws -> Outcome {
        let store = try DocumentStore(publishText: options.keepsText, keepsDocuments: options.keepsDocuments)
        let outcomes = try records.map { record -> SourceOutcome in
            if let document = record.document { return SourceOutcome(source: record.source, result: .success(.keep(try store.append(document)))) }
            if record.dropped == true { return SourceOutcome(source: record.source, result: .success(.drop(reason: record.reason ?? ""))) }
            return SourceOutcome(source: record.source, result: .failure(StageFailure(stage: record.stage ?? "pipeline", message: record.reason ?? "")))
        }
        return try finish(outcomes.sorted { $0.source < $1.source }, alreadyRejected: alreadyRejected, store: store, clock: options.clock ?? StageClock())
    }

    struct SourceOutcome {
        var source: String
        var result: Result<StageOutcome<DocumentSummary>, any Error>
    }

    /// After the barrier: collects rejections, deduplicates, and accounts for every input.
    func finish(_ outcomes: [SourceOutcome], alreadyRejected: [RejectedInput], store: DocumentStore, clock: StageClock) throws -> Outcome {
        var summaries: [DocumentSummary] = []
        var rejected = alreadyRejected
        var inputs: [DatasetContent.Input] = alreadyRejected.map {
            DatasetContent.Input(path: $0.source, sha256: nil, bytes: nil, outcome: "rejected", reportID: nil)
        }
        var counts: [String: Int] = ["inputs.located": outcomes.count, "inputs.rejected_before_reading": alreadyRejected.count]
        for outcome in outcomes {
            switch outcome.result {
            case .success(.keep(let summary)):
                summaries.append(summary)
            case .success(.drop(let reason)):
                rejected.append(RejectedInput(source: outcome.source, stage: "extract", reason: reason))
                inputs.append(.init(path: outcome.source, sha256: nil, bytes: nil, outcome: "dropped", reportID: nil))
                counts["dropped", default: 0] += 1
            case .failure(let error):
                let failure = (error as? StageFailure) ?? StageFailure(stage: "pipeline", error: error)
                rejected.append(RejectedInput(source: outcome.source, stage: failure.stage, reason: failure.message))
                inputs.append(.init(path: outcome.source, sha256: nil, bytes: nil, outcome: "rejected", reportID: nil))
                counts["rejected.\(failure.stage)", default: 0] += 1
            }
        }
        counts["extracted"] = summaries.count
        let deduplicated = try clock.measure("dedup") { try Deduplicator(options: options.dedup, jobs: options.jobs).run(summaries) }
        // Copies of the same text share a report id, so inputs are told apart by source path.
        var canonicalOf: [String: CompactHex] = [:]  // duplicate source path → canonical report id
        for summary in deduplicated.kept {
            for source in summary.duplicateSources { canonicalOf[source] = summary.reportFacts.reportKey }
        }
        let canonicalSources = Set(deduplicated.kept.map(\.sourcePath))
        for summary in summaries {
            let report = summary.reportFacts
            let outcome = canonicalSources.contains(report.sourcePath) ? "report" : "duplicate"
            inputs.append(
                .init(path: report.sourcePath, digest: report.sourceDigest, bytes: report.sourceBytes, outcome: outcome,
                      reportKey: canonicalOf[report.sourcePath] ?? report.reportKey, fetch: summary.fetch))
        }
        counts["dedup.duplicates_removed"] = deduplicated.duplicatesRemoved
        counts["reports"] = deduplicated.kept.count
        counts["rejected"] = rejected.count
        return Outcome(
            summaries: deduplicated.kept, store: store, rejected: rejected, inputs: inputs, stageCounts: counts, cacheStats: nil)
    }
}
