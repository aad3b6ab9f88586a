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
            #expect(build.content.store.spooledBytes == 0)
        }

        // Corrupt one entry: it is detected, ignored and recomputed; the output does not change.
        let packs = try Self.files(in: cache, ending: ".pack")
        let indexes = try Self.files(in: cache, ending: ".index")
        #expect(packs.count == 1 && indexes.count == 1)
        let pack = try #require(packs.first)
        var bytes = try Data(contentsOf: pack)
        bytes[100] ^= 0x5A  // inside the first entry (every entry is far longer than 100 bytes)
        try bytes.write(to: pack)
        let repaired = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("repaired"), jobs: 2, cacheDirectory: cache)
        #expect(repaired.cacheStats?.corrupt == 1 && repaired.cacheStats?.hits == 4)
        #expect(try TestSupport.files(in: cold.folder) == TestSupport.files(in: repaired.folder))
        let rewarmed = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("rewarmed"), jobs: 2, cacheDirectory: cache)
        #expect(rewarmed.cacheStats?.hits == 5 && rewarmed.cacheStats?.corrupt == 0)

        // Edit one report: only it misses.
        let source = pipeline.appendingPathComponent("sources/003_7ee218ccb3750e24.txt")
        try Data((try String(contentsOf: source, encoding: .utf8) + "\n另外新增企业12家。\n").utf8).write(to: source)
        let edited = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("edited"), jobs: 2, cacheDirectory: cache)
        #expect(edited.cacheStats?.hits == 4 && edited.cacheStats?.misses == 1)
        let coldEdited = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("cold-edited"), jobs: 2)
        #expect(try TestSupport.files(in: coldEdited.folder) == TestSupport.files(in: edited.folder))
        #expect(try TestSupport.files(in: coldEdited.folder) != TestSupport.files(in: cold.folder))
    }

    /// Each build keeps only what it used: after every report changed, the old pack is gone; a truncated index
    /// or a pack left by a build that died is never read and is cleared away.
    @Test("the cache keeps what the last build used, and distrusts damaged packs") func collection() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        let cache = try TestSupport.temporaryFolder("cache")
        let build = { (name: String) in
            try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder(name), jobs: 2, cacheDirectory: cache)
        }
        let cold = try build("cold")
        let sources = try FileManager.default.contentsOfDirectory(
            at: pipeline.appendingPathComponent("sources"), includingPropertiesForKeys: nil)
        for source in sources {
            try Data((try Data(contentsOf: source)) + Data("\n另外新增企业12家。\n".utf8)).write(to: source)
        }
        let edited = try build("edited")
        #expect(edited.cacheStats?.misses == 5 && edited.cacheStats?.hits == 0)
        #expect(try Self.files(in: cache, ending: ".pack").map(\.lastPathComponent) == ["2.pack"])
        #expect(try TestSupport.files(in: cold.folder) != TestSupport.files(in: edited.folder))

        // A truncated index: its pack is not trusted, every report is recomputed, the output is the same.
        let index = try #require(try Self.files(in: cache, ending: ".index").first)
        let indexBytes = try Data(contentsOf: index)
        try indexBytes.prefix(indexBytes.count - 1).write(to: index)
        let reindexed = try build("reindexed")
        #expect(reindexed.cacheStats?.hits == 0 && reindexed.cacheStats?.misses == 5 && reindexed.cacheStats?.corrupt == 1)
        #expect(try TestSupport.files(in: reindexed.folder) == TestSupport.files(in: edited.folder))
        #expect(try Self.files(in: cache, ending: ".pack").map(\.lastPathComponent) == ["3.pack"])

        // A pack with no index (its build died) is ignored and deleted by the next build.
        let folder = try #require(try Self.files(in: cache, ending: ".pack").first).deletingLastPathComponent()
        try Data("half an entry".utf8).write(to: folder.appendingPathComponent("9.pack"))
        let after = try build("after-crash")
        #expect(after.cacheStats?.hits == 5)
        #expect(try Self.files(in: cache, ending: ".pack").map(\.lastPathComponent) == ["3.pack"])

        // Edit all but the smallest report: pack 3 is then mostly dead, so its one live entry moves to a new
        // pack (5) next to this build's (4), and pack 3 goes. The moved entry still serves a warm build.
        for source in sources where !source.lastPathComponent.hasPrefix("000_") {
            try Data((try Data(contentsOf: source)) + Data("另外新增项目3个。\n".utf8)).write(to: source)
        }
        let mostlyEdited = try build("mostly-edited")
        #expect(mostlyEdited.cacheStats?.hits == 1 && mostlyEdited.cacheStats?.misses == 4)
        #expect(try Self.files(in: cache, ending: ".pack").map(\.lastPathComponent) == ["4.pack", "5.pack"])
        let warm = try build("warm")
        #expect(warm.cacheStats?.hits == 5 && warm.cacheStats?.corrupt == 0)
        let uncached = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("uncached"), jobs: 2)
        #expect(try TestSupport.files(in: warm.folder) == TestSupport.files(in: uncached.folder))
        #expect(try TestSupport.files(in: mostlyEdited.folder) == TestSupport.files(in: uncached.folder))
    }

    /// A cache folder that cannot be made (here a file stands in its way) is reported, and the build goes on
    /// without it and writes the same dataset.
    @Test("an unusable cache folder is skipped with a reason") func unusableCache() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        let blocked = try TestSupport.temporaryFolder("blocked").appendingPathComponent("cache")
        try Data("not a folder".utf8).write(to: blocked)
        #expect {
            try DocumentCache(directory: blocked, configuration: "c")
        } throws: { error in
            guard case DocumentCache.Unavailable.cannotCreate(let path, _) = error else { return false }
            return path.hasPrefix(blocked.path) && "\(error)".contains("cannot use the cache folder")
        }
        let build = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("out"), jobs: 2, cacheDirectory: blocked)
        let uncached = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("plain"), jobs: 2)
        #expect(build.cacheStats == nil)
        #expect(try TestSupport.files(in: build.folder) == TestSupport.files(in: uncached.folder))
    }

    /// Entries of the one-file-per-document layout are deleted when the cache is opened; other files stay.
    @Test("entries of the old layout are cleared away") func legacyEntries() throws {
        let cache = try TestSupport.temporaryFolder("cache")
        let old = cache.appendingPathComponent("3f")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("entry".utf8).write(to: old.appendingPathComponent("3f\(String(repeating: "0", count: 62)).bin"))
        let mixed = cache.appendingPathComponent("ab")
        try FileManager.default.createDirectory(at: mixed, withIntermediateDirectories: true)
        try Data("entry".utf8).write(to: mixed.appendingPathComponent("ab.bin"))
        try Data("notes".utf8).write(to: mixed.appendingPathComponent("notes.txt"))
        let opened = try DocumentCache(directory: cache, configuration: "c")
        opened.finishBuild()
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: mixed.appendingPathComponent("notes.txt").path))
        #expect(FileManager.default.fileExists(atPath: mixed.appendingPathComponent("ab.bin").path))
    }

    /// A new toolkit build misses every entry of the old one (the configuration is in the keys) and, sharing the
    /// pipeline's folder, collects the old pack instead of leaving it behind.
    @Test("entries of another toolkit build miss, and are collected") func toolkitChange() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        let cache = try TestSupport.temporaryFolder("cache")
        let plan = try DatasetBuilder().plan(spec: pipeline.path, jobs: 2, cacheDirectory: cache)
        func run(_ identity: String) throws -> (hits: Int, misses: Int, corrupt: Int)? {
            var options = plan.options
            options.toolkitIdentity = identity
            return try PipelineRunner(options: options).run(plan.located.sources).cacheStats
        }
        #expect(try run("toolkit-a")?.misses == 5)
        #expect(try run("toolkit-a")?.hits == 5)
        #expect(try Self.files(in: cache, ending: ".pack").map(\.lastPathComponent) == ["1.pack"])
        let changed = try run("toolkit-b")
        #expect(changed?.hits == 0 && changed?.misses == 5)
        // The warm build's empty pack 2 left no trace, so this build's pack took number 2 again.
        #expect(try Self.files(in: cache, ending: ".pack").map(\.lastPathComponent) == ["2.pack"])
        #expect(try run("toolkit-b")?.hits == 5)
    }

    /// While one build holds a pipeline's cache, a second one runs without it and still writes the same dataset.
    @Test("a busy cache is skipped, not shared") func busyCache() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        let cache = try TestSupport.temporaryFolder("cache")
        let plan = try DatasetBuilder().plan(spec: pipeline.path, jobs: 1, cacheDirectory: cache)
        let holder = try DocumentCache(directory: cache, configuration: plan.options.cacheConfiguration, namespace: plan.spec.name)
        #expect(throws: DocumentCache.Unavailable.self) {
            try DocumentCache(directory: cache, configuration: plan.options.cacheConfiguration, namespace: plan.spec.name)
        }
        let busy = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("busy"), jobs: 2, cacheDirectory: cache)
        #expect(busy.cacheStats == nil)
        holder.finishBuild()
        let free = try DatasetBuilder().build(spec: pipeline.path, outputRoot: try TestSupport.temporaryFolder("free"), jobs: 2, cacheDirectory: cache)
        #expect(free.cacheStats?.misses == 5)
        #expect(try TestSupport.files(in: busy.folder) == TestSupport.files(in: free.folder))
        // Another pipeline (another namespace) has its own lock.
        let other = try DocumentCache(directory: cache, configuration: plan.options.cacheConfiguration, namespace: "another")
        other.finishBuild()
    }

    @Test("pack indexes read back exactly, and damaged ones are refused") func indexLayout() {
        var generator = SplitMix64(seed: 7)
        let records = (0..<50).map { _ in
            CachePackIndex.Record(
                key: CacheKey(digest: (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) }),
                offset: generator.next() >> 20, length: UInt32(truncatingIfNeeded: generator.next()))
        }
        let bytes = CachePackIndex.serialized(records)
        #expect(CachePackIndex.records(bytes) == records)
        #expect(CachePackIndex.records(CachePackIndex.serialized([])) == [])
        #expect(CachePackIndex.isEarlierLayout(Array("reportkit-pack-index/1\n".utf8)) && !CachePackIndex.isEarlierLayout(bytes))
        #expect(!CachePackIndex.isEarlierLayout(Array(bytes.prefix(5))))
        for cut in stride(from: 0, to: bytes.count, by: 7) { #expect(CachePackIndex.records(Array(bytes[..<cut])) == nil) }
        for position in stride(from: 0, to: bytes.count, by: 13) {
            var flipped = bytes
            flipped[position] ^= 0x01
            #expect(CachePackIndex.records(flipped) == nil)
        }
        #expect(records[3].key.bytes.count == 32 && CacheKey(digest: records[3].key.bytes) == records[3].key)

        // The merged index is a sorted array searched by halving: every key is found where it is, no other key is.
        let entries = records.map { IndexedEntry(key: $0.key, place: PackLocation(pack: 1, offset: $0.offset, length: $0.length)) }
            .sorted { $0.key < $1.key }
        for (position, entry) in entries.enumerated() { #expect(entries.position(of: entry.key) == position) }
        for _ in 0..<50 {
            let absent = CacheKey(digest: (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
            #expect(entries.position(of: absent) == nil)
        }
        #expect([IndexedEntry]().position(of: records[0].key) == nil)
    }

    /// XXH64 values from the reference implementation (Python's `xxhash` package), at lengths that take
    /// every path: empty, single bytes, a 4-byte tail, whole 32-byte stripes, and a long odd length.
    @Test("entry checksums are XXH64 and catch every flipped bit") func entryChecksum() {
        let long = Array((0..<3).flatMap { _ in (0...255).map { UInt8($0) } }) + Array("xyz".utf8)
        let known: [([UInt8], UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999), (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B), (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
            (Array("0123456789abcdef0123456789abcdef".utf8), 0x642A_9495_8E71_E6C5), (long, 0xE921_A1B4_5BD7_79F8),
        ]
        for (bytes, value) in known { #expect(EntryChecksum.of(bytes[...]) == value, "\(bytes.count) bytes") }
        let entry = EntryChecksum.prefixed(Array("营商环境 entry payload, 37 bytes+".utf8))
        #expect(EntryChecksum.matches(entry) && !EntryChecksum.matches(Array(entry.prefix(7))))
        for position in entry.indices {
            for bit in 0..<8 {
                var damaged = entry
                damaged[position] ^= 1 << bit
                #expect(!EntryChecksum.matches(damaged))
            }
        }
    }

    @Test("the planner deletes dead packs, rewrites sparse ones and bounds the count") func planner() {
        typealias Pack = CachePackPlanner.Pack
        // Fully live: nothing to do; fully dead: delete.
        #expect(CachePackPlanner.plan([Pack(number: 1, bytes: 100, liveBytes: 100)]) == .init())
        #expect(CachePackPlanner.plan([Pack(number: 1, bytes: 100, liveBytes: 0), Pack(number: 2, bytes: 10, liveBytes: 10)]) == .init(delete: [1]))
        // One edited report in a big pack: keep it; a pack mostly dead: rewrite its live part.
        #expect(CachePackPlanner.plan([Pack(number: 1, bytes: 100, liveBytes: 99), Pack(number: 2, bytes: 1, liveBytes: 1)]) == .init())
        #expect(CachePackPlanner.plan([Pack(number: 1, bytes: 100, liveBytes: 40), Pack(number: 2, bytes: 60, liveBytes: 60)]) == .init(merge: [1]))
        // Nine live packs with a limit of eight: the two smallest merge into one, leaving eight.
        let nine = (1...9).map { Pack(number: UInt32($0), bytes: UInt64(100 - $0), liveBytes: UInt64(100 - $0)) }
        #expect(CachePackPlanner.plan(nine, maxPacks: 8) == .init(merge: [8, 9]))
        // A sparse pack plus too many: the sparse one and the smallest others share one new pack.
        let crowded = nine + [Pack(number: 10, bytes: 100, liveBytes: 10)]
        let plan = CachePackPlanner.plan(crowded, maxPacks: 8)
        #expect(plan.merge.contains(10) && plan.delete.isEmpty)
        #expect(crowded.count - plan.merge.count + 1 <= 8)
    }

    private static func files(in cache: URL, ending suffix: String) throws -> [URL] {
        let results = cache.appendingPathComponent("results")
        return try FileManager.default.subpathsOfDirectory(atPath: results.path).filter { $0.hasSuffix(suffix) }.sorted()
            .map { results.appendingPathComponent($0) }
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
        #expect(result.facts.sketch.minhash.count == DeduplicationOptions().permutations && result.record.count > 4)
        for date in [nil, "", "2024-03-01"] as [String?] {
            result.facts.publishedDate = date
            let bytes = CachedOutcome.kept(result).serialized()
            #expect(CachedOutcome(serialized: bytes[...]) == .kept(result))
            // Read without its rows, an entry says where they lie: a spool record (UInt32 length, then the rows).
            guard case .kept(let located) = CachedOutcome(serialized: bytes[...], withRows: false), let place = located.cached else {
                Issue.record("no location"); continue
            }
            #expect(located.record.isEmpty && Array(bytes[Int(place.offset)..<Int(place.offset) + place.length]) == result.record)
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
