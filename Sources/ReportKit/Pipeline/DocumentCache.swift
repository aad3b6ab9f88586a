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

    func key(for raw: RawDocument) -> String {
        SHA256Hex.digest("\(raw.sha256)|\(raw.source.displayPath)|\(configuration)")
    }

    private func url(for key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent("\(key).json")
    }

    /// The cached document, or nil (and a miss) when absent, corrupt or written for another key.
    func lookup(_ raw: RawDocument) -> ExtractedDocument? {
        let key = key(for: raw)
        guard let data = FileManager.default.contents(atPath: url(for: key).path) else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        // Layout: 64 hex digits of SHA-256(payload), newline, payload.
        guard data.count > 65, let checksum = String(data: data.prefix(64), encoding: .utf8),
            SHA256Hex.digest(data.dropFirst(65)) == checksum,
            let document = try? JSONDecoder().decode(ExtractedDocument.self, from: data.dropFirst(65)),
            document.report.sourceSHA256 == raw.sha256
        else {
            counters.withLock {
                $0.corrupt += 1
                $0.misses += 1
            }
            return nil
        }
        counters.withLock { $0.hits += 1 }
        return document
    }

    /// Stores a document; failures to write only cost a future miss.
    func store(_ document: ExtractedDocument, for raw: RawDocument) {
        let target = url(for: key(for: raw))
        guard let payload = try? DocumentStore.encoder.encode(document) else { return }
        var data = Data(SHA256Hex.digest(payload).utf8)
        data.append(0x0A)
        data.append(payload)
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: target, options: .atomic)
    }
}

/// Runs `inner` only when the cache has no valid entry for the document.
public struct CachedStage<Inner: Stage>: Stage where Inner.Input == RawDocument, Inner.Output == ExtractedDocument {
    public let inner: Inner
    public let cache: DocumentCache?

    public var name: String { inner.name }

    public func process(_ raw: RawDocument) throws -> StageOutcome<ExtractedDocument> {
        guard let cache else { return try inner.process(raw) }
        if let cached = cache.lookup(raw) { return .keep(cached) }
        let outcome = try inner.process(raw)
        if case .keep(let document) = outcome { cache.store(document, for: raw) }
        return outcome
    }
}
