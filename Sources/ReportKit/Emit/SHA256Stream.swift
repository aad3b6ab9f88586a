import CKernels
import Crypto

/// SHA-256 of bytes handed over piece by piece, on the CKernels block functions, with one thing a general
/// hasher lacks: ``update(_:_:_:_:)`` hashes two streams at once. A single stream's SHA-NI rounds wait on each
/// other's latency; interleaving a second stream's rounds gets about 1.5 times the bytes per second, and emit
/// hashes 727 MB of tables on the bench corpus (half of its CPU time) in several files at a time.
struct SHA256Stream {
    /// Which block function runs; every kernel gives the same digest (a unit test compares them).
    enum Kernel: Sendable, Equatable {
        /// Portable C (the CKernels fallback of the SHA-NI functions on other targets).
        case portable
        /// The x86 SHA extensions; only where ``niAvailable``.
        case ni
        /// swift-crypto's SHA256, whose assembly beats portable C where the CPU has no SHA extensions (and which
        /// runs under valgrind, which hides them). Two streams are then hashed one after the other.
        case library

        static let niAvailable = rk_sha256_has_ni() != 0
        static let fastest: Kernel = niAvailable ? .ni : .library
    }

    let kernel: Kernel
    /// The eight working words (FIPS 180-4, 5.3.3 to start).
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// The bytes of an incomplete block, `tailCount` of the 64.
    private var tail: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var tailCount = 0
    /// The hasher of the ``Kernel/library`` kernel (which keeps its own state and started block).
    private var library: SHA256?
    /// Bytes hashed so far.
    private(set) var byteCount = 0

    init(kernel: Kernel = .fastest) {
        self.kernel = kernel
        if kernel == .library { library = SHA256() }
    }

    /// Hashes `bytes` after everything before.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        byteCount += bytes.count
        if library != nil {
            library!.update(bufferPointer: bytes)
            return
        }
        let rest = absorbIntoTail(bytes)
        storeTail(compressWholeBlocks(rest))
    }

    /// `first.update(firstBytes)` and `second.update(secondBytes)`, the blocks both have hashed side by side.
    static func update(
        _ first: inout SHA256Stream, _ firstBytes: UnsafeRawBufferPointer, _ second: inout SHA256Stream, _ secondBytes: UnsafeRawBufferPointer
    ) {
        guard first.kernel == .ni, second.kernel == .ni else {
            first.update(firstBytes)
            second.update(secondBytes)
            return
        }
        first.byteCount += firstBytes.count
        second.byteCount += secondBytes.count
        var firstRest = first.absorbIntoTail(firstBytes), secondRest = second.absorbIntoTail(secondBytes)
        let paired = min(firstRest.count, secondRest.count) / 64
        if paired > 0 {
            withUnsafeMutableBytes(of: &first.state) { firstState in
                withUnsafeMutableBytes(of: &second.state) { secondState in
                    rk_sha256_blocks_ni_x2(
                        firstState.baseAddress!.assumingMemoryBound(to: UInt32.self), firstRest.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        secondState.baseAddress!.assumingMemoryBound(to: UInt32.self), secondRest.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        paired)
                }
            }
            firstRest = UnsafeRawBufferPointer(rebasing: firstRest[(paired * 64)...])
            secondRest = UnsafeRawBufferPointer(rebasing: secondRest[(paired * 64)...])
        }
        first.storeTail(first.compressWholeBlocks(firstRest))
        second.storeTail(second.compressWholeBlocks(secondRest))
    }

    /// The SHA-256 hex digests of two byte strings, hashed side by side (``update(_:_:_:_:)``).
    static func hexDigests(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer, kernel: Kernel = .fastest) -> (String, String) {
        var firstStream = SHA256Stream(kernel: kernel), secondStream = SHA256Stream(kernel: kernel)
        update(&firstStream, first, &secondStream, second)
        return (firstStream.finalizeHex(), secondStream.finalizeHex())
    }

    /// The digest of everything hashed (the stream is spent: padding was hashed into it).
    mutating func finalize() -> [UInt8] {
        if let library { return Array(library.finalize()) }
        let bitCount = UInt64(byteCount) &* 8
        // 0x80, zeros up to 56 bytes into a block, then the length in bits, big-endian.
        let zeros = (55 - tailCount + 64) % 64
        var padding = [UInt8](repeating: 0, count: 1 + zeros + 8)
        padding[0] = 0x80
        for index in 0..<8 { padding[1 + zeros + index] = UInt8(truncatingIfNeeded: bitCount >> (56 - 8 * UInt64(index))) }
        padding.withUnsafeBytes { update($0) }
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        return words.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }

    /// ``finalize()`` in lower-case hex.
    mutating func finalizeHex() -> String { SHA256Hex.hex(finalize()) }

    /// Tops up a started block from the front of `bytes` (hashing it once complete); returns the bytes after.
    private mutating func absorbIntoTail(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard tailCount > 0, !bytes.isEmpty else { return bytes }
        let taken = min(64 - tailCount, bytes.count)
        withUnsafeMutableBytes(of: &tail) { tail in
            tail.baseAddress!.advanced(by: tailCount).copyMemory(from: bytes.baseAddress!, byteCount: taken)
        }
        tailCount += taken
        if tailCount == 64 {
            var block = tail
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, blocks: 1) }
            tailCount = 0
        }
        return UnsafeRawBufferPointer(rebasing: bytes[taken...])
    }

    /// Hashes the whole blocks at the front of `bytes`; returns the rest (less than a block).
    private mutating func compressWholeBlocks(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let blocks = bytes.count / 64
        guard blocks > 0 else { return bytes }
        compress(bytes.baseAddress!, blocks: blocks)
        return UnsafeRawBufferPointer(rebasing: bytes[(blocks * 64)...])
    }

    /// Keeps `bytes` (less than a block, after any started block's bytes) for the next update.
    private mutating func storeTail(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        withUnsafeMutableBytes(of: &tail) { tail in
            tail.baseAddress!.advanced(by: tailCount).copyMemory(from: source, byteCount: bytes.count)
        }
        tailCount += bytes.count
    }

    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        let kernel = kernel
        withUnsafeMutableBytes(of: &state) { state in
            let words = state.baseAddress!.assumingMemoryBound(to: UInt32.self), bytes = data.assumingMemoryBound(to: UInt8.self)
            switch kernel {
            case .ni: rk_sha256_blocks_ni(words, bytes, blocks)
            case .portable, .library: rk_sha256_blocks_portable(words, bytes, blocks)  // .library never gets here
            }
        }
    }
}
