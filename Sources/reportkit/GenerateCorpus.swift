import ArgumentParser
import Foundation
import ReportKit

struct GenerateCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-corpus",
        abstract: "Generate a deterministic synthetic corpus of reports, for benchmarks.",
        discussion: """
            Builds --count reports from the sentences of the sample reports
            (--samples), with their numbers changed, and writes them as
            <output>/corpus/000001.txt (or .html), plus <output>/pipeline.yaml
            so that `reportkit build <output>` builds the corpus. A share of the
            reports is wrapped in a news-site HTML page, republished as a
            near-duplicate of an earlier report, converted to Traditional
            script, or written as GBK bytes. The same seed and options give
            byte-identical files, with any --jobs; reports of an earlier
            generation in <output>/corpus are removed first.

            Example:
              reportkit generate-corpus --count 20000 --seed 42 --output .bench
              reportkit build .bench --output-root .bench/out
            """)

    @Option(help: "How many reports to generate.")
    var count: Int

    @Option(help: "The seed: the same seed and options give the same bytes.")
    var seed: UInt64

    @Option(help: "Folder to write corpus/ and pipeline.yaml into (created if missing).")
    var output: String

    @Option(help: "Share of reports wrapped in a news-site HTML page.")
    var htmlShare: Double = 0.3

    @Option(help: "Share of reports that republish an earlier report with small changes.")
    var duplicateShare: Double = 0.1

    @Option(help: "Share of reports in Traditional script.")
    var traditionalShare: Double = 0.05

    @Option(help: "Share of reports written as GBK bytes.")
    var gbkShare: Double = 0.05

    @Option(help: "About how many bytes of text a report's body has.")
    var targetBytes: Int = 5000

    @Option(help: "Folder of plain-text sample reports to take sentences from.")
    var samples: String = SyntheticCorpus.defaultSamplesFolder

    @Option(help: "Worker threads (default: the number of cores); the files do not depend on it.")
    var jobs: Int = ParallelRunner.defaultJobs

    func validate() throws {
        guard count >= 1 else { throw ValidationError("Please specify a '--count' of at least 1.") }
        guard jobs >= 1 else { throw ValidationError("Please specify a '--jobs' of at least 1.") }
    }

    func run() throws {
        let options = SyntheticCorpus.Options(
            count: count, seed: seed, htmlShare: htmlShare, duplicateShare: duplicateShare,
            traditionalShare: traditionalShare, gbkShare: gbkShare, targetBytes: targetBytes)
        let folder = URL(fileURLWithPath: output)
        let corpus = try SyntheticCorpus(options: options, samples: URL(fileURLWithPath: samples))
        let summary = try corpus.write(to: folder, jobs: jobs)
        let spec = folder.appendingPathComponent("pipeline.yaml")
        try PlainFile.write(Data(corpus.pipelineSpec.utf8), to: spec)
        let megabytes = String(format: "%.1f", Double(summary.bytes) / 1_000_000)
        var line = "wrote \(summary.reports) reports (\(summary.html) HTML, \(summary.duplicates) near-duplicates, "
        line += "\(summary.traditional) Traditional, \(summary.gbk) GBK), \(megabytes) MB, into "
        line += "\(folder.appendingPathComponent("corpus").path); spec \(spec.path)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
