import Foundation

/// Stored responses by URL, for conditional requests and offline builds. Each entry is a metadata JSON
/// and a body file; a body whose SHA-256 does not match its metadata is treated as absent.
struct HTTPResponseCache: Sendable {
    struct Entry: Codable {
        var url: String
        var finalURL: String
        var status: Int
        var etag: String?
        var lastModified: String?
        var contentType: String?
        var redirects: [String]
        var sha256: String
        /// When the body was last fetched or revalidated (kept here, never in a dataset).
        var fetchedAt: String
    }

    let directory: URL

    private func paths(_ url: String) -> (meta: URL, body: URL) {
        let key = SHA256Hex.digest(url)
        return (directory.appendingPathComponent("\(key).json"), directory.appendingPathComponent("\(key).body"))
    }

    func load(_ url: String) -> (Entry, [UInt8])? {
        let (metaURL, bodyURL) = paths(url)
        guard let meta = FileManager.default.contents(atPath: metaURL.path),
            let entry = try? JSONDecoder().decode(Entry.self, from: meta), entry.url == url,
            let body = FileManager.default.contents(atPath: bodyURL.path), SHA256Hex.digest(body) == entry.sha256
        else { return nil }
        return (entry, [UInt8](body))
    }

    func store(_ entry: Entry, body: [UInt8]) {
        let (metaURL, bodyURL) = paths(entry.url)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        AtomicFile.save(body, to: bodyURL)
        if let meta = try? JSONEncoder().encode(entry) { AtomicFile.save([UInt8](meta), to: metaURL) }
    }
}
