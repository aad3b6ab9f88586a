import Foundation
import Testing
@testable import ReportKit

@Suite("DatasetDiff") struct DatasetDiffTests {
    @Test("reports added, removed and changed rows with the changed fields") func diff() throws {
        let built = try DatasetBuilder().build(spec: TestSupport.pipeline.path, outputRoot: try TestSupport.temporaryFolder("diff"), jobs: 2)
        let copy = try TestSupport.temporaryFolder("diff-copy").appendingPathComponent("v2")
        try FileManager.default.copyItem(at: built.folder, to: copy)
        #expect(try DatasetDiff.compare(old: built.folder, new: copy).tables.values.allSatisfy(\.isEmpty))
        let metrics = copy.appendingPathComponent("metrics.csv")
        let edited = try String(contentsOf: metrics, encoding: .utf8).replacingOccurrences(of: ",854613,", with: ",854614,")
        try Data(edited.utf8).write(to: metrics)
        let policies = copy.appendingPathComponent("policies.csv")
        var lines = try String(contentsOf: policies, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let removedKey = String(lines[1].split(separator: ",")[0])
        lines.remove(at: 1)
        try Data(lines.joined(separator: "\n").utf8).write(to: policies)
        let diff = try DatasetDiff.compare(old: built.folder, new: copy)
        let changed = try #require(diff.tables["metrics"]?.changed)
        #expect(changed.count == 1)
        #expect(changed.first?.fields == ["value", "value_normalized"])
        #expect(diff.tables["policies"]?.removed == [removedKey])
        #expect(diff.tables["reports"]?.isEmpty == true)
        #expect(diff.summary().contains("metrics: 0 added, 0 removed, 1 changed"))
    }
}
