import Foundation
import Testing
@testable import ReportKit

@Suite("DatasetValidator") struct DatasetValidatorTests {
    func freshDataset() throws -> URL {
        let output = try TestSupport.temporaryFolder("validate")
        return try DatasetBuilder().build(spec: TestSupport.pipeline.path, outputRoot: output, jobs: 2).folder
    }

    @Test("passes a fresh build") func freshBuildIsValid() throws {
        let problems = DatasetValidator().validate(folder: try freshDataset())
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("catches an edited value through the checksum") func editedValue() throws {
        let folder = try freshDataset()
        let url = folder.appendingPathComponent("metrics.csv")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: ",854613,", with: ",854614,")
        try Data(text.utf8).write(to: url)
        let problems = DatasetValidator().validate(folder: folder)
        #expect(problems.contains { $0.file == "metrics.csv" && $0.message.contains("checksum") })
    }

    @Test("catches a deleted report row through the foreign keys") func deletedReport() throws {
        let folder = try freshDataset()
        let url = folder.appendingPathComponent("reports.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 1)
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        let problems = DatasetValidator().validate(folder: folder)
        #expect(problems.contains { $0.file == "metrics.csv" && $0.message.contains("has no row in reports.report_id") })
        #expect(problems.contains { $0.file == "reports.jsonl" && $0.message.contains("lines but reports.csv has") })
    }

    @Test("catches a broken checksum line and a type error") func brokenChecksum() throws {
        let folder = try freshDataset()
        let sums = folder.appendingPathComponent("SHA256SUMS")
        let text = try String(contentsOf: sums, encoding: .utf8)
        try Data(("0" + text.dropFirst()).utf8).write(to: sums)
        let reports = folder.appendingPathComponent("reports.csv")
        let csv = try String(contentsOf: reports, encoding: .utf8).replacingOccurrences(of: ",simplified,3410,", with: ",simplified,many,")
        try Data(csv.utf8).write(to: reports)
        let problems = DatasetValidator().validate(folder: folder)
        #expect(problems.contains { $0.message.contains("checksum does not match") })
        #expect(problems.contains { $0.file == "reports.csv" && $0.message.contains("'many' is not an integer") })
    }
}
