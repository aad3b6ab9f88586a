import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file whole: a temporary file in the target's folder, then `rename`, so a reader sees the old file,
/// the new one or none, never half of one. There is no `fsync` (Foundation's `.atomic` writes do one per file):
/// after a crash the file may be torn, which is why every cache file carries a checksum.
enum AtomicFile {
    /// Whether the file was written; for the cache a failure only costs a future miss.
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
        let written = FileDescriptorIO.write(bytes, to: descriptor, at: 0)
        guard close(descriptor) == 0, written, rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
