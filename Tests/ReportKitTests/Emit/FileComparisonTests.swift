import Foundation
import Testing
@testable import ReportKit

/// ``FileComparison`` decides whether a rebuilt dataset version is unchanged, so it must find any difference,
/// wherever it lies relative to its read chunks, and must never call a missing or odd file equal.
@Suite("FileComparison") struct FileComparisonTests {
    /// A fresh folder for one test's files.
    private func folder() throws -> URL {
        try TestSupport.temporaryFolder("reportkit-compare")
    }

    private func file(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("one changed byte anywhere (chunk starts, ends, middles, the last byte) is found") func changedByte() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SplitMix64(seed: 7)
        let chunk = 16
        let original = (0..<(5 * chunk + 3)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let left = try file(original, "left", in: root)
        #expect(FileComparison.sameBytes(left, try file(original, "copy", in: root), chunk: chunk))
        for position in original.indices {
            var changed = original
            changed[position] ^= 0x01
            #expect(!FileComparison.sameBytes(left, try file(changed, "changed", in: root), chunk: chunk), "byte \(position)")
        }
    }

    @Test("files of different sizes differ, even when one is the other's start") func sizes() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = Array("metric_id,report_id\n".utf8)
        let whole = try file(bytes, "whole", in: root)
        #expect(!FileComparison.sameBytes(whole, try file(Array(bytes.dropLast()), "short", in: root)))
        #expect(!FileComparison.sameBytes(whole, try file(bytes + [0x0A], "long", in: root)))
        #expect(!FileComparison.sameBytes(whole, try file([], "empty", in: root)))
        #expect(FileComparison.sameBytes(try file([], "empty1", in: root), try file([], "empty2", in: root)))
    }

    @Test("a missing file, a folder or a device is never equal") func oddFiles() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let present = try file([1, 2, 3], "present", in: root)
        let missing = root.appendingPathComponent("missing").path
        #expect(!FileComparison.sameBytes(present, missing))
        #expect(!FileComparison.sameBytes(missing, present))
        #expect(!FileComparison.sameBytes(missing, missing))
        #expect(!FileComparison.sameBytes(root.path, root.path))
        #expect(!FileComparison.sameBytes("/dev/null", "/dev/null"))
    }

    @Test("a rebuild lists exactly the files that changed or are new, in name order, at any thread count", arguments: [1, 2, 3])
    func differingFiles(jobs: Int) throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = root.appendingPathComponent("staging"), existing = root.appendingPathComponent("existing")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        let names = ["a.csv", "b.jsonl", "c.csv", "d.jsonl", "e.md"]
        for name in names { _ = try file(Array(name.utf8), name, in: staging) }
        _ = try file(Array("a.csv".utf8), "a.csv", in: existing)  // equal
        _ = try file(Array("b.jsonX".utf8), "b.jsonl", in: existing)  // same size, other bytes
        _ = try file(Array("c.csv".utf8), "c.csv", in: existing)  // equal
        _ = try file(Array("d".utf8), "d.jsonl", in: existing)  // shorter; e.md is missing
        #expect(DatasetWriter(jobs: jobs).differingFiles(names, staging, existing) == ["b.jsonl", "d.jsonl", "e.md"])
    }
}
