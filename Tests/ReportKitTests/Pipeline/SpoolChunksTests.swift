import Dispatch
import Foundation
import Synchronization
import Testing
@testable import ReportKit

#if canImport(Glibc)
    import Glibc
#endif

@Suite("SpoolChunks") struct SpoolChunksTests {
    private func spoolFile(_ name: String) throws -> Int32 {
        let folder = try TestSupport.temporaryFolder(name)
        let descriptor = open(folder.appendingPathComponent("spool").path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        return descriptor
    }

    /// Random parts: empty records, small ones, ones that just fill a chunk and ones larger than a chunk.
    private func randomParts(_ random: inout SplitMix64, capacity: Int) -> [[UInt8]] {
        let sizes = [0, 1, 37, capacity / 3, capacity - 4, capacity, capacity + 1, 3 * capacity + 5]
        return (0..<Int(random.next() % 4)).map { _ in
            let size = random.next() % 3 == 0 ? sizes[Int(random.next() % UInt64(sizes.count))] : Int(random.next() % 200)
            return (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
    }

    /// Every record reads back as the concatenation of its parts, whether it was read before or after the
    /// records that followed it, and no two records overlap.
    @Test("records read back exactly, with reads between the appends") func roundTrip() throws {
        let descriptor = try spoolFile("spool-chunks")
        defer { close(descriptor) }
        let capacity = 4096
        let chunks = SpoolChunks(descriptor: descriptor, capacity: capacity)
        var random = SplitMix64(seed: 2026)
        var records: [(UInt64, [UInt8])] = []
        for round in 0..<400 {
            let parts = randomParts(&random, capacity: capacity)
            let offset = try #require(chunks.append(parts))
            records.append((offset, parts.flatMap { $0 }))
            if round % 7 == 0 {  // a read in the middle sees every record so far
                #expect(chunks.flush())
                let (at, bytes) = records[Int(random.next() % UInt64(records.count))]
                #expect(FileDescriptorIO.read(descriptor, count: bytes.count, at: at) == bytes)
            }
        }
        #expect(chunks.flush())
        for (at, bytes) in records {
            #expect(FileDescriptorIO.read(descriptor, count: bytes.count, at: at) == bytes)
        }
        let ranges = records.filter { !$0.1.isEmpty }.map { $0.0..<$0.0 + UInt64($0.1.count) }.sorted { $0.lowerBound < $1.lowerBound }
        for (left, right) in zip(ranges, ranges.dropFirst()) { #expect(left.upperBound <= right.lowerBound) }
    }

    /// A chunk holds the appended arrays themselves until it writes them: many tiny records (more parts than one
    /// `pwritev` takes) still land in order, and an array changed by its owner after the append is spooled as
    /// it was appended.
    @Test("many small records, and arrays changed after the append, read back as appended") func heldParts() throws {
        let descriptor = try spoolFile("spool-chunks-held")
        defer { close(descriptor) }
        let chunks = SpoolChunks(descriptor: descriptor, capacity: 1 << 16)
        var records: [(UInt64, [UInt8])] = []
        for index in 0..<3 * SpoolChunks.maxPending {
            var parts: [[UInt8]] = [[UInt8(truncatingIfNeeded: index)], [], [UInt8(truncatingIfNeeded: index >> 8), 0xAB]]
            let offset = try #require(chunks.append(parts))
            records.append((offset, parts.flatMap { $0 }))
            parts[0][0] ^= 0xFF  // the owner's copy changes; the spooled one must not
            parts[2].append(0xCD)
        }
        #expect(chunks.flush())
        for (at, bytes) in records { #expect(FileDescriptorIO.read(descriptor, count: bytes.count, at: at) == bytes) }
        #expect(Set(records.map(\.0)).count == records.count)
    }

    /// Appends from several threads at once land in distinct places and read back whole.
    @Test("concurrent appends read back whole") func concurrentAppends() throws {
        let descriptor = try spoolFile("spool-chunks-threads")
        defer { close(descriptor) }
        let chunks = SpoolChunks(descriptor: descriptor, capacity: 8192)
        let records = Mutex<[(UInt64, [UInt8])]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            var random = SplitMix64(seed: UInt64(thread))
            for _ in 0..<300 {
                let parts = randomParts(&random, capacity: 8192)
                guard let offset = chunks.append(parts) else { return }
                records.withLock { $0.append((offset, parts.flatMap { $0 })) }
            }
        }
        #expect(chunks.flush())
        let all = records.withLock { $0 }
        #expect(all.count == 1200)
        for (at, bytes) in all { #expect(FileDescriptorIO.read(descriptor, count: bytes.count, at: at) == bytes) }
    }

    /// The store reads a record appended just before without any explicit flush.
    @Test("the store reads what it has just spooled") func storeReadsPending() throws {
        let store = try DocumentStore(keepsDocuments: true)
        let cleaned = try TestSupport.clean(try TestSupport.seed("000"))
        guard case .keep(let document) = try ReportExtractor().process(cleaned) else { Issue.record("no document"); return }
        for _ in 0..<3 {
            let summary = try store.append(document)
            #expect(try store.load(summary).metrics == document.metrics)
        }
    }

    /// The spool has no name in its folder while it is in use, so a build that is killed leaves nothing behind.
    @Test("the spool leaves no file in its folder, even while in use") func spoolIsNameless() throws {
        let folder = try TestSupport.temporaryFolder("spool")
        let store = try DocumentStore(directory: folder, keepsDocuments: true)
        let cleaned = try TestSupport.clean(try TestSupport.seed("000"))
        guard case .keep(let document) = try ReportExtractor().process(cleaned) else { Issue.record("no document"); return }
        let summary = try store.append(document)
        #expect(try store.load(summary).metrics == document.metrics)
        #expect(store.spooledBytes > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A released spool frees its bytes (on another thread) and refuses to read a record it no longer holds.
    @Test("a released spool is truncated and reads no record") func releasedSpool() throws {
        let store = try DocumentStore(keepsDocuments: true)
        let cleaned = try TestSupport.clean(try TestSupport.seed("000"))
        guard case .keep(let document) = try ReportExtractor().process(cleaned) else { Issue.record("no document"); return }
        let summary = try store.append(document)
        #expect(try store.load(summary).metrics == document.metrics)
        store.releaseSpool()
        store.releaseSpool()  // a second release changes nothing
        #expect(throws: DocumentStore.StoreError.self) { try store.load(summary) }
        let deadline = Date().addingTimeInterval(10)
        while store.spooledBytes > 0 && Date() < deadline { usleep(1000) }
        #expect(store.spooledBytes == 0)
    }

    /// `build` with `releasesSpool` (what `reportkit build` does) writes the same files as without it.
    @Test("releasing the spool after the tables changes no written byte") func releaseKeepsDataset() throws {
        let pipeline = try TestSupport.copyOfSamplePipeline()
        var written: [[String: Data]] = []
        for releases in [false, true] {
            let root = try TestSupport.temporaryFolder("release-\(releases)")
            let result = try DatasetBuilder().build(spec: pipeline.path, outputRoot: root, jobs: 2, releasesSpool: releases)
            written.append(try TestSupport.files(in: result.folder))
            if releases, let summary = result.content.summaries.first {
                #expect(throws: DocumentStore.StoreError.self) { try result.content.store.load(summary) }
            }
        }
        #expect(written[0].count > 5)
        #expect(written[0] == written[1])
    }
}
