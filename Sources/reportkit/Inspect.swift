import ArgumentParser
import Foundation
import ReportKit

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what each stage did to one document.",
        discussion: """
            Prints the detected format and encoding, the metadata hints, every repair with a before/after
            snippet, the cleaned text, and what the extract stage found. Use it to debug a surprising row.

            Example:
              reportkit inspect pipelines/business-environment/sources/001_084dc472a9cae97b.txt
            """)

    @Argument(help: "The text or HTML file to inspect.")
    var file: String

    @Flag(help: "Print the result as JSON instead of text.")
    var json = false

    func run() throws {
        let report = try DocumentInspector().inspect(path: file)
        if json {
            print(report.json)
        } else {
            print(report.text)
        }
    }
}
