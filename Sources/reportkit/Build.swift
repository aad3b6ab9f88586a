import ArgumentParser
import Foundation
import ReportKit
import Synchronization

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a versioned dataset from a pipeline spec.",
        discussion: """
            Reads the spec (pipeline.yaml), runs every stage and writes <output-root>/<name>/<version>/,
            then points <output-root>/<name>/latest at the newest version. A version that exists with
            different data is an error: bump the version in the spec.

            Example:
              reportkit build pipelines/business-environment --output-root output --jobs 2
            """)

    @Argument(help: "A pipeline folder (holding pipeline.yaml) or a spec file.")
    var pipeline: String

    @Option(help: "Folder that receives <name>/<version>/.")
    var outputRoot: String = "output"

    @Option(help: "Worker threads for the per-document stages (default: the number of cores).")
    var jobs: Int = ParallelRunner.defaultJobs

    @Option(help: "Folder for the per-document result cache; a rebuild re-runs only changed documents.")
    var cacheDir: String = ".cache/reportkit"

    @Flag(help: "Run every stage on every document, ignoring the cache.")
    var noCache = false

    @Flag(help: "Use only the response cache for URL sources; fetch nothing.")
    var offline = false

    @Flag(help: "Replace an existing version folder even if its data changes (only for unpublished versions).")
    var replace = false

    @Flag(help: "Exit non-zero when any input is rejected.")
    var strict = false

    @Option(help: "Write per-stage timings (JSON) to this file, for benchmarks.")
    var timingsFile: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("Please specify a '--jobs' of at least 1.") }
    }

    func run() throws {
        let clock = StageClock()
        let start = Date()
        let result = try DatasetBuilder().build(
            spec: pipeline, outputRoot: URL(fileURLWithPath: outputRoot), jobs: jobs, replace: replace, showProgress: true,
            clock: clock, cacheDirectory: noCache ? nil : URL(fileURLWithPath: cacheDir), offline: offline, releasesSpool: true)
        if let timingsFile {
            try TimingsFile.write(clock, result: result, wallSeconds: Date().timeIntervalSince(start), jobs: jobs, to: timingsFile)
        }
        Summary.print(result, verb: result.changed ? "wrote" : "unchanged")
        Self.keptUntilExit.withLock { $0 = result }
        if strict && !result.content.rejected.isEmpty { throw ExitCode(3) }
    }

    /// The finished build's result, never released: the process ends right after `run`, and releasing a large
    /// build's summaries and inputs one by one took ~10 ms of a bench build's end (as clang's `-disable-free`).
    private static let keptUntilExit = Mutex<DatasetBuilder.BuildResult?>(nil)
}

enum Summary {
    static func print(_ result: DatasetBuilder.BuildResult, verb: String) {
        let content = result.content
        var line = "\(verb) \(result.folder.path): \(content.summaries.count) reports, "
        line += "\(content.rejected.count) rejected"
        if let cache = result.cacheStats {
            line += "; cache \(cache.hits) hits, \(cache.misses) misses"
            if cache.corrupt > 0 { line += " (\(cache.corrupt) corrupt entries ignored)" }
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
        for rejected in content.rejected {
            FileHandle.standardError.write(Data("  rejected \(rejected.source) [\(rejected.stage)]: \(rejected.reason)\n".utf8))
        }
    }
}
