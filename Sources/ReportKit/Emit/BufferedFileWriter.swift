import Crypto
import Foundation

/// Writes a file through a 1 MB buffer and hashes it on the way, so tables of any size stream to disk.
final class BufferedFileWriter {
    let url: URL
    private let handle: FileHandle
    private var buffer = Data()
    private var hasher = SHA256()
    private(set) var bytesWritten = 0

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw EmitError.cannotWrite(path: url.path, reason: "the file could not be created")
        }
        self.url = url
        self.handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ data: Data) throws {
        buffer.append(data)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        hasher.update(data: buffer)
        bytesWritten += buffer.count
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw EmitError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and returns the file's SHA-256 in hex.
    func finish() throws -> String {
        try flush()
        try handle.close()
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
