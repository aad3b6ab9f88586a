import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file through a 1 MB buffer and hashes it on the way, so tables of any size stream to disk.
/// Bytes go from the caller's buffer into this one and out with `write(2)`: no `Data` or `FileHandle` in the
/// path, which emit takes for every byte of a 700 MB dataset. Writers joined as ``HashPartners`` hash two
/// files at once (``SHA256Stream/update(_:_:_:_:)``): a flush hashes its buffer along with the partner's
/// bytes still waiting in its buffer.
final class BufferedFileWriter {
    let url: URL
    private let descriptor: Int32
    private static let capacity = 1 << 20
    /// The buffer, `capacity` bytes of which `buffered` are filled. Raw memory rather than a `[UInt8]`: emit
    /// writes each report's rows in several pieces, and `Array.append(contentsOf:)` with its exclusivity
    /// checks cost a few hundred instructions a call.
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
    private var buffered = 0
    private var hasher = SHA256Stream()
    /// How many of the `buffered` bytes are hashed already (by a partner's flush).
    private var hashed = 0
    /// The writers whose waiting bytes this one's flushes hash along with its own.
    weak var partners: HashPartners?
    private(set) var bytesWritten = 0
    private var closed = false

    init(url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EmitError.cannotWrite(path: url.path, reason: "the file could not be created (\(String(cString: strerror(errno))))")
        }
        self.url = url
        self.descriptor = descriptor
    }

    deinit {
        if !closed { close(descriptor) }
        buffer.deallocate()
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Appends `bytes`; a piece at least as large as the buffer is hashed and written where it lies.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffered + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity {
            try output(bytes)
        } else if let source = bytes.baseAddress {
            (buffer.baseAddress! + buffered).copyMemory(from: source, byteCount: bytes.count)
            buffered += bytes.count
        }
    }

    private func flush() throws {
        guard buffered > 0 else { return }
        hashWaitingBytes()
        try writeOut(UnsafeRawBufferPointer(rebasing: buffer[..<buffered]))
        (buffered, hashed) = (0, 0)
    }

    /// The first `count` of the buffered bytes not hashed yet (all of them by default).
    private func waitingBytes(_ count: Int? = nil) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[hashed..<(count.map { hashed + $0 } ?? buffered)])
    }

    /// Hashes the waiting bytes side by side with the partners' waiting bytes, the partner with the most first,
    /// while one has a block waiting; the rest alone.
    private func hashWaitingBytes() {
        while buffered - hashed >= 64 {
            let partner = partners?.writers.filter { $0 !== self }.max { $0.buffered - $0.hashed < $1.buffered - $1.hashed }
            guard let partner, partner.buffered - partner.hashed >= 64 else { break }
            let count = min(buffered - hashed, partner.buffered - partner.hashed)
            SHA256Stream.update(&hasher, waitingBytes(count), &partner.hasher, partner.waitingBytes(count))
            hashed += count
            partner.hashed += count
        }
        hasher.update(waitingBytes())
        hashed = buffered
    }

    /// Hashes and writes `bytes` (which follow every buffered byte).
    private func output(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bytes)
        try writeOut(bytes)
    }

    /// Writes `bytes`, retrying short writes and EINTR.
    private func writeOut(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw EmitError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            }
            done += result
        }
        bytesWritten += bytes.count
    }

    /// Flushes, closes and returns the file's SHA-256 in hex.
    func finish() throws -> String {
        try flush()
        closed = true
        guard close(descriptor) == 0 else { throw EmitError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        return hasher.finalizeHex()
    }
}

/// Writers that hash each other's buffered bytes (``BufferedFileWriter``): the writers of one emit lane, which
/// fill their buffers at the same time. Holds them; each holds it weakly.
final class HashPartners {
    let writers: [BufferedFileWriter]

    init(_ writers: [BufferedFileWriter]) {
        self.writers = writers
        for writer in writers { writer.partners = self }
    }
}
