import Foundation
import Synchronization

/// A content-addressed cache of per-document results. The key is the SHA-256 of the source bytes, its path,
/// the toolkit's build and every option that changes the result, so an edited report, a new toolkit or a
/// changed option misses. Each entry carries a checksum of its payload: a corrupt or truncated entry is
/// detected, ignored and rewritten, never trusted.
public final class DocumentCache: Sendable {
    public let directory: URL
    /// Everything besides the document that changes its result, hashed into every key.
    public let configuration: String
    private let counters = Mutex<(hits: Int, misses: Int, corrupt: Int)>((0, 0, 0))

    public init(directory: URL, configuration: String) {
        self.directory = directory
        self.configuration = configuration
    }

    public var stats: (hits: Int, misses: Int, corrupt: Int) { counters.withLock { $0 } }

    /// The final URL is part of the key because a web report's rows carry it: the same bytes served from
    /// another address are another result.
    func key(for raw: RawDocument) -> String {
        SHA256Hex.digest("\(raw.sha256)|\(raw.source.displayPath)|\(raw.fetch?.finalURL ?? "")|\(configuration)")
    }

    /// The entry file for a key: `<directory>/<first two digits>/<key>.bin`.
    static func entryURL(for key: String, in directory: URL) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent("\(key).bin")
    }

    /// The cached outcome, or nil (and a miss) when absent, corrupt or written for another document.
    func lookup(_ raw: RawDocument) -> CachedOutcome? {
        let key = key(for: raw)
        let path = Self.entryURL(for: key, in: directory).path
        guard let data = FileManager.default.contents(atPath: path) else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        // Layout: 64 hex digits of SHA-256(payload), newline, payload (``CachedOutcome/serialized()``).
        let bytes = [UInt8](data)
        guard bytes.count > 65, bytes[64] == 0x0A, SHA256Hex.digest(bytes[65...]) == String(decoding: bytes[..<64], as: UTF8.self),
            var outcome = CachedOutcome(serialized: bytes[65...], withRows: false), outcome.belongs(to: raw)
        else {
            counters.withLock {
                $0.corrupt += 1
                $0.misses += 1
            }
            return nil
        }
        if case .kept(var result) = outcome {
            result.fetch = raw.fetch
            // The rows stay in the entry (the store reads them from there at emit); only their place is kept.
            result.cached?.cacheEntry = CompactHex(key)
            result.cached?.offset += 65
            outcome = .kept(result)
        }
        counters.withLock { $0.hits += 1 }
        return outcome
    }

    /// Stores an outcome. Returns where the entry holds the rows, or nil when nothing was written: a failure
    /// to write only costs a future miss.
    @discardableResult
    func store(_ outcome: CachedOutcome, for raw: RawDocument) -> RecordLocation? {
        let payload = outcome.serialized()
        var entry = Array(SHA256Hex.digest(payload).utf8)
        entry.reserveCapacity(65 + payload.count)
        entry.append(0x0A)
        entry += payload
        let key = key(for: raw)
        guard CacheEntryFile.save(entry, to: Self.entryURL(for: key, in: directory)),
            case .kept(let result) = outcome
        else { return nil }
        return Self.rowsLocation(inEntry: key, entryBytes: entry.count, rows: result.rows.count)
    }

    /// The rows are the entry's last part: their UInt32 length and bytes end the file.
    private static func rowsLocation(inEntry key: String, entryBytes: Int, rows: Int) -> RecordLocation {
        RecordLocation(cacheEntry: CompactHex(key), offset: UInt64(entryBytes - rows - 4), length: rows + 4)
    }
}

extension CachedOutcome {
    /// Whether the entry was written for this document (guards against a key collision or a swapped file).
    fileprivate func belongs(to raw: RawDocument) -> Bool {
        switch self {
        case .kept(let result): result.facts.sourceSHA256 == raw.sha256 && result.facts.sourcePath == raw.source.displayPath
        case .dropped: true
        }
    }
}

/// Runs `inner` (decode → … → render) only when the cache has no valid entry for the document; drops are
/// cached too, so an unchanged report that yields nothing is not processed again. Errors are not cached.
struct CachedStage<Inner: Stage>: Stage where Inner.Input == RawDocument, Inner.Output == DocumentResult {
    let inner: Inner
    let cache: DocumentCache?

    var name: String { inner.name }

    func process(_ raw: RawDocument) throws -> StageOutcome<DocumentResult> {
        guard let cache else { return try inner.process(raw) }
        switch cache.lookup(raw) {
        case .kept(let result): return .keep(result)
        case .dropped(let reason): return .drop(reason: reason)
        case nil: break
        }
        switch try inner.process(raw) {
        case .keep(var result):
            result.cached = cache.store(.kept(result), for: raw)
            return .keep(result)
        case .drop(let reason):
            cache.store(.dropped(reason: reason), for: raw)
            return .drop(reason: reason)
        }
    }
}
