import ArgumentParser
import Foundation
import ReportKit

struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the per-document stages as a streaming filter: source paths in, JSON records out.",
        discussion: """
            Reads source paths (relative to the pipeline folder, one per line) on stdin and writes one JSON
            record per source on stdout, in input order: the extracted document, or the stage and reason it
            was rejected. `reportkit reduce` turns the records into the dataset; `build` is exactly map then
            reduce. This is the seam for scale-out engines (Spark's RDD.pipe, Hadoop Streaming).

            Examples:
              reportkit map pipelines/business-environment --list > sources.txt
              reportkit map pipelines/business-environment < sources.txt > records.jsonl
            """)

    @Argument(help: "The pipeline folder or spec file whose options apply.")
    var pipeline: String

    @Flag(help: "Print the pipeline's located source paths instead of mapping.")
    var list = false

    @Option(help: "Worker threads.")
    var jobs: Int = ParallelRunner.defaultJobs

    @Option(help: "Documents mapped per batch (bounds memory on long streams).")
    var batchSize: Int = 256

    func run() throws {
        let plan = try DatasetBuilder().plan(spec: pipeline, jobs: jobs)
        if list {
            for source in plan.located.sources { print(source.displayPath) }
            return
        }
        let base = plan.specURL.deletingLastPathComponent()
        let runner = PipelineRunner(options: plan.options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var batch: [SourceReference] = []
        func flush() throws {
            for record in runner.map(batch) {
                FileHandle.standardOutput.write(try encoder.encode(record) + Data("\n".utf8))
            }
            batch.removeAll()
        }
        while let line = readLine() {
            let path = line.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { continue }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            batch.append(SourceReference(fileURL: url, displayPath: path))
            if batch.count >= max(1, batchSize) { try flush() }
        }
        try flush()
    }
}

struct Reduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the global stages (dedup, validation summary, emit) over records from `reportkit map`.",
        discussion: """
            Reads map records (JSON lines) from the given files or stdin and writes the versioned dataset
            exactly as `build` would: the same inputs and spec give the same bytes.

            Example:
              reportkit reduce pipelines/business-environment records.jsonl --output-root output
            """)

    @Argument(help: "The pipeline folder or spec file.")
    var pipeline: String

    @Argument(help: "Record files (default: stdin).")
    var records: [String] = []

    @Option(help: "Folder that receives <name>/<version>/.")
    var outputRoot: String = "output"

    @Flag(help: "Replace an existing version folder even if its data changes (only for unpublished versions).")
    var replace = false

    func run() throws {
        var lines: [Substring] = []
        if records.isEmpty {
            while let line = readLine() { lines.append(Substring(line)) }
        } else {
            for file in records {
                let text = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
                lines += text.split(separator: "\n")
            }
        }
        let decoder = JSONDecoder()
        var parsed: [MapRecord] = []
        for (number, line) in lines.enumerated() where !line.isEmpty {
            do {
                parsed.append(try decoder.decode(MapRecord.self, from: Data(line.utf8)))
            } catch {
                throw ValidationError("Record \(number + 1) is not a reportkit map record: \(error)")
            }
        }
        let result = try DatasetBuilder().reduce(spec: pipeline, records: parsed, outputRoot: URL(fileURLWithPath: outputRoot), replace: replace)
        Summary.print(result, verb: result.changed ? "wrote" : "unchanged")
    }
}
