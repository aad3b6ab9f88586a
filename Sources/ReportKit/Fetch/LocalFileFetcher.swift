import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads one local file into a ``RawDocument``.
///
/// Refuses what can never be a report (missing, a folder, unreadable, empty, larger than `maxBytes`) with a
/// ``FetchError`` that names the file; the pipeline lists it in `rejected.jsonl`.
public struct LocalFileFetcher: Stage {
    public var name: String { "fetch.file" }
    /// The largest file accepted, in bytes.
    public let maxBytes: Int

    public init(maxBytes: Int = 64 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    public func process(_ source: SourceReference) throws -> StageOutcome<RawDocument> {
        let path = source.displayPath
        guard let file = source.filePath else { throw FetchError.unreadable(path, reason: "not a local file") }
        // open() follows symbolic links, so a link to a report is read as the report. The file is read with
        // POSIX calls straight into the byte array (no Foundation `Data` and second copy), and checked with
        // fstat on the open descriptor before and after.
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw Self.openError(errno, path: path, file: file) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FetchError.unreadable(path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FetchError.isDirectory(path) }
        let declaredSize = Int(info.st_size)
        if declaredSize > maxBytes { throw FetchError.tooLarge(path, bytes: declaredSize, limit: maxBytes) }
        let bytes = try Self.readAll(
            descriptor, expected: declaredSize, regular: (info.st_mode & S_IFMT) == S_IFREG, limit: maxBytes, path: path)
        var after = stat()
        if fstat(descriptor, &after) == 0, Int(after.st_size) != bytes.count || after.st_mtim.tv_sec != info.st_mtim.tv_sec
            || after.st_mtim.tv_nsec != info.st_mtim.tv_nsec
        {
            throw FetchError.changedWhileReading(path)
        }
        if bytes.isEmpty { throw FetchError.empty(path) }
        return .keep(RawDocument(source: source, bytes: bytes))
    }

    /// What a failed `open` means for the user.
    private static func openError(_ code: Int32, path: String, file: String) -> FetchError {
        switch code {
        case ELOOP: return .unreadable(path, reason: "it is a symbolic link that loops back on itself")
        case ENOENT:
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: file)) != nil {
                return .unreadable(path, reason: "it is a symbolic link to a file that does not exist")
            }
            return .fileNotFound(path)
        case EACCES: return .unreadable(path, reason: "permission denied")
        default: return .unreadable(path, reason: String(cString: strerror(code)))
        }
    }

    /// Reads to the end of the file: `expected` bytes (its size when opened) in one buffer, and whatever a growing
    /// file adds after them, up to `limit` (a file that grows is then refused as changed by the caller).
    ///
    /// The reads ask for one byte more than `expected`: a read of a regular file that returns less than it asked
    /// for has reached the end, so the usual file needs no second read that returns 0 (20,000 system calls on
    /// the bench corpus).
    private static func readAll(_ descriptor: Int32, expected: Int, regular: Bool, limit: Int, path: String) throws -> [UInt8] {
        var failure: Int32?
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count <= expected {
                let asked = expected + 1 - count
                let result = read(descriptor, buffer.baseAddress! + count, asked)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failure = errno }
                guard result > 0 else {  // an error, or a file that shrank (the caller refuses it)
                    reachedEnd = result == 0
                    break
                }
                count += result
                if result < asked && regular {
                    reachedEnd = true
                    break
                }
            }
        }
        if let failure { throw FetchError.unreadable(path, reason: String(cString: strerror(failure))) }
        if reachedEnd { return bytes }
        if bytes.count > limit { throw FetchError.tooLarge(path, bytes: bytes.count, limit: limit) }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            while true {
                let result = read(descriptor, chunk.baseAddress!, chunk.count)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { throw FetchError.unreadable(path, reason: String(cString: strerror(errno))) }
                if result == 0 { return bytes }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<result]))
                if bytes.count > limit { throw FetchError.tooLarge(path, bytes: bytes.count, limit: limit) }
            }
        }
    }
}
