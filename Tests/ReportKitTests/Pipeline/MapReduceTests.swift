import Foundation
import Testing
@testable import ReportKit

@Suite("map and reduce") struct MapReduceTests {
    /// `build` is exactly map then reduce: records mapped in several shuffled batches reduce to the same bytes.
    @Test("map in batches, then reduce, gives build's bytes") func sameBytes() throws {
        let builder = DatasetBuilder()
        let built = try builder.build(spec: TestSupport.pipeline.path, outputRoot: try TestSupport.temporaryFolder("built"), jobs: 2)
        let plan = try builder.plan(spec: TestSupport.pipeline.path, jobs: 1)
        let runner = PipelineRunner(options: plan.options)
        let sources = plan.located.sources
        // Three "partitions", mapped separately and in reverse order, like executors finishing at different times.
        let partitions = [Array(sources[3...]), Array(sources[1..<3]), Array(sources[..<1])]
        var records: [MapRecord] = []
        for partition in partitions { records += runner.map(partition) }
        // Records survive a JSON round trip, as they do through a pipe.
        let encoder = JSONEncoder()
        let decoded = try records.map { try JSONDecoder().decode(MapRecord.self, from: try encoder.encode($0)) }
        let reduced = try builder.reduce(spec: TestSupport.pipeline.path, records: decoded, outputRoot: try TestSupport.temporaryFolder("reduced"))
        #expect(try TestSupport.files(in: built.folder) == TestSupport.files(in: reduced.folder))
    }

    @Test("a rejected source travels through map and reduce with its reason") func rejected() throws {
        let folder = try TestSupport.temporaryFolder("mr")
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        var options = PipelineRunner.Options()
        options.jobs = 1
        let records = PipelineRunner(options: options).map([SourceReference(fileURL: folder.appendingPathComponent("empty.txt"), displayPath: "empty.txt")])
        #expect(records.count == 1)
        #expect(records.first?.stage == "fetch.file")
        #expect(records.first?.reason?.contains("is empty") == true)
        let outcome = try PipelineRunner(options: options).reduce(records, alreadyRejected: [])
        #expect(outcome.rejected.map(\.source) == ["empty.txt"])
        #expect(outcome.summaries.isEmpty)
    }
}
