import ArgumentParser
import Foundation
import ReportKit

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the default stages over your own files and write a dataset folder.",
        discussion: """
            No spec needed: give files and folders (folders are read recursively for .txt and .html),
            and the dataset files (reports, metrics, policies, initiatives, validation, rejected,
            datapackage.json, provenance.json, README.md, SHA256SUMS) are written into --output.
            The cleaned text is included in reports.jsonl: these are your own files.

            Example:
              reportkit run ~/reports/*.html notes/ --output my-dataset
              reportkit run --manifest urls.csv --cache-dir .cache/reportkit --output web-dataset
            """)

    @Argument(help: "Files, folders and http(s) URLs to process.")
    var inputs: [String] = []

    @Option(help: "A manifest of URLs: one per line, or CSV with url and optional publisher and date columns.")
    var manifest: [String] = []

    @Flag(help: "Use only the response cache for URLs; fetch nothing.")
    var offline = false

    @OptionGroup var web: WebOptions

    @Option(help: "Folder to write the dataset into (created if missing).")
    var output: String

    @Option(help: "Worker threads for the per-document stages (default: the number of cores).")
    var jobs: Int = ParallelRunner.defaultJobs

    @Option(help: "Folder for a per-document result cache (off unless given).")
    var cacheDir: String?

    @Flag(help: "Exit non-zero when any input is rejected.")
    var strict = false

    @Option(help: "Write per-stage timings (JSON) to this file, for benchmarks.")
    var timingsFile: String?

    func validate() throws {
        guard !inputs.isEmpty || !manifest.isEmpty else {
            throw ValidationError("Please give at least one file, folder, URL or --manifest to process.")
        }
        guard jobs >= 1 else { throw ValidationError("Please specify a '--jobs' of at least 1.") }
    }

    func run() throws {
        let clock = StageClock()
        let start = Date()
        let result = try DatasetBuilder().run(
            paths: inputs + manifest.map { "manifest:" + $0 }, output: URL(fileURLWithPath: output), jobs: jobs,
            showProgress: true, clock: clock, cacheDirectory: cacheDir.map { URL(fileURLWithPath: $0) }, offline: offline,
            http: web.options)
        if let timingsFile {
            try TimingsFile.write(clock, result: result, wallSeconds: Date().timeIntervalSince(start), jobs: jobs, to: timingsFile)
        }
        Summary.print(result, verb: "wrote")
        if strict && !result.content.rejected.isEmpty { throw ExitCode(3) }
    }
}
