import Foundation
import Testing
@testable import ReportKit

@Suite("DocumentCache") struct DocumentCacheTests {
    /// A warm cache gives byte-identical output; an edited report misses; a corrupt entry is ignored.
    @Test("warm builds are byte-identical and re-run only what changed") func incremental() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        let cache = try TestSupport.temporaryFolder("cache")
        let cold = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("cold"), jobs: 2, cacheDirectory: cache)
        #expect(cold.cacheStats?.hits == 0 && cold.cacheStats?.misses == 5)
        let warm = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("warm"), jobs: 2, cacheDirectory: cache)
        #expect(warm.cacheStats?.hits == 5 && warm.cacheStats?.misses == 0)
        #expect(try TestSupport.files(in: cold.folder) == TestSupport.files(in: warm.folder))

        // Corrupt one entry: it is detected, ignored and recomputed; the output does not change.
        let entries = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(entries.count == 5)
        let victim = cache.appendingPathComponent(try #require(entries.first))
        let bytes = try Data(contentsOf: victim)
        try bytes.prefix(bytes.count / 2).write(to: victim)
        let repaired = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("repaired"), jobs: 2, cacheDirectory: cache)
        #expect(repaired.cacheStats?.corrupt == 1 && repaired.cacheStats?.hits == 4)
        #expect(try TestSupport.files(in: cold.folder) == TestSupport.files(in: repaired.folder))

        // Edit one report: only it misses.
        let source = pipeline.appendingPathComponent("sources/003_7ee218ccb3750e24.txt")
        try Data((try String(contentsOf: source, encoding: .utf8) + "\n另外新增企业12家。\n").utf8).write(to: source)
        let edited = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("edited"), jobs: 2, cacheDirectory: cache)
        #expect(edited.cacheStats?.hits == 4 && edited.cacheStats?.misses == 1)
    }

    @Test("the spool gives back exactly what it was given") func spoolRoundTrip() throws {
        let store = try DocumentStore(keepsDocuments: true)
        let cleaned = try TestSupport.clean(try TestSupport.seed("000"))
        guard case .keep(let document) = try ReportExtractor().process(cleaned) else { Issue.record("no document"); return }
        let first = try store.append(document)
        let second = try store.append(document)
        #expect(second.offset == UInt64(first.length))
        let back = try store.load(second)
        #expect(back.metrics == document.metrics && back.report == document.report && back.text == document.text)
    }
}
