import Foundation
import Testing
@testable import ReportKit

@Suite("LocalFileFetcher") struct LocalFileFetcherTests {
    func fetch(_ url: URL, maxBytes: Int = 64 * 1024 * 1024) throws -> RawDocument {
        guard case .keep(let raw) = try LocalFileFetcher(maxBytes: maxBytes).process(SourceReference(fileURL: url, displayPath: url.lastPathComponent))
        else { throw CocoaError(.fileReadUnknown) }
        return raw
    }

    /// The bytes are exactly the file's, whatever its size relative to the read sizes.
    @Test("reads every byte of files of many sizes") func exactBytes() throws {
        let folder = try TestSupport.temporaryFolder("fetch")
        var random = SplitMix64(seed: 9)
        for size in [1, 2, 4095, 4096, 65_535, 65_536, 65_537, 300_001] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let url = folder.appendingPathComponent("file-\(size).txt")
            try Data(bytes).write(to: url)
            let raw = try fetch(url)
            #expect(raw.bytes == bytes, "size \(size)")
            #expect(raw.sha256 == SHA256Hex.digest(bytes))
        }
    }

    /// A file that reports size 0 but has content (Linux `/proc`) goes through the read-to-the-end tail: its bytes
    /// beyond the declared size are read, counted against the limit, and the file is refused as changed.
    @Test("reads past the declared size, then refuses the file as changed or too large") func tailBeyondDeclaredSize() throws {
        let url = URL(fileURLWithPath: "/proc/self/maps")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        #expect(throws: FetchError.changedWhileReading("maps")) { try fetch(url) }
        do {
            _ = try fetch(url, maxBytes: 10)
        } catch FetchError.tooLarge(let name, let bytes, let limit) {
            #expect(name == "maps" && bytes > 10 && limit == 10)
        }
    }

    @Test("names a folder, a missing file and a dangling link for what they are") func refusals() throws {
        let folder = try TestSupport.temporaryFolder("fetch-bad")
        let sub = folder.appendingPathComponent("sub.txt")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        #expect(throws: FetchError.isDirectory("sub.txt")) { try fetch(sub) }
        let missing = folder.appendingPathComponent("missing.txt")
        #expect(throws: FetchError.fileNotFound("missing.txt")) { try fetch(missing) }
        let dangling = folder.appendingPathComponent("dangling.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere.txt")
        #expect(throws: FetchError.unreadable("dangling.txt", reason: "it is a symbolic link to a file that does not exist")) {
            try fetch(dangling)
        }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        #expect(throws: FetchError.empty("empty.txt")) { try fetch(empty) }
        let link = folder.appendingPathComponent("link.txt")
        let target = folder.appendingPathComponent("file-1.txt")
        try Data("营商环境".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "file-1.txt")
        #expect(try fetch(link).bytes == Array("营商环境".utf8))
    }
}
