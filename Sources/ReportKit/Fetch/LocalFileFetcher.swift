import Foundation

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
        guard let url = source.fileURL else { throw FetchError.unreadable(path, reason: "not a local file") }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) {
                throw FetchError.unreadable(path, reason: "its attributes could not be read")
            }
            throw FetchError.fileNotFound(path)
        }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory { throw FetchError.isDirectory(path) }
        let declaredSize = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if declaredSize > maxBytes { throw FetchError.tooLarge(path, bytes: declaredSize, limit: maxBytes) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "permission denied or I/O error"
            throw FetchError.unreadable(path, reason: reason)
        }
        if data.count > maxBytes { throw FetchError.tooLarge(path, bytes: data.count, limit: maxBytes) }
        if let after = try? FileManager.default.attributesOfItem(atPath: url.path),
            let sizeAfter = (after[.size] as? NSNumber)?.intValue, sizeAfter != data.count
        {
            throw FetchError.changedWhileReading(path)
        }
        if data.isEmpty { throw FetchError.empty(path) }
        return .keep(RawDocument(source: source, bytes: [UInt8](data)))
    }
}
