import Foundation

/// `reportkit build` and `reportkit run` as library calls: from a spec (or ad-hoc paths) to a dataset folder.
public struct DatasetBuilder: Sendable {
    public init() {}

    public struct BuildResult: Sendable {
        public var folder: URL
        public var changed: Bool
        public var content: DatasetContent
        /// Cache hits, misses and corrupt entries when a cache was used.
        public var cacheStats: (hits: Int, misses: Int, corrupt: Int)?
    }

    /// What identifies this toolkit build in cache keys: the source digest make passes, else the executable's build
    /// id (the linker's hash of it, ``ExecutableBuildID``), else the executable's SHA-256.
    static func toolkitIdentity() -> String {
        if let digest = ProcessInfo.processInfo.environment["REPORTKIT_SOURCE_DIGEST"], !digest.isEmpty { return digest }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for path in ["/proc/self/exe", executable.path] {
            if let id = ExecutableBuildID.read(path: path) { return "build-id:" + id }
        }
        if let data = try? Data(contentsOf: executable, options: .alwaysMapped) { return SHA256Hex.digest(data) }
        return ReportKitVersion.current
    }

    /// A loaded spec with its located sources and the runner options it implies.
    public struct Plan: Sendable {
        public var spec: PipelineSpec
        public var specURL: URL
        public var located: SourceLocator.Located
        public var options: PipelineRunner.Options

        /// The dataset content for an outcome of this plan.
        public func content(_ outcome: PipelineRunner.Outcome) -> DatasetContent {
            let specBytes = FileManager.default.contents(atPath: specURL.path) ?? Data()
            return DatasetContent(
                name: spec.name, version: spec.version, title: spec.title, description: spec.description, license: spec.license,
                released: spec.released ?? DatasetBuilder.sourceDateEpochDate(), publishText: spec.publishText ?? false,
                specPath: SpecLoader.fileName, specSHA256: SHA256Hex.digest(specBytes), summaries: outcome.summaries,
                store: outcome.store, rejected: outcome.rejected, inputs: outcome.inputs, stageCounts: outcome.stageCounts,
                dedup: options.dedup, toolkitSourceDigest: ProcessInfo.processInfo.environment["REPORTKIT_SOURCE_DIGEST"])
        }
    }

    /// Loads a pipeline folder or spec file and locates its sources.
    public func plan(spec path: String, jobs: Int, clock: StageClock? = nil, cacheDirectory: URL? = nil) throws -> Plan {
        let (spec, specURL) = try SpecLoader().load(path)
        let locator = SourceLocator(baseDirectory: specURL.deletingLastPathComponent())
        let located = (clock ?? StageClock()).measure("locate") { locator.locate(spec.sources) }
        var options = PipelineRunner.Options()
        options.jobs = jobs
        if let maxBytes = spec.fetch?.maxBytes { options.maxBytes = maxBytes }
        options.dedup = spec.dedup ?? DeduplicationOptions()
        options.validation = ValidationContext(
            buildDate: spec.released ?? Self.sourceDateEpochDate() ?? "9999-12-31",
            earliestPlausibleYear: spec.validate?.earliestPlausibleYear ?? 1990,
            maxPlausible: ValidationContext.defaultBounds.merging(spec.validate?.maxPlausible ?? [:]) { $1 })
        options.severityOverrides = spec.validate?.severity ?? [:]
        options.clock = clock
        options.keepsText = spec.publishText ?? false
        options.cacheDirectory = cacheDirectory
        options.cacheNamespace = spec.name
        // Only cache keys use it, and it hashes the whole executable: not worth doing for an uncached build.
        if cacheDirectory != nil { options.toolkitIdentity = Self.toolkitIdentity() }
        return Plan(spec: spec, specURL: specURL, located: located, options: options)
    }

    /// Builds `<outputRoot>/<name>/<version>/` from a pipeline folder or spec file: `map` then `reduce`, in one process.
    /// With `releasesSpool`, the result's ``DatasetContent/store`` no longer reads spooled records
    /// (``DocumentStore/releaseSpool()``): for a caller that only needs the written dataset.
    public func build(
        spec path: String, outputRoot: URL, jobs: Int, replace: Bool = false, showProgress: Bool = false, clock: StageClock? = nil,
        cacheDirectory: URL? = nil, offline: Bool = false, releasesSpool: Bool = false
    ) throws -> BuildResult {
        Self.warmUpSharedTables()
        var plan = try plan(spec: path, jobs: jobs, clock: clock, cacheDirectory: cacheDirectory)
        plan.options.showProgress = showProgress
        plan.options.http.offline = offline
        let outcome = try PipelineRunner(options: plan.options).run(plan.located.sources, alreadyRejected: plan.located.rejected)
        return try emit(plan, outcome, outputRoot: outputRoot, replace: replace, clock: clock, releasesSpool: releasesSpool)
    }

    /// The global stages of `build` over records from `reportkit map` (possibly produced on other machines).
    public func reduce(spec path: String, records: [MapRecord], outputRoot: URL, replace: Bool = false, clock: StageClock? = nil) throws
        -> BuildResult
    {
        let plan = try plan(spec: path, jobs: 1, clock: clock)
        let outcome = try PipelineRunner(options: plan.options).reduce(records, alreadyRejected: plan.located.rejected)
        return try emit(plan, outcome, outputRoot: outputRoot, replace: replace, clock: clock)
    }

    private func emit(
        _ plan: Plan, _ outcome: PipelineRunner.Outcome, outputRoot: URL, replace: Bool, clock: StageClock?, releasesSpool: Bool = false
    ) throws -> BuildResult {
        let content = plan.content(outcome)
        let (folder, changed) = try (clock ?? StageClock()).measure("emit") {
            try DatasetWriter(jobs: plan.options.jobs, releasesSpool: releasesSpool).writeVersioned(content, outputRoot: outputRoot, replace: replace)
        }
        return BuildResult(folder: folder, changed: changed, content: content, cacheStats: outcome.cacheStats)
    }

    /// Runs the default stages over ad-hoc files and folders and writes the dataset files into `output`.
    public func run(
        paths: [String], output: URL, jobs: Int, showProgress: Bool = false, clock: StageClock? = nil, cacheDirectory: URL? = nil,
        offline: Bool = false, http: HTTPFetchOptions? = nil
    ) throws -> BuildResult {
        Self.warmUpSharedTables()
        let located = SourceLocator(baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).locate(paths)
        var options = PipelineRunner.Options()
        options.jobs = jobs
        options.showProgress = showProgress
        let today = Self.sourceDateEpochDate() ?? Self.isoDate(Date())
        options.validation = ValidationContext(buildDate: today)
        options.clock = clock
        options.keepsText = true
        options.cacheDirectory = cacheDirectory
        if let http { options.http = http }
        options.http.offline = offline
        // Only cache keys use it, and it hashes the whole executable: not worth doing for an uncached build.
        if cacheDirectory != nil { options.toolkitIdentity = Self.toolkitIdentity() }
        let outcome = try PipelineRunner(options: options).run(located.sources, alreadyRejected: located.rejected)
        let content = DatasetContent(
            name: output.lastPathComponent, version: "0.0.0", title: "Reports processed with reportkit run",
            description: "Dataset built by `reportkit run` from the user's own files: \(paths.joined(separator: ", ")).",
            license: .init(name: "other-closed", title: "The user's own files; licence as theirs", path: nil),
            released: Self.sourceDateEpochDate(), publishText: true, specPath: nil, specSHA256: nil,
            summaries: outcome.summaries, store: outcome.store, rejected: outcome.rejected, inputs: outcome.inputs,
            stageCounts: outcome.stageCounts, dedup: options.dedup,
            toolkitSourceDigest: ProcessInfo.processInfo.environment["REPORTKIT_SOURCE_DIGEST"])
        let changed = try (clock ?? StageClock()).measure("emit") { try DatasetWriter(jobs: jobs).write(content, to: output) }
        return BuildResult(folder: output, changed: changed, content: content, cacheStats: outcome.cacheStats)
    }

    /// Loads the gazetteer on another core while the spec is read and the sources are located: both are
    /// serial, and the stages need the gazetteer before the first report starts. A later use waits for the load
    /// in progress (it is a `static let`), never repeats it.
    static func warmUpSharedTables() {
        DispatchQueue.global(qos: .userInitiated).async { _ = RegionGazetteer.shared }
    }

    /// `SOURCE_DATE_EPOCH` as a `YYYY-MM-DD` date, when set.
    static func sourceDateEpochDate() -> String? {
        guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(value) else {
            return nil
        }
        return isoDate(Date(timeIntervalSince1970: seconds))
    }

    static func isoDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
