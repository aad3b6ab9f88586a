import ArgumentParser
import Foundation
import ReportKit

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score extraction against hand-written gold annotations.",
        discussion: """
            Runs the pipeline's stages over every report with a gold file and prints precision, recall and
            F1 for metrics (matched on normalised value and unit), indicator accuracy among matched metrics,
            kind/qualifier accuracy, report-field accuracy, and P/R/F1 for policies and initiatives.
            Exits 1 when metric F1 or indicator accuracy is under the spec's thresholds.

            Example:
              reportkit eval pipelines/business-environment --summary eval.json
              reportkit eval --gold pipelines/business-environment/gold/annotations --min-f1 0.9
            """)

    @Argument(help: "A pipeline folder or spec file with an eval section (default: the pipeline that holds --gold).")
    var pipeline: String?

    @Option(help: "Gold folder to use instead of the spec's eval.gold.")
    var gold: String?

    @Option(help: "Minimum metric F1 (overrides the spec's eval.min_metric_f1).")
    var minF1: Double?

    @Option(help: "Write the machine-readable summary (JSON) to this file.")
    var summary: String?

    @Flag(help: "List missed, spurious and mislabelled claims.")
    var details = false

    @Option(help: "Worker threads.")
    var jobs: Int = ParallelRunner.defaultJobs

    func validate() throws {
        guard pipeline != nil || gold != nil else {
            throw ValidationError("Please give a pipeline folder, or --gold with a gold annotation folder inside a pipeline.")
        }
    }

    func run() throws {
        let pipelinePath = try pipeline ?? EvalRunner.pipelineHolding(gold: gold ?? ".")
        let outcome = try EvalRunner().evaluate(pipeline: pipelinePath, goldOverride: gold.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, minF1: minF1, jobs: jobs)
        print(outcome.table, terminator: "")
        if details { print(outcome.details, terminator: "") }
        if let summary { try PlainFile.write(Data((outcome.json + "\n").utf8), to: URL(fileURLWithPath: summary)) }
        if !outcome.passed { throw ExitCode.failure }
    }
}
