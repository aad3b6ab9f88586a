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
        // Cached reports are read from their entries at emit: neither build copied a row into its spool.
        for build in [cold, warm] {
            let spooled = try FileManager.default.attributesOfItem(atPath: build.content.store.url.path)[.size] as? Int
            #expect(spooled == 0)
        }

        // Corrupt one entry: it is detected, ignored and recomputed; the output does not change.
        let entries = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".bin") }.sorted()
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
        let coldEdited = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("cold-edited"), jobs: 2)
        #expect(try TestSupport.files(in: coldEdited.folder) == TestSupport.files(in: edited.folder))
        #expect(try TestSupport.files(in: coldEdited.folder) != TestSupport.files(in: cold.folder))
    }

    /// A report that yields nothing is cached as dropped, with its reason, and stays listed in rejected.jsonl.
    @Test("drops are cached and still reported") func cachedDrop() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        try Data("责任编辑：张三\n".utf8).write(to: pipeline.appendingPathComponent("sources/900_byline_only.txt"))
        let cache = try TestSupport.temporaryFolder("cache")
        let cold = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("cold"), jobs: 2, cacheDirectory: cache)
        let warm = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("warm"), jobs: 2, cacheDirectory: cache)
        #expect(cold.cacheStats?.misses == 6 && warm.cacheStats?.hits == 6)
        let rejected = try #require(try TestSupport.files(in: warm.folder)["rejected.jsonl"])
        #expect(String(decoding: rejected, as: UTF8.self).contains(#""reason":"no report text left after cleaning","source":"sources/900_byline_only.txt""#))
        #expect(try TestSupport.files(in: cold.folder) == TestSupport.files(in: warm.folder))
    }

    @Test("cache entries read back exactly, and malformed ones are refused") func entryLayout() throws {
        let cleaned = try TestSupport.clean(try TestSupport.seed("000"))
        guard case .keep(let extracted) = try ReportExtractor().process(cleaned) else { Issue.record("no document"); return }
        guard case .keep(let document) = try DedupPreparation(options: DeduplicationOptions(), keepsText: false).process(extracted) else {
            Issue.record("no sketch"); return
        }
        var result = try DocumentResult(document, publishText: false, keepsDocument: false)
        #expect(result.facts.sketch.minhash.count == DeduplicationOptions().permutations && !result.rows.isEmpty)
        for date in [nil, "", "2024-03-01"] as [String?] {
            result.facts.publishedDate = date
            let bytes = CachedOutcome.kept(result).serialized()
            #expect(CachedOutcome(serialized: bytes[...]) == .kept(result))
            // Read without its rows, an entry says where they lie: a spool record (UInt32 length, then the rows).
            guard case .kept(let located) = CachedOutcome(serialized: bytes[...], withRows: false), let place = located.cached else {
                Issue.record("no location"); continue
            }
            var record: [UInt8] = []
            LengthPrefixedParts.append(result.rows, to: &record)
            #expect(located.rows.isEmpty && Array(bytes[Int(place.offset)..<Int(place.offset) + place.length]) == record)
            // Every truncation is refused rather than read as a shorter entry.
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
                #expect(CachedOutcome(serialized: bytes[..<cut]) == nil)
            }
        }
        let dropped = CachedOutcome.dropped(reason: "no report text left after cleaning")
        #expect(CachedOutcome(serialized: dropped.serialized()[...]) == dropped)
        // Another layout's entry (the JSON documents of earlier versions) is not taken for this one.
        #expect(CachedOutcome(serialized: Array(#"{"report":{}}"#.utf8)[...]) == nil)
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
