import ArgumentParser
import Foundation
import ReportKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two dataset versions: rows added, removed and changed, and which fields changed.",
        discussion: """
            Matches rows by each table's primary key (report_id, metric_id, mention_id). Exits 1 when the
            versions differ, like diff(1).

            Example:
              reportkit diff output/business-environment/1.0.0 output/business-environment/1.1.0
            """)

    @Argument(help: "The older dataset folder.")
    var old: String

    @Argument(help: "The newer dataset folder.")
    var new: String

    @Option(help: "Keys listed per kind of change.")
    var limit: Int = 10

    func run() throws {
        let diff = try DatasetDiff.compare(old: URL(fileURLWithPath: old), new: URL(fileURLWithPath: new))
        print(diff.summary(limit: limit), terminator: "")
        if !diff.tables.values.allSatisfy(\.isEmpty) { throw ExitCode.failure }
    }
}
