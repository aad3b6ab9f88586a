import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes cache entries: a temporary file in the entry's folder, then `rename`, so a reader sees the old entry,
/// the new one or none, never half of one. There is no `fsync` (Foundation's `.atomic` writes do one per file,
/// which made a cold build with the cache twice as slow): after a crash an entry may be torn, and the entry's
/// checksum makes that a miss.
enum CacheEntryFile {
    /// Whether the entry was written; a failure only costs a future miss.
    @discardableResult
    static func save(_ bytes: [UInt8], to target: URL) -> Bool {
        let folder = target.deletingLastPathComponent().path
        let temporary = "\(folder)/.tmp-\(getpid())-\(UUID().uuidString)"
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard close(descriptor) == 0, written, rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
