import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file through a 1 MB buffer and hashes it on the way, so tables of any size stream to disk.
/// Bytes go from the caller's buffer into this one and out with `write(2)`: no `Data` or `FileHandle` in the
/// path, which emit takes for every byte of a 700 MB dataset.
final class BufferedFileWriter {
    let url: URL
    private let descriptor: Int32
    private static let capacity = 1 << 20
    /// The buffer, `capacity` bytes of which `buffered` are filled. Raw memory rather than a `[UInt8]`: emit
    /// writes each report's rows in several pieces, and `Array.append(contentsOf:)` with its exclusivity
    /// checks cost a few hundred instructions a call.
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
    private var buffered = 0
    private var hasher = SHA256()
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
        try output(UnsafeRawBufferPointer(rebasing: buffer[..<buffered]))
        buffered = 0
    }

    /// Hashes and writes `bytes`, retrying short writes and EINTR.
    private func output(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bufferPointer: bytes)
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
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
