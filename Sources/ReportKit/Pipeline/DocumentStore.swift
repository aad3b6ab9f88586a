import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An append-only spool of per-document results between the parallel stages and emit, so memory holds
/// summaries rather than every report's rows and text. Each record is the report's rows already rendered
/// (``RenderedReport``), so emit only copies bytes; with `keepsDocuments` (eval, tests) the full
/// ``ExtractedDocument`` follows as JSON so that ``load(_:)`` can give it back. A report whose result sits in
/// the ``DocumentCache`` is not copied here: its summary points into the cache's pack (``RecordLocation``).
public final class DocumentStore: Sendable {
    /// Where the spool was created (for messages): it is unlinked at once and lives on through its descriptor.
    public let url: URL
    /// Whether the `reports` JSON Lines rows carry the cleaned text.
    public let publishText: Bool
    /// Whether ``load(_:)`` is available: the full document is spooled next to its rows.
    public let keepsDocuments: Bool
    /// The ``DocumentCache`` whose packs hold cached reports' rows; nil when the build has no cache.
    let cache: DocumentCache?
    /// The spool, open for reading and writing: records are written with `pwrite` and read with `pread` on
    /// this one descriptor, with no `fsync` (the `fsync` before emit used to force 700 MB to disk on a
    /// 20,000-report build).
    private let descriptor: Int32
    /// Gathers records into large writes; whatever it still holds is written before the first read.
    private let chunks: SpoolChunks
    /// Set by ``releaseSpool()``: the spooled records are gone.
    private let released = Atomic<Bool>(false)

    public enum StoreError: Error, CustomStringConvertible {
        case cannotCreate(String), corrupt(String), documentsNotKept, cacheEntryGone(String, id: String), released(id: String)
        public var description: String {
            switch self {
            case .documentsNotKept: "This spool keeps rendered rows only; create it with keepsDocuments: true to load documents."
            case .cannotCreate(let path): "Could not create or write the document spool at '\(path)'. Check free disk space and permissions."
            case .corrupt(let id): "The spooled record of report \(id) could not be read back."
            case .cacheEntryGone(let path, let id):
                "The cache pack '\(path)' holding report \(id) could not be read back during the build; "
                    + "was it changed meanwhile? Build again (or pass --no-cache)."
            case .released(let id): "The spooled record of report \(id) was read after the spool had been released."
            }
        }
    }

    /// Creates a new, empty spool file in `directory` (a temporary folder by default).
    public init(
        directory: URL = FileManager.default.temporaryDirectory, publishText: Bool = false, keepsDocuments: Bool = false,
        cache: DocumentCache? = nil
    ) throws {
        let url = directory.appendingPathComponent("reportkit-spool-\(UUID().uuidString).jsonl")
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotCreate(url.path) }
        // Nameless from the start: the kernel frees it when the descriptor closes, however the process ends. A
        // build stopped with Ctrl-C used to leave its spool (700 MB on the bench corpus) in the temporary folder.
        unlink(url.path)
        self.url = url
        self.publishText = publishText
        self.keepsDocuments = keepsDocuments
        self.cache = cache
        self.descriptor = descriptor
        chunks = SpoolChunks(descriptor: descriptor)
    }

    deinit {
        close(descriptor)
    }

    /// Frees the spooled records on another thread, for a caller that has read them all (the build, once its tables
    /// are written). Truncating the nameless spool frees its pages: about 30 ms for the bench corpus's ~400 MB, which
    /// ran serially, after the dataset was written, when the store was released at the end of the build; now it runs
    /// beside the writing of the README and provenance. Records in cache packs stay readable; a spooled one then
    /// throws ``StoreError/released(id:)``.
    public func releaseSpool() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // The closure holds the store, so its descriptor is not closed (and perhaps reused) before the truncation.
        DispatchQueue.global(qos: .utility).async { [self] in _ = ftruncate(descriptor, 0) }
    }

    /// The spool's size in bytes (holes included).
    public var spooledBytes: Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Renders and appends one document; returns its summary.
    public func append(_ document: ExtractedDocument) throws -> DocumentSummary {
        try append(DocumentResult(document, publishText: publishText, keepsDocument: keepsDocuments))
    }

    /// Appends one rendered result and returns its summary.
    /// Record layout: the rendered rows' length (UInt32, little-endian), the rows, then the document's JSON when kept.
    func append(_ result: DocumentResult) throws -> DocumentSummary {
        let record: RecordLocation
        if let cached = result.cached, !keepsDocuments {
            record = cached  // the cache entry already holds the record: nothing to copy
        } else {
            var parts = [result.record]  // handed to the spool as it is, not copied
            if keepsDocuments {
                guard let document = result.document else { throw StoreError.documentsNotKept }
                parts.append(Array(try Self.encoder.encode(document)))
            }
            guard let offset = chunks.append(parts) else { throw StoreError.cannotCreate(url.path) }
            record = RecordLocation(offset: offset, length: parts.reduce(0) { $0 + $1.count })
        }
        return DocumentSummary(result.facts, record: record, fetch: result.fetch)
    }

    /// Reads one report's rendered rows back as parts of the one buffer read (what emit streams from).
    func loadRows(_ summary: DocumentSummary) throws -> SpooledRows {
        let record = try read(summary)
        let rows = try Self.rows(of: record, id: summary.reportID)
        guard let spooled = SpooledRows(record: record, rows: rows.startIndex..<rows.endIndex) else {
            throw StoreError.corrupt(summary.reportID)
        }
        return spooled
    }

    /// Reads one document back, with the summary's duplicate lists applied to its report (`keepsDocuments` only).
    public func load(_ summary: DocumentSummary) throws -> ExtractedDocument {
        guard keepsDocuments else { throw StoreError.documentsNotKept }
        let record = try read(summary)
        let json = record[try Self.rows(of: record, id: summary.reportID).endIndex...]
        guard var document = try? JSONDecoder().decode(ExtractedDocument.self, from: Data(json)) else {
            throw StoreError.corrupt(summary.reportID)
        }
        document.report.duplicates = summary.duplicates.joined(separator: ";")
        document.report.duplicateSources = summary.duplicateSources.joined(separator: ";")
        return document
    }

    /// The rendered rows of a record (after their length); the document JSON, when kept, follows them. `id` is
    /// spelled out (from its ``CompactHex``) only for the error.
    private static func rows(of record: [UInt8], id: @autoclosure () -> String) throws -> ArraySlice<UInt8> {
        guard record.count >= 4 else { throw StoreError.corrupt(id()) }
        let length = record[0..<4].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard record.count >= 4 + length else { throw StoreError.corrupt(id()) }
        return record[4..<4 + length]
    }

    /// One record's bytes, from the spool or from the cache pack that holds it. Both are read with `pread`, so
    /// emit's threads can read at once.
    private func read(_ summary: DocumentSummary) throws -> [UInt8] {
        let location = summary.record
        if let pack = location.pack {
            let folder = cache?.folder.path ?? "(no cache)"
            guard let descriptor = cache?.descriptor(forPack: pack),
                let record = FileDescriptorIO.read(descriptor, count: location.length, at: location.offset)
            else { throw StoreError.cacheEntryGone("\(folder)/\(pack).pack", id: summary.reportID) }
            return record
        }
        guard !released.load(ordering: .acquiring) else { throw StoreError.released(id: summary.reportID) }
        guard chunks.flush() else { throw StoreError.cannotCreate(url.path) }
        guard let record = FileDescriptorIO.read(descriptor, count: location.length, at: location.offset) else {
            throw StoreError.corrupt(summary.reportID)
        }
        return record
    }
}

/// The stage that spools each rendered result and hands on its summary.
struct StoreStage: Stage {
    var name: String { "store" }
    let store: DocumentStore

    func process(_ result: DocumentResult) throws -> StageOutcome<DocumentSummary> {
        .keep(try store.append(result))
    }
}
