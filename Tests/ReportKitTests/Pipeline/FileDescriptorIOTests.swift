import Foundation
import Testing
@testable import ReportKit

#if canImport(Glibc)
    import Glibc
#endif

@Suite("FileDescriptorIO") struct FileDescriptorIOTests {
    /// Parts written at an offset read back as their concatenation, however many and however large.
    @Test("writes parts at an offset and reads them back") func partsRoundTrip() throws {
        let folder = try TestSupport.temporaryFolder("fdio")
        let path = folder.appendingPathComponent("spool").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var random = SplitMix64(seed: 13)
        var offset: UInt64 = 0
        var written: [(UInt64, [UInt8])] = []
        for round in 0..<60 {
            let count = round % 12  // 0 parts, 1 part, the pwritev path, and more parts than it takes
            let parts = (0..<count).map { _ in
                (0..<Int(random.next() % (round % 5 == 0 ? 300_000 : 50))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            }
            #expect(FileDescriptorIO.write(parts, to: descriptor, at: offset))
            let joined = parts.flatMap { $0 }
            written.append((offset, joined))
            offset += UInt64(joined.count)
        }
        for (at, bytes) in written {
            #expect(FileDescriptorIO.read(descriptor, count: bytes.count, at: at) == bytes)
        }
        #expect(FileDescriptorIO.read(descriptor, count: 1, at: offset) == nil)  // past the end
    }
}
