import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a whole file with POSIX calls and no `fsync`, as the dataset's tables are written. Foundation's
/// `Data.write(to:)` syncs every file: at the end of a bench build, with the tables' 700 MB still in the page cache,
/// each sync of a small dataset file waited 0.4-40 ms on the ext4 journal (once 786 ms), and `generate-corpus`
/// synced each of its reports. ``AtomicFile`` is the variant that replaces a file whole, for readers running at
/// the same time.
public enum PlainFile {
    public static func write(_ data: Data, to url: URL) throws {
        try data.withUnsafeBytes { try write($0, to: url) }
    }

    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { try write($0, to: url) }
    }

    static func write(_ buffer: UnsafeRawBufferPointer, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw EmitError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        let written = FileDescriptorIO.write(buffer, to: descriptor, at: 0)
        let failure = errno
        guard close(descriptor) == 0, written else {
            throw EmitError.cannotWrite(path: url.path, reason: String(cString: strerror(written ? errno : failure)))
        }
    }
}
