import Foundation
import Synchronization

/// What the global stages keep in memory per report: ids, the facts dedup ranks by, the dedup sketch and
/// where the full record lies in the ``DocumentStore``. About 600 bytes with 128 permutations.
public struct DocumentSummary: Sendable, Codable, Equatable {
    public var reportID: String
    public var sourcePath: String
    public var sourceSHA256: String
    public var sourceBytes: Int
    public var publishedDate: String?
    /// How many of title, date, publisher, authors and region are known (the dedup tie-break).
    public var completeness: Int
    public var sketch: DedupSketch
    public var offset: UInt64
    public var length: Int
    /// Filled by dedup: the ids and sources of the copies collapsed into this report.
    public var duplicates: [String] = []
    public var duplicateSources: [String] = []
    /// How the document was fetched, for web sources.
    public var fetch: FetchRecord?

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id", sourcePath = "source_path", sourceSHA256 = "source_sha256"
        case sourceBytes = "source_bytes", publishedDate = "published_date", completeness, sketch, offset, length
        case duplicates, duplicateSources = "duplicate_sources", fetch
    }
}

/// An append-only spool of per-document results (one JSON record per line) between the parallel stages
/// and emit, so memory holds summaries rather than every report's rows and text.
public final class DocumentStore: Sendable {
    public let url: URL
    private let writer: Mutex<(FileHandle, UInt64)>
    private let reader: Mutex<FileHandle?>

    public enum StoreError: Error, CustomStringConvertible {
        case cannotCreate(String), corrupt(String)
        public var description: String {
            switch self {
            case .cannotCreate(let path): "Could not create the document spool at '\(path)'. Check free disk space and permissions."
            case .corrupt(let id): "The spooled record of report \(id) could not be read back."
            }
        }
    }

    /// Creates a new, empty spool file in `directory` (a temporary folder by default).
    public init(directory: URL = FileManager.default.temporaryDirectory) throws {
        let url = directory.appendingPathComponent("reportkit-spool-\(UUID().uuidString).jsonl")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url)
        else { throw StoreError.cannotCreate(url.path) }
        self.url = url
        self.writer = Mutex((handle, 0))
        self.reader = Mutex(nil)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Appends one document and returns its summary.
    public func append(_ document: ExtractedDocument) throws -> DocumentSummary {
        let data = try Self.encoder.encode(document) + Data("\n".utf8)
        let offset: UInt64 = try writer.withLock { state in
            let offset = state.1
            try state.0.write(contentsOf: data)
            state.1 += UInt64(data.count)
            return offset
        }
        let report = document.report
        return DocumentSummary(
            reportID: report.reportID, sourcePath: report.sourcePath, sourceSHA256: report.sourceSHA256,
            sourceBytes: report.sourceBytes, publishedDate: report.publishedDate, completeness: Deduplicator.completeness(report),
            sketch: document.sketch ?? DedupSketch(exactKey: report.reportID, minhash: []), offset: offset, length: data.count,
            fetch: document.fetch)
    }

    /// Reads one document back, with the summary's duplicate lists applied to its report.
    public func load(_ summary: DocumentSummary) throws -> ExtractedDocument {
        let data: Data = try reader.withLock { reader in
            if reader == nil {
                try writer.withLock { try $0.0.synchronize() }
                reader = try FileHandle(forReadingFrom: url)
            }
            guard let handle = reader else { throw StoreError.corrupt(summary.reportID) }
            try handle.seek(toOffset: summary.offset)
            return try handle.read(upToCount: summary.length) ?? Data()
        }
        guard var document = try? JSONDecoder().decode(ExtractedDocument.self, from: data) else {
            throw StoreError.corrupt(summary.reportID)
        }
        document.report.duplicates = summary.duplicates.joined(separator: ";")
        document.report.duplicateSources = summary.duplicateSources.joined(separator: ";")
        return document
    }
}

/// The stage that spools each finished document and hands on its summary.
public struct StoreStage: Stage {
    public var name: String { "store" }
    public let store: DocumentStore

    public func process(_ document: ExtractedDocument) throws -> StageOutcome<DocumentSummary> {
        .keep(try store.append(document))
    }
}
