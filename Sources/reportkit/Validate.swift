import ArgumentParser
import Foundation
import ReportKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a published dataset folder: checksums, schemas, keys and offsets.",
        discussion: """
            Verifies SHA256SUMS, every CSV table against its Table Schema in datapackage.json (header,
            types, required fields, enums, primary and foreign keys), the JSON Lines files, and — when the
            text is published — that every metric's offsets slice the text to its quote. Exits 1 on any problem.

            Example:
              reportkit validate output/business-environment/latest
            """)

    @Argument(help: "The dataset folder (for example output/business-environment/1.0.0).")
    var dataset: String

    func run() throws {
        let problems = DatasetValidator().validate(folder: URL(fileURLWithPath: dataset))
        if problems.isEmpty {
            print("\(dataset): valid")
            return
        }
        for problem in problems.prefix(50) { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
        if problems.count > 50 { FileHandle.standardError.write(Data("… and \(problems.count - 50) more\n".utf8)) }
        FileHandle.standardError.write(Data("\(dataset): \(problems.count) problems\n".utf8))
        throw ExitCode.failure
    }
}
