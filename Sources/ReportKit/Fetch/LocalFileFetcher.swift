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
        // stat() follows symbolic links, so a link to a report is read as the report.
        var info = stat()
        if stat(file, &info) != 0 {
            switch errno {
            case ELOOP: throw FetchError.unreadable(path, reason: "it is a symbolic link that loops back on itself")
            case ENOENT:
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: file)) != nil {
                    throw FetchError.unreadable(path, reason: "it is a symbolic link to a file that does not exist")
                }
                throw FetchError.fileNotFound(path)
            case EACCES: throw FetchError.unreadable(path, reason: "permission denied")
            default: throw FetchError.unreadable(path, reason: String(cString: strerror(errno)))
            }
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FetchError.isDirectory(path) }
        let declaredSize = Int(info.st_size)
        if declaredSize > maxBytes { throw FetchError.tooLarge(path, bytes: declaredSize, limit: maxBytes) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "permission denied or I/O error"
            throw FetchError.unreadable(path, reason: reason)
        }
        if data.count > maxBytes { throw FetchError.tooLarge(path, bytes: data.count, limit: maxBytes) }
        var after = stat()
        if stat(file, &after) == 0, Int(after.st_size) != data.count || after.st_mtim.tv_sec != info.st_mtim.tv_sec
            || after.st_mtim.tv_nsec != info.st_mtim.tv_nsec
        {
            throw FetchError.changedWhileReading(path)
        }
        if data.isEmpty { throw FetchError.empty(path) }
        return .keep(RawDocument(source: source, bytes: [UInt8](data)))
    }
}
