import Crypto
import Foundation
import Testing
@testable import ReportKit

/// SHA256Stream (the CKernels block functions, one stream or two at once) must give swift-crypto's digests, and
/// writers that hash each other's bytes must still report each file's own SHA-256.
@Suite("SHA256Stream") struct SHA256StreamTests {
    static func reference(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    static func randomBytes(_ random: inout SplitMix64, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count { withUnsafeBytes(of: random.next()) { bytes.append(contentsOf: $0) } }
        return Array(bytes.prefix(count))
    }

    /// Where the CPU has no SHA extensions only the portable kernel can run; the test says so instead of passing quietly.
    static var kernels: [SHA256Stream.Kernel] {
        if SHA256Stream.Kernel.niAvailable { return [.portable, .library, .ni] }
        print("note: no SHA extensions on this CPU; the SHA-NI kernel was not run")
        return [.portable, .library]
    }

    /// `bytes` hashed in random pieces (empty ones included).
    static func digest(_ bytes: [UInt8], kernel: SHA256Stream.Kernel, random: inout SplitMix64) -> [UInt8] {
        var stream = SHA256Stream(kernel: kernel)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int(random.next() % 200))
            bytes[start..<end].withUnsafeBytes { stream.update($0) }
            start = end
        }
        return stream.finalize()
    }

    @Test("known answers") func knownAnswers() {
        for kernel in Self.kernels {
            for (text, hex) in [
                ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ] {
                var stream = SHA256Stream(kernel: kernel)
                Array(text.utf8).withUnsafeBytes { stream.update($0) }
                #expect(stream.finalizeHex() == hex, "\(kernel) \(text)")
            }
        }
    }

    /// Every length around the padding boundaries (55, 56, 63, 64 …) and longer, fed in random pieces.
    @Test("digests equal swift-crypto's for every kernel and split") func randomInputs() {
        var random = SplitMix64(seed: 41)
        for kernel in Self.kernels {
            for length in Array(0...200) + [511, 512, 513, 4095, 4096, 4097, 100_003] {
                let bytes = Self.randomBytes(&random, count: length)
                #expect(Self.digest(bytes, kernel: kernel, random: &random) == Self.reference(bytes), "\(kernel), \(length) bytes")
            }
        }
    }

    /// Two streams updated together, with pieces of unequal lengths and started blocks of different fill, end with
    /// the digests each would have alone.
    @Test("two streams at once give each stream's own digest") func pairedUpdates() {
        var random = SplitMix64(seed: 43)
        for kernels in [(SHA256Stream.Kernel.fastest, SHA256Stream.Kernel.fastest), (.portable, .fastest), (.fastest, .library), (.portable, .portable)] {
            for _ in 0..<200 {
                var first = SHA256Stream(kernel: kernels.0), second = SHA256Stream(kernel: kernels.1)
                var firstBytes: [UInt8] = [], secondBytes: [UInt8] = []
                for _ in 0..<Int(random.next() % 6) {
                    let a = Self.randomBytes(&random, count: Int(random.next() % 700))
                    let b = Self.randomBytes(&random, count: Int(random.next() % 3 == 0 ? random.next() % 700 : UInt64(a.count)))
                    a.withUnsafeBytes { a in b.withUnsafeBytes { b in SHA256Stream.update(&first, a, &second, b) } }
                    firstBytes += a
                    secondBytes += b
                    if random.next() % 2 == 0 {  // a lone update between paired ones
                        let c = Self.randomBytes(&random, count: Int(random.next() % 70))
                        c.withUnsafeBytes { first.update($0) }
                        firstBytes += c
                    }
                }
                #expect(first.byteCount == firstBytes.count)
                #expect(first.finalize() == Self.reference(firstBytes))
                #expect(second.finalize() == Self.reference(secondBytes))
            }
        }
    }

    /// Two byte strings hashed side by side in one call give each one's own hex digest, whatever their lengths.
    @Test("paired hex digests equal the plain ones") func pairedHexDigests() {
        var random = SplitMix64(seed: 45)
        for kernel in Self.kernels {
            for _ in 0..<300 {
                let first = Self.randomBytes(&random, count: Int(random.next() % 300))
                let second = Self.randomBytes(&random, count: Int(random.next() % 2 == 0 ? random.next() % 300 : UInt64(first.count)))
                let (a, b) = first.withUnsafeBytes { first in second.withUnsafeBytes { SHA256Stream.hexDigests(first, $0, kernel: kernel) } }
                #expect(a == SHA256Hex.digest(first[...]) && b == SHA256Hex.digest(second[...]), "\(kernel) \(first.count) \(second.count)")
            }
        }
    }

    /// Writers joined as hash partners, written in random interleaving with pieces up to past the buffer size,
    /// each report the SHA-256 of their own file's bytes.
    @Test("hash partners report each file's own SHA-256") func partnerWriters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sha-partners-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SplitMix64(seed: 47)
        let writers = try (0..<4).map { try BufferedFileWriter(url: folder.appendingPathComponent("file\($0)")) }
        let partners = HashPartners(writers)
        var contents = Array(repeating: [UInt8](), count: writers.count)
        for _ in 0..<1500 {
            let index = Int(random.next() % UInt64(writers.count))
            let size = random.next() % 300 == 0 ? (1 << 20) + Int(random.next() % 5000) : Int(random.next() % UInt64(4000 * (index + 1)))
            let piece = Self.randomBytes(&random, count: size)
            try writers[index].write(piece)
            contents[index] += piece
        }
        for (index, writer) in writers.enumerated() {
            let hex = try writer.finish()
            #expect(hex == SHA256Hex.digest(contents[index]), "file \(index)")
            #expect(try Data(contentsOf: writer.url) == Data(contents[index]))
        }
        withExtendedLifetime(partners) {}
    }
}
